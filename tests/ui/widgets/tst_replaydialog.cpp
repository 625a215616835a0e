#include "replaydialog.h"

#include "dsn.h"
#include "history.h"
#include "historywriter.h"
#include "settings.h"
#include "storerequest.h"
#include "targetsmodel.h"

#include "historylock.h"
#include "loopbackserver.h"
#include "server/receiverfixture.h"
#include "testsupport.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

// The fixture's project with a secret long enough to be found (or not) in what is shown.
Sentry::ReceiverConfig config()
{
    Sentry::ReceiverConfig config = Fixture::config();
    config.projects.first().keys.first().secretKey = u"s3cretvalue"_s;
    return config;
}

} // namespace

// Replays go to a real receiver on loopback that records into the same history file as the
// dialog: the original is what the receiver got, the replay is recorded linked to it.
class TestReplayDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.freshFile(u"history.sqlite"_s);
        m_receiver = std::make_unique<ReceiverFixture>(config(), m_path);
        QVERIFY2(m_receiver->isOk(), qPrintable(m_receiver->error()));
        QVERIFY(m_history.open(m_path));
        m_dsn = u"http://pub:s3cretvalue@127.0.0.1:%1/1"_s.arg(m_receiver->port());
        // The original: a store request as a client sends it, received and recorded.
        const auto request = Sentry::StoreRequest::build(Sentry::Dsn::parse(m_dsn), Fixture::Event, {});
        QVERIFY(request);
        Sentry::RawHttpSender sender;
        QSignalSpy sent(&sender, &Sentry::RawHttpSender::finished);
        sender.send(request->url(), request->toHttp());
        QVERIFY(sent.wait(5000));
        QTRY_COMPARE(m_receiver->exchangeCount(), 1);
        const auto original = m_history.exchange(m_receiver->exchanges().constFirst().id);
        QVERIFY(original);
        QCOMPARE(original->status, 200);
        m_original = *original;
    }

    void cleanupTestCase() { m_receiver.reset(); }

    void exact_replayIsRecordedAndLinked()
    {
        ReplayDialog dialog(m_original, nullptr, m_receiver->writer());
        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        dialog.setDsnText(m_dsn);
        QVERIFY(dialog.isExact());
        const qsizetype received = m_receiver->exchangeCount();
        QVERIFY(dialog.send());
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(5000));
        const Sentry::ReplayOutcome outcome = *dialog.outcome();
        QVERIFY2(dialog.verdictText().startsWith(u"Stored"_s), qPrintable(dialog.verdictText()));
        QVERIFY(dialog.verdictText().contains(u"Recorded as #%1, a replay of #%2"_s.arg(outcome.replay.id).arg(m_original.id)));
        const auto stored = m_history.exchange(outcome.replay.id);
        QVERIFY(stored);
        QCOMPARE(stored->replayOf, m_original.id);
        QCOMPARE(stored->status, 200);
        // The receiver got the very bytes of the original body and its headers in order.
        QTRY_COMPARE(m_receiver->exchangeCount(), received + 1);
        const Sentry::Exchange arrived = m_receiver->exchanges().constLast();
        QCOMPARE(arrived.requestBody, m_original.requestBody);
        QCOMPARE(arrived.eventId, m_original.eventId);
        QCOMPARE(arrived.requestHeaders.size(), m_original.requestHeaders.size());

        QSignalSpy compare(&dialog, &ReplayDialog::compareRequested);
        dialog.findChild<QPushButton *>(u"compareReplayButton"_s)->click();
        QCOMPARE(compare.at(0), (QVariantList{m_original.id, outcome.replay.id}));
    }

    void rebuilt_freshIdAndOtherEncoding()
    {
        ReplayDialog dialog(m_original, nullptr, m_receiver->writer());
        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        dialog.setDsnText(m_dsn);
        dialog.setExact(false);
        dialog.setEncoding(Sentry::BodyEncoding::Base64Zlib);
        dialog.setFreshEventId(true);
        dialog.setFreshTimestamp(true);
        QVERIFY(dialog.send());
        QVERIFY(finished.wait(5000));
        const Sentry::ReplayOutcome outcome = *dialog.outcome();
        QCOMPARE(outcome.replay.status, 200);
        QCOMPARE(outcome.replay.encoding, u"base64-zlib"_s);
        QVERIFY(outcome.replay.requestBody != m_original.requestBody);
        QCOMPARE(outcome.replay.eventId.size(), 32);
        QVERIFY(outcome.replay.eventId != m_original.eventId); // a fresh id
        QTRY_COMPARE(m_receiver->exchanges().constLast().eventId, outcome.replay.eventId);
        QCOMPARE(m_receiver->exchanges().constLast().encoding, u"base64-zlib"_s);
        QCOMPARE(m_history.exchange(outcome.replay.id)->replayOf, m_original.id);
    }

    void targets_offerSavedDsnsWithTheSecretMasked()
    {
        TargetsModel targets;
        Target target;
        target.id = u"t1"_s;
        target.name = u"Local"_s;
        target.dsn = m_dsn;
        targets.setTargets({target});
        ReplayDialog dialog(m_original, &targets, m_receiver->writer());
        dialog.selectTarget(0);
        QCOMPARE(dialog.dsnText(), m_dsn);
        auto *combo = dialog.findChild<QComboBox *>();
        QVERIFY(combo->currentText().startsWith(u"Local — "_s));
        QVERIFY2(!combo->currentText().contains(u"s3cretvalue"_s), qPrintable(combo->currentText()));
        QCOMPARE(combo->count(), 2); // the target and "another DSN"
    }

    void send_refusesWhatCannotBeBuilt()
    {
        ReplayDialog dialog(m_original, nullptr, m_receiver->writer());
        dialog.setDsnText(u"not a dsn"_s);
        QVERIFY(!dialog.send());
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.verdictText().startsWith(u"Cannot replay\nthe DSN is not usable"_s), qPrintable(dialog.verdictText()));
        dialog.setDsnText({});
        QVERIFY(!dialog.send());
        QVERIFY(dialog.verdictText().startsWith(u"No DSN"_s));
    }

    void cancel_endsAReplayThatGetsNoAnswer()
    {
        LoopbackServer silent;
        QVERIFY(silent.listen());
        silent.setDefaultResponse(ScriptedResponse::neverAnswers());
        ReplayDialog dialog(m_original, nullptr, m_receiver->writer());
        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        dialog.setDsnText(u"http://pub:s3cretvalue@127.0.0.1:%1/1"_s.arg(silent.port()));
        dialog.show();
        QVERIFY(dialog.send());
        QTRY_COMPARE(silent.requests().size(), 1);
        dialog.reject(); // Escape or Close while running cancels, and the dialog stays
        QVERIFY(finished.size() == 1 || finished.wait(5000));
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.verdictText().startsWith(u"Cancelled"_s), qPrintable(dialog.verdictText()));
        QVERIFY(dialog.isVisible()); // not closed by the cancel
        dialog.reject();
        QVERIFY(!dialog.isVisible()); // now it closes
    }

    void timeout_isTheDeadline()
    {
        LoopbackServer silent;
        QVERIFY(silent.listen());
        silent.setDefaultResponse(ScriptedResponse::neverAnswers());
        ReplayDialog dialog(m_original, nullptr, m_receiver->writer());
        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        dialog.setDsnText(u"http://pub:s3cretvalue@127.0.0.1:%1/1"_s.arg(silent.port()));
        dialog.setTimeoutSeconds(1);
        QVERIFY(dialog.send());
        QVERIFY(finished.wait(5000));
        QVERIFY2(dialog.verdictText().startsWith(u"Timed out"_s), qPrintable(dialog.verdictText()));
    }

    // The row goes through the writer: a history another process holds locked delays the record,
    // never the window (the GUI thread would otherwise wait out SQLite's 5 s busy timeout).
    void send_recordsOffTheWindowsThread()
    {
        Sentry::HistoryWriter writer;
        QString error;
        QVERIFY2(writer.open(m_dir.freshFile(u"locked.sqlite"_s), &error), qPrintable(error));
        HistoryLock lock(writer.path());
        QVERIFY(lock.isHeld());
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::stored("fc6d8c0c43fc4630ad850ee518f1b9d0"));
        ReplayDialog dialog(m_original, nullptr, &writer);
        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        dialog.setDsnText(u"http://pub:s3cretvalue@127.0.0.1:%1/1"_s.arg(server.port()));
        QVERIFY(dialog.send());
        QTRY_COMPARE(server.requests().size(), 1);
        QElapsedTimer responsive;
        responsive.start();
        QVERIFY(!finished.wait(500)); // the answer came; the row waits for the lock
        QVERIFY2(responsive.elapsed() < 2500, qPrintable(u"the window was held %1 ms"_s.arg(responsive.elapsed())));
        QVERIFY(dialog.isRunning());
        QVERIFY(lock.release());
        QVERIFY(finished.wait(5000));
        const Sentry::ReplayOutcome outcome = *dialog.outcome();
        QCOMPARE(outcome.historyError, QString());
        QVERIFY(outcome.replay.id > 0);
        QCOMPARE(outcome.replay.replayOf, m_original.id);
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.verdictText().contains(u"Recorded as #%1"_s.arg(outcome.replay.id)), qPrintable(dialog.verdictText()));
    }

    void noHistory_theReplayIsSentAndSaysItWasNotRecorded()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        ReplayDialog dialog(m_original, nullptr, nullptr);
        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        dialog.setDsnText(u"http://pub:s3cretvalue@127.0.0.1:%1/1"_s.arg(server.port()));
        QVERIFY(dialog.send());
        QVERIFY(finished.wait(5000));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(dialog.outcome()->replay.id, 0);
        QVERIFY(!dialog.outcome()->historyError.isEmpty());
        QVERIFY2(dialog.verdictText().contains(dialog.outcome()->historyError), qPrintable(dialog.verdictText()));
    }

private:
    TestSupport::Sandbox m_dir;
    QString m_path;
    QString m_dsn;
    std::unique_ptr<ReceiverFixture> m_receiver;
    Sentry::History m_history;
    Sentry::Exchange m_original;
};

QTEST_MAIN(TestReplayDialog)
#include "tst_replaydialog.moc"
