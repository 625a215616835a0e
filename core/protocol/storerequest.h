#pragma once

// The store request as a pure value: (DSN, event, options, clock) → method, URL, headers and
// body, with no I/O. Every header that goes on the wire is in headers(), in wire order: the
// ones Qt's QNetworkAccessManager would otherwise add by itself (Host, Connection,
// Accept-Encoding, Accept-Language, User-Agent) are set explicitly, or, for a client that sent
// fewer (a preset's onlyListedHeaders), the Sender writes the bytes itself (needsRawSocket()), so
// the raw HTTP text, the curl command and what goes on the socket are the same bytes.
//
//     Sentry::StoreRequestOptions options;
//     options.encoding = Sentry::BodyEncoding::Base64Zlib;
//     auto request = Sentry::StoreRequest::build(dsn, event.toJson(), options);
//     QNetworkRequest qreq = request.toNetworkRequest();

#include "authheader.h"
#include "bodycodec.h"
#include "clientshape.h"
#include "finding.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QJsonArray;
class QJsonObject;
class QNetworkRequest;

namespace Sentry {

class Dsn;

namespace HttpHeader {
inline constexpr char Host[] = "Host";
inline constexpr char SentryAuth[] = "X-Sentry-Auth";
inline constexpr char UserAgent[] = "User-Agent";
inline constexpr char Origin[] = "Origin";
inline constexpr char Referer[] = "Referer";
inline constexpr char ContentType[] = "Content-Type";
inline constexpr char ContentLength[] = "Content-Length";
inline constexpr char Connection[] = "Connection";
inline constexpr char AcceptEncoding[] = "Accept-Encoding";
inline constexpr char AcceptLanguage[] = "Accept-Language";
inline constexpr char SentryError[] = "X-Sentry-Error";
inline constexpr char RetryAfter[] = "Retry-After";
inline constexpr char RateLimits[] = "X-Sentry-Rate-Limits";
} // namespace HttpHeader

// The query parameter a GET beacon carries the event in (spec section 2).
inline constexpr char16_t SentryDataParameter[] = u"sentry_data";

inline constexpr char DefaultClient[] = "sentry-harness/0.1.0";

enum class RequestMethod { Post, Get }; // Get: raven-js 1.1's image beacon, all in the query
// sentry_timestamp: raven-node 0.6 sent milliseconds, raven-php 0.8 PHP's "%F" of microtime(true),
// seconds with six decimals ("1386350000.123400").
enum class TimestampUnit { Seconds, Milliseconds, SecondsWithMicros };

struct StoreRequestOptions
{
    BodyEncoding encoding = BodyEncoding::Json;          // POST only: a GET carries plain JSON
    QString client = QString::fromLatin1(DefaultClient); // sentry_client
    QString userAgent;                                   // empty: the client string
    RequestMethod method = RequestMethod::Post;
    bool useLegacyEndpoint = false;                      // /api/store/ instead of /api/{id}/store/
    QStringList authFieldOrder;                          // see AuthParams::order
    TimestampUnit timestampUnit = TimestampUnit::Seconds;
    bool sendTimestamp = true;                           // raven-js sent no sentry_timestamp
    bool sendSecret = true;                              // browser clients send the key only
    // GET: percent-encode the auth values as encodeURIComponent does (raven-js 1.1.22 did,
    // 1.1.11 wrote them as they were, '/' included).
    bool encodeQueryAuthValues = true;
    QString origin;                                      // browser headers; none when empty
    QString referer;
    // Header names in wire order; empty means DefaultHeaderOrder(). Host always goes first (curl
    // and Qt both put it there); headers the request needs but the list omits follow in the
    // default order.
    QList<QByteArray> headerOrder;
    // The headers in headerOrder (and Host) are all that is sent: none of the defaults Qt would add
    // (User-Agent, Connection, Accept-Encoding, Accept-Language) unless listed. Such a request
    // needsRawSocket(): the sender writes its bytes itself (raven-node sent no User-Agent).
    bool onlyListedHeaders = false;
    // How the client shaped the event (interface names, timestamp, level, members it always set);
    // build() applies it, so the preview, the curl command and what is sent agree.
    EventShape eventShape;
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

    // What the harness sends for the headers Qt would otherwise add by itself: keep-alive, no
    // compressed answers (the answer is shown as it came), any language. HTTP/1.1 clients of the
    // time sent these or nothing; Qt 6.4 sends a value of its own for each one left unset.
    static QByteArray defaultHeaderValue(const QByteArray &name);
    static QList<QByteArray> defaultHeaderOrder();
    // The headers Qt's QNetworkAccessManager sends whatever is set: a value of its own for each one
    // left out, and Host first.
    static QList<QByteArray> qtAddedHeaders();

    // Fails (nullopt and *error) only when the DSN is invalid or the auth header cannot be built.
    // The headers the options give (extra headers, Origin, Referer, User-Agent) checked as HTTP
    // fields, as build() does first; the first problem in *error, labelled with the header.
    static bool checkGivenHeaders(const StoreRequestOptions &options, QString *error = nullptr);
    static std::optional<StoreRequest> build(const Dsn &dsn, const QByteArray &eventJson,
                                             const StoreRequestOptions &options = {},
                                             QString *error = nullptr);

    QByteArray method() const { return m_method; }
    QUrl url() const;
    QList<Header> headers() const { return m_headers; } // in wire order, Host first
    QByteArray header(const QByteArray &name) const;    // case-insensitive
    QByteArray body() const { return m_body; }          // empty for a GET
    QByteArray eventJson() const { return m_eventJson; } // as sent: shaped by the options' eventShape
    // True when QNetworkAccessManager would change the headers (one of qtAddedHeaders() is not
    // sent): the Sender then writes toHttp() on a socket of its own, byte for byte.
    bool needsRawSocket() const;
    BodyEncoding encoding() const { return m_encoding; }
    bool isBeacon() const { return m_method == "GET"; }
    // The auth fields in the order sent (the X-Sentry-Auth header's, or the query's for a GET).
    QList<AuthHeader::Field> authFields() const { return m_auth.fields(); }

    // A copy in which sentry_secret reads MaskText wherever it is sent (header or query), masked
    // by field; body and Content-Length are unchanged. For showing, never for sending.
    StoreRequest withMaskedSecret() const;

    // Where the deadline for this request comes from, and the deadline itself (nullopt: the
    // sender's default). Not on the wire; the sender honours it.
    enum class TimeoutSource { SenderDefault, Dsn, Options };
    std::optional<int> timeoutMs() const { return m_timeoutMs; }
    TimeoutSource timeoutSource() const { return m_timeoutSource; }

    // "host[:port]" as the Host header carries it (port only when not the scheme's default,
    // IPv6 in brackets).
    QByteArray hostHeader() const;
    QByteArray target() const;  // the request target: path (and query), percent-encoded
    QByteArray urlText() const; // scheme://authority + target(), byte for byte

    QByteArray toHttp() const;  // "POST /api/1/store/ HTTP/1.1\r\nHost: …\r\n…\r\n\r\n<body>"
    QString toCurl() const;     // a runnable command sending exactly these headers and bytes
    // {method, url, headers: [{name, value}], auth: [{name, value}], body, encoding}: the
    // headers and auth fields as ordered lists, duplicates kept.
    QJsonObject toJson() const;
    QNetworkRequest toNetworkRequest() const; // exactly headers(), in order

    // What stands between this request and the event being read, said before it is sent: the auth
    // it carries judged by AuthHeader's one judge (a missing secret is an error when there is no
    // Origin and no Referer: the server answered 400), and a GET beacon's URL past the limits of
    // the browsers and web servers of the time (rows in storerequest.cpp), and on the legacy
    // endpoint an event "project" that is not the DSN's (the server answered 403).
    Findings findings() const;

    static QJsonArray pairsToJson(const QList<Header> &pairs);
    static QJsonArray fieldsToJson(const QList<AuthHeader::Field> &fields);

private:
    using QueryItem = QPair<QByteArray, QByteArray>; // name, percent-encoded value

    void setHeaders(const StoreRequestOptions &options);
    QByteArray headerValue(const QByteArray &name, const StoreRequestOptions &options) const;
    void setQueryAuth(const StoreRequestOptions &options);
    QString legacyProjectProblem() const;

    QByteArray m_method = "POST";
    QUrl m_baseUrl;              // without the query
    QList<QueryItem> m_query;    // a GET's auth fields and sentry_data, in order
    QList<Header> m_headers;
    QByteArray m_body;
    QByteArray m_eventJson;
    Findings m_shapeNotes;
    BodyEncoding m_encoding = BodyEncoding::Json;
    AuthHeader m_auth;
    QString m_projectId;     // the DSN's project: an id or a slug
    bool m_legacy = false;   // posted to /api/store/
    std::optional<int> m_timeoutMs;
    TimeoutSource m_timeoutSource = TimeoutSource::SenderDefault;
};

} // namespace Sentry
