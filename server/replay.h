#pragma once

// Replays a stored exchange to any DSN: its exact bytes as received (method, target, headers in
// order, body; only Host follows the DSN), or rebuilt for that DSN in its original encoding or
// another, optionally with a fresh event_id and timestamp. Building is pure; RawHttpSender sends
// the bytes as they are (QNetworkAccessManager would reorder and add headers) and the result is an
// outgoing exchange linked to its original.
//
//     auto request = Sentry::Replay::build(original, dsn, options, &error);
//     sender.send(*request);   // finished(Sentry::Exchange) → history

#include "exchange.h"
#include "sendresult.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QTcpSocket;

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
    // One side of the GUI's side-by-side comparison, as lines: the request line, the headers in
    // order, the decoded event (indented, key order kept), the answer's status, headers and body.
    static QStringList comparisonLines(const Exchange &exchange);
};

// Sends raw HTTP bytes on a socket and reads one answer (Content-Length or until closed).
class RawHttpSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpSender)

public:
    explicit RawHttpSender(QObject *parent = nullptr);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void send(const QUrl &url, const QByteArray &bytes);
    void cancel(); // ends the exchange in flight: finished() reports TransportFailure::Cancelled

Q_SIGNALS:
    void finished(const Sentry::RawResponse &response);

private:
    void readAnswer();
    void finish(TransportFailure failure, const QString &error);

    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    RawResponse m_response;
    qint64 m_started = 0;
    int m_timeoutMs = 10000;
    bool m_done = false;
};

} // namespace Sentry
