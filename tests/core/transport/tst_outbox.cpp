#include "dsn.h"
#include "loopbackserver.h"
#include "testsupport.h"
#include "outbox.h"
#include "storerequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

StoreRequest requestFor(const LoopbackServer &server, const QString &eventId)
{
    const QByteArray json = QJsonDocument(QJsonObject{{u"event_id"_s, eventId}, {u"message"_s, u"m"_s}})
                                .toJson(QJsonDocument::Compact);
    return *StoreRequest::build(Dsn::parse(server.dsn()), json);
}

QString sentEventId(const QByteArray &rawRequest)
{
    return QJsonDocument::fromJson(LoopbackServer::body(rawRequest)).object().value(u"event_id"_s).toString();
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_manager;
    TestSupport::ManualClock m_clock;

private Q_SLOTS:
    void submit_deliversEveryEventInOrderThroughFailures()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(500, ""));
        server.enqueue(ScriptedResponse::sentryError(503, "down"));
        ScriptedResponse limited = ScriptedResponse::sentryError(429, "slow down");
        limited = limited.withHeader("Retry-After", "7");
        server.enqueue(limited);
        Outbox outbox(&m_manager, m_clock.clock());
        QSignalSpy attempts(&outbox, &Outbox::attemptFinished);
        QSignalSpy finished(&outbox, &Outbox::eventFinished);
        const QStringList ids{u"e1"_s, u"e2"_s, u"e3"_s, u"e4"_s};
        for (const QString &id : ids)
            QVERIFY(outbox.submit(id, requestFor(server, id)));

        const QList<qint64> waits{1, 4, 7}; // min(1,6)², min(2,6)², then the server's Retry-After
        for (qsizetype i = 0; i < waits.size(); ++i) {
            QTRY_COMPARE(attempts.size(), i + 1);
            QCOMPARE(outbox.backoffState().delaySeconds, waits.at(i));
            QCOMPARE(server.requests().size(), i + 1); // nothing else is sent while waiting
            m_clock.advance(waits.at(i));
            outbox.trySendNext();
        }
        QTRY_COMPARE(finished.size(), ids.size());
        QStringList delivered;
        for (const auto &arguments : std::as_const(finished)) {
            delivered.append(arguments.at(0).toString());
            QVERIFY(arguments.at(1).value<SendResult>().isAccepted());
        }
        QCOMPARE(delivered, ids);
        QCOMPARE(sentEventId(server.requests().at(3)), u"e1"_s); // the head was retried, not skipped
        QVERIFY(outbox.isEmpty());
        QCOMPARE(outbox.backoffState().phase, BackoffState::Phase::Ready);
    }

    void submit_queuesWhileWaitingAndSendsWhenAllowed()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(503, "down"));
        Outbox outbox(&m_manager, m_clock.clock());
        QSignalSpy drained(&outbox, &Outbox::drained);
        QVERIFY(outbox.submit(u"a"_s, requestFor(server, u"a"_s)));
        QTRY_COMPARE(outbox.backoffState().phase, BackoffState::Phase::Waiting);
        QVERIFY(outbox.submit(u"b"_s, requestFor(server, u"b"_s)));
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(server.requests().size(), 1);
        m_clock.advance(1);
        outbox.trySendNext();
        QVERIFY(drained.wait(5000));
        QCOMPARE(server.requests().size(), 3);
    }

    void submit_doesNotRetryDeterministicRefusal()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(400, "Invalid value for message"));
        Outbox outbox(&m_manager, m_clock.clock());
        QSignalSpy finished(&outbox, &Outbox::eventFinished);
        QVERIFY(outbox.submit(u"bad"_s, requestFor(server, u"bad"_s)));
        QVERIFY(outbox.submit(u"good"_s, requestFor(server, u"good"_s)));
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.at(0).at(1).value<SendResult>().status, 400);
        QVERIFY(finished.at(1).at(1).value<SendResult>().isAccepted());
        QCOMPARE(server.requests().size(), 2); // "bad" was sent once
    }

    void submit_refusesClearlyWhenFull()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::neverAnswers());
        Outbox outbox(&m_manager, m_clock.clock());
        outbox.setCapacity(2);
        QVERIFY(outbox.submit(u"1"_s, requestFor(server, u"1"_s)));
        QVERIFY(outbox.submit(u"2"_s, requestFor(server, u"2"_s)));
        QString error;
        QVERIFY(!outbox.submit(u"3"_s, requestFor(server, u"3"_s), &error));
        QVERIFY2(error.contains(u"outbox full"_s) && error.contains(u"3"_s), qPrintable(error));
        QCOMPARE(outbox.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
