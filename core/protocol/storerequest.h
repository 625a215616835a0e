#pragma once

// The store request as a pure value: (DSN, event, encoding, client, clock) → method, URL, headers
// and body, with no I/O. Renders the raw HTTP text and a curl command that reproduces the request
// byte for byte.
//
//     Sentry::StoreRequestOptions options;
//     options.encoding = Sentry::BodyEncoding::Base64Zlib;
//     auto request = Sentry::StoreRequest::build(dsn, event.toJson(), options);
//     QNetworkRequest qreq = request.toNetworkRequest();

#include "bodycodec.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QJsonObject;
class QNetworkRequest;

namespace Sentry {

class Dsn;

namespace HttpHeader {
inline constexpr char SentryAuth[] = "X-Sentry-Auth";
inline constexpr char UserAgent[] = "User-Agent";
inline constexpr char ContentType[] = "Content-Type";
inline constexpr char ContentLength[] = "Content-Length";
inline constexpr char SentryError[] = "X-Sentry-Error";
inline constexpr char RetryAfter[] = "Retry-After";
inline constexpr char RateLimits[] = "X-Sentry-Rate-Limits";
} // namespace HttpHeader

inline constexpr char DefaultClient[] = "sentry-harness/0.1.0";

struct StoreRequestOptions
{
    BodyEncoding encoding = BodyEncoding::Json;
    QString client = QString::fromLatin1(DefaultClient); // sentry_client and User-Agent
    bool useLegacyEndpoint = false;                      // /api/store/ instead of /api/{id}/store/
    QStringList authFieldOrder;                          // see AuthParams::order
    std::function<qint64()> clock;                       // unix seconds; current time when empty
    // Added after the harness's own headers, in order; one with the name of a harness header
    // (User-Agent, X-Sentry-Auth, Content-Type) replaces it in place. Checked by
    // checkHeaderField(): a bad one makes build() fail with the reason.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    // The deadline for sending this request; nullopt: the DSN's ?timeout=, else the sender's.
    std::optional<int> timeoutMs;
};

class StoreRequest
{
public:
    using Header = QPair<QByteArray, QByteArray>;

    // Fails (nullopt and *error) only when the DSN is invalid or the auth header cannot be built.
    static std::optional<StoreRequest> build(const Dsn &dsn, const QByteArray &eventJson,
                                             const StoreRequestOptions &options = {},
                                             QString *error = nullptr);

    QByteArray method() const { return m_method; }
    QUrl url() const { return m_url; }
    QList<Header> headers() const { return m_headers; } // in wire order
    QByteArray header(const QByteArray &name) const;    // case-insensitive
    QByteArray body() const { return m_body; }
    BodyEncoding encoding() const { return m_encoding; }

    // Where the deadline for this request comes from, and the deadline itself (nullopt: the
    // sender's default). Not on the wire; the sender honours it.
    enum class TimeoutSource { SenderDefault, Dsn, Options };
    std::optional<int> timeoutMs() const { return m_timeoutMs; }
    TimeoutSource timeoutSource() const { return m_timeoutSource; }

    // "host[:port]" as the Host header carries it (port only when not the scheme's default,
    // IPv6 in brackets); not part of headers(), since curl and QNetworkAccessManager add it.
    QByteArray hostHeader() const;
    QByteArray target() const;  // the request target: path (and query), percent-encoded

    QByteArray toHttp() const;  // "POST /api/1/store/ HTTP/1.1\r\nHost: …\r\n…\r\n\r\n<body>"
    QString toCurl() const;     // a runnable command sending exactly these headers and bytes
    QJsonObject toJson() const; // {method, url, headers: {name: value}, body}
    QNetworkRequest toNetworkRequest() const; // headers set, no Origin/Referer

private:
    QByteArray m_method = "POST";
    QUrl m_url;
    QList<Header> m_headers;
    QByteArray m_body;
    BodyEncoding m_encoding = BodyEncoding::Json;
    std::optional<int> m_timeoutMs;
    TimeoutSource m_timeoutSource = TimeoutSource::SenderDefault;
};

} // namespace Sentry
