#include "rawhttpsender.h"

#include "logcategories.h"

#include <QSslError>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

bool isOnlySelfSigned(const QList<QSslError> &errors)
{
    return !errors.isEmpty() && std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &e) {
        return e.error() == QSslError::SelfSignedCertificate
            || e.error() == QSslError::SelfSignedCertificateInChain;
    });
}

RawHttpSender::RawHttpSender(QObject *parent) : QObject(parent) {}

RawHttpSender::~RawHttpSender()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

void RawHttpSender::send(const QUrl &url, const QByteArray &bytes)
{
    cancel();
    m_done = false;
    m_buffer.clear();
    m_tlsErrors.clear();
    m_response = {};
    m_response.host = url.host();
    m_response.port = url.port(url.scheme() == "https"_L1 ? 443 : 80);
    m_response.deadlineMs = m_timeoutMs;
    m_response.stage = ExchangeStage::Connecting;
    m_timer.start();
    const bool tls = url.scheme() == "https"_L1;
    auto *sslSocket = tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tls ? sslSocket : new QTcpSocket(this);
    m_socket = socket;
    // A TLS socket holds what is written until the handshake is done.
    connect(socket, &QTcpSocket::connected, this, [this, socket, bytes] {
        m_response.stage = ExchangeStage::Sending;
        socket->write(bytes);
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        if (socket->bytesToWrite() == 0 && m_response.stage == ExchangeStage::Sending)
            m_response.stage = ExchangeStage::Waiting;
    });
    connect(socket, &QTcpSocket::readyRead, this, &RawHttpSender::readAnswer);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        readAnswer();
        finish(TransportFailure::ConnectionClosed,
               u"the server closed the connection without a complete answer"_s);
    });
    connect(socket, &QTcpSocket::errorOccurred, this, &RawHttpSender::handleSocketError);
    if (sslSocket) {
        connect(sslSocket, &QSslSocket::sslErrors, this, [this, sslSocket](const QList<QSslError> &errors) {
            if (m_acceptSelfSigned && isOnlySelfSigned(errors)) {
                qCWarning(lcTransport) << "accepting a self-signed certificate from"
                                       << sslSocket->peerName() << "(accept self-signed is on)";
                sslSocket->ignoreSslErrors(errors);
                return;
            }
            for (const QSslError &error : errors)
                m_tlsErrors.append(error.errorString());
        });
    }
    // The deadline covers the whole exchange, as the Sender's does.
    QTimer::singleShot(m_timeoutMs, socket, [this] {
        finish(TransportFailure::Timeout, u"no complete answer within %1 ms"_s.arg(m_timeoutMs));
    });
    if (sslSocket)
        sslSocket->connectToHostEncrypted(url.host(), quint16(m_response.port));
    else
        socket->connectToHost(url.host(), quint16(m_response.port));
}

void RawHttpSender::cancel()
{
    finish(TransportFailure::Cancelled, u"cancelled"_s);
}

void RawHttpSender::handleSocketError()
{
    if (m_done || !m_socket)
        return;
    readAnswer();
    const QAbstractSocket::SocketError error = m_socket->error();
    TransportFailure failure = TransportFailure::Other;
    if (error == QAbstractSocket::ConnectionRefusedError)
        failure = TransportFailure::ConnectionRefused;
    else if (error == QAbstractSocket::HostNotFoundError)
        failure = TransportFailure::HostNotFound;
    else if (error == QAbstractSocket::RemoteHostClosedError)
        failure = TransportFailure::ConnectionClosed;
    else if (error == QAbstractSocket::SslHandshakeFailedError || !m_tlsErrors.isEmpty())
        failure = TransportFailure::Tls;
    finish(failure, m_tlsErrors.isEmpty() ? m_socket->errorString() : m_tlsErrors.join("; "_L1));
}

// The answer is complete at its Content-Length, or when the server closes a connection that
// had none. A body past SendResult::MaxBodyBytes is cut there and reading stops.
void RawHttpSender::readAnswer()
{
    if (m_done || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    if (!m_buffer.isEmpty())
        m_response.stage = ExchangeStage::Receiving;
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_response.status = lines.constFirst().split(' ').value(1).toInt();
    m_response.headers.clear();
    qsizetype length = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        m_response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        if (line.left(colon).compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    const qsizetype received = m_buffer.size() - (end + 4);
    const bool tooLarge = received > SendResult::MaxBodyBytes;
    const bool complete = length >= 0 ? received >= length
                                      : m_socket->state() != QAbstractSocket::ConnectedState;
    if (!complete && !tooLarge)
        return;
    const qsizetype kept = std::min<qsizetype>(length >= 0 ? length : received, SendResult::MaxBodyBytes);
    m_response.body = m_buffer.mid(end + 4, kept);
    m_response.bodyTruncated = tooLarge && (length < 0 || length > kept);
    m_response.stage = ExchangeStage::Done;
    finish(TransportFailure::None, {});
}

void RawHttpSender::finish(TransportFailure failure, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    if (failure != TransportFailure::None) {
        m_response.status = 0; // an incomplete answer is no answer
        m_response.failure = failure;
        m_response.errorString = error;
    }
    m_response.elapsedMs = m_timer.elapsed();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        m_socket->deleteLater();
    }
    Q_EMIT finished(m_response);
}

} // namespace Sentry
