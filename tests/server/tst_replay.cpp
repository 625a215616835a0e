#include "dsn.h"
#include "history.h"
#include "loopbackserver.h"
#include "replay.h"
#include "replayjob.h"
#include "sendresult.h"

#include <QStandardPaths>
#include <QTemporaryDir>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

Exchange recordedOriginal()
{
    Exchange e;
    e.at = QDateTime::currentDateTimeUtc();
    e.method = "POST";
    e.url = "/api/1/store/";
    e.eventJson = R"({"event_id":"0123456789abcdef0123456789abcdef","message":"m"})";
    e.requestBody = e.eventJson;
    e.requestHeaders = {{"Host", "example.com"}, {"X-Sentry-Auth", "Sentry sentry_key=pub, sentry_secret=sec"},
                        {"Content-Type", "application/json"},
                        {"Content-Length", QByteArray::number(e.requestBody.size())}};
    e.encoding = u"json"_s;
    e.status = 200;
    return e;
}

} // namespace

// A replay is one ReplayJob in the CLI and the GUI: built, sent without blocking, recorded once and
// linked to its original; and one side of the GUI's comparison as lines.
class TestReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // History files only in a scratch folder.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void job_recordsTheReplayLinkedToItsOriginal()
    {
        History history;
        QVERIFY(history.open(m_dir.filePath(u"linked.sqlite"_s)));
        QList<Exchange> originals = {recordedOriginal()};
        QVERIFY(history.insert(originals));
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::stored("0123456789abcdef0123456789abcdef"));
        ReplayJob job(&history);
        QSignalSpy finished(&job, &ReplayJob::finished);
        QString error;
        const Dsn dsn = Dsn::parse(u"http://pub:sec@127.0.0.1:%1/1"_s.arg(server.port()));
        QVERIFY2(job.start(originals.constFirst(), dsn, {}, &error), qPrintable(error));
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(5000));
        QVERIFY(!job.isRunning());
        const auto outcome = finished.at(0).at(0).value<ReplayOutcome>();
        QCOMPARE(outcome.historyError, QString());
        QCOMPARE(outcome.response.status, 200);
        QVERIFY(outcome.replay.id > originals.constFirst().id);
        const auto stored = history.exchange(outcome.replay.id);
        QVERIFY(stored);
        QCOMPARE(stored->replayOf, originals.constFirst().id);
        QCOMPARE(stored->direction, Exchange::Direction::Out);
        QCOMPARE(stored->requestBody, originals.constFirst().requestBody); // exact: the same bytes
        QCOMPARE(LoopbackServer::body(server.requests().constFirst()), originals.constFirst().requestBody);
    }

    void job_refusesWhatCannotBeBuiltAndSendsNothing()
    {
        ReplayJob job(nullptr);
        QString error;
        Exchange refused = recordedOriginal();
        refused.eventJson.clear();
        ReplayOptions rebuild;
        rebuild.exact = false;
        QVERIFY(!job.start(refused, Dsn::parse(u"http://pub:sec@127.0.0.1:9/1"_s), rebuild, &error));
        QVERIFY2(error.contains(u"no decoded event"_s), qPrintable(error));
        QVERIFY(!job.isRunning());
    }

    void job_cancelEndsTheExchangeAsCancelled()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::neverAnswers());
        ReplayJob job(nullptr);
        QSignalSpy finished(&job, &ReplayJob::finished);
        QVERIFY(job.start(recordedOriginal(), Dsn::parse(u"http://pub:sec@127.0.0.1:%1/1"_s.arg(server.port())), {}));
        QTRY_COMPARE(server.requests().size(), 1);
        job.cancel();
        QVERIFY(finished.size() == 1 || finished.wait(5000));
        const auto outcome = finished.at(0).at(0).value<ReplayOutcome>();
        const SendResult result = SendResult::classify(outcome.response, QDateTime::currentDateTimeUtc());
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Cancelled));
        QCOMPARE(outcome.replay.status, 0);
        QCOMPARE(outcome.historyError, u"no history is open to record it in"_s);
    }

    void comparisonLines_sectionsInOrder()
    {
        Exchange e = recordedOriginal();
        e.responseHeaders = {{"X-Sentry-Error", "nope"}};
        e.responseBody = "body";
        e.status = 403;
        const QStringList lines = Replay::comparisonLines(e);
        QCOMPARE(lines.at(0), u"# request"_s);
        QCOMPARE(lines.at(1), u"POST /api/1/store/"_s);
        QCOMPARE(lines.at(2), u"Host: example.com"_s);
        e.url = "http://127.0.0.1:9000/api/1/store/?x=%20"; // as a sent exchange keeps it
        QCOMPARE(Replay::comparisonLines(e).at(1), u"POST /api/1/store/?x=%20"_s);
        QVERIFY(lines.contains(u"# event (json)"_s));
        QVERIFY(lines.contains(u"  \"message\": \"m\""_s)); // indented, key order kept
        const qsizetype answer = lines.indexOf(u"# answer"_s);
        QCOMPARE(lines.mid(answer + 1), (QStringList{u"403"_s, u"X-Sentry-Error: nope"_s, u"body"_s}));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
