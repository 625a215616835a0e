#include "sender.h"

#include "logcategories.h"
#include "storerequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

bool isOnlySelfSigned(const QList<QSslError> &errors)
{
    return !errors.isEmpty() && std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &e) {
        return e.error() == QSslError::SelfSignedCertificate
            || e.error() == QSslError::SelfSignedCertificateInChain;
    });
}

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == "https"_L1 ? 443 : 80);
}

} // namespace

Sender::Sender(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    Q_ASSERT(manager);
}

Sender::~Sender()
{
    // Replies belong to the manager; make sure none calls back into a destroyed sender.
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void Sender::setTimeoutMs(int milliseconds)
{
    m_timeoutMs = std::max(1, milliseconds);
}

void Sender::send(const StoreRequest &request)
{
    QNetworkRequest networkRequest = request.toNetworkRequest();
    networkRequest.setTransferTimeout(m_timeoutMs);
    // A redirect is an answer worth showing (http → https, a missing slash), not something to follow.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    qCDebug(lcTransport) << "sending" << request.method() << networkRequest.url().toDisplayString()
                         << request.body().size() << "bytes";
    watch(m_manager->sendCustomRequest(networkRequest, request.method(), request.body()));
}

void Sender::watch(QNetworkReply *reply)
{
    m_inFlight[reply].timer.start();
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { readBody(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { handleSslErrors(reply, errors); });
#endif
}

void Sender::cancel()
{
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    for (QNetworkReply *reply : replies) {
        m_cancelled.append(reply);
        reply->abort(); // finishes the reply, and so emits our finished() with Verdict::Cancelled
    }
}

void Sender::readBody(QNetworkReply *reply)
{
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end() || !reply->isOpen()) // an aborted reply is closed
        return;
    const QByteArray chunk = reply->readAll();
    const qsizetype room = SendResult::MaxBodyBytes - it->body.size();
    it->body += chunk.left(std::max<qsizetype>(room, 0));
    it->bodyTruncated = it->bodyTruncated || chunk.size() > room;
}

void Sender::handleSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
#if QT_CONFIG(ssl)
    if (m_acceptSelfSigned && isOnlySelfSigned(errors)) {
        qCWarning(lcTransport) << "accepting a self-signed certificate from" << reply->url().host()
                               << "(accept self-signed is on)";
        reply->ignoreSslErrors(errors);
        return;
    }
    auto it = m_inFlight.find(reply);
    for (const QSslError &error : errors) {
        if (it != m_inFlight.end())
            it->tlsErrors.append(error.errorString());
    }
#else
    Q_UNUSED(reply);
    Q_UNUSED(errors);
#endif
}

TransportFailure Sender::transportFailure(QNetworkReply *reply) const
{
    switch (reply->error()) {
    case QNetworkReply::NoError: return TransportFailure::None;
    case QNetworkReply::ConnectionRefusedError: return TransportFailure::ConnectionRefused;
    case QNetworkReply::HostNotFoundError: return TransportFailure::HostNotFound;
    case QNetworkReply::RemoteHostClosedError: return TransportFailure::ConnectionClosed;
    case QNetworkReply::TimeoutError: return TransportFailure::Timeout;
    case QNetworkReply::SslHandshakeFailedError: return TransportFailure::Tls;
    // The transfer timeout aborts the reply, which Qt reports as a cancellation.
    case QNetworkReply::OperationCanceledError:
        return m_cancelled.contains(reply) ? TransportFailure::Cancelled : TransportFailure::Timeout;
    default:
        return TransportFailure::Other;
    }
}

RawResponse Sender::rawResponse(QNetworkReply *reply, InFlight &state) const
{
    RawResponse response;
    response.failure = transportFailure(reply);
    const bool incomplete = response.failure == TransportFailure::Timeout
        || response.failure == TransportFailure::Cancelled;
    response.status = incomplete ? 0 : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (response.status != 0)
        response.failure = TransportFailure::None; // an HTTP answer arrived: the status tells the story
    response.errorString = reply->errorString();
    if (!state.tlsErrors.isEmpty())
        response.errorString = state.tlsErrors.join("; "_L1);
    response.headers = reply->rawHeaderPairs();
    response.body = state.body;
    response.bodyTruncated = state.bodyTruncated;
    response.elapsedMs = state.timer.elapsed();
    response.host = reply->url().host();
    response.port = defaultPort(reply->url());
    return response;
}

void Sender::finish(QNetworkReply *reply)
{
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end())
        return;
    readBody(reply);
    const RawResponse response = rawResponse(reply, *it);
    m_inFlight.erase(it);
    m_cancelled.removeAll(reply);
    reply->deleteLater();

    const SendResult result = SendResult::classify(response, m_clock ? m_clock() : QDateTime::currentDateTimeUtc());
    if (result.verdict == Verdict::Cancelled)
        qCInfo(lcTransport) << "send cancelled:" << reply->url().toDisplayString();
    else if (!result.isAccepted())
        qCWarning(lcErrors).noquote() << u"event not delivered to %1 - %2 (HTTP %3): %4"_s.arg(
            reply->url().toDisplayString(), verdictName(result.verdict), QString::number(result.status),
            result.explanation);
    Q_EMIT finished(result);
}

} // namespace Sentry
