#include "dsn.h"
#include "history.h"
#include "historywriter.h"
#include "pairsmodel.h"
#include "responsepanel.h"
#include "storerequest.h"

#include "historylock.h"
#include "loopbackserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

Sentry::StoreRequest requestTo(const LoopbackServer &server)
{
    QString error;
    const auto request = Sentry::StoreRequest::build(Sentry::Dsn::parse(server.dsn()),
                                                     R"({"message": "hi"})", {}, &error);
    return request.value_or(Sentry::StoreRequest());
}

bool hasHeader(const PairsModel *model, const QString &name, const QString &value)
{
    const auto pairs = model->pairs();
    return std::any_of(pairs.begin(), pairs.end(), [&](const PairsModel::Pair &pair) {
        return pair.first.compare(name, Qt::CaseInsensitive) == 0 && pair.second == value;
    });
}

} // namespace

class TestResponsePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void send_storedEventFillsThePanel()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::stored("fc6d8c0c43fc4630ad850ee518f1b9d0"));
        QNetworkAccessManager network;
        ResponsePanel panel(&network);
        QSignalSpy busy(&panel, &ResponsePanel::busyChanged);
        QSignalSpy finished(&panel, &ResponsePanel::sendFinished);

        panel.send(requestTo(server));
        QVERIFY(panel.isBusy());
        QVERIFY(finished.wait());
        QVERIFY(!panel.isBusy());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(panel.lastResult()->verdict, Sentry::Verdict::Accepted);
        QCOMPARE(panel.statusText(), u"200"_s);
        QCOMPARE(panel.eventIdText(), u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s);
        QVERIFY(
            panel.verdictText().contains(ResponsePanel::verdictTitle(Sentry::Verdict::Accepted)));
        QVERIFY(panel.bodyText().contains(u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s));
        QVERIFY(hasHeader(panel.headersModel(), u"content-type"_s, u"application/json"_s));
        QCOMPARE(panel.backoffState().phase, Sentry::BackoffState::Phase::Ready);
        QCOMPARE(server.requests().size(), 1);

        // Protocol Timeline: the last send as an exchange, for the timeline view.
        QCOMPARE(panel.lastExchange()->status, 200);
        QCOMPARE(panel.lastExchange()->direction, Sentry::Exchange::Direction::Out);
        auto *timeline = panel.findChild<QPushButton *>(u"timelineButton"_s);
        QVERIFY(timeline && timeline->isEnabled());
        QSignalSpy requested(&panel, &ResponsePanel::timelineRequested);
        timeline->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().value<Sentry::Exchange>().eventId, panel.lastExchange()->eventId);
    }

    void send_refusalShowsTheVerdictAndServerError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<int>("phase");
        QTest::addRow("403 bad key")
            << 403 << QByteArray("Invalid api key") << int(Sentry::Verdict::AuthFailed)
            << int(Sentry::BackoffState::Phase::WontRetry);
        QTest::addRow("400 bad message")
            << 400 << QByteArray("Invalid value for message") << int(Sentry::Verdict::InvalidData)
            << int(Sentry::BackoffState::Phase::WontRetry);
        QTest::addRow("500 crash") << 500 << QByteArray() << int(Sentry::Verdict::ServerError)
                                   << int(Sentry::BackoffState::Phase::Waiting);
    }
    void send_refusalShowsTheVerdictAndServerError()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, error);
        QFETCH(int, verdict);
        QFETCH(int, phase);
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(status, error));
        QNetworkAccessManager network;
        ResponsePanel panel(&network);
        QSignalSpy finished(&panel, &ResponsePanel::sendFinished);
        panel.send(requestTo(server));
        QVERIFY(finished.wait());

        const auto result = finished.at(0).at(0).value<Sentry::SendResult>();
        QCOMPARE(int(result.verdict), verdict);
        QCOMPARE(panel.statusText(), QString::number(status));
        QVERIFY(
            panel.verdictText().contains(ResponsePanel::verdictTitle(Sentry::Verdict(verdict))));
        QVERIFY(panel.eventIdText().isEmpty());
        if (!error.isEmpty()) // an empty header may not survive the trip; the status tells a 500
            QVERIFY(hasHeader(panel.headersModel(), u"X-Sentry-Error"_s, QString::fromUtf8(error)));
        QCOMPARE(int(panel.backoffState().phase), phase);
        QVERIFY(!panel.backoffText().isEmpty());
    }

    void cancel_endsTheSendAsCancelled()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::neverAnswers());
        QNetworkAccessManager network;
        ResponsePanel panel(&network);
        QSignalSpy finished(&panel, &ResponsePanel::sendFinished);
        panel.send(requestTo(server));
        QTRY_COMPARE(server.connectionCount(), 1);
        panel.cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(panel.lastResult()->verdict, Sentry::Verdict::Cancelled);
        QVERIFY(!panel.isBusy());
    }

    void send_recordsEachExchangeInTheHistory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sentry::HistoryWriter writer;
        QString error;
        QVERIFY2(writer.open(dir.filePath(u"history.sqlite"_s), &error), qPrintable(error));
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::stored("fc6d8c0c43fc4630ad850ee518f1b9d0"));
        server.enqueue(ScriptedResponse::sentryError(403, "Invalid api key"));
        QNetworkAccessManager network;
        ResponsePanel panel(&network);
        panel.setHistory(&writer);
        QSignalSpy finished(&panel, &ResponsePanel::sendFinished);
        QSignalSpy recorded(&panel, &ResponsePanel::sendRecorded);
        const Sentry::StoreRequest request = requestTo(server);

        panel.send(request);
        QVERIFY(finished.wait());
        panel.send(request);
        QVERIFY(finished.wait());
        QTRY_COMPARE(recorded.count(), 2);

        QVERIFY2(panel.historyError().isEmpty(), qPrintable(panel.historyError()));
        Sentry::History history;
        QVERIFY2(history.open(writer.path(), &error), qPrintable(error));
        const QList<Sentry::Exchange> stored = history.search({}, &error); // newest first
        QCOMPARE(panel.lastExchange()->id, stored.at(0).id); // its timeline names the row
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).status, 403);
        QCOMPARE(stored.at(1).status, 200);
        for (const Sentry::Exchange &exchange : stored) {
            QCOMPARE(exchange.direction, Sentry::Exchange::Direction::Out);
            QCOMPARE(exchange.requestBody, request.body());
            QCOMPARE(exchange.url, request.url().toEncoded());
            QCOMPARE(exchange.message, u"hi"_s);
        }
        QVERIFY(!stored.at(1).eventId.isEmpty());
        QVERIFY(stored.at(0).responseBody.contains("Invalid api key"));
        QCOMPARE(server.requests().size(), 2);
    }

    // The row is written on the history writer's thread: a database another process holds locked
    // (for up to the 5 s SQLite waits) delays the record, never the answer shown in the window.
    void send_recordsOffTheWindowsThread()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sentry::HistoryWriter writer;
        QString error;
        QVERIFY2(writer.open(dir.filePath(u"history.sqlite"_s), &error), qPrintable(error));
        HistoryLock lock(writer.path());
        QVERIFY(lock.isHeld());
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::stored("fc6d8c0c43fc4630ad850ee518f1b9d0"));
        QNetworkAccessManager network;
        ResponsePanel panel(&network);
        panel.setHistory(&writer);
        QSignalSpy finished(&panel, &ResponsePanel::sendFinished);
        QSignalSpy recorded(&panel, &ResponsePanel::sendRecorded);
        QElapsedTimer elapsed;
        elapsed.start();
        panel.send(requestTo(server));
        QVERIFY(finished.wait());
        QVERIFY2(elapsed.elapsed() < 2500, qPrintable(u"the answer took %1 ms"_s.arg(elapsed.elapsed())));
        QCOMPARE(panel.statusText(), u"200"_s);
        QCOMPARE(recorded.count(), 0); // still waiting for the lock
        QVERIFY(lock.release());
        QVERIFY(recorded.wait());
        QCOMPARE(recorded.first().at(1).toString(), QString());
        QVERIFY(recorded.first().first().value<Sentry::Exchange>().id > 0);
        QCOMPARE(panel.lastExchange()->id, recorded.first().first().value<Sentry::Exchange>().id);
    }
};

QTEST_MAIN(TestResponsePanel)
#include "tst_responsepanel.moc"
