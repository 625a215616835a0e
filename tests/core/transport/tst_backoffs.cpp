#include "backoffs.h"
#include "dsn.h"
#include "storerequest.h"
#include "testsupport.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

StoreRequest requestFor(const QString &dsn, bool legacy = false)
{
    StoreRequestOptions options;
    options.useLegacyEndpoint = legacy;
    return *StoreRequest::build(Dsn::parse(dsn), "{}", options);
}

SendResult answered(int status)
{
    RawResponse response;
    response.status = status;
    response.headers = {{"X-Sentry-Error", "x"}};
    if (status == 200)
        response.body = R"({"id": "fc6d8c0c43fc4630ad850ee518f1b9d0"})";
    return SendResult::classify(response, QDateTime::currentDateTimeUtc());
}

} // namespace

class TestBackoffs : public QObject
{
    Q_OBJECT

private:
    TestSupport::ManualClock m_clock;

private Q_SLOTS:
    void targetOf_namesEndpointProjectAndKey_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("legacy");
        QTest::addColumn<bool>("same");
        QTest::addRow("same DSN") << u"http://k:s@h:9000/1"_s << u"http://k:s@h:9000/1"_s << false << true;
        QTest::addRow("another secret, same target")
            << u"http://k:s@h:9000/1"_s << u"http://k:other@h:9000/1"_s << false << true;
        QTest::addRow("a timeout option does not change the target")
            << u"http://k:s@h:9000/1"_s << u"http://k:s@h:9000/1?timeout=9"_s << false << true;
        QTest::addRow("another project") << u"http://k:s@h:9000/1"_s << u"http://k:s@h:9000/2"_s << false << false;
        QTest::addRow("another port") << u"http://k:s@h:9000/1"_s << u"http://k:s@h:9001/1"_s << false << false;
        QTest::addRow("another host") << u"http://k:s@h:9000/1"_s << u"http://k:s@g:9000/1"_s << false << false;
        QTest::addRow("another path prefix")
            << u"http://k:s@h:9000/a/1"_s << u"http://k:s@h:9000/b/1"_s << false << false;
        QTest::addRow("legacy endpoint: the key names the project")
            << u"http://k:s@h:9000/1"_s << u"http://j:s@h:9000/1"_s << true << false;
    }
    void targetOf_namesEndpointProjectAndKey()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, legacy);
        QFETCH(bool, same);
        const QString a = Backoffs::targetOf(requestFor(first, legacy));
        const QString b = Backoffs::targetOf(requestFor(second, legacy));
        QCOMPARE(a == b, same);
        QVERIFY2(!a.contains(u"s@"_s) && !a.contains(u"sentry_secret"_s), qPrintable(a));
    }

    void record_keepsEachTargetsStreakApart()
    {
        Backoffs backoffs(m_clock.clock());
        const QString a = Backoffs::targetOf(requestFor(u"http://k:s@h/1"_s));
        const QString b = Backoffs::targetOf(requestFor(u"http://k:s@h/2"_s));
        for (int i = 0; i < 4; ++i)
            backoffs.record(a, answered(429));
        const BackoffState stateB = backoffs.record(b, answered(500));
        QCOMPARE(stateB.failures, 1);
        QCOMPARE(stateB.delaySeconds, qint64(1));
        QVERIFY2(stateB.reason.contains(u"after 1 consecutive"_s), qPrintable(stateB.reason));
        QCOMPARE(backoffs.state(a).failures, 4);
        QCOMPARE(backoffs.msUntilReady(a), qint64(16000));
        QCOMPARE(backoffs.msUntilReady(b), qint64(1000));
        m_clock.advance(1);
        QVERIFY(backoffs.canSendNow(b));
        QVERIFY(!backoffs.canSendNow(a));
        backoffs.record(b, answered(200));
        QCOMPARE(backoffs.state(b).phase, BackoffState::Phase::Ready);
        QCOMPARE(backoffs.state(a).failures, 4); // a success elsewhere says nothing about A
    }

    void state_isReadyForAnUnknownTarget()
    {
        Backoffs backoffs(m_clock.clock());
        QCOMPARE(backoffs.state(u"nowhere"_s).phase, BackoffState::Phase::Ready);
        QVERIFY(backoffs.canSendNow(u"nowhere"_s));
        QVERIFY(backoffs.targets().isEmpty());
        backoffs.record(u"t"_s, answered(500));
        QCOMPARE(backoffs.targets(), QStringList{u"t"_s});
        backoffs.reset(u"t"_s);
        QCOMPARE(backoffs.state(u"t"_s).failures, 0);
    }
};

QTEST_GUILESS_MAIN(TestBackoffs)
#include "tst_backoffs.moc"
