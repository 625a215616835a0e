#include "exchange.h"

#include "jsonline.h"

#include "mask.h"
#include "rules.h"
#include "sendresult.h"
#include "storerequest.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

QJsonArray headersJson(const RawHeaders &headers)
{
    QJsonArray array;
    for (const RawHeader &header : headers)
        array.append(QJsonArray{QString::fromLatin1(header.first), QString::fromUtf8(header.second)});
    return array;
}

QString scalarText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : value.isDouble() ? QString::number(value.toDouble()) : QString();
}

// The key as Latin-1: the stored event keeps ASCII keys as Latin-1, so the lookup compares bytes.
QJsonValue eventValue(const QJsonObject &stored, const QByteArray &json, QLatin1StringView key)
{
    return stored.isEmpty() ? QJsonDocument::fromJson(json).object().value(key) : stored.value(key);
}

QString eventText(const QJsonObject &stored, const QByteArray &json, QLatin1StringView key)
{
    return scalarText(eventValue(stored, json, key));
}

} // namespace

QString levelText(const QJsonValue &level)
{
    if (const LevelInfo *known = level.isDouble() ? Rules::levelByNumber(level.toDouble()) : nullptr)
        return known->name;
    return scalarText(level);
}

QString Exchange::directionName(Direction direction)
{
    return direction == Direction::In ? u"in"_s : u"out"_s;
}

QByteArray Exchange::summaryJson() const
{
    // Members in QJsonObject's (sorted) key order, so the text is what QJsonDocument would write.
    JsonLine line;
    line.add("client", client);
    line.add("direction", directionName(direction));
    line.add("duration_ms", durationMs);
    line.add("encoding", encoding);
    if (!error.isEmpty())
        line.add("error", error);
    line.addOrNull("event_id", eventId);
    line.addOrNull("fault", fault);
    line.add("findings", findings.size());
    line.add("id", id);
    line.addOrNull("level", level);
    line.addOrNull("message", message);
    if (!line.addPrintableAscii("method", method))
        line.add("method", QString::fromLatin1(method));
    if (!line.addPrintableAscii("path", url))
        line.add("path", QString::fromUtf8(url));
    line.add("peer", peer);
    line.add("project", project);
    line.addUtcTime("received_at", at);
    line.addOrNull("refusal", refusal);
    if (replayOf)
        line.add("replay_of", replayOf);
    else
        line.addNull("replay_of");
    line.add("status", status);
    return line.finish();
}

QJsonObject Exchange::toJson(bool withBodies) const
{
    QJsonObject object = QJsonDocument::fromJson(summaryJson()).object();
    if (!withBodies)
        return object;
    object.insert(u"findings"_s, findings);
    object.insert(u"auth_source"_s, authSource);
    object.insert(u"auth"_s, authFieldsJson(auth));
    object.insert(u"request_headers"_s, headersJson(requestHeaders));
    object.insert(u"request_body"_s, QString::fromUtf8(requestBody));
    object.insert(u"event"_s, QString::fromUtf8(eventJson));
    object.insert(u"stored_event"_s, storedEvent.isEmpty() ? QJsonValue() : QJsonValue(storedEvent));
    object.insert(u"response_headers"_s, headersJson(responseHeaders));
    object.insert(u"response_body"_s, QString::fromUtf8(responseBody));
    return object;
}

QByteArray Exchange::rawRequest() const
{
    return httpRequestText(method, url, requestHeaders, requestBody);
}

Exchange Exchange::withMaskedSecret() const
{
    Exchange masked = *this;
    masked.url = AuthHeader::maskSecretIn(url);
    for (RawHeader &header : masked.requestHeaders)
        header.second = AuthHeader::maskSecretIn(header.second);
    for (AuthHeader::Field &field : masked.auth) {
        if (field.name.trimmed() == QStringView(AuthField::Secret))
            field.value = QString::fromUtf16(MaskText);
    }
    return masked;
}

QByteArray httpRequestText(const QByteArray &method, const QByteArray &target, const RawHeaders &headers,
                           const QByteArray &body)
{
    QByteArray http = method + ' ' + target + " HTTP/1.1\r\n";
    for (const RawHeader &header : headers)
        http += header.first + ": " + header.second + "\r\n";
    return http + "\r\n" + body;
}

Exchange exchangeFromDecision(const ReceivedRequest &request, const Decision &decision, const QDateTime &at)
{
    Exchange exchange;
    exchange.at = at;
    exchange.peer = request.peer;
    exchange.method = request.method;
    exchange.url = request.target;
    exchange.requestHeaders = request.headers;
    exchange.requestBody = request.body;
    exchange.encoding = decision.eventJson.isEmpty() && decision.encoding == BodyForm::Unknown
        ? QString() : formName(decision.encoding);
    exchange.authSource = authSourceName(decision.authSource);
    exchange.auth = decision.authFields;
    exchange.client = decision.client;
    exchange.project = decision.projectId;
    exchange.eventJson = decision.eventJson;
    exchange.storedEvent = decision.storedEvent;
    exchange.eventId = eventText(decision.storedEvent, decision.eventJson, "event_id"_L1);
    exchange.message = eventText(decision.storedEvent, decision.eventJson, "message"_L1);
    exchange.level = levelText(eventValue(decision.storedEvent, decision.eventJson, "level"_L1));
    exchange.findings = Sentry::toJson(decision.findings, u"path"_s);
    exchange.status = decision.answer.status;
    exchange.responseHeaders = decision.answer.headers;
    exchange.responseBody = decision.answer.body;
    exchange.refusal = decision.refusal;
    return exchange;
}

Exchange exchangeFromSend(const StoreRequest &request, const SendResult &result, const QDateTime &at)
{
    Exchange exchange;
    exchange.at = at;
    exchange.direction = Exchange::Direction::Out;
    exchange.peer = QString::fromUtf8(request.hostHeader());
    exchange.method = request.method();
    exchange.url = request.urlText();
    exchange.requestHeaders = request.headers(); // Host first, as sent
    exchange.requestBody = request.body();
    exchange.encoding = encodingName(request.encoding());
    exchange.client = QString::fromUtf8(request.header(HttpHeader::UserAgent));
    exchange.project = request.projectId(); // listed and filtered beside the received ones
    const DecodeResult decoded = BodyCodec::decode(request.body());
    exchange.eventJson = decoded.json;
    const QJsonObject event = QJsonDocument::fromJson(decoded.json).object();
    exchange.eventId = event.value("event_id"_L1).toString();
    if (exchange.eventId.isEmpty())
        exchange.eventId = result.eventId; // the id the server gave the event
    exchange.message = event.value("message"_L1).toString();
    exchange.level = levelText(event.value("level"_L1));
    exchange.status = result.status;
    exchange.responseHeaders = result.headers;
    exchange.responseBody = result.body;
    exchange.error = result.status ? QString() : result.errorString;
    exchange.durationMs = result.elapsedMs;
    return exchange;
}

} // namespace Sentry
