#include "backoff.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

SendResult resultWith(int status, Verdict verdict, std::optional<qint64> retryAfter = {})
{
    SendResult result;
    result.status = status;
    result.verdict = verdict;
    result.retryAfterSeconds = retryAfter;
    return result;
}

// A clock the test moves by hand.
struct FakeClock
{
    QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    Backoff::Clock clock() { return [this] { return now; }; }
};

} // namespace

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void record_followsSquaredScheduleCappedAtSix()
    {
        FakeClock clock;
        Backoff backoff(clock.clock());
        const QList<qint64> expected{1, 4, 9, 16, 25, 36, 36};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const BackoffState state = backoff.record(resultWith(503, Verdict::ServerError));
            QCOMPARE(state.failures, i + 1);
            QCOMPARE(state.delaySeconds, expected.at(i));
            QCOMPARE(state.phase, BackoffState::Phase::Waiting);
            QCOMPARE(state.retryAt, clock.now.addSecs(expected.at(i)));
            QVERIFY(!backoff.canSendNow());
            clock.now = clock.now.addMSecs(expected.at(i) * 1000 - 1);
            QCOMPARE(backoff.msUntilReady(), 1);
            clock.now = clock.now.addMSecs(1);
            QVERIFY(backoff.canSendNow());
        }
    }

    void record_transientFailuresBackOff_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Verdict>("verdict");
        QTest::addRow("429") << 429 << Verdict::RateLimited;
        QTest::addRow("500") << 500 << Verdict::ServerError;
        QTest::addRow("503") << 503 << Verdict::ServerError;
        QTest::addRow("timeout") << 0 << Verdict::Timeout;
        QTest::addRow("refused") << 0 << Verdict::Unreachable;
        QTest::addRow("tls") << 0 << Verdict::TlsError;
    }
    void record_transientFailuresBackOff()
    {
        QFETCH(int, status);
        QFETCH(Verdict, verdict);
        FakeClock clock;
        Backoff backoff(clock.clock());
        QCOMPARE(backoff.record(resultWith(status, verdict)).phase, BackoffState::Phase::Waiting);
        QCOMPARE(backoff.msUntilReady(), 1000);
    }

    void record_usesRetryAfterWhenGiven()
    {
        FakeClock clock;
        Backoff backoff(clock.clock());
        const BackoffState state = backoff.record(resultWith(429, Verdict::RateLimited, 42));
        QCOMPARE(state.delaySeconds, 42);
        QVERIFY(state.fromRetryAfter);
        QCOMPARE(state.retryAt, clock.now.addSecs(42));
        QVERIFY(state.reason.contains(u"Retry-After"_s));
        QCOMPARE(backoff.record(resultWith(503, Verdict::ServerError)).delaySeconds, 4);
    }

    void record_successResets()
    {
        FakeClock clock;
        Backoff backoff(clock.clock());
        backoff.record(resultWith(500, Verdict::ServerError));
        backoff.record(resultWith(500, Verdict::ServerError));
        const BackoffState state = backoff.record(resultWith(200, Verdict::Accepted));
        QCOMPARE(state.phase, BackoffState::Phase::Ready);
        QCOMPARE(state.failures, 0);
        QVERIFY(!state.retryAt.isValid());
        QVERIFY(backoff.canSendNow());
        QCOMPARE(backoff.record(resultWith(500, Verdict::ServerError)).delaySeconds, 1);
    }

    void record_deterministicRefusalsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Verdict>("verdict");
        QTest::addRow("400") << 400 << Verdict::InvalidData;
        QTest::addRow("403") << 403 << Verdict::AuthFailed;
    }
    void record_deterministicRefusalsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(Verdict, verdict);
        FakeClock clock;
        Backoff backoff(clock.clock());
        const BackoffState state = backoff.record(resultWith(status, verdict));
        QCOMPARE(state.phase, BackoffState::Phase::WontRetry);
        QCOMPARE(state.failures, 0);
        QVERIFY(state.reason.contains(u"not retried"_s));
        QVERIFY(backoff.canSendNow());
        QVERIFY(Backoff::isDeterministic(resultWith(status, verdict)));
    }

    void record_cancelledChangesNothing()
    {
        FakeClock clock;
        Backoff backoff(clock.clock());
        backoff.record(resultWith(500, Verdict::ServerError));
        QCOMPARE(backoff.record(resultWith(0, Verdict::Cancelled)).failures, 1);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
