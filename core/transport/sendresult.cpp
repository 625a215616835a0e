#include "sendresult.h"

#include "storerequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// A server answer and what it means: the v4 server's X-Sentry-Error texts (spec section 7) and the
// statuses of later servers. The first row whose status matches and whose prefix starts the
// X-Sentry-Error wins; an empty prefix matches any text, and a missing header.
struct AnswerRule
{
    int status;
    const char *errorPrefix;
    Verdict verdict;
    const char *explanation;
};

constexpr AnswerRule answerRules[] = {
    {400, "Missing required attribute in authentication header: sentry_secret", Verdict::AuthFailed,
     "The server needs the secret key from a server-side client, and the request had none: the DSN "
     "has no secret. Use the full DSN (scheme://public:secret@host/project)."},
    {400, "Invalid project_id", Verdict::AuthFailed,
     "The project id in the URL is not a project on this server: check the DSN's project id (its last "
     "path segment) and path prefix."},
    {400, "Invalid origin", Verdict::AuthFailed,
     "The request carried an Origin or Referer the project does not allow. A desktop client sends "
     "neither; check for a proxy adding them."},
    {400, "Invalid auth header", Verdict::AuthFailed,
     "The server could not parse X-Sentry-Auth: a value contains ',' or '=' (often the client name), or "
     "there is an empty piece. Check the client name and the DSN's keys."},
    {400, "Client/server version mismatch", Verdict::AuthFailed,
     "The server did not accept the auth header's sentry_version (it wants exactly 2.0, 3 or 4), or "
     "found no auth at all."},
    {400, "Client request error: Missing client version identifier", Verdict::AuthFailed,
     "The request named no client: send sentry_client=name/version (or a User-Agent)."},
    {400, "Project ID mismatch", Verdict::AuthFailed,
     "The DSN's public key belongs to another project than the project id in the URL: check that the "
     "DSN's key and project id come from the same DSN."},
    {400, "Invalid value for message", Verdict::InvalidData,
     "The event's message is not a string: fix the event (validate it first)."},
    {400, "", Verdict::InvalidData,
     "The server refused the event (400): read its X-Sentry-Error, and validate the event."},
    {401, "", Verdict::AuthFailed,
     "The server did not accept the credentials (401): check the DSN's public key and secret key."},
    {403, "Invalid api key", Verdict::AuthFailed,
     "The server does not know this key, or the secret is wrong: check the public key and the secret "
     "key of the DSN."},
    {403, "Invalid credentials", Verdict::AuthFailed,
     "The event's \"project\" does not match the key's project (legacy endpoint): check the DSN's "
     "project id and the event's project."},
    {403, "Creation of this event was blocked", Verdict::InvalidData,
     "The project blocks this event (a filter or a blocked client): check the project's settings."},
    {403, "Bad data decoding request", Verdict::InvalidData,
     "The server could not decode the body: send JSON starting with '{' or base64(zlib(JSON)); gzip, "
     "raw deflate, a BOM or leading whitespace are refused."},
    {403, "Bad data reconstructing object", Verdict::InvalidData,
     "The body decoded, but not to a JSON object the server could read: validate the event."},
    {403, "", Verdict::AuthFailed,
     "The server refused the request (403): check the public key and the secret key of the DSN."},
    {404, "", Verdict::Unreachable,
     "There is no store endpoint at this URL: check the DSN's host, path prefix and project id."},
    {405, "", Verdict::RateLimited,
     "405: on Sentry 6.0 this meant rate limiting; otherwise the method or URL is wrong (the store "
     "endpoint takes POST at .../api/{project}/store/): check the DSN's path."},
    {413, "", Verdict::InvalidData,
     "The event is too large for the server (store limits: 200 KB compressed, 1 MB of JSON): make it "
     "smaller or send it base64-zlib encoded."},
    {429, "", Verdict::RateLimited,
     "The server is rate limiting this project or key: wait for Retry-After before sending again."},
    {500, "", Verdict::ServerError,
     "The server crashed (500). A v4 server did so on a value of the wrong type (an event_id number, a "
     "null timestamp, a tag that is not a pair): validate the event."},
};

QString hostPort(const RawResponse &response)
{
    return response.port > 0 ? u"%1:%2"_s.arg(response.host).arg(response.port) : response.host;
}

// "3 s", "0.5 s", "250 ms": the deadline as a person would say it.
QString durationText(qint64 ms)
{
    if (ms < 1000)
        return u"%1 ms"_s.arg(ms);
    if (ms % 1000 == 0)
        return u"%1 s"_s.arg(ms / 1000);
    return u"%1 s"_s.arg(double(ms) / 1000.0, 0, 'f', ms % 100 == 0 ? 1 : 2);
}

// A deadline that passed says how far the exchange got: could not connect is not no answer.
QString timeoutExplanation(const RawResponse &response)
{
    const QString where = hostPort(response);
    const QString within = response.deadlineMs > 0 ? durationText(response.deadlineMs)
                                                   : durationText(response.elapsedMs);
    const QString longer = u"allow a longer timeout (the DSN's ?timeout=SECONDS, the target's "
                           "timeout or --timeout)"_s;
    switch (response.stage) {
    case ExchangeStage::Unknown:
        return u"No complete answer from %1 within %2 (connecting, sending and the whole answer): "
               "the server is too slow, or could not be reached. Check the DSN's host and port, or "
               "%3."_s.arg(where, within, longer);
    case ExchangeStage::Connecting:
        return u"Could not connect to %1 within %2: nothing answered the connection attempt (a "
               "firewall dropping packets, a wrong host or port, or the host is down). Nothing was "
               "sent. Check the DSN's host and port."_s.arg(where, within);
    case ExchangeStage::Sending:
        return u"Connected to %1, but the request could not be sent completely within %2: the "
               "server stopped reading it. Check that the DSN's host and port are a Sentry "
               "server, or %3."_s.arg(where, within, longer);
    case ExchangeStage::Waiting:
        return u"Connected to %1 and sent the request, but no answer came within %2: the server "
               "is slow or stuck (or a proxy is waiting for it). The request went out once, so "
               "the server may still store the event. Check the server, or %3."_s
            .arg(where, within, longer);
    case ExchangeStage::Receiving:
    case ExchangeStage::Done:
        break;
    }
    return u"Connected to %1 and sent the request; the answer started, then stalled: it was not "
           "complete within %2 (the server trickles its answer or hung while sending it). The "
           "server may have stored the event. Check the server, or %3."_s
        .arg(where, within, longer);
}

QString transportExplanation(const RawResponse &response)
{
    const QString where = hostPort(response);
    switch (response.failure) {
    case TransportFailure::Timeout:
        return timeoutExplanation(response);
    case TransportFailure::ConnectionRefused:
        return u"Could not connect to %1: the connection was refused (nothing listens there). Check "
               "the DSN's host and port."_s.arg(where);
    case TransportFailure::HostNotFound:
        return u"Could not connect: host '%1' not found (the name does not resolve). Check the "
               "DSN's host."_s.arg(response.host);
    case TransportFailure::ConnectionClosed:
        return u"%1 closed the connection (or answered with something that is not HTTP) before a "
               "status line: check the DSN's scheme (http or https) and port. The request went out "
               "once and was not resent, so the server may still have stored the event."_s.arg(where);
    case TransportFailure::Tls:
        return u"TLS failed with %1 (%2): check the DSN's scheme and host (the certificate must name "
               "the host); for a self-signed test server, accept self-signed certificates explicitly."_s
            .arg(where, response.errorString);
    case TransportFailure::Cancelled:
        return u"Cancelled before the server answered."_s;
    case TransportFailure::Other:
    case TransportFailure::None:
        break;
    }
    return u"Network error talking to %1: %2. Check the DSN's host and port."_s.arg(where, response.errorString);
}

Verdict transportVerdict(const RawResponse &response)
{
    switch (response.failure) {
    case TransportFailure::Timeout:
        // A connection that never came up is unreachable, however long we waited for it.
        return response.stage == ExchangeStage::Connecting ? Verdict::Unreachable : Verdict::Timeout;
    case TransportFailure::Tls:
        return Verdict::TlsError;
    case TransportFailure::Cancelled:
        return Verdict::Cancelled;
    default:
        return Verdict::Unreachable;
    }
}

QString parseEventId(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    return object.value("id"_L1).toString();
}

bool looksLikeHtml(const SendResult &result)
{
    const QByteArray start = result.body.left(512).trimmed().toLower();
    return result.header("Content-Type").toLower().contains("html") || start.startsWith("<!doctype html")
        || start.startsWith("<html");
}

void classifySuccess(SendResult &result)
{
    if (!result.eventId.isEmpty()) {
        result.verdict = Verdict::Accepted;
        result.explanation = u"Stored as event %1. (A 200 does not prove the event was kept whole: the "
                             "server drops bad interfaces silently; validate to see what it kept.)"_s
                                 .arg(result.eventId);
    } else if (looksLikeHtml(result)) {
        result.verdict = Verdict::ServerError;
        result.explanation = u"The server answered 200 with an HTML page: probably not a Sentry server (a "
                             "web server, proxy or captive portal). Check the DSN's host and path."_s;
    } else {
        result.verdict = Verdict::ServerError;
        result.explanation = u"The server answered 200 but did not confirm storage (no {\"id\": …} in the "
                             "body): treat the event as not delivered. Check the DSN's host and path."_s;
    }
}

const AnswerRule *findRule(const SendResult &result)
{
    for (const AnswerRule &rule : answerRules) {
        const bool anyText = *rule.errorPrefix == '\0'; // a null QString starts with nothing, not even ""
        if (rule.status == result.status
            && (anyText || result.serverError.startsWith(QLatin1StringView(rule.errorPrefix))))
            return &rule;
    }
    return nullptr;
}

QString genericExplanation(const SendResult &result)
{
    const QString location = QString::fromUtf8(result.header("Location"));
    if (result.status >= 300 && result.status < 400)
        return u"The server redirected (%1) to '%2': check the DSN's scheme (http or https), host and "
               "path."_s.arg(result.status).arg(location);
    if (result.status >= 500)
        return u"The server failed (%1): try again later; the client backs off."_s.arg(result.status);
    return u"Unexpected answer %1 from the server: check the DSN's host and path."_s.arg(result.status);
}

void classifyFailure(SendResult &result)
{
    const AnswerRule *rule = findRule(result);
    result.verdict = rule ? rule->verdict : Verdict::ServerError;
    result.explanation = rule ? QString::fromLatin1(rule->explanation) : genericExplanation(result);
    if (!result.hasServerError && result.status == 500)
        result.explanation += u" (No X-Sentry-Error arrived: a v4 server sends an empty one on a crash, "
                              "which the Qt network stack drops, so a proxy's 500 looks the same.)"_s;
    else if (!result.hasServerError)
        result.explanation += u" The answer has no X-Sentry-Error header: a proxy or another web server "
                              "answered, not Sentry itself."_s;
    else if (!result.serverError.isEmpty())
        result.explanation += u" Server said: \"%1\"."_s.arg(result.serverError);
}

std::optional<QDateTime> parseHttpDate(const QString &text)
{
    // RFC 9110 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (English names whatever the locale).
    QDateTime date = QLocale::c().toDateTime(text.simplified(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!date.isValid())
        return std::nullopt;
    date.setTimeZone(QTimeZone::utc());
    return date;
}

std::optional<RateLimit> parseRateLimit(const QString &entry)
{
    const QStringList parts = entry.trimmed().split(u':');
    bool ok = false;
    const qint64 seconds = parts.value(0).trimmed().toLongLong(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    RateLimit limit{seconds, parts.value(1).split(u';', Qt::SkipEmptyParts), parts.value(2), parts.value(3)};
    return limit;
}

} // namespace

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Accepted: return u"accepted"_s;
    case Verdict::InvalidData: return u"invalid_data"_s;
    case Verdict::AuthFailed: return u"auth_failed"_s;
    case Verdict::RateLimited: return u"rate_limited"_s;
    case Verdict::ServerError: return u"server_error"_s;
    case Verdict::Timeout: return u"timeout"_s;
    case Verdict::Unreachable: return u"unreachable"_s;
    case Verdict::TlsError: return u"tls_error"_s;
    case Verdict::Cancelled: return u"cancelled"_s;
    }
    return {};
}

QString stageName(ExchangeStage stage)
{
    switch (stage) {
    case ExchangeStage::Unknown: return u"unknown"_s;
    case ExchangeStage::Connecting: return u"connecting"_s;
    case ExchangeStage::Sending: return u"sending"_s;
    case ExchangeStage::Waiting: return u"waiting"_s;
    case ExchangeStage::Receiving: return u"receiving"_s;
    case ExchangeStage::Done: return u"done"_s;
    }
    return {};
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds);
    const std::optional<QDateTime> date = parseHttpDate(text);
    if (!date)
        return std::nullopt;
    return std::max<qint64>(0, now.secsTo(*date));
}

QList<RateLimit> parseRateLimits(const QByteArray &value)
{
    QList<RateLimit> limits;
    const QStringList entries = QString::fromLatin1(value).split(u',', Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        if (const auto limit = parseRateLimit(entry))
            limits.append(*limit);
    }
    return limits;
}

QByteArray SendResult::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

SendResult SendResult::classify(const RawResponse &response, const QDateTime &now)
{
    SendResult result;
    result.status = response.status;
    result.failure = response.failure;
    result.errorString = response.errorString;
    result.headers = response.headers;
    result.body = response.body.left(MaxBodyBytes);
    result.bodyTruncated = response.bodyTruncated || response.body.size() > MaxBodyBytes;
    result.elapsedMs = response.elapsedMs;
    result.stage = response.stage;
    if (response.status == 0) {
        result.verdict = transportVerdict(response);
        result.explanation = transportExplanation(response);
        return result;
    }
    const auto hasHeader = [&](const char *name) {
        return std::any_of(result.headers.cbegin(), result.headers.cend(), [name](const auto &h) {
            return h.first.compare(QByteArrayView(name), Qt::CaseInsensitive) == 0;
        });
    };
    result.hasServerError = hasHeader(HttpHeader::SentryError);
    result.serverError = QString::fromUtf8(result.header(HttpHeader::SentryError));
    result.retryAfterSeconds = parseRetryAfter(result.header(HttpHeader::RetryAfter), now);
    result.rateLimits = parseRateLimits(result.header(HttpHeader::RateLimits));
    result.eventId = parseEventId(result.body);
    if (result.status >= 200 && result.status < 300)
        classifySuccess(result);
    else
        classifyFailure(result);
    if (result.bodyTruncated)
        result.explanation += u" The answer's body passed %1 bytes, so the harness kept those, stopped "
                              "reading and closed the connection: no Sentry answer is that long."_s.arg(MaxBodyBytes);
    return result;
}

} // namespace Sentry
