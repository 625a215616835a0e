#include "storerequest.h"

#include "authheader.h"
#include "dsn.h"
#include "mask.h"
#include "serverrefusals.h"
#include "httpfield.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

int defaultPort(const QString &scheme)
{
    return scheme == "https"_L1 ? 443 : 80;
}

QString firstErrorOf(const Dsn &dsn)
{
    if (dsn.isEmpty())
        return u"the DSN is empty (an empty DSN means the client is disabled); give one like "
               "https://<public key>:<secret>@<host>/<project id>"_s;
    for (const Finding &finding : dsn.findings()) {
        if (finding.severity == Severity::Error)
            return u"invalid DSN: %1: %2"_s.arg(finding.location, finding.message);
    }
    return u"invalid DSN"_s;
}

// POSIX single quotes keep every byte but the quote itself, which becomes '\''.
QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', "'\\''"_L1);
    return u'\'' + quoted + u'\'';
}

bool isShellSafeText(const QByteArray &body)
{
    return !body.contains('\0') && QString::fromUtf8(body).toUtf8() == body;
}

// Linux refuses a single exec argument over 128 KiB (MAX_ARG_STRLEN); printf is a shell builtin
// and has no such limit, so larger bodies are piped into curl by the command itself.
constexpr qsizetype MaxInlineBody = 100 * 1000;

struct CurlBody
{
    QString pipe;     // "printf … |" in front of curl, or empty
    QString argument; // the --data-binary / --data-raw option
};

// curl's --data-binary reads a file for "@name"; --data-raw sends it literally. A body that a
// shell word cannot hold (a NUL, invalid UTF-8) travels as base64 and is decoded by base64 -d.
CurlBody curlBody(const QByteArray &body)
{
    if (!isShellSafeText(body)) {
        return {u"printf '%s' %1 | base64 -d | "_s.arg(QString::fromLatin1(body.toBase64())),
                u"--data-binary @-"_s};
    }
    const QString quoted = shellQuote(QString::fromUtf8(body));
    if (body.size() > MaxInlineBody)
        return {u"printf '%s' "_s + quoted + u" | "_s, u"--data-binary @-"_s};
    return {{}, (body.startsWith('@') ? u"--data-raw "_s : u"--data-binary "_s) + quoted};
}

// encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) alone; the browser then writes ' as
// %27 in a request target (see tests/data/traffic/README.md), so ' is encoded too.
QByteArray uriComponent(const QByteArray &value)
{
    return value.toPercentEncoding("!*()");
}

// The URL lengths a GET beacon met in 2013; raven-js 1.1 never checked them. One row per limit,
// with where the number comes from.
struct UrlLimit
{
    bool requestLine;  // measured on "GET <target> HTTP/1.1" rather than on the whole URL
    qsizetype maxLength;
    Severity severity;
    const char16_t *rule;
    const char16_t *message; // %1 the length, %2 the limit
};

const UrlLimit UrlLimits[] = {
    // Microsoft KB 208427, "Maximum URL length is 2,083 characters in Internet Explorer" (IE 4-11).
    {false, 2083, Severity::Warning, u"beacon.url.browser",
     u"the beacon's URL is %1 characters, over the %2 Internet Explorer allowed (Microsoft KB "
     "208427): in IE the image request never left the browser. Other browsers of the time went "
     "further; keep the event small (extra, breadcrumbs) or send it by POST"},
    // Apache httpd's LimitRequestLine default (8190 bytes, core documentation 2.2/2.4); nginx's
    // large_client_header_buffers default of 8 KB cut the same request line.
    {true, 8190, Severity::Error, u"beacon.url.server",
     u"the request line is %1 bytes, over the %2 of Apache's default LimitRequestLine (nginx's "
     "large_client_header_buffers: 8 KB): the web server in front of Sentry answers 414 Request-URI "
     "Too Long and Sentry never sees the event. Send it by POST, or trim the event"},
};

} // namespace

// Every header a user gives (an extra header, Origin, Referer, the User-Agent) is checked as an
// HTTP field before it goes on the wire: a line break in one would start a header of its own.
bool StoreRequest::checkGivenHeaders(const StoreRequestOptions &options, QString *error)
{
    QList<std::pair<QString, StoreRequest::Header>> given;
    for (const StoreRequest::Header &header : options.extraHeaders)
        given.append({u"extra header '%1'"_s.arg(QString::fromUtf8(header.first)), header});
    const std::pair<QByteArray, QString> named[] = {{HttpHeader::Origin, options.origin},
                                                    {HttpHeader::Referer, options.referer},
                                                    {HttpHeader::UserAgent, options.userAgent}};
    for (const auto &[name, value] : named) {
        if (!value.isEmpty())
            given.append({QString::fromLatin1(name), {name, value.toUtf8()}});
    }
    for (const auto &[label, header] : std::as_const(given)) {
        const Findings problems = checkHeaderField(header.first, header.second);
        if (!problems.isEmpty()) {
            if (error)
                *error = u"%1: %2"_s.arg(label, problems.constFirst().message);
            return false;
        }
    }
    return true;
}

namespace {

// The headers that carry Sentry auth: the protocol's, and the Authorization form the server also read.
bool isAuthHeader(const QByteArray &name)
{
    return name.compare(HttpHeader::SentryAuth, Qt::CaseInsensitive) == 0
        || name.compare("Authorization", Qt::CaseInsensitive) == 0;
}

// An auth value with each sentry_secret's value masked and every other byte as given, so a header
// the user typed (an extra X-Sentry-Auth) reads as sent, less the secret.
QByteArray maskedAuthValue(const QByteArray &value)
{
    QString text = QString::fromUtf8(value);
    const QString secretName = QString::fromUtf16(AuthField::Secret);
    for (const AuthHeader::Field &field : AuthHeader::parse(text).fields()) {
        if (field.name.trimmed() != secretName || field.value.isEmpty())
            continue;
        const QRegularExpression secret(u"(\\b%1\\s*=\\s*)%2"_s.arg(
            secretName, QRegularExpression::escape(field.value)));
        text.replace(secret, u"\\1"_s + QString::fromUtf16(MaskText));
    }
    return text.toUtf8();
}

// Extra headers (checked by checkGivenHeaders) replace a harness header of the same name in
// place, or are appended.
void applyExtraHeaders(QList<StoreRequest::Header> &headers, const QList<StoreRequest::Header> &extra)
{
    for (const StoreRequest::Header &header : extra) {
        const auto same = std::find_if(headers.begin(), headers.end(), [&](const auto &existing) {
            return existing.first.compare(header.first, Qt::CaseInsensitive) == 0;
        });
        if (same != headers.end())
            same->second = header.second;
        else
            headers.append(header);
    }
}

} // namespace

// Spec section 2: on /api/store/ the project comes from the key, and a "project" in the body
// must name the same project (its id or its slug), else 403 'Invalid credentials'.
QString StoreRequest::legacyProjectProblem() const
{
    if (!m_legacy)
        return {};
    const QJsonValue project = QJsonDocument::fromJson(m_eventJson).object().value("project"_L1);
    if (project.isUndefined() || project.isNull())
        return {};
    const QString named = project.isDouble() ? QString::number(project.toDouble(), 'g', 17)
                                             : project.toString();
    if (named == m_projectId)
        return {};
    return u"the event names project '%1' but the DSN's project is '%2': on the legacy endpoint "
           "the server takes the project from the key and answered %3 when the body named another. "
           "Set \"project\" to '%2' (the id or the slug the DSN uses), or remove it"_s
        .arg(project.isString() || project.isDouble() ? named : u"(not a string)"_s, m_projectId,
             ServerRefusals::quoted("body.legacy-project"));
}

Findings StoreRequest::findings() const
{
    const bool browser = !header(HttpHeader::Origin).isEmpty() || !header(HttpHeader::Referer).isEmpty();
    const ClientKind kind = browser ? ClientKind::Browser : ClientKind::Server;
    const AuthHeader judged = isBeacon()
        ? AuthHeader::parseQuery(QString::fromUtf8(target()), kind)
        : AuthHeader::parse(QString::fromUtf8(header(HttpHeader::SentryAuth)), kind);
    Findings findings;
    for (Finding finding : judged.findings()) {
        if (finding.severity == Severity::Info)
            continue;
        if (finding.rule == "auth.secret.missing"_L1) {
            finding.severity = Severity::Error; // no Origin, no Referer: a server-side request
            finding.message = u"no secret key, and no Origin or Referer header: the v4 server took "
                              "this for a server-side client and answered %1. Use a DSN with the "
                              "secret, or send as a browser does with an Origin (--origin) or "
                              "Referer (--referer)"_s.arg(ServerRefusals::quoted("auth.secret-missing"));
        }
        findings.append(finding);
    }
    if (const QString problem = legacyProjectProblem(); !problem.isEmpty()) {
        // An id against a slug cannot be compared without the server's project table.
        const auto isId = [](const QString &text) { bool ok = false; text.toLongLong(&ok); return ok; };
        const QString named = QJsonDocument::fromJson(m_eventJson).object().value("project"_L1).toVariant().toString();
        const bool comparable = isId(named) == isId(m_projectId);
        findings.append({comparable ? Severity::Error : Severity::Warning, u"/project"_s,
                         comparable ? problem
                                    : problem + u" (unless '%1' is the other name of the same project: "
                                                "the DSN names it by %2)"_s.arg(named, isId(m_projectId) ? u"id"_s : u"slug"_s),
                         u"legacy.project"_s});
    }
    for (const UrlLimit &limit : UrlLimits) {
        const qsizetype length = limit.requestLine
            ? m_method.size() + 1 + target().size() + 9 // "GET " … " HTTP/1.1"
            : urlText().size();
        if (isBeacon() && length > limit.maxLength)
            findings.append({limit.severity, u"url"_s,
                             QString::fromUtf16(limit.message).arg(length).arg(limit.maxLength),
                             QString::fromUtf16(limit.rule)});
    }
    return findings + m_shapeNotes;
}

QList<QByteArray> StoreRequest::defaultHeaderOrder()
{
    return {HttpHeader::Host,           HttpHeader::SentryAuth,     HttpHeader::UserAgent,
            HttpHeader::Origin,         HttpHeader::Referer,        HttpHeader::ContentType,
            HttpHeader::ContentLength,  HttpHeader::Connection,     HttpHeader::AcceptEncoding,
            HttpHeader::AcceptLanguage};
}

QList<QByteArray> StoreRequest::qtAddedHeaders()
{
    return {HttpHeader::Host, HttpHeader::Connection, HttpHeader::AcceptEncoding,
            HttpHeader::AcceptLanguage, HttpHeader::UserAgent};
}

bool StoreRequest::needsRawSocket() const
{
    const QList<QByteArray> added = qtAddedHeaders();
    return std::any_of(added.cbegin(), added.cend(),
                       [this](const QByteArray &name) { return header(name).isEmpty(); });
}

QByteArray StoreRequest::defaultHeaderValue(const QByteArray &name)
{
    if (name == HttpHeader::Connection)
        return "keep-alive";
    if (name == HttpHeader::AcceptEncoding)
        return "identity"; // Python 2's httplib (raven-python) sent the same
    if (name == HttpHeader::AcceptLanguage)
        return "*";
    return {};
}

std::optional<StoreRequest> StoreRequest::build(const Dsn &dsn, const QByteArray &eventJson,
                                                const StoreRequestOptions &options, QString *error)
{
    if (!dsn.isValid()) {
        if (error)
            *error = firstErrorOf(dsn);
        return std::nullopt;
    }
    if (!checkGivenHeaders(options, error))
        return std::nullopt;
    const qint64 nowMs = options.clock ? options.clock() * 1000 : QDateTime::currentMSecsSinceEpoch();
    const bool inMs = options.timestampUnit == TimestampUnit::Milliseconds;
    AuthParams params = AuthHeader::paramsFor(dsn, options.client, inMs ? nowMs : nowMs / 1000);
    if (options.timestampUnit == TimestampUnit::SecondsWithMicros) // PHP's sprintf('%F', microtime(true))
        params.timestampText = u"%1.%2"_s.arg(nowMs / 1000).arg((nowMs % 1000) * 1000, 6, 10, QChar(u'0'));
    params.order = options.authFieldOrder;
    params.includeTimestamp = options.sendTimestamp;
    if (!options.sendSecret)
        params.secretKey.clear();
    const std::optional<AuthHeader> auth = AuthHeader::build(params, error);
    if (!auth)
        return std::nullopt;

    StoreRequest request;
    request.m_auth = *auth;
    request.m_baseUrl = options.useLegacyEndpoint ? dsn.legacyStoreUrl() : dsn.storeUrl();
    request.m_eventJson = options.eventShape.applyToJson(eventJson, dsn.projectId(), &request.m_shapeNotes);
    request.m_projectId = dsn.projectId();
    request.m_legacy = options.useLegacyEndpoint;
    if (options.method == RequestMethod::Get) {
        request.m_method = "GET";
        request.setQueryAuth(options);
        request.m_query.append({QString::fromUtf16(SentryDataParameter).toLatin1(),
                                uriComponent(request.m_eventJson)});
    } else {
        request.m_encoding = options.encoding;
        request.m_body = BodyCodec::encode(request.m_eventJson, options.encoding);
    }
    request.setHeaders(options);
    applyExtraHeaders(request.m_headers, options.extraHeaders);
    if (const QByteArray given = request.header(HttpHeader::SentryAuth);
        !given.isEmpty() && given != request.m_auth.toString().toUtf8())
        request.m_auth = AuthHeader::parse(QString::fromUtf8(given)); // an extra header replaced it
    if (options.timeoutMs) {
        request.m_timeoutMs = std::max(1, *options.timeoutMs);
        request.m_timeoutSource = TimeoutSource::Options;
    } else if (const std::optional<int> fromDsn = dsn.timeoutMs()) {
        request.m_timeoutMs = fromDsn;
        request.m_timeoutSource = TimeoutSource::Dsn;
    }
    return request;
}

void StoreRequest::setQueryAuth(const StoreRequestOptions &options)
{
    for (const AuthHeader::Field &field : m_auth.fields()) {
        const QByteArray value = field.value.toUtf8();
        m_query.append({field.name.toLatin1(),
                        options.encodeQueryAuthValues ? uriComponent(value) : value});
    }
}

void StoreRequest::setHeaders(const StoreRequestOptions &options)
{
    QList<QByteArray> order = {HttpHeader::Host};
    for (const QByteArray &name : options.headerOrder.isEmpty() ? defaultHeaderOrder()
                                                                : options.headerOrder) {
        if (!order.contains(name))
            order.append(name);
    }
    for (const QByteArray &name : defaultHeaderOrder()) {
        if (!order.contains(name) && !(options.onlyListedHeaders && qtAddedHeaders().contains(name)))
            order.append(name);
    }
    m_headers.clear();
    for (const QByteArray &name : std::as_const(order)) {
        const QByteArray value = headerValue(name, options);
        if (!value.isEmpty())
            m_headers.append({name, value});
    }
}

// Empty means "not sent". A GET has no body, so no Content-Type or Content-Length, and its auth
// travels in the query.
QByteArray StoreRequest::headerValue(const QByteArray &name, const StoreRequestOptions &options) const
{
    const bool post = m_method == "POST";
    if (name == HttpHeader::Host)
        return hostHeader();
    if (name == HttpHeader::SentryAuth)
        return post ? m_auth.toString().toUtf8() : QByteArray();
    if (name == HttpHeader::UserAgent)
        return (options.userAgent.isEmpty() ? options.client : options.userAgent).toUtf8();
    if (name == HttpHeader::Origin)
        return options.origin.toUtf8();
    if (name == HttpHeader::Referer)
        return options.referer.toUtf8();
    if (name == HttpHeader::ContentType)
        return post ? BodyCodec::contentType(m_encoding).toLatin1() : QByteArray();
    if (name == HttpHeader::ContentLength)
        return post ? QByteArray::number(m_body.size()) : QByteArray();
    return defaultHeaderValue(name);
}

QUrl StoreRequest::url() const
{
    if (m_query.isEmpty())
        return m_baseUrl;
    QUrl url = m_baseUrl;
    url.setQuery(QString::fromLatin1(target().mid(target().indexOf('?') + 1)), QUrl::StrictMode);
    return url;
}

StoreRequest StoreRequest::withMaskedSecret() const
{
    StoreRequest masked = *this;
    masked.m_auth = m_auth.withMaskedSecret();
    const QByteArray mask = QString::fromUtf16(MaskText).toLatin1();
    for (QueryItem &item : masked.m_query) {
        if (item.first == QString::fromUtf16(AuthField::Secret).toLatin1())
            item.second = mask;
    }
    for (Header &header : masked.m_headers) {
        if (isAuthHeader(header.first))
            header.second = maskedAuthValue(header.second);
    }
    return masked;
}

QByteArray StoreRequest::header(const QByteArray &name) const
{
    for (const Header &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray StoreRequest::hostHeader() const
{
    QByteArray host = m_baseUrl.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = m_baseUrl.port();
    if (port != -1 && port != defaultPort(m_baseUrl.scheme()))
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray StoreRequest::target() const
{
    QByteArray target = m_baseUrl.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                            | QUrl::RemoveFragment | QUrl::RemoveQuery);
    if (target.isEmpty())
        target = "/";
    for (qsizetype i = 0; i < m_query.size(); ++i)
        target += (i == 0 ? '?' : '&') + m_query.at(i).first + '=' + m_query.at(i).second;
    return target;
}

QByteArray StoreRequest::toHttp() const
{
    QByteArray http = m_method + ' ' + target() + " HTTP/1.1\r\n";
    for (const Header &header : m_headers)
        http += header.first + ": " + header.second + "\r\n";
    return http + "\r\n" + m_body;
}

// curl itself sends "Host" (the same host[:port] as hostHeader()) first, then our -H headers in
// order, replacing its own User-Agent and Content-Type. It would add "Accept: */*" and, for large
// bodies, "Expect: 100-continue": the empty -H 'Accept:' and -H 'Expect:' suppress both (and
// -H 'User-Agent:' its User-Agent, when the request has none), and
// --http1.1 stops it from negotiating HTTP/2 over TLS, so the bytes on the wire equal toHttp().
QString StoreRequest::toCurl() const
{
    const CurlBody body = m_body.isEmpty() ? CurlBody{} : curlBody(m_body);
    QStringList words = {body.pipe + u"curl -sS --http1.1 -X "_s + QString::fromLatin1(m_method)
                         + u' ' + shellQuote(QString::fromUtf8(urlText()))};
    for (const Header &header : m_headers)
        words.append(u"-H "_s + shellQuote(QString::fromUtf8(header.first + ": " + header.second)));
    // curl adds a User-Agent of its own unless told not to; a client that sent none gets none.
    words.append(header(HttpHeader::UserAgent).isEmpty() ? u"-H 'Accept:' -H 'Expect:' -H 'User-Agent:'"_s
                                                         : u"-H 'Accept:' -H 'Expect:'"_s);
    if (!body.argument.isEmpty())
        words.append(body.argument);
    return words.join(u" \\\n  "_s);
}

QByteArray StoreRequest::urlText() const
{
    return m_baseUrl.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        + target();
}

QJsonArray StoreRequest::pairsToJson(const QList<Header> &pairs)
{
    QJsonArray array;
    for (const Header &pair : pairs)
        array.append(QJsonObject{{u"name"_s, QString::fromLatin1(pair.first)},
                                 {u"value"_s, QString::fromUtf8(pair.second)}});
    return array;
}

QJsonArray StoreRequest::fieldsToJson(const QList<AuthHeader::Field> &fields)
{
    QJsonArray array;
    for (const AuthHeader::Field &field : fields)
        array.append(QJsonObject{{u"name"_s, field.name}, {u"value"_s, field.value}});
    return array;
}

QJsonObject StoreRequest::toJson() const
{
    return {
        {u"method"_s, QString::fromLatin1(m_method)},
        {u"url"_s, QString::fromUtf8(urlText())},
        {u"headers"_s, pairsToJson(m_headers)},
        {u"auth"_s, fieldsToJson(m_auth.fields())},
        {u"auth_in"_s, isBeacon() ? u"query"_s : u"header"_s},
        {u"body"_s, QString::fromUtf8(m_body)},
        {u"encoding"_s, isBeacon() ? u"query"_s : encodingName(m_encoding)},
    };
}

// HTTP/2 is off so the request keeps the HTTP/1.1 form shown by toHttp(); redirects are not
// followed, so a missing trailing slash shows up as the server's 3xx rather than a silent GET.
QNetworkRequest StoreRequest::toNetworkRequest() const
{
    QNetworkRequest request(url());
    for (const Header &header : m_headers)
        request.setRawHeader(header.first, header.second);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace Sentry
