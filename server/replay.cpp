#include "replay.h"

#include "dsn.h"
#include "exchange.h"
#include "jsontext.h"
#include "storerequest.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

QByteArray hostHeader(const QUrl &url)
{
    const bool defaultPort = url.port() < 0 || (url.scheme() == "http"_L1 && url.port() == 80)
        || (url.scheme() == "https"_L1 && url.port() == 443);
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
    return (defaultPort ? host : host + u':' + QString::number(url.port())).toUtf8();
}

std::optional<ReplayRequest> buildExact(const Exchange &original, const QUrl &base)
{
    ReplayRequest request;
    request.method = original.method;
    request.target = original.url;
    request.body = original.requestBody;
    bool hasHost = false;
    for (RawHeader header : original.requestHeaders) {
        if (header.first.compare("Host", Qt::CaseInsensitive) == 0) {
            header.second = hostHeader(base); // the one header that must follow the destination
            hasHost = true;
        }
        request.headers.append(header);
    }
    if (!hasHost)
        request.headers.prepend({"Host", hostHeader(base)});
    request.encoding = original.encoding;
    request.eventJson = original.eventJson;
    return request;
}

QByteArray freshEvent(const QByteArray &json, const ReplayOptions &options)
{
    QJsonObject event = QJsonDocument::fromJson(json).object();
    if (options.freshEventId)
        event.insert(u"event_id"_s, options.idGenerator ? options.idGenerator()
                                                         : QUuid::createUuid().toString(QUuid::Id128));
    if (options.freshTimestamp) {
        const QDateTime now = options.clock ? options.clock() : QDateTime::currentDateTimeUtc();
        event.insert(u"timestamp"_s, now.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s));
    }
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

std::optional<ReplayRequest> buildRebuilt(const Exchange &original, const Dsn &dsn,
                                          const ReplayOptions &options, QString *error)
{
    if (!QJsonDocument::fromJson(original.eventJson).isObject()) {
        if (error)
            *error = u"exchange %1 has no decoded event to rebuild (it was refused before decoding); "
                     "replay it with --exact"_s.arg(original.id);
        return std::nullopt;
    }
    const bool changed = options.freshEventId || options.freshTimestamp;
    const QByteArray json = changed ? freshEvent(original.eventJson, options) : original.eventJson;
    StoreRequestOptions build;
    build.encoding = options.encoding.value_or(
        original.encoding == "base64-zlib"_L1 ? BodyEncoding::Base64Zlib : BodyEncoding::Json);
    if (!original.client.isEmpty())
        build.client = original.client;
    build.useLegacyEndpoint = original.url.contains("/api/store/");
    const auto store = StoreRequest::build(dsn, json, build, error);
    if (!store)
        return std::nullopt;
    ReplayRequest request;
    request.method = store->method();
    request.target = store->target();
    request.headers = store->headers(); // Host first, as sent
    request.body = store->body();
    request.encoding = encodingName(build.encoding);
    request.eventJson = json;
    return request;
}

} // namespace

std::optional<ReplayRequest> Replay::build(const Exchange &original, const Dsn &dsn,
                                           const ReplayOptions &options, QString *error)
{
    if (!dsn.isValid()) {
        if (error)
            *error = u"the DSN is not usable (run 'sentry-harness-cli dsn' on it to see why)"_s;
        return std::nullopt;
    }
    if (options.exact && (options.encoding || options.freshEventId || options.freshTimestamp)) {
        if (error)
            *error = u"an exact replay sends the bytes as received: drop --exact to change the "
                     "encoding, event_id or timestamp"_s;
        return std::nullopt;
    }
    QUrl base = dsn.baseUrl();
    auto request = options.exact ? buildExact(original, base) : buildRebuilt(original, dsn, options, error);
    if (!request)
        return std::nullopt;
    request->url = base.resolved(QUrl::fromEncoded(request->target));
    request->url.setPath(QString::fromUtf8(QByteArray::fromPercentEncoding(request->target.split('?').first())));
    request->bytes = httpRequestText(request->method, request->target, request->headers, request->body);
    request->client = original.client;
    request->eventId = QJsonDocument::fromJson(request->eventJson).object().value("event_id"_L1).toString();
    request->replayOf = original.id;
    return request;
}

Exchange Replay::exchange(const ReplayRequest &request, const RawResponse &response, const QDateTime &at)
{
    Exchange e;
    e.at = at;
    e.direction = Exchange::Direction::Out;
    e.peer = request.url.host() + u':' + QString::number(request.url.port(request.url.scheme() == "https"_L1 ? 443 : 80));
    e.method = request.method;
    e.url = request.url.toEncoded();
    e.requestHeaders = request.headers;
    e.requestBody = request.body;
    e.encoding = request.encoding;
    e.client = request.client;
    e.eventId = request.eventId;
    e.eventJson = request.eventJson;
    const QJsonObject event = QJsonDocument::fromJson(request.eventJson).object();
    e.message = event.value("message"_L1).toString();
    e.level = levelText(event.value("level"_L1));
    e.status = response.status;
    e.responseHeaders = response.headers;
    e.responseBody = response.body;
    e.error = response.errorString;
    e.durationMs = response.elapsedMs;
    e.replayOf = request.replayOf;
    return e;
}

QJsonObject Replay::compare(const Exchange &original, const Exchange &replayed)
{
    const auto side = [](const Exchange &e) {
        return QJsonObject{{u"id"_s, e.id},
                           {u"status"_s, e.status},
                           {u"x_sentry_error"_s, QString::fromUtf8(headerValue(e.responseHeaders, "X-Sentry-Error"))},
                           {u"event_id"_s, e.eventId},
                           {u"encoding"_s, e.encoding},
                           {u"body_bytes"_s, e.requestBody.size()},
                           {u"same_body"_s, QJsonValue()}};
    };
    QJsonObject left = side(original);
    QJsonObject right = side(replayed);
    right.insert(u"same_body"_s, original.requestBody == replayed.requestBody);
    left.remove(u"same_body"_s);
    return {{u"original"_s, left}, {u"replay"_s, right},
            {u"same_status"_s, original.status == replayed.status}};
}

QStringList Replay::comparisonLines(const Exchange &e)
{
    // A sent exchange keeps the full URL; the request line carried only its path and query.
    const QUrl url = QUrl::fromEncoded(e.url);
    const QByteArray target = url.scheme().isEmpty() ? e.url : url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    QStringList lines = {u"# request"_s, QString::fromUtf8(QByteArray(e.method + ' ' + target))};
    for (const RawHeader &header : e.requestHeaders)
        lines.append(QString::fromUtf8(QByteArray(header.first + ": " + header.second)));
    lines.append(u"# event (%1)"_s.arg(e.encoding.isEmpty() ? u"not decoded"_s : e.encoding));
    const QString event = QString::fromUtf8(e.eventJson);
    lines += JsonText::format(event, 2).value_or(event).split(u'\n');
    lines.append(u"# answer"_s);
    lines.append(e.status ? QString::number(e.status) : QString(u"no answer: "_s + e.error));
    for (const RawHeader &header : e.responseHeaders)
        lines.append(QString::fromUtf8(QByteArray(header.first + ": " + header.second)));
    lines += QString::fromUtf8(e.responseBody).split(u'\n');
    return lines;
}

} // namespace Sentry
