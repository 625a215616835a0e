#pragma once

// One Sender paired with the protocol's backoff (spec section 8): sends a store request, first
// waiting as long as the backoff of its target asks after failures, and reports every attempt
// with the backoff state it left. Each target (store URL and key, Backoffs::targetOf) has its own
// backoff: failures on one project never delay or colour a send to another. The GUI's response
// panel, the CLI's send command and the outbox all send through one of these instead of pairing
// a Sender and a Backoff by hand.
//
//     Sentry::SendSession session(&manager);
//     connect(&session, &Sentry::SendSession::attemptFinished, this,
//             [](const Sentry::SendResult &result, const Sentry::BackoffState &state) { … });
//     session.send(request);                              // waits if the backoff says so
//     session.send(request, Sentry::SendSession::Pace::Now); // a person pressed Send: at once

#include "backoff.h"
#include "backoffs.h"
#include "sendresult.h"
#include "storerequest.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;

namespace Sentry {

class Sender;

class SendSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendSession)

public:
    enum class Pace {
        Backoff, // wait until the backoff allows an attempt (a client's retry)
        Now, // send at once and let the backoff only record the answer (a person's choice)
    };

    explicit SendSession(QNetworkAccessManager *manager, Backoff::Clock clock = {},
                         QObject *parent = nullptr);
    ~SendSession() override;

    // One attempt at a time: false, and nothing done, while one is waiting or in flight.
    bool send(const StoreRequest &request, Pace pace = Pace::Backoff);
    // Ends the attempt: a request in flight finishes as Verdict::Cancelled (attemptFinished), a
    // wait is dropped without an attempt (nothing reported).
    void cancel();
    // A waiting attempt starts now if the backoff allows it (the wait's timer does this itself;
    // tests with an injected clock call it after moving the clock).
    void resume();

    bool isBusy() const { return isWaiting() || m_inFlight; }
    bool isWaiting() const { return m_pending.has_value(); }
    // The backoff of the target last sent to (or waited for); Ready before the first send.
    BackoffState backoffState() const { return m_backoffs.state(m_target); }
    qint64 msUntilReady() const { return m_backoffs.msUntilReady(m_target); } // 0: may start
    // Any target's backoff: Backoffs::targetOf(request) names it.
    BackoffState backoffState(const StoreRequest &request) const;
    QString currentTarget() const { return m_target; }
    Sender *sender() const { return m_sender; } // for its timeout and TLS options

Q_SIGNALS:
    // The backoff delays the attempt by `milliseconds` (emitted once per attempt, before its wait).
    void waiting(qint64 milliseconds, const Sentry::BackoffState &state);
    void attemptStarted(); // the request is on its way
    // Every attempt ends here, with the backoff state the result left (a cancelled attempt leaves
    // the state as it was).
    void attemptFinished(const Sentry::SendResult &result, const Sentry::BackoffState &state);

private:
    void start(const StoreRequest &request);
    void wait();
    void handleResult(const SendResult &result);

    Sender *m_sender = nullptr;
    Backoffs m_backoffs;
    QString m_target; // of the attempt waiting, in flight or last finished
    QTimer m_waitTimer;
    std::optional<StoreRequest> m_pending; // waiting for the backoff
    bool m_inFlight = false;
};

} // namespace Sentry
