#pragma once

// A scripted HTTP/1.1 server on 127.0.0.1, port 0, for transport tests. It answers requests with
// queued responses in order (then the default one), keeps connections alive, and records the raw
// bytes of every request so tests can assert exact headers. A "silent" response never answers,
// which lets a test exercise the client's timeout; one answered by hand lets it break the protocol
// (close mid-headers, trickle, never end). listenTls() serves HTTPS with a given certificate.
// Header-only and moc-free so any test can use it.

#include "dsn.h"
#include "storerequest.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QPointer>
#include <QQueue>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

struct ScriptedResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool silent = false; // accept the request, never answer
    // Answers by hand (raw bytes, a trickle, a broken connection): called with the client's socket
    // instead of writing status, headers and body.
    std::function<void(QTcpSocket *)> handler;

    static ScriptedResponse stored(const QByteArray &id)
    {
        return {200, {{"Content-Type", "application/json"}}, R"({"id": ")" + id + R"("})"};
    }
    static ScriptedResponse sentryError(int status, const QByteArray &error)
    {
        return {status, {{"Content-Type", "text/plain"}, {"X-Sentry-Error", error}}, error};
    }
    static ScriptedResponse neverAnswers() { return {0, {}, {}, true}; }
    static ScriptedResponse byHand(std::function<void(QTcpSocket *)> handler)
    {
        ScriptedResponse response;
        response.handler = std::move(handler);
        return response;
    }
    ScriptedResponse withHeader(const QByteArray &name, const QByteArray &value) const
    {
        ScriptedResponse copy = *this;
        copy.headers.append(qMakePair(name, value));
        return copy;
    }
};
Q_DECLARE_METATYPE(ScriptedResponse)

// The store request a transport test sends: `json` for the DSN; a broken DSN is the test's own bug.
inline Sentry::StoreRequest storeRequestFor(const QString &dsn, const QByteArray &json)
{
    QString error;
    const auto request = Sentry::StoreRequest::build(Sentry::Dsn::parse(dsn), json, {}, &error);
    if (!request)
        qFatal("cannot build a store request for %s: %s", qPrintable(dsn), qPrintable(error));
    return *request;
}

class LoopbackServer : public QObject
{
public:
    explicit LoopbackServer(QObject *parent = nullptr) : QObject(parent) { watch(); }

    ~LoopbackServer() override
    {
        // The sockets' slots use our members: cut them off before the members go.
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
            if (socket)
                QObject::disconnect(socket.data(), nullptr, this, nullptr);
        }
        m_server.reset();
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }
    // HTTPS: answers only after the TLS handshake with `configuration` (certificate and key) succeeded.
    bool listenTls(const QSslConfiguration &configuration)
    {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(configuration);
        m_server = std::move(server);
        m_scheme = QStringLiteral("https");
        watch();
        return listen();
    }
    quint16 port() const { return m_server->serverPort(); }
    // A DSN pointing at this server.
    QString dsn(const QString &project = QStringLiteral("42"), bool withSecret = true) const
    {
        return QStringLiteral("%1://public%2@127.0.0.1:%3/%4")
            .arg(m_scheme, withSecret ? QStringLiteral(":secret") : QString())
            .arg(port())
            .arg(project);
    }

    void enqueue(const ScriptedResponse &response) { m_script.enqueue(response); }
    void setDefaultResponse(const ScriptedResponse &response) { m_default = response; }
    void setOnRequest(std::function<void(const QByteArray &)> callback) { m_onRequest = std::move(callback); }

    QList<QByteArray> requests() const { return m_requests; } // raw bytes, head and body
    int connectionCount() const { return m_connections; }

    // The value of a header in a raw request (case-insensitive name), or a null QByteArray.
    static QByteArray headerValue(const QByteArray &request, const QByteArray &name)
    {
        const QList<QByteArray> lines = request.left(request.indexOf("\r\n\r\n")).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    static QByteArray body(const QByteArray &request) { return request.mid(request.indexOf("\r\n\r\n") + 4); }

private:
    void watch()
    {
        QObject::connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this,
                         [this] { acceptConnections(); });
    }

    void acceptConnections()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++m_connections;
            m_sockets.append(socket);
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void readFrom(QTcpSocket *socket)
    {
        m_buffers[socket] += socket->readAll();
        // Looked up again after each answer: one written by hand may close the connection, and
        // the disconnected() slot then drops its buffer.
        for (auto it = m_buffers.find(socket); it != m_buffers.end(); it = m_buffers.find(socket)) {
            const qsizetype size = completeRequestSize(*it);
            if (size == 0)
                return;
            const QByteArray request = it->left(size);
            it->remove(0, size);
            m_requests.append(request);
            respond(socket);
            if (m_onRequest)
                m_onRequest(request);
        }
    }

    // The size of the first complete request in `buffer`, or 0 while it is still arriving.
    static qsizetype completeRequestSize(const QByteArray &buffer)
    {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return 0;
        const qsizetype total = headEnd + 4 + headerValue(buffer, "Content-Length").toLongLong();
        return buffer.size() >= total ? total : 0;
    }

    void respond(QTcpSocket *socket)
    {
        const ScriptedResponse response = m_script.isEmpty() ? m_default : m_script.dequeue();
        if (response.silent)
            return;
        if (response.handler)
            return response.handler(socket);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
        for (const auto &header : response.headers)
            out += header.first + ": " + header.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n" + response.body;
        socket->write(out);
    }

    std::unique_ptr<QTcpServer> m_server = std::make_unique<QTcpServer>();
    QString m_scheme = QStringLiteral("http");
    QQueue<ScriptedResponse> m_script;
    ScriptedResponse m_default = ScriptedResponse::stored("0123456789abcdef0123456789abcdef");
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_sockets;
    QList<QByteArray> m_requests;
    std::function<void(const QByteArray &)> m_onRequest;
    int m_connections = 0;
};
