#include "loopbackserver.h"
#include "testsupport.h"
#include "sendsession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {
const QByteArray EventJson = R"({"event_id":"fc6d8c0c43fc4630ad850ee518f1b9d0","message":"hi"})";

SendResult resultOf(const QSignalSpy &finished, qsizetype attempt)
{
    return finished.at(attempt).at(0).value<SendResult>();
}
BackoffState stateOf(const QSignalSpy &finished, qsizetype attempt)
{
    return finished.at(attempt).at(1).value<BackoffState>();
}
} // namespace

class TestSendSession : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_manager;
    TestSupport::ManualClock m_clock;

private Q_SLOTS:
    void send_waitsAsTheBackoffSaysThenSends_data()
    {
        QTest::addColumn<ScriptedResponse>("failure");
        QTest::addColumn<qint64>("waitMs");
        QTest::addRow("500: min(1, 6)² s") << ScriptedResponse::sentryError(500, "") << qint64(1000);
        QTest::addRow("429 with Retry-After: 7 s")
            << ScriptedResponse::sentryError(429, "slow down").withHeader("Retry-After", "7") << qint64(7000);
    }
    void send_waitsAsTheBackoffSaysThenSends()
    {
        QFETCH(ScriptedResponse, failure);
        QFETCH(qint64, waitMs);
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(failure);
        SendSession session(&m_manager, m_clock.clock());
        QSignalSpy waiting(&session, &SendSession::waiting);
        QSignalSpy finished(&session, &SendSession::attemptFinished);
        const StoreRequest request = storeRequestFor(server.dsn(), EventJson);

        QVERIFY(session.send(request)); // the backoff is ready: at once, without a wait
        QVERIFY(finished.wait(5000));
        QCOMPARE(waiting.size(), 0);
        QCOMPARE(stateOf(finished, 0).phase, BackoffState::Phase::Waiting);
        QCOMPARE(stateOf(finished, 0).delaySeconds * 1000, waitMs);

        QVERIFY(session.send(request)); // the second attempt waits for the backoff
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.at(0).at(0).toLongLong(), waitMs);
        QVERIFY(session.isWaiting());
        QVERIFY(!session.send(request)); // one attempt at a time
        session.resume(); // the clock has not moved: still waiting, nothing sent
        QVERIFY(session.isWaiting());
        QCOMPARE(server.requests().size(), 1);

        m_clock.now = m_clock.now.addMSecs(waitMs);
        session.resume();
        QVERIFY(!session.isWaiting());
        QVERIFY(finished.wait(5000));
        QVERIFY(resultOf(finished, 1).isAccepted());
        QCOMPARE(stateOf(finished, 1).phase, BackoffState::Phase::Ready);
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(waiting.size(), 1); // once per attempt, not per timer round
    }

    void send_waitEndsByItself()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(503, "down"));
        SendSession session(&m_manager); // the real clock: the 1 s wait passes
        QSignalSpy finished(&session, &SendSession::attemptFinished);
        const StoreRequest request = storeRequestFor(server.dsn(), EventJson);
        QVERIFY(session.send(request));
        QVERIFY(finished.wait(5000));
        QVERIFY(session.send(request));
        QVERIFY(session.isWaiting());
        QVERIFY(finished.wait(10000));
        QVERIFY(resultOf(finished, 1).isAccepted());
        QCOMPARE(server.requests().size(), 2);
    }

    void send_nowIgnoresTheWaitAndRecordsTheAnswer()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(500, ""));
        server.enqueue(ScriptedResponse::sentryError(500, ""));
        SendSession session(&m_manager, m_clock.clock());
        QSignalSpy waiting(&session, &SendSession::waiting);
        QSignalSpy finished(&session, &SendSession::attemptFinished);
        const StoreRequest request = storeRequestFor(server.dsn(), EventJson);
        for (int attempt = 0; attempt < 3; ++attempt) {
            QVERIFY(session.send(request, SendSession::Pace::Now));
            QTRY_COMPARE(finished.size(), attempt + 1);
        }
        QCOMPARE(waiting.size(), 0);
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(stateOf(finished, 1).failures, 2); // each answer was recorded: min(2, 6)² s
        QCOMPARE(stateOf(finished, 1).delaySeconds, qint64(4));
        QVERIFY(resultOf(finished, 2).isAccepted());
        QCOMPARE(session.backoffState().phase, BackoffState::Phase::Ready);
    }

    void send_deterministicRefusalIsNotWaitedFor()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(403, "Invalid api key"));
        SendSession session(&m_manager, m_clock.clock());
        QSignalSpy waiting(&session, &SendSession::waiting);
        QSignalSpy finished(&session, &SendSession::attemptFinished);
        const StoreRequest request = storeRequestFor(server.dsn(), EventJson);
        QVERIFY(session.send(request));
        QVERIFY(finished.wait(5000));
        QCOMPARE(resultOf(finished, 0).verdict, Verdict::AuthFailed);
        QCOMPARE(stateOf(finished, 0).phase, BackoffState::Phase::WontRetry);
        QCOMPARE(session.msUntilReady(), qint64(0));
        QVERIFY(session.send(request)); // it is the caller's to decide; the session does not wait
        QVERIFY(finished.wait(5000));
        QCOMPARE(waiting.size(), 0);
    }

    // 429s on one project made a 500 on another report "4 failures in a row, waiting 16 s".
    void send_keepsOneBackoffPerTarget()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        for (int i = 0; i < 3; ++i)
            server.enqueue(ScriptedResponse::sentryError(429, "slow down"));
        server.enqueue(ScriptedResponse::sentryError(500, ""));
        SendSession session(&m_manager, m_clock.clock());
        QSignalSpy waiting(&session, &SendSession::waiting);
        QSignalSpy finished(&session, &SendSession::attemptFinished);
        const StoreRequest projectA = storeRequestFor(server.dsn(u"1"_s), EventJson);
        const StoreRequest projectB = storeRequestFor(server.dsn(u"2"_s), EventJson);
        for (int attempt = 0; attempt < 3; ++attempt) {
            QVERIFY(session.send(projectA, SendSession::Pace::Now));
            QTRY_COMPARE(finished.size(), attempt + 1);
        }
        QCOMPARE(stateOf(finished, 2).failures, 3);
        QVERIFY(session.send(projectB)); // project A's wait does not hold project B
        QCOMPARE(waiting.size(), 0);
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(resultOf(finished, 3).status, 500);
        QCOMPARE(stateOf(finished, 3).failures, 1);
        QCOMPARE(stateOf(finished, 3).delaySeconds, qint64(1));
        QCOMPARE(session.backoffState().failures, 1); // the target last sent to
        QCOMPARE(session.backoffState(projectA).failures, 3);
        QCOMPARE(session.backoffState(projectA).phase, BackoffState::Phase::Waiting);
        QVERIFY(session.send(projectA)); // and A still waits for its own 9 s
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.at(0).at(0).value<qint64>(), qint64(9000));
        session.cancel();
    }

    void cancel_endsTheRequestInFlight()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::neverAnswers());
        SendSession session(&m_manager, m_clock.clock());
        QSignalSpy started(&session, &SendSession::attemptStarted);
        QSignalSpy finished(&session, &SendSession::attemptFinished);
        QVERIFY(session.send(storeRequestFor(server.dsn(), EventJson)));
        QCOMPARE(started.size(), 1);
        QVERIFY(session.isBusy());
        QTRY_COMPARE(server.requests().size(), 1);
        session.cancel(); // Qt may finish the aborted reply at once, inside cancel()
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(resultOf(finished, 0).verdict, Verdict::Cancelled);
        QCOMPARE(stateOf(finished, 0).phase, BackoffState::Phase::Ready); // a cancel says nothing of the server
        QVERIFY(!session.isBusy());
    }

    void cancel_dropsAWaitWithoutAnAttempt()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(500, ""));
        SendSession session(&m_manager, m_clock.clock());
        QSignalSpy started(&session, &SendSession::attemptStarted);
        QSignalSpy finished(&session, &SendSession::attemptFinished);
        const StoreRequest request = storeRequestFor(server.dsn(), EventJson);
        QVERIFY(session.send(request));
        QVERIFY(finished.wait(5000));
        QVERIFY(session.send(request));
        QVERIFY(session.isWaiting());
        session.cancel();
        QVERIFY(!session.isBusy());
        m_clock.advance(60);
        session.resume(); // nothing is waiting any more
        QCOMPARE(started.size(), 1);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSendSession)
#include "tst_sendsession.moc"
