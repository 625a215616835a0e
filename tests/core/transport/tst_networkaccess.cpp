#include "dsn.h"
#include "loopbackserver.h"
#include "networkaccess.h"
#include "sender.h"
#include "storerequest.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const QByteArray eventJson = "{\"event_id\":\"fc6d8c0c43fc4630ad850ee518f1b9d0\",\"message\":\"hi\"}";

StoreRequest requestFor(const QString &dsn)
{
    return storeRequestFor(dsn, eventJson);
}

SendResult sendOnce(QNetworkAccessManager *manager, const StoreRequest &request)
{
    Sender sender(manager);
    QSignalSpy spy(&sender, &Sender::finished);
    sender.send(request);
    if (!spy.wait(5000))
        return {};
    return spy.at(0).at(0).value<SendResult>();
}

QList<QNetworkProxy::ProxyType> typesOf(const QList<QNetworkProxy> &proxies)
{
    QList<QNetworkProxy::ProxyType> types;
    for (const QNetworkProxy &proxy : proxies)
        types << proxy.type();
    return types;
}

// A factory of the caller's own, which prepareNetworkAccess() must leave in place.
class OwnFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &) override { return {QNetworkProxy::NoProxy}; }
};

} // namespace

class TestNetworkAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A known application setting, whatever the machine's environment says.
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    }

    void cleanup() { QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy)); }

    void factory_answersDefaultProxyForDirectPlainHttp()
    {
        DirectProxyFactory factory;
        const auto proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(u"http://127.0.0.1:9000/api/1/store/"_s)));
        QCOMPARE(typesOf(proxies), QList{QNetworkProxy::DefaultProxy});
    }

    void factory_leavesHttpsAndSocketQueriesAlone()
    {
        DirectProxyFactory factory;
        QCOMPARE(typesOf(factory.queryProxy(QNetworkProxyQuery(QUrl(u"https://sentry.example.com/api/1/store/"_s)))),
                 QList{QNetworkProxy::NoProxy});
        QCOMPARE(typesOf(factory.queryProxy(QNetworkProxyQuery(u"127.0.0.1"_s, 9000, u"http"_s,
                                                               QNetworkProxyQuery::TcpSocket))),
                 QList{QNetworkProxy::NoProxy});
    }

    void factory_keepsTheApplicationsProxy()
    {
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, 3128));
        DirectProxyFactory factory;
        const auto proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(u"http://sentry.example.com/api/1/store/"_s)));
        QCOMPARE(proxies.size(), 1);
        QCOMPARE(proxies.constFirst().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxies.constFirst().port(), quint16(3128));
        // Qt never proxies loopback: that stays direct, and so gets the buffered socket.
        QCOMPARE(typesOf(factory.queryProxy(QNetworkProxyQuery(QUrl(u"http://127.0.0.1:9000/api/1/store/"_s)))),
                 QList{QNetworkProxy::DefaultProxy});
    }

    void prepare_neverOverridesAnExplicitChoice()
    {
        QNetworkAccessManager fresh;
        QVERIFY(prepareNetworkAccess(&fresh));
        QVERIFY(dynamic_cast<DirectProxyFactory *>(fresh.proxyFactory()));
        QVERIFY(!prepareNetworkAccess(&fresh)); // already has one

        QNetworkAccessManager withProxy;
        withProxy.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        QVERIFY(!prepareNetworkAccess(&withProxy));
        QVERIFY(!withProxy.proxyFactory());

        QNetworkAccessManager withFactory;
        auto *own = new OwnFactory;
        withFactory.setProxyFactory(own);
        QVERIFY(!prepareNetworkAccess(&withFactory));
        QCOMPARE(withFactory.proxyFactory(), own);

        QVERIFY(!prepareNetworkAccess(nullptr));
    }

    // The point of the factory is how answers are read; what goes on the wire must not change.
    void send_putsTheSameBytesOnTheWire()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        const StoreRequest request = requestFor(server.dsn());
        QNetworkAccessManager plain;
        QNetworkAccessManager prepared;
        QVERIFY(prepareNetworkAccess(&prepared));

        const SendResult viaPlain = sendOnce(&plain, request);
        const SendResult viaPrepared = sendOnce(&prepared, request);
        QVERIFY(viaPlain.isAccepted());
        QVERIFY(viaPrepared.isAccepted());
        QCOMPARE(viaPrepared.eventId, viaPlain.eventId);
        QCOMPARE(viaPrepared.status, 200);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().at(1).startsWith("POST /api/42/store/ HTTP/1.1\r\n")); // origin form
        QCOMPARE(server.requests().at(1), server.requests().at(0));
    }

    void send_readsManyAnswersOnOneConnection()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager prepared;
        prepareNetworkAccess(&prepared);
        Sender sender(&prepared);
        QSignalSpy spy(&sender, &Sender::finished);
        const StoreRequest request = requestFor(server.dsn());
        for (int i = 0; i < 25; ++i) {
            server.enqueue(i % 5 == 4 ? ScriptedResponse::sentryError(400, "Invalid data")
                                      : ScriptedResponse::stored("id" + QByteArray::number(i)));
        }
        for (int i = 0; i < 25; ++i) {
            if (i % 5 == 4)
                QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
            sender.send(request);
            QVERIFY(spy.wait(5000));
            const SendResult result = spy.takeFirst().at(0).value<SendResult>();
            if (i % 5 == 4) {
                QCOMPARE(result.status, 400);
                QCOMPARE(result.serverError, u"Invalid data"_s);
            } else {
                QCOMPARE(result.eventId, u"id%1"_s.arg(i));
            }
        }
        QCOMPARE(server.connectionCount(), 1);
    }

    // An application HTTP proxy still gets the request, in the absolute form proxies expect.
    void send_stillGoesThroughTheApplicationsProxy()
    {
        LoopbackServer proxy;
        QVERIFY(proxy.listen());
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.port()));
        QNetworkAccessManager prepared;
        QVERIFY(prepareNetworkAccess(&prepared));
        const StoreRequest request = requestFor(u"http://public:secret@sentry.invalid:9000/42"_s);
        const SendResult result = sendOnce(&prepared, request);
        QVERIFY(result.isAccepted());
        QCOMPARE(proxy.requests().size(), 1);
        QVERIFY2(proxy.requests().constFirst().startsWith("POST http://sentry.invalid:9000/api/42/store/ HTTP/1.1\r\n"),
                 proxy.requests().constFirst().left(80).constData());
    }
};

QTEST_GUILESS_MAIN(TestNetworkAccess)
#include "tst_networkaccess.moc"
