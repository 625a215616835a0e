#pragma once

// The client's backoff (spec section 8) as a value-type state machine with an injectable clock:
// after n consecutive failures wait min(n, 6)² seconds, or Retry-After when the server gives one;
// a success resets it. 400 and 403 (and other deterministic refusals) are not retried; 429, 5xx,
// timeouts and network errors back off. state() is a plain value a GUI can draw.
//
//     Sentry::Backoff backoff([] { return QDateTime::currentDateTimeUtc(); });
//     backoff.record(result);
//     if (!backoff.canSendNow()) timer.start(backoff.msUntilReady());

#include "sendresult.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <functional>

namespace Sentry {

struct BackoffState
{
    enum class Phase {
        Ready,     // nothing failed, or the last attempt succeeded
        Waiting,   // a transient failure: no attempt before retryAt
        WontRetry, // a deterministic refusal: the same request will not be retried
    };

    Phase phase = Phase::Ready;
    int failures = 0;       // consecutive transient failures
    QDateTime retryAt;      // when sending is allowed again; invalid unless Waiting
    qint64 delaySeconds = 0; // the wait chosen at the last failure
    bool fromRetryAfter = false; // the wait came from the server's Retry-After
    QString reason;         // why the state is what it is, in plain words
};

QString phaseName(BackoffState::Phase phase); // "ready", "waiting", "wont_retry"

class Backoff
{
public:
    using Clock = std::function<QDateTime()>; // UTC
    static constexpr int MaxStep = 6;

    explicit Backoff(Clock clock = {});

    // min(n, 6)² seconds for n consecutive failures (0 for n <= 0).
    static qint64 delayForFailures(int failures);
    // 400, 401, 403, 404 and 413: the same bytes will get the same answer.
    static bool isDeterministic(const SendResult &result);

    // Feeds one attempt's result in; returns the new state. Cancelled attempts change nothing.
    BackoffState record(const SendResult &result);
    void reset();

    BackoffState state() const { return m_state; }
    bool canSendNow() const;
    qint64 msUntilReady() const; // 0 when sending is allowed now
    QDateTime now() const;

private:
    void recordTransient(const SendResult &result);

    Clock m_clock;
    BackoffState m_state;
};

} // namespace Sentry

Q_DECLARE_METATYPE(Sentry::BackoffState)
