#pragma once

// A series of sends of one request, as a client retrying and repeating would (spec section 8):
// `count` attempts one after another through a SendSession that waits out the backoff, optionally
// spaced by an interval, ending early at a deterministic refusal (400, 403, …: the client would
// not repeat it) or when stopped. Every attempt is kept with its times and the backoff it left, so
// the CLI's `send --repeat N` can print it and the GUI can draw it.
//
//     Sentry::SendSeries series(&session);
//     connect(&series, &Sentry::SendSeries::attemptFinished, this, …);
//     series.start(request, {5, 0});   // five attempts, as soon as the backoff allows each

#include "backoff.h"
#include "sendresult.h"
#include "storerequest.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace Sentry {

class SendSession;

struct SeriesAttempt
{
    int number = 0; // 1-based
    QDateTime startedAt;
    QDateTime finishedAt;
    SendResult result;
    BackoffState state; // the backoff this attempt left
};

class SendSeries final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendSeries)

public:
    struct Options
    {
        int count = 1;
        int intervalMs = 0; // between the end of one attempt and the start of the next
    };
    enum class End {
        Completed, // every attempt was made
        Refused,   // a deterministic refusal: the rest were not sent
        Stopped,   // stop() was called
    };
    Q_ENUM(End)
    enum class Wait { None, Interval, Backoff };
    Q_ENUM(Wait)

    // The session sends (and holds the backoff); the clock (UTC) times the attempts and waits.
    explicit SendSeries(SendSession *session, Backoff::Clock clock = {}, QObject *parent = nullptr);
    ~SendSeries() override;

    // False, and nothing done, while a series runs or the session is busy.
    bool start(const StoreRequest &request, const Options &options);
    void stop(); // ends the series at once (an attempt in flight is cancelled): finished(Stopped)
    // The interval is over if the clock says so (its timer does this itself; tests with an
    // injected clock call it, or the session's resume(), after moving the clock).
    void resume();

    bool isRunning() const { return m_running; }
    Options options() const { return m_options; }
    QList<SeriesAttempt> attempts() const { return m_attempts; }
    QDateTime startedAt() const { return m_startedAt; }
    Wait waitKind() const { return m_wait; }
    QDateTime waitingUntil() const { return m_waitUntil; } // invalid unless waiting
    QDateTime now() const { return m_clock(); }
    SendSession *session() const { return m_session; }

Q_SIGNALS:
    // Before attempt `number`, the series waits `milliseconds` (the interval, or the backoff).
    void waiting(int number, qint64 milliseconds, Sentry::SendSeries::Wait kind);
    void attemptStarted(int number);
    void attemptFinished(const Sentry::SeriesAttempt &attempt);
    void finished(Sentry::SendSeries::End end);

private:
    void next();
    void send();
    void handleResult(const SendResult &result, const BackoffState &state);
    void handleWaiting(qint64 milliseconds);
    void finish(End end);

    SendSession *m_session = nullptr;
    Backoff::Clock m_clock;
    std::optional<StoreRequest> m_request;
    Options m_options;
    QList<SeriesAttempt> m_attempts;
    QDateTime m_startedAt;
    QDateTime m_attemptStart;
    QDateTime m_waitUntil;
    Wait m_wait = Wait::None;
    QTimer m_intervalTimer;
    bool m_running = false;
};

} // namespace Sentry

Q_DECLARE_METATYPE(Sentry::SeriesAttempt)
