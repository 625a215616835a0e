#pragma once

// Where the receiver listens, as `serve --listen` and the GUI's receiver panel take it: HOST:PORT
// with an IP address ("localhost" is 127.0.0.1; IPv6 in brackets; port 0 picks a free one).
//
//     auto listen = Sentry::ListenAddress::fromText(u"127.0.0.1:9000"_s, &error);
//     receiver.start(listen->address, listen->port, &error);

#include <QHostAddress>
#include <QString>

#include <optional>

namespace Sentry {

struct ListenAddress
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;

    // An empty text is 127.0.0.1:0. On a bad text nullopt and *error: what it must be, and the text.
    static std::optional<ListenAddress> fromText(const QString &text, QString *error);
    // A host alone ("127.0.0.1", "::1", "[::1]", "localhost"); nullopt when it is not an IP address.
    static std::optional<QHostAddress> hostFromText(const QString &text);
    QString toText() const; // "127.0.0.1:9000", "[::1]:9000"
    // Other machines can send to it: the CLI warns and the GUI asks first.
    bool isExposed() const { return !address.isLoopback(); }
};

} // namespace Sentry
