#include "sender.h"

#include "logcategories.h"
#include "rawhttpsender.h"
#include "storerequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == "https"_L1 ? 443 : 80);
}

// What Qt keeps of an answer before we read it: the body is read as it arrives, so memory stays
// near this plus SendResult::MaxBodyBytes however much the server sends.
constexpr qint64 ReadBufferBytes = 64 * 1024;

// The request body as a device Qt cannot rewind. Qt silently resends a request (up to three more
// times, POST included) when the connection closes before the answer's status line or the answer
// is not HTTP; it rewinds the body to do so. This body refuses, so Qt ends the reply with
// ContentReSendError instead, and one send() is exactly one request on the wire.
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_position >= m_data.size())
            return -1; // the end, for a sequential device
        const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
        std::memcpy(data, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

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
    for (RawHttpSender *raw : std::as_const(m_rawInFlight))
        disconnect(raw, nullptr, this, nullptr); // deleted with us, unheard
}

void Sender::setTimeoutMs(int milliseconds)
{
    m_timeoutMs = std::max(1, milliseconds);
}

void Sender::send(const StoreRequest &request)
{
    if (request.needsRawSocket())
        return sendRaw(request);
    QNetworkRequest networkRequest = request.toNetworkRequest();
    // A redirect is an answer worth showing (http → https, a missing slash), not something to follow.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    qCDebug(lcTransport) << "sending" << request.method() << networkRequest.url().toDisplayString()
                         << request.body().size() << "bytes";
    QNetworkReply *reply = nullptr;
    if (request.isBeacon()) {
        reply = m_manager->sendCustomRequest(networkRequest, request.method()); // no body at all
    } else {
        // Qt streams an unbuffered body only when it knows the length: the request's own
        // Content-Length header tells it (setting it again would move the header).
        networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(request.body(), this);
        reply = m_manager->sendCustomRequest(networkRequest, request.method(), body);
        body->setParent(reply); // the reply reads it until it finishes
    }
    reply->setReadBufferSize(ReadBufferBytes);
    watch(reply, request.timeoutMs().value_or(m_timeoutMs));
}

// Qt would add a header this request leaves out on purpose: the bytes go on a socket of our own.
void Sender::sendRaw(const StoreRequest &request)
{
    qCDebug(lcTransport) << "sending" << request.method() << request.url().toDisplayString()
                         << request.body().size() << "bytes on a raw socket";
    auto *raw = new RawHttpSender(this);
    raw->setTimeoutMs(request.timeoutMs().value_or(m_timeoutMs));
    raw->setAcceptSelfSigned(m_acceptSelfSigned);
    m_rawInFlight.insert(raw);
    const QUrl url = request.url();
    connect(raw, &RawHttpSender::finished, this, [this, raw, url](const RawResponse &response) {
        m_rawInFlight.remove(raw);
        raw->deleteLater();
        report(response, url);
    });
    raw->send(url, request.toHttp());
}

void Sender::watch(QNetworkReply *reply, int deadlineMs)
{
    InFlight &state = m_inFlight[reply];
    state.timer.start();
    state.deadlineMs = deadlineMs;
    // Qt's transfer timeout restarts whenever a byte arrives, so a server trickling its answer
    // could hold a send for ever; this deadline covers the whole exchange.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, reply] { stop(reply, Stop::Deadline); });
    deadline->start(deadlineMs);
    // How far the exchange got, so that a deadline can say "could not connect" or "no answer".
    connect(reply, &QNetworkReply::uploadProgress, this, [this, reply](qint64 sent, qint64) {
        if (sent > 0)
            reached(reply, ExchangeStage::Sending);
    });
    connect(reply, &QNetworkReply::requestSent, this,
            [this, reply] { reached(reply, ExchangeStage::Waiting); });
    connect(reply, &QNetworkReply::metaDataChanged, this,
            [this, reply] { reached(reply, ExchangeStage::Receiving); });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { readBody(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { handleSslErrors(reply, errors); });
#endif
}

void Sender::reached(QNetworkReply *reply, ExchangeStage stage)
{
    auto it = m_inFlight.find(reply);
    if (it != m_inFlight.end())
        it->stage = std::max(it->stage, stage);
}

void Sender::stop(QNetworkReply *reply, Stop why)
{
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end() || it->stop != Stop::None)
        return;
    it->stop = why;
    reply->abort(); // finishes the reply now, and so emits our finished()
}

void Sender::cancel()
{
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    for (QNetworkReply *reply : replies)
        stop(reply, Stop::Cancelled);
    const QList<RawHttpSender *> raws = m_rawInFlight.values();
    for (RawHttpSender *raw : raws)
        raw->cancel();
}

void Sender::readBody(QNetworkReply *reply)
{
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end() || !reply->isOpen()) // an aborted reply is closed
        return;
    it->stage = std::max(it->stage, ExchangeStage::Receiving);
    const QByteArray chunk = reply->readAll();
    const qsizetype room = SendResult::MaxBodyBytes - it->body.size();
    it->body += chunk.left(std::max<qsizetype>(room, 0));
    if (chunk.size() <= room)
        return;
    it->bodyTruncated = true;
    stop(reply, Stop::TooLarge); // no Sentry answer is this long: stop reading (and buffering) it
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

TransportFailure Sender::transportFailure(QNetworkReply *reply, Stop stop)
{
    switch (reply->error()) {
    case QNetworkReply::NoError: return TransportFailure::None;
    case QNetworkReply::ConnectionRefusedError: return TransportFailure::ConnectionRefused;
    case QNetworkReply::HostNotFoundError: return TransportFailure::HostNotFound;
    case QNetworkReply::RemoteHostClosedError: return TransportFailure::ConnectionClosed;
    // The connection broke (or the answer was not HTTP) before a status line, and our body
    // refused to be sent again: the request went out once.
    case QNetworkReply::ContentReSendError: return TransportFailure::ConnectionClosed;
    case QNetworkReply::TimeoutError: return TransportFailure::Timeout;
    case QNetworkReply::SslHandshakeFailedError: return TransportFailure::Tls;
    case QNetworkReply::OperationCanceledError:
        if (stop == Stop::TooLarge)
            return TransportFailure::None; // the status arrived; the body was cut
        return stop == Stop::Deadline ? TransportFailure::Timeout : TransportFailure::Cancelled;
    default:
        return TransportFailure::Other;
    }
}

RawResponse Sender::rawResponse(QNetworkReply *reply, InFlight &state) const
{
    RawResponse response;
    response.failure = transportFailure(reply, state.stop);
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
    response.deadlineMs = state.deadlineMs;
    response.stage = response.status != 0 ? ExchangeStage::Done : state.stage;
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
    reply->deleteLater();
    report(response, reply->url());
}

void Sender::report(const RawResponse &response, const QUrl &url)
{
    const SendResult result = SendResult::classify(response, m_clock ? m_clock() : QDateTime::currentDateTimeUtc());
    if (result.verdict == Verdict::Cancelled)
        qCInfo(lcTransport) << "send cancelled:" << url.toDisplayString();
    else if (!result.isAccepted())
        qCWarning(lcErrors).noquote() << u"event not delivered to %1 - %2 (HTTP %3): %4"_s.arg(
            url.toDisplayString(), verdictName(result.verdict), QString::number(result.status),
            result.explanation);
    Q_EMIT finished(result);
}

} // namespace Sentry
