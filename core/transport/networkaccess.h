#pragma once

// The QNetworkAccessManager set-up Sentry Harness sends with (the GUI, the CLI, the benchmarks).
//
//     QNetworkAccessManager network;
//     Sentry::prepareNetworkAccess(&network);
//     Sentry::Sender sender(&network);

#include <QNetworkProxyFactory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Sentry {

// Routes every request exactly as the application's proxy setting says, as a manager without a
// factory of its own does, with one difference for plain-HTTP requests that go direct: it answers
// QNetworkProxy::DefaultProxy ("the application's proxy") instead of QNetworkProxy::NoProxy.
//
// Why: Qt 6.4 opens an unbuffered socket for a connection without any proxy, and then reads each
// answer's status line and headers one byte per read() system call (about 170 calls for a
// typical store answer). For any other proxy value it opens a buffered socket; that socket
// resolves DefaultProxy through the same application setting to the same direct connection and
// reads the answer in one call. The request bytes are identical (origin-form request line, same
// headers); only the reading changes: 1.7x the events per second on loopback (bench/RESULTS.md).
//
// DefaultProxy is only answered when the application setting is direct for both the request's URL
// and the TCP connection to its host and port, so routing never changes. HTTPS is left alone:
// TLS sockets are buffered anyway.
class DirectProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;
};

// Installs a DirectProxyFactory on `manager`, unless it already has a proxy or a factory of its
// own (an explicit choice is never overridden). Returns whether it did.
bool prepareNetworkAccess(QNetworkAccessManager *manager);

} // namespace Sentry
