#pragma once

// Ready-to-paste lines that point a v4 client at a DSN: raven-python 4, raven-node 0.6 and
// raven-js 1.1 configured with it (the browser client with the public DSN: it sent no secret), and
// a curl command storing a small event there. Pure: the same DSN and clock give the same texts.
//
//     for (const auto &snippet : Sentry::ClientSnippet::forDsn(dsn, QDateTime::currentSecsSinceEpoch()))
//         menu->addAction(snippet.title);

#include <QList>
#include <QString>

namespace Sentry {

class Dsn;

struct ClientSnippet
{
    QString id;    // the client preset's id ("raven-node-0.6"), or "curl"
    QString title; // "raven-node 0.6 (Node.js)"
    QString text;

    // Empty for a DSN that is not valid. `unixSeconds` dates the curl command's event.
    static QList<ClientSnippet> forDsn(const Dsn &dsn, qint64 unixSeconds);
};

} // namespace Sentry
