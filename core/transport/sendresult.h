#pragma once

// The outcome of one store request (spec sections 7 and 8): what the server answered, parsed,
// and a verdict with a plain-language explanation naming the likely cause and the DSN part to check.
// Classification is pure: SendResult::classify(response, now) turns a raw answer into a result,
// so every verdict is pinned down by table tests without a network.
//
//     const auto result = Sentry::SendResult::classify(response, QDateTime::currentDateTimeUtc());
//     if (!result.isAccepted()) qWarning() << verdictName(result.verdict) << result.explanation;

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sentry {

enum class Verdict {
    Accepted,    // 200 with {"id": …}: the only proof of delivery
    InvalidData, // the server refused the event itself (400 bad value, 403 bad body, 413)
    AuthFailed,  // the server refused the credentials (key, secret, version, project)
    RateLimited, // 429 (and 405 on Sentry 6.0)
    ServerError, // 5xx, or an answer that does not confirm storage (200 without id, HTML, 3xx)
    Timeout,     // connected, but no complete answer within the deadline
    Unreachable, // could not connect: refused, host not found, no answer to connecting in time
    TlsError,    // certificate or handshake failure
    Cancelled,   // cancelled by the caller
};

QString verdictName(Verdict verdict); // "accepted", "invalid_data", "auth_failed", …

// How a request failed below HTTP; None when an HTTP status arrived.
enum class TransportFailure {
    None,
    Timeout,
    ConnectionRefused,
    HostNotFound,
    ConnectionClosed,
    Tls,
    Cancelled,
    Other,
};

// How far an exchange got when it ended; for a timeout, where it stalled.
enum class ExchangeStage {
    Unknown,    // not recorded (a response built by hand)
    Connecting, // no sign of a connection yet (name lookup, connecting, TLS handshake)
    Sending,    // connected, part of the request written
    Waiting,    // the whole request sent, no answer yet
    Receiving,  // the answer's status and headers arrived, its body had not ended
    Done,       // the answer was complete
};

QString stageName(ExchangeStage stage); // "unknown", "connecting", "sending", "waiting", …

// One entry of X-Sentry-Rate-Limits: "retry_after:categories:scope[:reason_code]".
struct RateLimit
{
    qint64 retryAfterSeconds = 0;
    QStringList categories; // empty means every category
    QString scope;          // "organization", "project", "key"; may be empty
    QString reasonCode;

    friend bool operator==(const RateLimit &a, const RateLimit &b)
    {
        return a.retryAfterSeconds == b.retryAfterSeconds && a.categories == b.categories
            && a.scope == b.scope && a.reasonCode == b.reasonCode;
    }
};

// "120" or an HTTP-date, against `now`; nullopt when absent or unparsable. Never negative.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);
// Entries that do not parse are skipped.
QList<RateLimit> parseRateLimits(const QByteArray &value);

// The raw answer as the transport saw it; the input of classify().
struct RawResponse
{
    int status = 0; // 0 when no HTTP answer arrived
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool bodyTruncated = false;
    TransportFailure failure = TransportFailure::None;
    QString errorString; // the transport's own message (Qt's), for the explanation
    qint64 elapsedMs = 0;
    qint64 deadlineMs = 0; // the sender's deadline for the whole exchange; 0 when unknown
    ExchangeStage stage = ExchangeStage::Unknown;
    QString host;        // the request's host and port, to name them in explanations
    int port = -1;
};

struct SendResult
{
    static constexpr qsizetype MaxBodyBytes = 1024 * 1024;

    int status = 0;
    TransportFailure failure = TransportFailure::None;
    QString errorString;
    QString eventId;             // from {"id": …}; empty when the server did not confirm
    QString serverError;         // X-Sentry-Error
    bool hasServerError = false; // the header was present (possibly empty, as on a 500)
    std::optional<qint64> retryAfterSeconds;
    QList<RateLimit> rateLimits;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;             // at most MaxBodyBytes
    bool bodyTruncated = false;
    qint64 elapsedMs = 0;
    ExchangeStage stage = ExchangeStage::Unknown;
    Verdict verdict = Verdict::Unreachable;
    QString explanation;

    bool isAccepted() const { return verdict == Verdict::Accepted; }
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent

    static SendResult classify(const RawResponse &response, const QDateTime &now);
};

} // namespace Sentry

Q_DECLARE_METATYPE(Sentry::SendResult)
Q_DECLARE_METATYPE(Sentry::RawResponse)
