#include "storerequest.h"

#include "authheader.h"
#include "dsn.h"
#include "httpfield.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkRequest>

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

// Extra headers replace a harness header of the same name in place, or are appended.
bool applyExtraHeaders(QList<StoreRequest::Header> &headers,
                       const QList<StoreRequest::Header> &extra, QString *error)
{
    for (const StoreRequest::Header &header : extra) {
        const Findings problems = checkHeaderField(header.first, header.second);
        if (!problems.isEmpty()) {
            if (error)
                *error = u"extra header '%1': %2"_s.arg(QString::fromUtf8(header.first),
                                                        problems.constFirst().message);
            return false;
        }
        const auto same = std::find_if(headers.begin(), headers.end(), [&](const auto &existing) {
            return existing.first.compare(header.first, Qt::CaseInsensitive) == 0;
        });
        if (same != headers.end())
            same->second = header.second;
        else
            headers.append(header);
    }
    return true;
}

} // namespace

std::optional<StoreRequest> StoreRequest::build(const Dsn &dsn, const QByteArray &eventJson,
                                                const StoreRequestOptions &options, QString *error)
{
    if (!dsn.isValid()) {
        if (error)
            *error = firstErrorOf(dsn);
        return std::nullopt;
    }
    const qint64 now = options.clock ? options.clock() : QDateTime::currentSecsSinceEpoch();
    AuthParams params = AuthHeader::paramsFor(dsn, options.client, now);
    params.order = options.authFieldOrder;
    const std::optional<AuthHeader> auth = AuthHeader::build(params, error);
    if (!auth)
        return std::nullopt;

    StoreRequest request;
    request.m_url = options.useLegacyEndpoint ? dsn.legacyStoreUrl() : dsn.storeUrl();
    request.m_encoding = options.encoding;
    request.m_body = BodyCodec::encode(eventJson, options.encoding);
    // Wire order; no Origin or Referer: a desktop sender is a server-side client (spec section 3).
    request.m_headers = {
        {HttpHeader::SentryAuth, auth->toString().toUtf8()},
        {HttpHeader::UserAgent, options.client.toUtf8()},
        {HttpHeader::ContentType, BodyCodec::contentType(options.encoding).toLatin1()},
        {HttpHeader::ContentLength, QByteArray::number(request.m_body.size())},
    };
    if (!applyExtraHeaders(request.m_headers, options.extraHeaders, error))
        return std::nullopt;
    if (options.timeoutMs) {
        request.m_timeoutMs = std::max(1, *options.timeoutMs);
        request.m_timeoutSource = TimeoutSource::Options;
    } else if (const std::optional<int> fromDsn = dsn.timeoutMs()) {
        request.m_timeoutMs = fromDsn;
        request.m_timeoutSource = TimeoutSource::Dsn;
    }
    return request;
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
    QByteArray host = m_url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = m_url.port();
    if (port != -1 && port != defaultPort(m_url.scheme()))
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray StoreRequest::target() const
{
    const QByteArray target = m_url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                              | QUrl::RemoveFragment);
    return target.isEmpty() ? QByteArrayLiteral("/") : target;
}

QByteArray StoreRequest::toHttp() const
{
    QByteArray http = m_method + ' ' + target() + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\n";
    for (const Header &header : m_headers)
        http += header.first + ": " + header.second + "\r\n";
    return http + "\r\n" + m_body;
}

// curl itself sends "Host" (the same host[:port] as hostHeader()) first, then our -H headers in
// order, replacing its own User-Agent and Content-Type. It would add "Accept: */*" and, for large
// bodies, "Expect: 100-continue": the empty -H 'Accept:' and -H 'Expect:' suppress both, and
// --http1.1 stops it from negotiating HTTP/2 over TLS, so the bytes on the wire equal toHttp().
QString StoreRequest::toCurl() const
{
    const CurlBody body = curlBody(m_body);
    QStringList words = {body.pipe + u"curl -sS --http1.1 -X "_s + QString::fromLatin1(m_method)
                         + u' ' + shellQuote(QString::fromUtf8(m_url.toEncoded()))};
    for (const Header &header : m_headers)
        words.append(u"-H "_s + shellQuote(QString::fromUtf8(header.first + ": " + header.second)));
    words.append(u"-H 'Accept:' -H 'Expect:'"_s);
    words.append(body.argument);
    return words.join(u" \\\n  "_s);
}

QJsonObject StoreRequest::toJson() const
{
    QJsonObject headers;
    for (const Header &header : m_headers)
        headers.insert(QString::fromLatin1(header.first), QString::fromUtf8(header.second));
    return {
        {u"method"_s, QString::fromLatin1(m_method)},
        {u"url"_s, QString::fromUtf8(m_url.toEncoded())},
        {u"headers"_s, headers},
        {u"body"_s, QString::fromUtf8(m_body)},
        {u"encoding"_s, encodingName(m_encoding)},
    };
}

// HTTP/2 is off so the request keeps the HTTP/1.1 form shown by toHttp(); redirects are not
// followed, so a missing trailing slash shows up as the server's 3xx rather than a silent GET.
QNetworkRequest StoreRequest::toNetworkRequest() const
{
    QNetworkRequest request(m_url);
    for (const Header &header : m_headers)
        request.setRawHeader(header.first, header.second);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace Sentry
