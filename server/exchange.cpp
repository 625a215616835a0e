#include "exchange.h"

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

QString eventText(const QJsonObject &stored, const QByteArray &json, const QString &key)
{
    const QJsonValue value = stored.isEmpty()
        ? QJsonDocument::fromJson(json).object().value(key) : stored.value(key);
    return value.isString() ? value.toString() : value.isDouble() ? QString::number(value.toDouble()) : QString();
}

} // namespace

QString Exchange::directionName(Direction direction)
{
    return direction == Direction::In ? u"in"_s : u"out"_s;
}

QJsonObject Exchange::toJson(bool withBodies) const
{
    QJsonObject object{
        {u"id"_s, id},
        {u"received_at"_s, at.toString(Qt::ISODateWithMs)},
        {u"direction"_s, directionName(direction)},
        {u"peer"_s, peer},
        {u"method"_s, QString::fromLatin1(method)},
        {u"path"_s, QString::fromUtf8(url)},
        {u"status"_s, status},
        {u"client"_s, client},
        {u"project"_s, project},
        {u"encoding"_s, encoding},
        {u"event_id"_s, eventId.isEmpty() ? QJsonValue() : QJsonValue(eventId)},
        {u"message"_s, message.isEmpty() ? QJsonValue() : QJsonValue(message)},
        {u"level"_s, level.isEmpty() ? QJsonValue() : QJsonValue(level)},
        {u"findings"_s, findings.size()},
        {u"refusal"_s, refusal.isEmpty() ? QJsonValue() : QJsonValue(refusal)},
        {u"fault"_s, fault.isEmpty() ? QJsonValue() : QJsonValue(fault)},
        {u"duration_ms"_s, durationMs},
        {u"replay_of"_s, replayOf ? QJsonValue(replayOf) : QJsonValue()},
    };
    if (!error.isEmpty())
        object.insert(u"error"_s, error);
    if (!withBodies)
        return object;
    object.insert(u"findings"_s, findings);
    object.insert(u"auth_source"_s, authSource);
    object.insert(u"auth"_s, auth);
    object.insert(u"request_headers"_s, headersJson(requestHeaders));
    object.insert(u"request_body"_s, QString::fromUtf8(requestBody));
    object.insert(u"event"_s, QString::fromUtf8(eventJson));
    object.insert(u"stored_event"_s, storedEvent.isEmpty() ? QJsonValue() : QJsonValue(storedEvent));
    object.insert(u"response_headers"_s, headersJson(responseHeaders));
    object.insert(u"response_body"_s, QString::fromUtf8(responseBody));
    return object;
}

Exchange exchangeFromDecision(const ReceivedRequest &request, const Decision &decision)
{
    Exchange exchange;
    exchange.at = QDateTime::currentDateTimeUtc();
    exchange.peer = request.peer;
    exchange.method = request.method;
    exchange.url = request.target;
    exchange.requestHeaders = request.headers;
    exchange.requestBody = request.body;
    exchange.encoding = decision.eventJson.isEmpty() && decision.encoding == BodyForm::Unknown
        ? QString() : formName(decision.encoding);
    exchange.authSource = authSourceName(decision.authSource);
    for (const AuthHeader::Field &field : decision.authFields)
        exchange.auth.append(QJsonObject{{u"name"_s, field.name}, {u"value"_s, field.value}});
    exchange.client = decision.client;
    exchange.project = decision.projectId;
    exchange.eventJson = decision.eventJson;
    exchange.storedEvent = decision.storedEvent;
    exchange.eventId = eventText(decision.storedEvent, decision.eventJson, u"event_id"_s);
    exchange.message = eventText(decision.storedEvent, decision.eventJson, u"message"_s);
    exchange.level = eventText(decision.storedEvent, decision.eventJson, u"level"_s);
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
    exchange.url = request.url().toEncoded();
    exchange.requestHeaders.append({"Host", request.hostHeader()});
    exchange.requestHeaders += request.headers();
    exchange.requestBody = request.body();
    exchange.encoding = encodingName(request.encoding());
    exchange.client = QString::fromUtf8(request.header(HttpHeader::UserAgent));
    const DecodeResult decoded = BodyCodec::decode(request.body());
    exchange.eventJson = decoded.json;
    const QJsonObject event = QJsonDocument::fromJson(decoded.json).object();
    exchange.eventId = event.value("event_id"_L1).toString();
    if (exchange.eventId.isEmpty())
        exchange.eventId = result.eventId; // the id the server gave the event
    exchange.message = event.value("message"_L1).toString();
    exchange.level = event.value("level"_L1).toString();
    exchange.status = result.status;
    exchange.responseHeaders = result.headers;
    exchange.responseBody = result.body;
    exchange.error = result.status ? QString() : result.errorString;
    exchange.durationMs = result.elapsedMs;
    return exchange;
}

} // namespace Sentry
