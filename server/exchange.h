#pragma once

// One recorded exchange: a request the receiver got, or one the harness sent, with everything the
// history keeps about it — the exact bytes, how it was judged, the answer, the fault applied, the
// timing, and the exchange it replays.

#include "requestjudge.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Sentry {

class StoreRequest;
struct SendResult;

struct Exchange
{
    enum class Direction { In, Out };

    qint64 id = 0;            // assigned when stored
    QDateTime at;             // when the request arrived or was sent (UTC, milliseconds)
    Direction direction = Direction::In;
    QString peer;             // the client's address (In) or the server's host:port (Out)
    QByteArray method;
    QByteArray url;           // the request target as received (In), or the full URL sent (Out)
    RawHeaders requestHeaders; // in wire order
    QByteArray requestBody;   // the raw bytes
    QString encoding;         // formName(): "json", "base64-zlib", …
    QString authSource;       // authSourceName()
    QList<AuthHeader::Field> auth; // as found, in order (toJson(): [{"name", "value"}])
    QString client;
    QString project;
    QString eventId;
    QString message;
    QString level;
    QByteArray eventJson;     // the decoded event text
    QJsonArray findings;
    QJsonObject storedEvent;  // empty unless the event was stored
    int status = 0;           // 0: no answer (dropped, never answered, or a network failure)
    RawHeaders responseHeaders;
    QByteArray responseBody;
    QString refusal;          // the judge's refusal code; "" when accepted
    QString fault;            // the fault SPEC applied; "" when none
    QString error;            // a transport failure of a sent request
    qint64 durationMs = 0;
    qint64 replayOf = 0;      // the exchange this one replays; 0 when none

    static QString directionName(Direction direction); // "in", "out"
    // The summary (no bodies) as one line of compact JSON, byte for byte what QJsonDocument writes
    // for it, without building a QJsonObject: `serve --json` prints one per request.
    QByteArray summaryJson() const;
    QJsonObject toJson(bool withBodies = true) const; // the summary, and with bodies everything
    // The request as it went on the wire: request line, headers in order, blank line, body.
    QByteArray rawRequest() const;
    // A copy in which every sentry_secret (auth fields, headers, URL) reads MaskText.
    Exchange withMaskedSecret() const;
};

// An HTTP/1.1 request's bytes: "METHOD TARGET HTTP/1.1", each header as "Name: value", the body.
QByteArray httpRequestText(const QByteArray &method, const QByteArray &target, const RawHeaders &headers,
                           const QByteArray &body);

// An event's level as the history lists and filters it: a name as given; a number the v4 server
// resolved to a name (40: "error", Rules::levels()) as that name; another number as its digits.
QString levelText(const QJsonValue &level);

// Fills the judged parts of an incoming exchange from the judge's decision; `at`: when the request
// was read.
Exchange exchangeFromDecision(const ReceivedRequest &request, const Decision &decision, const QDateTime &at);
// An outgoing exchange: a store request the harness sent and what came back.
Exchange exchangeFromSend(const StoreRequest &request, const SendResult &result, const QDateTime &at);

} // namespace Sentry

// Its members are Qt's implicitly shared values, numbers and enums, which move as plain bytes: the
// receiver's batch grows by memmove instead of a move constructor and destructor per exchange.
Q_DECLARE_TYPEINFO(Sentry::Exchange, Q_RELOCATABLE_TYPE);
