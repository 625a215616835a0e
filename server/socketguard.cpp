#include "socketguard.h"

#include <QTcpSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {
constexpr int DiscardGraceMs = 1000; // keep reading (and dropping) so the client sees the answer
}

std::optional<RequestHead> RequestHead::parse(const QByteArray &head, QString *error)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/"))
        return fail(u"the request line is not 'METHOD TARGET HTTP/1.1'"_s);
    RequestHead parsed{requestLine.at(0), requestLine.at(1), requestLine.at(2), {}};
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(u"header line %1 has no 'Name: value'"_s.arg(i + 1));
        parsed.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
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
      m_onRefusal(std::move(onRefusal))
{
    connect(socket, &QTcpSocket::readyRead, this, &SocketGuard::onReadyRead);
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
    consume(m_socket->peek(available));
}

bool SocketGuard::consume(const QByteArray &bytes)
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
        if (!consumeHead(bytes.mid(at), &used))
            return false;
        at += used;
    }
    return true;
}

bool SocketGuard::consumeHead(const QByteArray &bytes, qsizetype *used)
{
    const qsizetype before = m_head.size();
    m_head += bytes;
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0) {
        *used = bytes.size();
        if (m_head.size() > m_limits.maxHead)
            refuse({}, u"head.too-large"_s, u"%1 bytes without the end of the headers"_s.arg(m_head.size()));
        return !m_refused;
    }
    *used = end + 4 - before;
    QString error;
    const auto head = RequestHead::parse(m_head.left(end + 4), &error);
    m_head.clear();
    if (!head) // Qt's own parser answers a malformed request
        return true;
    if (head->chunked)
        refuse(*head, u"body.chunked"_s, {});
    else if (head->contentLength > m_limits.maxWireBody)
        refuse(*head, u"body.too-large"_s,
               u"Content-Length %1 is over the %2-byte limit for a request body on the wire; send "
               "the event as base64-zlib, or trim it"_s.arg(head->contentLength).arg(m_limits.maxWireBody));
    if (m_refused)
        return false;
    m_bodyRemaining = head->contentLength;
    m_heads.enqueue(*head);
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
