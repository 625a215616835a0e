// The receiver's judge thread: decisions equal to the judge's own, batches and requests kept in
// order, each batch judged under the configuration it was handed over with, callbacks on the
// caller's thread, and a thread that ends with batches still queued.

#include "judgethread.h"
#include "judgefixture.h"

#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const QByteArray Auth = "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_key=pub, sentry_secret=sec";

ReceiverConfig config(const QString &publicKey = u"pub"_s)
{
    ReceiverConfig config;
    config.projects = {{u"1"_s, u"web"_s, {{publicKey, u"sec"_s}}}};
    return config;
}


ReceivedRequest post(const QByteArray &message)
{
    const QByteArray body = R"({"message":")" + message + R"(","timestamp":"2013-05-02T17:41:36"})";
    return {"POST", "/api/1/store/", {{"X-Sentry-Auth", Auth}}, body, u"127.0.0.1"_s};
}

// Batches as they come back, each a list of (message, status).
using Results = QList<QList<std::pair<QString, int>>>;

} // namespace

class tst_JudgeThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judge_decidesAsTheJudgeDoes();
    void judge_keepsBatchesAndRequestsInOrder();
    void judge_handsBackAChunkAtATime();
    void judge_eachBatchUnderItsOwnConfiguration();
    void judge_callsBackOnTheCallersThread();
    void destroy_withBatchesQueued();
};

void tst_JudgeThread::judge_decidesAsTheJudgeDoes()
{
    QObject context;
    JudgeThread judges(&context);
    const QList<ReceivedRequest> requests = {
        post("accepted"),
        {"POST", "/api/1/store/", {{"X-Sentry-Auth", Auth}}, "{not json", u"127.0.0.1"_s},
        {"GET", "/api/9/store/", {}, {}, u"127.0.0.1"_s},
        {"OPTIONS", "/api/1/store/", {{"Origin", "https://a.example"}}, {}, u"127.0.0.1"_s},
    };
    QList<JudgeThread::Judged> judged;
    bool called = false;
    judges.judge(requests, config(), fixedClock(), [&](QList<JudgeThread::Judged> result) {
        judged = std::move(result);
        called = true;
    });
    QTRY_VERIFY(called);
    QCOMPARE(judged.size(), requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const Decision direct = RequestJudge::judge(requests.at(i), config(), fixedClock());
        QCOMPARE(judged.at(i).request.body, requests.at(i).body);
        QCOMPARE(judged.at(i).decision.toJson(), direct.toJson());
        QCOMPARE(judged.at(i).decision.answer.toHttp(true, false), direct.answer.toHttp(true, false));
        QVERIFY(judged.at(i).durationMs >= 0);
    }
    QCOMPARE(judged.at(0).decision.answer.status, 200);
    QCOMPARE(judged.at(1).decision.answer.status, 403); // the v4 server's answer to a body it cannot decode
}

void tst_JudgeThread::judge_keepsBatchesAndRequestsInOrder()
{
    QObject context;
    JudgeThread judges(&context);
    Results results;
    for (int batch = 0; batch < 20; ++batch) {
        QList<ReceivedRequest> requests;
        for (int i = 0; i <= batch % 4; ++i) // batches of 1 to 4
            requests.append(post(QByteArray::number(batch) + '.' + QByteArray::number(i)));
        judges.judge(requests, config(), fixedClock(), [&](QList<JudgeThread::Judged> judged) {
            QList<std::pair<QString, int>> batchResult;
            for (const JudgeThread::Judged &j : judged)
                batchResult.append({j.decision.storedEvent.value("message"_L1).toString(), j.decision.answer.status});
            results.append(batchResult);
        });
    }
    QTRY_COMPARE(results.size(), 20);
    for (int batch = 0; batch < 20; ++batch) {
        QCOMPARE(results.at(batch).size(), batch % 4 + 1);
        for (int i = 0; i <= batch % 4; ++i)
            QCOMPARE(results.at(batch).at(i), std::make_pair(u"%1.%2"_s.arg(batch).arg(i), 200));
    }
}

void tst_JudgeThread::judge_handsBackAChunkAtATime()
{
    // A batch of 2 chunks and a half comes back as 3 callbacks, in order, the first ones while the
    // rest are judged.
    QObject context;
    JudgeThread judges(&context);
    QList<ReceivedRequest> requests;
    const qsizetype count = 2 * JudgeThread::ChunkSize + JudgeThread::ChunkSize / 2;
    for (qsizetype i = 0; i < count; ++i)
        requests.append(post(QByteArray::number(i)));
    QList<qsizetype> sizes;
    QStringList messages;
    judges.judge(requests, config(), fixedClock(), [&](QList<JudgeThread::Judged> judged) {
        sizes.append(judged.size());
        for (const JudgeThread::Judged &j : judged)
            messages.append(j.decision.storedEvent.value("message"_L1).toString());
    });
    QTRY_COMPARE(messages.size(), count);
    QCOMPARE(sizes, QList<qsizetype>({JudgeThread::ChunkSize, JudgeThread::ChunkSize, JudgeThread::ChunkSize / 2}));
    for (qsizetype i = 0; i < count; ++i)
        QCOMPARE(messages.at(i), QString::number(i));
}

void tst_JudgeThread::judge_eachBatchUnderItsOwnConfiguration()
{
    QObject context;
    JudgeThread judges(&context);
    QList<int> statuses;
    const auto collect = [&](QList<JudgeThread::Judged> judged) {
        for (const JudgeThread::Judged &j : judged)
            statuses.append(j.decision.answer.status);
    };
    // The key changes between two batches already queued: the first keeps the old one.
    judges.judge({post("a")}, config(u"pub"_s), fixedClock(), collect);
    judges.judge({post("b")}, config(u"other"_s), fixedClock(), collect);
    judges.judge({post("c")}, config(u"pub"_s), fixedClock(), collect);
    QTRY_COMPARE(statuses.size(), 3);
    QCOMPARE(statuses, QList<int>({200, 403, 200}));
}

void tst_JudgeThread::judge_callsBackOnTheCallersThread()
{
    QObject context;
    JudgeThread judges(&context);
    QThread *judgedOn = nullptr;
    QThread *calledOn = nullptr;
    JudgeOptions options = fixedClock();
    options.clock = [&judgedOn] {
        judgedOn = QThread::currentThread();
        return QDateTime(QDate(2013, 5, 2), QTime(17, 42), Qt::UTC);
    };
    judges.judge({post("a")}, config(), options, [&](QList<JudgeThread::Judged>) { calledOn = QThread::currentThread(); });
    QTRY_VERIFY(calledOn);
    QCOMPARE(calledOn, QThread::currentThread());
    QVERIFY(judgedOn);
    QVERIFY(judgedOn != QThread::currentThread()); // judged elsewhere
}

void tst_JudgeThread::destroy_withBatchesQueued()
{
    // Many batches, then the object goes: the thread stops after the batch it is in, the others'
    // callbacks never run, and nothing is left behind (the sanitizer build checks for leaks).
    // Callbacks run only here, when this thread processes events.
    QObject context;
    int called = 0;
    {
        JudgeThread judges(&context);
        for (int batch = 0; batch < 200; ++batch)
            judges.judge({post("a"), post("b")}, config(), fixedClock(), [&](QList<JudgeThread::Judged>) { ++called; });
    }
    const int afterDestruction = called; // no callback runs synchronously
    QCOMPARE(afterDestruction, 0);
    // Chunks posted before the thread stopped run later, on this thread: at most one per batch.
    QCoreApplication::processEvents();
    QVERIFY(called <= 200);
}

QTEST_GUILESS_MAIN(tst_JudgeThread)
#include "tst_judgethread.moc"
