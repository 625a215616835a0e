#include "timeline.h"

#include "authheader.h"
#include "backoff.h"
#include "bodycodec.h"
#include "dsn.h"
#include "exchange.h"
#include "jsonpointer.h"
#include "mask.h"
#include "scrubber.h"
#include "sendresult.h"
#include "storerequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

using Kind = TimelineStep::Kind;
using Outcome = TimelineStep::Outcome;

const QString Masked = QString::fromUtf16(MaskText);

// What every step reads from the exchange, worked out once.
struct Facts
{
    const Exchange &exchange;
    QUrl url;              // absolute, the secret masked in the query
    QList<AuthHeader::Field> auth; // as recorded, else read from the request as sent
    QString key;           // sentry_key
    QString secret;        // sentry_secret (only to know there was one)
    QString version;       // sentry_version
    QString project;       // from the path, else the exchange's
    QString prefix;        // the path before "api/"
    bool legacy = false;   // /api/store/
    bool isStoreRoute = false;
    DecodeResult decoded;
    QByteArray json;       // the event text (decoded, or from the GET query)
    SendResult result;     // the answer, classified as a client would

    QString refusalArea() const { return exchange.refusal.section(u'.', 0, 0); }
    bool isIn() const { return exchange.direction == Exchange::Direction::In; }
};

// A received exchange keeps the fields the judge found; a sent one keeps its request only.
QList<AuthHeader::Field> authOf(const Exchange &exchange)
{
    if (!exchange.auth.isEmpty())
        return exchange.auth;
    const QByteArray header = headerValue(exchange.requestHeaders, HttpHeader::SentryAuth);
    if (!header.isEmpty())
        return AuthHeader::parse(QString::fromLatin1(header)).fields();
    return exchange.method == "GET" ? AuthHeader::parseQuery(QString::fromUtf8(exchange.url)).fields()
                                    : QList<AuthHeader::Field>();
}

QString authField(const QList<AuthHeader::Field> &auth, const QString &name)
{
    for (const AuthHeader::Field &field : auth) {
        if (field.name == name)
            return field.value;
    }
    return {};
}

QUrl absoluteUrl(const Exchange &exchange)
{
    if (exchange.direction == Exchange::Direction::Out)
        return QUrl::fromEncoded(exchange.url);
    const QByteArray host = headerValue(exchange.requestHeaders, HttpHeader::Host);
    return QUrl::fromEncoded("http://" + (host.isEmpty() ? QByteArray("localhost") : host) + exchange.url);
}

QUrl withMaskedSecret(QUrl url)
{
    QUrlQuery query(url);
    if (!query.hasQueryItem(QString::fromUtf16(AuthField::Secret)))
        return url;
    query.removeAllQueryItems(QString::fromUtf16(AuthField::Secret));
    query.addQueryItem(QString::fromUtf16(AuthField::Secret), Masked);
    url.setQuery(query);
    return url;
}

void readPath(Facts &facts)
{
    const QString path = facts.url.path();
    const qsizetype api = path.lastIndexOf("/api/"_L1);
    if (api < 0)
        return;
    facts.prefix = path.left(api + 1);
    const QStringList rest = path.mid(api + 5).split(u'/');
    facts.legacy = rest.size() >= 1 && rest.first() == "store"_L1;
    if (!facts.legacy && rest.size() >= 2 && rest.at(1) == "store"_L1)
        facts.project = rest.first();
    facts.isStoreRoute = facts.legacy || !facts.project.isEmpty();
}

SendResult classify(const Exchange &exchange)
{
    RawResponse response;
    response.status = exchange.status;
    response.headers = exchange.responseHeaders;
    response.body = exchange.responseBody;
    response.elapsedMs = exchange.durationMs;
    response.host = QUrl::fromEncoded(exchange.url).host();
    if (exchange.status == 0) {
        const bool hung = exchange.fault.startsWith("hang"_L1);
        response.failure = hung ? TransportFailure::Timeout
            : exchange.direction == Exchange::Direction::In ? TransportFailure::ConnectionClosed
                                : TransportFailure::Other;
        response.errorString = exchange.error;
    }
    return SendResult::classify(response, exchange.at);
}

Facts factsOf(const Exchange &exchange)
{
    Facts facts{exchange};
    facts.url = withMaskedSecret(absoluteUrl(exchange));
    facts.auth = authOf(exchange);
    facts.key = authField(facts.auth, QString::fromUtf16(AuthField::Key));
    facts.secret = authField(facts.auth, QString::fromUtf16(AuthField::Secret));
    facts.version = authField(facts.auth, QString::fromUtf16(AuthField::Version));
    readPath(facts);
    if (facts.project.isEmpty())
        facts.project = exchange.project;
    facts.decoded = BodyCodec::decode(exchange.requestBody);
    facts.json = exchange.eventJson;
    facts.result = classify(exchange);
    return facts;
}

QString bytes(qsizetype size)
{
    return size == 1 ? u"1 byte"_s : u"%1 bytes"_s.arg(size);
}

// DSN ---------------------------------------------------------------------------------------------

TimelineStep dsnStep(const Facts &f)
{
    TimelineStep step{Kind::Dsn};
    if (f.key.isEmpty()) {
        step.outcome = Outcome::Problem;
        step.summary = u"No sentry_key: no DSN can be read back from this request"_s;
        step.explanation = u"A client builds every request from its DSN, "
                           "{PROTOCOL}://{PUBLIC_KEY}:{SECRET_KEY}@{HOST}/{PATH}{PROJECT_ID}. This "
                           "request carries no public key, so it did not come from a configured v4 "
                           "client (or its auth was lost on the way)."_s;
        return step;
    }
    QUrl dsnUrl = f.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    dsnUrl.setPath(f.prefix + f.project);
    dsnUrl.setUserName(f.key);
    dsnUrl.setPassword(f.secret.isEmpty() ? QString() : Masked);
    const Dsn dsn = Dsn::parse(dsnUrl.toString());
    step.summary = u"The client was configured with %1"_s.arg(dsn.toString());
    step.values = {{u"DSN"_s, dsn.toString()},
                   {u"public key"_s, f.key},
                   {u"secret key"_s, f.secret.isEmpty() ? u"none (a browser client)"_s : Masked},
                   {u"server"_s, dsn.baseUrl().toString()},
                   {u"project"_s, f.project.isEmpty() ? u"(named by the key only)"_s : f.project}};
    step.explanation = u"Everything a v4 client needs is in its DSN: the public key (and, for a "
                       "server-side client, the secret) authenticate it, the scheme, host and path "
                       "say where the server is, and the last path segment names the project. The "
                       "DSN shown is read back from the request; the secret is never shown."_s;
    return step;
}

// URL ---------------------------------------------------------------------------------------------

TimelineStep urlStep(const Facts &f)
{
    TimelineStep step{Kind::Url};
    const QString url = f.url.toString();
    step.values = {{u"method"_s, QString::fromLatin1(f.exchange.method)}, {u"URL"_s, url}};
    if (f.isIn() && !f.exchange.peer.isEmpty())
        step.values.append({u"from"_s, f.exchange.peer});
    if (!f.isStoreRoute) {
        step.outcome = Outcome::Problem;
        step.summary = u"%1 %2 is not a store URL"_s.arg(QString::fromLatin1(f.exchange.method), url);
        step.explanation = u"The store URL is {base}api/{project}/store/, built from the DSN's host, "
                           "path prefix and project id. A request elsewhere is answered 404 and "
                           "never reaches the store."_s;
        return step;
    }
    step.summary = u"%1 %2"_s.arg(QString::fromLatin1(f.exchange.method), url);
    step.explanation = f.legacy
        ? u"The legacy /api/store/ URL names no project: the server finds it from the public key. "
          "Clients of the v4 era build {base}api/{project}/store/ instead."_s
        : u"The store URL is the DSN's scheme, host and path prefix followed by "
          "api/%1/store/: the project id comes from the DSN's last path segment."_s.arg(f.project);
    if (f.exchange.method == "GET") {
        step.outcome = Outcome::Note;
        step.explanation += u" A GET is a browser's image beacon: the auth fields and the event "
                            "(sentry_data) travel in the query string."_s;
    }
    if (f.refusalArea() == "origin"_L1) {
        step.outcome = Outcome::Problem;
        step.explanation += u" The receiver refused the request's Origin: it is not among the "
                            "project's allowed origins."_s;
    }
    return step;
}

// Auth header -------------------------------------------------------------------------------------

QString authSourceText(const Exchange &exchange)
{
    if (!exchange.authSource.isEmpty())
        return exchange.authSource;
    if (!headerValue(exchange.requestHeaders, HttpHeader::SentryAuth).isEmpty())
        return u"x-sentry-auth"_s;
    return exchange.method == "GET" ? u"query"_s : u"none"_s;
}

TimelineStep authStep(const Facts &f)
{
    TimelineStep step{Kind::Auth};
    const QString source = authSourceText(f.exchange);
    step.values.append({u"found in"_s, source});
    for (const AuthHeader::Field &field : f.auth) {
        const bool secret = field.name == QString::fromUtf16(AuthField::Secret);
        step.values.append({field.name, secret ? Masked : field.value});
    }
    step.summary = f.auth.isEmpty()
        ? u"No auth fields were found"_s
        : u"%1 auth field(s) in %2, protocol version %3"_s.arg(f.auth.size()).arg(
              source, f.version.isEmpty() ? u"(none)"_s : f.version);
    step.explanation = u"The client authenticates with X-Sentry-Auth: \"Sentry sentry_version=…, "
                       "sentry_client=…, sentry_timestamp=…, sentry_key=…, sentry_secret=…\". The "
                       "version names the protocol (4 for the v4 clients; 2.0 and 3 are older), the key and secret come from "
                       "the DSN, the client names the library that sent it."_s;
    const bool refused = f.refusalArea() == "auth"_L1 || f.exchange.status == 401;
    if (f.auth.isEmpty() || refused) {
        step.outcome = Outcome::Problem;
        if (refused)
            step.explanation += u" The server refused these credentials (%1): check the DSN's "
                                "keys and project."_s.arg(f.exchange.refusal.isEmpty()
                                                              ? u"HTTP 401"_s : f.exchange.refusal);
    }
    return step;
}

// JSON --------------------------------------------------------------------------------------------

TimelineStep jsonStep(const Facts &f)
{
    TimelineStep step{Kind::Json};
    const QJsonObject event = QJsonDocument::fromJson(f.json).object();
    if (event.isEmpty()) {
        step.outcome = Outcome::Problem;
        step.summary = u"No event could be read from the request"_s;
        step.explanation = u"The body must decode to one JSON object, the event. This one did not, "
                           "so the server refused it (see the encoding step)."_s;
        return step;
    }
    const auto text = [&event](const char *key, const QString &absent) {
        const QString value = event.value(QLatin1StringView(key)).toString();
        return value.isEmpty() ? absent : value;
    };
    step.values = {{u"event_id"_s, text("event_id", u"(none: the server assigns one)"_s)},
                   {u"message"_s, text("message", u"(none)"_s)},
                   {u"level"_s, text("level", u"(none: error)"_s)},
                   {u"size"_s, bytes(f.json.size())},
                   {u"top-level keys"_s, QString::number(event.size())}};
    if (f.isIn())
        step.values.append({u"findings"_s, QString::number(f.exchange.findings.size())});
    step.summary = u"An event of %1 with %2 keys"_s.arg(bytes(f.json.size())).arg(event.size());
    step.explanation = u"The event is one JSON object: event_id (32 hex digits), message, level, "
                       "timestamp, and the interfaces (exception, stacktrace, request, user…)."_s;
    const QString area = f.refusalArea();
    if (area == "event"_L1 || f.exchange.refusal.startsWith("body.reconstruct"_L1)
        || f.exchange.refusal.startsWith("body.legacy"_L1)) {
        step.outcome = Outcome::Problem;
        step.explanation += u" The server refused the event itself (%1, at %2)."_s.arg(
            f.exchange.refusal, f.exchange.findings.isEmpty() ? u"the event"_s : u"its findings"_s);
    }
    return step;
}

// Scrubbing ---------------------------------------------------------------------------------------

void collectMasked(const QJsonValue &value, const QString &path, QStringList *paths)
{
    if (value.isString() && value.toString() == Masked)
        paths->append(path.isEmpty() ? u"/"_s : path);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectMasked(it.value(), path + u'/' + JsonPointer::escape(it.key()), paths);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectMasked(array.at(i), path + u'/' + QString::number(i), paths);
    }
}

// What the default scrubbing chain would still take out of the event as sent.
QStringList stillSensitive(const QJsonObject &event)
{
    QStringList paths;
    for (const ScrubEntry &entry : Scrubber::scrub(event).entries) {
        if (JsonPointer::value(event, entry.path).toString() != Masked)
            paths.append(entry.path);
    }
    return paths;
}

TimelineStep scrubbingStep(const Facts &f)
{
    TimelineStep step{Kind::Scrubbing};
    const QJsonObject event = QJsonDocument::fromJson(f.json).object();
    QStringList masked;
    collectMasked(event, {}, &masked);
    const QStringList remaining = stillSensitive(event);
    step.values = {{u"masked values"_s, masked.isEmpty() ? u"none"_s : masked.join(u", "_s)},
                   {u"still sensitive"_s, remaining.isEmpty() ? u"none"_s : remaining.join(u", "_s)}};
    step.summary = masked.isEmpty() ? u"Nothing in the event was masked"_s
                                    : u"%1 value(s) were masked as %2"_s.arg(masked.size()).arg(Masked);
    step.explanation = u"Before sending, a client's processors mask password-like keys and card "
                       "numbers as ******** and remove cookies and POST data (spec section 9)."_s;
    if (!remaining.isEmpty()) {
        step.outcome = Outcome::Note;
        step.explanation += u" The default chain would still have taken out %1: this event was "
                            "sent without it, or with some processors switched off."_s.arg(
                                remaining.join(u", "_s));
    }
    return step;
}

// Encoding ----------------------------------------------------------------------------------------

QString ratio(qsizetype part, qsizetype whole)
{
    return whole > 0 ? u"%1%"_s.arg(100.0 * double(part) / double(whole), 0, 'f', 0) : u"-"_s;
}

TimelineStep encodingStep(const Facts &f)
{
    TimelineStep step{Kind::Encoding};
    const qsizetype body = f.exchange.requestBody.size();
    if (f.exchange.method == "GET") {
        step.summary = u"Plain JSON in the query string (sentry_data)"_s;
        step.values = {{u"form"_s, u"query parameter"_s}, {u"JSON"_s, bytes(f.json.size())}};
        step.explanation = u"A beacon cannot carry a body: the event is URL-encoded into the "
                           "sentry_data parameter, which limits its size to what a URL can hold."_s;
        return step;
    }
    const QString form = formDescription(f.decoded.form);
    step.values = {{u"form"_s, form},
                   {u"Content-Type"_s, QString::fromLatin1(headerValue(f.exchange.requestHeaders,
                                                                       HttpHeader::ContentType))},
                   {u"JSON"_s, bytes(f.json.size())},
                   {u"body"_s, bytes(body)},
                   {u"body / JSON"_s, ratio(body, f.json.size())}};
    step.summary = u"%1: %2 of JSON became %3 on the wire"_s.arg(form, bytes(f.json.size()), bytes(body));
    step.explanation = f.decoded.form == BodyForm::Base64Zlib
        ? u"The JSON was compressed with zlib (RFC 1950, not gzip) and then base64-encoded, as the "
          "Python and PHP clients do; the server sniffs the form from the first byte."_s
        : u"The JSON went as it is, as the JavaScript and Node clients send it."_s;
    if (f.decoded.form == BodyForm::Base64Zlib && body > f.json.size())
        step.explanation += u" Base64 adds a third to what zlib saved: for an event this small the "
                            "body is larger than its JSON."_s;
    if (!f.decoded.isOk()) {
        step.outcome = Outcome::Problem;
        step.explanation = f.decoded.errorString;
    }
    return step;
}

// Bytes -------------------------------------------------------------------------------------------

TimelineStep bytesStep(const Facts &f)
{
    TimelineStep step{Kind::Bytes};
    qsizetype headerBytes = 0;
    for (const RawHeader &header : f.exchange.requestHeaders)
        headerBytes += header.first.size() + header.second.size() + 4; // ": " and CRLF
    const qsizetype line = f.exchange.method.size() + 1 + QUrl::fromEncoded(f.exchange.url).path(
                               QUrl::FullyEncoded).size() + 11; // " HTTP/1.1\r\n"
    const qsizetype total = line + headerBytes + 2 + f.exchange.requestBody.size();
    step.values = {{u"headers"_s, u"%1 (%2)"_s.arg(f.exchange.requestHeaders.size()).arg(bytes(headerBytes))},
                   {u"body"_s, bytes(f.exchange.requestBody.size())},
                   {u"request, about"_s, bytes(total)}};
    step.summary = u"About %1 went over the connection"_s.arg(bytes(total));
    step.explanation = u"The request line, %1 header lines and the body, with Content-Length giving "
                       "the body's size; the v4 server refused bodies over its limit with 413."_s
                           .arg(f.exchange.requestHeaders.size());
    if (f.exchange.refusal.startsWith("body.too-large"_L1) || f.exchange.refusal == "body.chunked"_L1) {
        step.outcome = Outcome::Problem;
        step.explanation += u" This one was refused for its size or framing (%1)."_s.arg(f.exchange.refusal);
    }
    return step;
}

// Response ----------------------------------------------------------------------------------------

TimelineStep responseStep(const Facts &f)
{
    TimelineStep step{Kind::Response};
    const SendResult &r = f.result;
    step.values.append({u"status"_s, r.status ? QString::number(r.status) : u"no answer"_s});
    if (r.hasServerError)
        step.values.append({u"X-Sentry-Error"_s, r.serverError.isEmpty() ? u"(empty)"_s : r.serverError});
    if (r.retryAfterSeconds)
        step.values.append({u"Retry-After"_s, u"%1 s"_s.arg(*r.retryAfterSeconds)});
    if (!r.eventId.isEmpty())
        step.values.append({u"stored as"_s, r.eventId});
    step.values.append({u"time"_s, u"%1 ms"_s.arg(f.exchange.durationMs)});
    if (!f.exchange.fault.isEmpty())
        step.values.append({u"fault"_s, f.exchange.fault});
    if (!f.exchange.error.isEmpty())
        step.values.append({u"error"_s, f.exchange.error});
    const QString error = r.hasServerError && !r.serverError.isEmpty() ? QString(u": "_s + r.serverError)
                                                                       : QString();
    step.summary = r.status ? u"HTTP %1%2"_s.arg(r.status).arg(error) : u"No HTTP answer"_s;
    step.explanation = u"The server answers 200 with {\"id\": …} when it stored the event; any other "
                       "answer says why not in X-Sentry-Error, and 429 or 503 may add Retry-After."_s;
    if (!f.exchange.fault.isEmpty())
        step.explanation += u" This answer was injected by the receiver's fault %1, in place of "
                            "its real one."_s.arg(f.exchange.fault);
    step.outcome = r.isAccepted() ? Outcome::Ok : Outcome::Problem;
    return step;
}

// Verdict -----------------------------------------------------------------------------------------

QString scheduleText()
{
    QStringList waits;
    for (int n = 1; n <= Backoff::MaxStep + 1; ++n)
        waits.append(QString::number(Backoff::delayForFailures(n)));
    return waits.join(u", "_s) + u" s"_s;
}

QString backoffText(const SendResult &r)
{
    if (r.isAccepted())
        return u"the backoff resets: the next event goes at once"_s;
    if (r.verdict == Verdict::Cancelled)
        return u"a cancelled attempt changes nothing"_s;
    if (Backoff::isDeterministic(r))
        return u"not retried: the same bytes would get the same answer"_s;
    if (r.retryAfterSeconds)
        return u"retry after %1 s, as Retry-After asks"_s.arg(*r.retryAfterSeconds);
    return u"retry after %1 s (min(n, 6)² for the n-th failure in a row: %2)"_s.arg(
        Backoff::delayForFailures(1)).arg(scheduleText());
}

TimelineStep verdictStep(const Facts &f)
{
    TimelineStep step{Kind::Verdict};
    const SendResult &r = f.result;
    step.values = {{u"verdict"_s, verdictName(r.verdict)}, {u"backoff"_s, backoffText(r)}};
    if (f.isIn() && !f.exchange.refusal.isEmpty())
        step.values.append({u"receiver's reason"_s, f.exchange.refusal});
    step.summary = u"%1: %2"_s.arg(verdictName(r.verdict), backoffText(r));
    step.explanation = r.explanation;
    step.outcome = r.isAccepted() ? Outcome::Ok : Outcome::Problem;
    return step;
}

// Rendering ---------------------------------------------------------------------------------------

QString markdownCell(QString text)
{
    return text.replace(u'\\', "\\\\"_L1).replace(u'|', "\\|"_L1).replace(u'\n', u' ');
}

const char *outcomeMark(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return "✓";
    case Outcome::Note: return "!";
    case Outcome::Problem: return "✗";
    }
    return "";
}

constexpr auto HtmlStyle =
    "body{font:15px/1.5 system-ui,sans-serif;max-width:56em;margin:2em auto;padding:0 1em;"
    "color:#1d1d1f;background:#fff}"
    "h1{font-size:1.4em}ol{list-style:none;padding:0}"
    "li{border-left:4px solid #2e7d32;margin:0 0 1em;padding:.3em 1em;background:#f6f8f6}"
    "li.note{border-color:#b26a00;background:#fdf7ee}li.problem{border-color:#c62828;background:#fcf1f1}"
    "h2{font-size:1.05em;margin:.2em 0}table{border-collapse:collapse;margin:.4em 0}"
    "td{padding:.1em .8em .1em 0;vertical-align:top}td:first-child{color:#555;white-space:nowrap}"
    "code{font-family:ui-monospace,monospace;word-break:break-all}"
    "@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#1e1f22}"
    "li{background:#24302a}li.note{background:#33291b}li.problem{background:#3a2224}"
    "td:first-child{color:#aaa}}";

} // namespace

QString TimelineStep::value(const QString &name) const
{
    for (const auto &[key, text] : values) {
        if (key == name)
            return text;
    }
    return {};
}

QString stepTitle(TimelineStep::Kind kind)
{
    switch (kind) {
    case Kind::Dsn: return u"DSN"_s;
    case Kind::Url: return u"URL"_s;
    case Kind::Auth: return u"Auth header"_s;
    case Kind::Json: return u"JSON"_s;
    case Kind::Scrubbing: return u"Scrubbing"_s;
    case Kind::Encoding: return u"Encoding"_s;
    case Kind::Bytes: return u"Bytes"_s;
    case Kind::Response: return u"Response"_s;
    case Kind::Verdict: return u"Verdict"_s;
    }
    return {};
}

QString outcomeName(TimelineStep::Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return u"ok"_s;
    case Outcome::Note: return u"note"_s;
    case Outcome::Problem: return u"problem"_s;
    }
    return {};
}

QList<TimelineStep> Timeline::build(const Exchange &exchange)
{
    const Facts facts = factsOf(exchange);
    return {dsnStep(facts),      urlStep(facts),   authStep(facts),
            jsonStep(facts),     scrubbingStep(facts), encodingStep(facts),
            bytesStep(facts),    responseStep(facts),  verdictStep(facts)};
}

QString Timeline::title(const Exchange &exchange)
{
    const QString id = exchange.id ? u"Exchange #%1"_s.arg(exchange.id) : u"Exchange"_s;
    const QString way = exchange.direction == Exchange::Direction::In
        ? u"received from %1"_s.arg(exchange.peer) : u"sent to %1"_s.arg(exchange.peer);
    return u"%1: %2, %3"_s.arg(id, way, exchange.at.toString(Qt::ISODateWithMs));
}

QString Timeline::toMarkdown(const Exchange &exchange)
{
    QString text = u"# Protocol timeline — "_s + title(exchange) + u"\n\n"_s;
    int number = 0;
    for (const TimelineStep &step : build(exchange)) {
        text += u"## %1. %2 %3\n\n**%4**\n\n"_s.arg(++number).arg(stepTitle(step.kind),
                                                                  QString::fromUtf8(outcomeMark(step.outcome)),
                                                                  markdownCell(step.summary));
        if (!step.values.isEmpty())
            text += u"| | |\n|---|---|\n"_s;
        for (const auto &[name, value] : step.values)
            text += u"| %1 | `%2` |\n"_s.arg(markdownCell(name), markdownCell(value).replace(u'`', u'\''));
        text += u"\n"_s + step.explanation + u"\n\n"_s;
    }
    return text;
}

QString Timeline::toHtml(const Exchange &exchange)
{
    const QString heading = QString(u"Protocol timeline — "_s + title(exchange)).toHtmlEscaped();
    QString html = u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>"_s
        + heading + u"</title>\n<style>"_s + QString::fromLatin1(HtmlStyle)
        + u"</style>\n</head>\n<body>\n<h1>"_s + heading + u"</h1>\n<ol>\n"_s;
    int number = 0;
    for (const TimelineStep &step : build(exchange)) {
        html += u"<li class=\"%1\">\n<h2>%2. %3 %4</h2>\n<p><strong>%5</strong></p>\n"_s.arg(
            outcomeName(step.outcome), QString::number(++number), stepTitle(step.kind),
            QString::fromUtf8(outcomeMark(step.outcome)), step.summary.toHtmlEscaped());
        if (!step.values.isEmpty())
            html += u"<table>\n"_s;
        for (const auto &[name, value] : step.values)
            html += u"<tr><td>%1</td><td><code>%2</code></td></tr>\n"_s.arg(name.toHtmlEscaped(),
                                                                          value.toHtmlEscaped());
        if (!step.values.isEmpty())
            html += u"</table>\n"_s;
        html += u"<p>%1</p>\n</li>\n"_s.arg(step.explanation.toHtmlEscaped());
    }
    return html + u"</ol>\n</body>\n</html>\n"_s;
}

} // namespace Sentry
