#include "listenaddress.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

std::optional<QHostAddress> ListenAddress::hostFromText(const QString &text)
{
    QString host = text.trimmed();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == "localhost"_L1)
        host = u"127.0.0.1"_s;
    QHostAddress address;
    if (host.isEmpty() || !address.setAddress(host))
        return std::nullopt;
    return address;
}

std::optional<ListenAddress> ListenAddress::fromText(const QString &text, QString *error)
{
    ListenAddress listen;
    if (text.isEmpty())
        return listen;
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = colon > 0;
    const int port = ok ? text.mid(colon + 1).toInt(&ok) : -1;
    const auto host = ok ? hostFromText(text.left(colon)) : std::nullopt;
    if (!ok || port < 0 || port > 65535 || !host) {
        *error = u"must be HOST:PORT with an IP address (127.0.0.1:9000, [::1]:0), not '%1'"_s.arg(text);
        return std::nullopt;
    }
    listen.address = *host;
    listen.port = quint16(port);
    return listen;
}

QString ListenAddress::toText() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + address.toString() + u']' : address.toString();
    return host + u':' + QString::number(port);
}

} // namespace Sentry
