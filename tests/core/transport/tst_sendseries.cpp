// SendSeries: N attempts through a SendSession, each when the backoff allows it (timed with an
// injected clock), spaced by an interval, ending early at a deterministic refusal or when stopped.

#include "loopbackserver.h"
#include "sendseries.h"
#include "sendsession.h"
#include "testsupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {
const QByteArray EventJson = R"({"event_id":"fc6d8c0c43fc4630ad850ee518f1b9d0","message":"hi"})";
using End = SendSeries::End;
} // namespace

class TestSendSeries : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_manager;
    TestSupport::ManualClock m_clock;

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<SendSeries::End>(); }

    // 429 with Retry-After 5, then 200: the second attempt starts 5 s (of the clock) after the first.
    void series_waitsOutRetryAfterThenCompletes()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(429, "slow down").withHeader("Retry-After", "5"));
        SendSession session(&m_manager, m_clock.clock());
        SendSeries series(&session, m_clock.clock());
        QSignalSpy waiting(&series, &SendSeries::waiting);
        QSignalSpy attempts(&series, &SendSeries::attemptFinished);
        QSignalSpy finished(&series, &SendSeries::finished);
        const QDateTime t0 = m_clock.now;

        QVERIFY(series.start(storeRequestFor(server.dsn(), EventJson), {2, 0}));
        QVERIFY(!series.start(storeRequestFor(server.dsn(), EventJson), {2, 0})); // one at a time
        QTRY_COMPARE(waiting.size(), 1);
        QCOMPARE(waiting.at(0).at(0).toInt(), 2);
        QCOMPARE(waiting.at(0).at(1).toLongLong(), qint64(5000));
        QCOMPARE(waiting.at(0).at(2).value<SendSeries::Wait>(), SendSeries::Wait::Backoff);
        QCOMPARE(series.waitKind(), SendSeries::Wait::Backoff);
        QCOMPARE(series.waitingUntil(), t0.addSecs(5));
        QCOMPARE(server.requests().size(), 1);

        m_clock.advance(5);
        session.resume();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<End>(), End::Completed);
        const QList<SeriesAttempt> done = series.attempts();
        QCOMPARE(done.size(), 2);
        QCOMPARE(done.at(0).result.verdict, Verdict::RateLimited);
        QCOMPARE(done.at(0).state.delaySeconds, qint64(5));
        QVERIFY(done.at(0).state.fromRetryAfter);
        QCOMPARE(done.at(0).startedAt, t0);
        QCOMPARE(done.at(1).startedAt, t0.addSecs(5));
        QVERIFY(done.at(1).result.isAccepted());
        QCOMPARE(attempts.size(), 2);
        QVERIFY(!series.isRunning());
    }

    void series_intervalSpacesTheAttempts()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        SendSession session(&m_manager, m_clock.clock());
        SendSeries series(&session, m_clock.clock());
        QSignalSpy waiting(&series, &SendSeries::waiting);
        QSignalSpy attempts(&series, &SendSeries::attemptFinished);
        QVERIFY(series.start(storeRequestFor(server.dsn(), EventJson), {3, 2000}));
        QTRY_COMPARE(waiting.size(), 1);
        QCOMPARE(waiting.at(0).at(2).value<SendSeries::Wait>(), SendSeries::Wait::Interval);
        series.resume(); // the clock has not moved: still waiting
        QCOMPARE(attempts.size(), 1);
        m_clock.advance(2);
        series.resume();
        QTRY_COMPARE(waiting.size(), 2);
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(series.attempts().at(1).startedAt.secsTo(series.waitingUntil()), qint64(2));
    }

    void series_endsAtADeterministicRefusal()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::sentryError(403, "Invalid api key"));
        SendSession session(&m_manager, m_clock.clock());
        SendSeries series(&session, m_clock.clock());
        QSignalSpy finished(&series, &SendSeries::finished);
        QVERIFY(series.start(storeRequestFor(server.dsn(), EventJson), {5, 0}));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<End>(), End::Refused);
        QCOMPARE(series.attempts().size(), 1);
        QCOMPARE(server.requests().size(), 1);
    }

    void series_stopsWhenAskedWhileWaiting()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::sentryError(429, "slow down").withHeader("Retry-After", "30"));
        SendSession session(&m_manager, m_clock.clock());
        SendSeries series(&session, m_clock.clock());
        QSignalSpy waiting(&series, &SendSeries::waiting);
        QSignalSpy finished(&series, &SendSeries::finished);
        QVERIFY(series.start(storeRequestFor(server.dsn(), EventJson), {5, 0}));
        QTRY_COMPARE(waiting.size(), 1);
        series.stop();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<End>(), End::Stopped);
        QVERIFY(!session.isBusy());
        m_clock.advance(30);
        session.resume(); // the dropped wait sends nothing
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(series.attempts().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSendSeries)
#include "tst_sendseries.moc"
