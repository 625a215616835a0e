#pragma once

// Sends built store requests through an injected QNetworkAccessManager and finishes each with one
// SendResult (spec sections 7 and 8). The timeout (the request's own — the DSN's ?timeout= or its
// options' — else the sender's, 3 s by default) is a deadline for the whole exchange: connecting,
// sending and the complete answer; when it passes, the result says how far the exchange got.
// Each send() is one request on the wire (Qt's own resend is off), and an answer's body is read
// as it arrives and cut at SendResult::MaxBodyBytes. TLS errors are reported, and only an explicit
// setAcceptSelfSigned(true) lets a self-signed test server through. A request whose headers Qt
// would change (StoreRequest::needsRawSocket(): raven-node sent no User-Agent) is written on a
// socket of its own by a RawHttpSender, byte for byte as StoreRequest::toHttp() shows it.
//
//     Sentry::Sender sender(&manager);
//     connect(&sender, &Sentry::Sender::finished, this, [](const Sentry::SendResult &r) { … });
//     sender.send(*Sentry::StoreRequest::build(dsn, event.toJson()));

#include "sendresult.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;
class QUrl;

namespace Sentry {

class RawHttpSender;
class StoreRequest;

class Sender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sender)

public:
    using Clock = std::function<QDateTime()>; // UTC; for Retry-After dates
    static constexpr int DefaultTimeoutMs = 3000;

    explicit Sender(QNetworkAccessManager *manager, QObject *parent = nullptr);
    ~Sender() override;

    // Several sends may be in flight; each ends in exactly one finished().
    void send(const StoreRequest &request);
    // Aborts every request in flight; each finishes with Verdict::Cancelled.
    void cancel();

    int pendingCount() const { return int(m_inFlight.size() + m_rawInFlight.size()); }

    // The deadline for requests that carry none of their own (StoreRequest::timeoutMs()).
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int milliseconds);

    // Off by default. When on, certificate errors that are *only* "self-signed" are ignored;
    // every other TLS error (expired, wrong host, untrusted CA) still fails the send.
    bool acceptsSelfSigned() const { return m_acceptSelfSigned; }
    void setAcceptSelfSigned(bool accept) { m_acceptSelfSigned = accept; }

    void setClock(Clock clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void finished(const Sentry::SendResult &result);

private:
    // Why we aborted a reply ourselves: Qt reports each as OperationCanceledError.
    enum class Stop { None, Cancelled, Deadline, TooLarge };

    struct InFlight
    {
        QElapsedTimer timer;
        QByteArray body;
        bool bodyTruncated = false;
        QStringList tlsErrors;
        Stop stop = Stop::None;
        int deadlineMs = 0;
        ExchangeStage stage = ExchangeStage::Connecting;
    };

    void sendRaw(const StoreRequest &request);
    void report(const RawResponse &response, const QUrl &url);
    void watch(QNetworkReply *reply, int deadlineMs);
    void reached(QNetworkReply *reply, ExchangeStage stage);
    void stop(QNetworkReply *reply, Stop why);
    void readBody(QNetworkReply *reply);
    void handleSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
    void finish(QNetworkReply *reply);
    RawResponse rawResponse(QNetworkReply *reply, InFlight &state) const;
    static TransportFailure transportFailure(QNetworkReply *reply, Stop stop);

    QNetworkAccessManager *m_manager = nullptr;
    QHash<QNetworkReply *, InFlight> m_inFlight;
    QSet<RawHttpSender *> m_rawInFlight;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_acceptSelfSigned = false;
    Clock m_clock;
};

} // namespace Sentry
