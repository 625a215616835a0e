#pragma once

// Guards one connection of the receiver before Qt HttpServer buffers it. Qt 6.4 reads a whole
// request body into memory before any handler runs (a declared 50 MB body grows a bare server past
// 90 MB), so the guard sees every readyRead first — it is connected before QAbstractHttpServer —
// frames the requests itself, checks Content-Length against the wire limit and counts bytes as they
// arrive. Past a limit it answers (413, 431, 411) and closes before Qt reads a byte of the body.
// It also keeps each request head exactly as sent (the target, headers in wire order), which
// QHttpServerRequest 6.4 does not preserve.

#include "requestjudge.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QQueue>

#include <functional>
#include <optional>

class QTcpSocket;

namespace Sentry {

struct RequestHead
{
    QByteArray method;
    QByteArray target;
    QByteArray version; // "HTTP/1.1"
    RawHeaders headers; // in wire order
    qint64 contentLength = 0;
    bool chunked = false;

    // Parses "METHOD TARGET VERSION\r\nName: value\r\n…\r\n\r\n" (the blank line may be missing).
    static std::optional<RequestHead> parse(QByteArrayView head, QString *error = nullptr);
    bool wantsClose() const;
};

class SocketGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketGuard)

public:
    // Called when the guard refuses a request itself: the head as far as it was read, and the answer.
    using RefusalHandler = std::function<void(const RequestHead &head, const Answer &answer, QTcpSocket *socket)>;

    // Must be created before the socket is handed to QAbstractHttpServer, so it reads first.
    SocketGuard(QTcpSocket *socket, const ReceiverLimits &limits, Profile profile, RefusalHandler onRefusal);

    static SocketGuard *of(QTcpSocket *socket);
    std::optional<RequestHead> takeHead(); // the oldest request head Qt has not handled yet
    // The client's "address:port" ("[v6]:port"), formatted once per connection, not per request.
    QString peer() const { return m_peer; }
    static QString peerOf(const QTcpSocket *socket);

private:
    void onReadyRead();
    bool consume(QByteArrayView bytes);
    bool consumeHead(QByteArrayView bytes, qsizetype *used);
    void refuse(const RequestHead &head, const QString &code, const QString &detail);
    void discard();

    QTcpSocket *m_socket;
    ReceiverLimits m_limits;
    Profile m_profile;
    RefusalHandler m_onRefusal;
    QString m_peer;
    QByteArray m_peeked;        // what the last readyRead peeked at
    QByteArray m_head;          // a head that arrived in parts, so far
    qint64 m_bodyRemaining = 0; // bytes of the current body still to come
    QQueue<RequestHead> m_heads;
    bool m_refused = false;
};

} // namespace Sentry
