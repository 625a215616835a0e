#include "socketguard.h"

#include <QTcpSocket>
#include <QTimer>

#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {
constexpr int DiscardGraceMs = 1000; // keep reading (and dropping) so the client sees the answer

// Where "\r\n\r\n" starts, or -1: a plain search (QByteArray::indexOf of a four-byte needle
// cost 3 k instructions per request).
qsizetype headEnd(QByteArrayView bytes)
{
    const std::string_view text(bytes.data(), size_t(bytes.size()));
    const size_t end = text.find("\r\n\r\n");
    return end == std::string_view::npos ? -1 : qsizetype(end);
}
}

// One pass over the head in place (no list of lines): the receiver parses every request's head here
// before Qt parses it again, so this runs once per request.
std::optional<RequestHead> RequestHead::parse(QByteArrayView head, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto lineAt = [head](qsizetype from, qsizetype *next) { // without its "\n" and a "\r" before it
        const qsizetype newline = head.indexOf('\n', from);
        const qsizetype end = newline < 0 ? head.size() : newline;
        *next = newline < 0 ? head.size() + 1 : newline + 1;
        const QByteArrayView line = head.sliced(from, end - from);
        return line.endsWith('\r') ? line.chopped(1) : line;
    };
    qsizetype next = 0;
    const QByteArrayView requestLine = lineAt(0, &next).trimmed();
    // Exactly two single spaces: "METHOD TARGET VERSION" (an empty target between two spaces counts).
    const qsizetype first = requestLine.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : requestLine.indexOf(' ', first + 1);
    const QByteArrayView version = requestLine.sliced(second + 1);
    if (second < 0 || version.contains(' ') || !version.startsWith("HTTP/"))
        return fail(u"the request line is not 'METHOD TARGET HTTP/1.1'"_s);
    RequestHead parsed{requestLine.first(first).toByteArray(),
                       requestLine.sliced(first + 1, second - first - 1).toByteArray(), version.toByteArray(), {}};
    for (qsizetype number = 2; next <= head.size(); ++number) {
        const QByteArrayView line = lineAt(next, &next);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(u"header line %1 has no 'Name: value'"_s.arg(number));
        parsed.headers.append({line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    }
    const QByteArray length = headerValue(parsed.headers, "Content-Length");
    bool ok = true;
    parsed.contentLength = length.isEmpty() ? 0 : length.trimmed().toLongLong(&ok);
    if (!ok || parsed.contentLength < 0)
        return fail(u"Content-Length '%1' is not a number of bytes"_s.arg(QString::fromLatin1(length)));
    parsed.chunked = headerValue(parsed.headers, "Transfer-Encoding").toLower().contains("chunked");
    return parsed;
}

bool RequestHead::wantsClose() const
{
    const QByteArray connection = headerValue(headers, "Connection").toLower();
    return connection == "close" || (version == "HTTP/1.0" && connection != "keep-alive");
}

SocketGuard::SocketGuard(QTcpSocket *socket, const ReceiverLimits &limits, Profile profile,
                         RefusalHandler onRefusal)
    : QObject(socket), m_socket(socket), m_limits(limits), m_profile(profile),
      m_onRefusal(std::move(onRefusal)), m_peer(peerOf(socket))
{
    connect(socket, &QTcpSocket::readyRead, this, &SocketGuard::onReadyRead);
}

QString SocketGuard::peerOf(const QTcpSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + address.toString() + u']' : address.toString();
    return host + u':' + QString::number(socket->peerPort());
}

SocketGuard *SocketGuard::of(QTcpSocket *socket)
{
    return socket->findChild<SocketGuard *>(QString(), Qt::FindDirectChildrenOnly);
}

std::optional<RequestHead> SocketGuard::takeHead()
{
    if (m_heads.isEmpty())
        return std::nullopt;
    return m_heads.dequeue();
}

void SocketGuard::onReadyRead()
{
    if (m_refused)
        return discard();
    // Only the bytes Qt has not read yet are available here; a body's bytes are only counted.
    const qint64 available = m_socket->bytesAvailable();
    if (m_bodyRemaining >= available && m_head.isEmpty()) {
        m_bodyRemaining -= available;
        return;
    }
    m_peeked.resize(available); // reused: no allocation per read once it is large enough
    m_peeked.resize(qMax<qint64>(m_socket->peek(m_peeked.data(), available), 0));
    consume(m_peeked);
}

bool SocketGuard::consume(QByteArrayView bytes)
{
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (m_bodyRemaining > 0) {
            const qsizetype step = qsizetype(qMin<qint64>(m_bodyRemaining, bytes.size() - at));
            m_bodyRemaining -= step;
            at += step;
            continue;
        }
        qsizetype used = 0;
        if (!consumeHead(bytes.sliced(at), &used))
            return false;
        at += used;
    }
    return true;
}

bool SocketGuard::consumeHead(QByteArrayView bytes, qsizetype *used)
{
    // A head that arrived whole is parsed where it lies; only a partial one is kept in m_head.
    qsizetype end = -1;
    QByteArrayView head;
    if (m_head.isEmpty() && (end = headEnd(bytes)) >= 0) {
        *used = end + 4;
        head = bytes.first(end + 4);
    } else {
        const qsizetype before = m_head.size();
        m_head += bytes;
        end = headEnd(m_head);
        if (end < 0) {
            *used = bytes.size();
            if (m_head.size() > m_limits.maxHead)
                refuse({}, u"head.too-large"_s, u"%1 bytes without the end of the headers"_s.arg(m_head.size()));
            return !m_refused;
        }
        *used = end + 4 - before;
        head = QByteArrayView(m_head).first(end + 4);
    }
    QString error;
    auto parsed = RequestHead::parse(head, &error);
    m_head.clear();
    if (!parsed) // Qt's own parser answers a malformed request
        return true;
    if (parsed->chunked)
        refuse(*parsed, u"body.chunked"_s, {});
    else if (parsed->contentLength > m_limits.maxWireBody)
        refuse(*parsed, u"body.too-large"_s,
               u"Content-Length %1 is over the %2-byte limit for a request body on the wire; send "
               "the event as base64-zlib, or trim it"_s.arg(parsed->contentLength).arg(m_limits.maxWireBody));
    if (m_refused)
        return false;
    m_bodyRemaining = parsed->contentLength;
    m_heads.enqueue(std::move(*parsed));
    return true;
}

void SocketGuard::refuse(const RequestHead &head, const QString &code, const QString &detail)
{
    m_refused = true;
    // Qt must not read what follows: its slot comes after ours in this very emission.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &SocketGuard::discard);
    const Answer answer = RequestJudge::refusalAnswer(code, m_profile, detail);
    m_socket->write(answer.toHttp(true, true));
    if (m_onRefusal)
        m_onRefusal(head, answer, m_socket);
    discard();
    QTimer::singleShot(DiscardGraceMs, m_socket, [socket = m_socket] { socket->abort(); });
}

void SocketGuard::discard()
{
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction(); // lets the socket drop what Qt kept for a partial head
    m_socket->skip(m_socket->bytesAvailable());
}

} // namespace Sentry
