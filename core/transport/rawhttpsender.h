#pragma once

// Writes raw HTTP request bytes on a socket of its own and reads one answer (to its
// Content-Length, or until the server closes), for the requests QNetworkAccessManager would
// change: it sends a User-Agent, Connection, Accept-Encoding and Accept-Language whatever is set,
// and some real clients sent none of them (raven-node 0.6). The Sender uses it for such requests;
// replay sends recorded exchanges through it, byte for byte. The deadline covers the whole
// exchange, the answer's body is cut at SendResult::MaxBodyBytes, and TLS errors fail the send
// unless they are only "self-signed" and setAcceptSelfSigned(true) was called.
//
//     Sentry::RawHttpSender sender;
//     connect(&sender, &Sentry::RawHttpSender::finished, this, [](const Sentry::RawResponse &r) { … });
//     sender.send(request.url(), request.toHttp());

#include "sendresult.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <algorithm>

class QSslError;
class QTcpSocket;

namespace Sentry {

// True when every error is a self-signed certificate (the one kind a test server may be let off).
bool isOnlySelfSigned(const QList<QSslError> &errors);

class RawHttpSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpSender)

public:
    explicit RawHttpSender(QObject *parent = nullptr);
    ~RawHttpSender() override;

    void setTimeoutMs(int ms) { m_timeoutMs = std::max(1, ms); }
    void setAcceptSelfSigned(bool accept) { m_acceptSelfSigned = accept; }
    // One exchange at a time: a send() while one is in flight ends that one as cancelled first.
    void send(const QUrl &url, const QByteArray &bytes);
    void cancel(); // finishes the exchange in flight with TransportFailure::Cancelled

Q_SIGNALS:
    void finished(const Sentry::RawResponse &response);

private:
    void readAnswer();
    void handleSocketError();
    void finish(TransportFailure failure, const QString &error);

    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    RawResponse m_response;
    QStringList m_tlsErrors;
    QElapsedTimer m_timer;
    int m_timeoutMs = 10000;
    bool m_acceptSelfSigned = false;
    bool m_done = true;
};

} // namespace Sentry
