#include "networkaccess.h"

#include <QNetworkAccessManager>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

bool isDirect(const QList<QNetworkProxy> &proxies)
{
    return proxies.isEmpty() || proxies.constFirst().type() == QNetworkProxy::NoProxy;
}

} // namespace

QList<QNetworkProxy> DirectProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(query);
    const QUrl url = query.url();
    if (query.queryType() != QNetworkProxyQuery::UrlRequest || url.scheme() != "http"_L1
        || !isDirect(proxies))
        return proxies;
    // What the socket will ask when it resolves DefaultProxy: it must say "direct" too.
    const QNetworkProxyQuery socketQuery(url.host(), url.port(80), url.scheme(),
                                         QNetworkProxyQuery::TcpSocket);
    if (!isDirect(QNetworkProxyFactory::proxyForQuery(socketQuery)))
        return proxies;
    return {QNetworkProxy(QNetworkProxy::DefaultProxy)};
}

bool prepareNetworkAccess(QNetworkAccessManager *manager)
{
    if (!manager || manager->proxyFactory() || manager->proxy().type() != QNetworkProxy::DefaultProxy)
        return false;
    manager->setProxyFactory(new DirectProxyFactory); // the manager owns it
    return true;
}

} // namespace Sentry
