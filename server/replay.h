#pragma once

// Replays a stored exchange to any DSN: its exact bytes as received (method, target, headers in
// order, body; only Host follows the DSN), or rebuilt for that DSN in its original encoding or
// another, optionally with a fresh event_id and timestamp. Building is pure; core's RawHttpSender
// sends the bytes as they are (QNetworkAccessManager would reorder and add headers) and the result
// is an outgoing exchange linked to its original.
//
//     auto request = Sentry::Replay::build(original, dsn, options, &error);
//     sender.send(*request);   // finished(Sentry::Exchange) → history

#include "exchange.h"
#include "rawhttpsender.h"
#include "sendresult.h"

#include <QByteArray>
#include <QUrl>

#include <functional>
#include <optional>

namespace Sentry {

class Dsn;

struct ReplayOptions
{
    bool exact = true;
    std::optional<BodyEncoding> encoding; // rebuilt: this encoding; empty = the original's
    bool freshEventId = false;
    bool freshTimestamp = false;
    std::function<QDateTime()> clock;     // for a fresh timestamp; now when empty
    std::function<QString()> idGenerator; // for a fresh event_id; uuid4 hex when empty
};

struct ReplayRequest
{
    QUrl url;          // where to connect: the DSN's scheme, host and port, and the target
    QByteArray bytes;  // the whole HTTP request as it goes on the wire
    QByteArray method;
    QByteArray target;
    RawHeaders headers;
    QByteArray body;
    QString encoding;
    QString client;
    QString eventId;
    QByteArray eventJson;
    qint64 replayOf = 0;
};

class Replay
{
public:
    static std::optional<ReplayRequest> build(const Exchange &original, const Dsn &dsn,
                                              const ReplayOptions &options, QString *error = nullptr);
    // The outgoing exchange: what was sent and what came back.
    static Exchange exchange(const ReplayRequest &request, const RawResponse &response, const QDateTime &at);
    // Side by side: status, X-Sentry-Error, event id, encoding — for `replay` and the GUI.
    static QJsonObject compare(const Exchange &original, const Exchange &replayed);
};

} // namespace Sentry
