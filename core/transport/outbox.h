#pragma once

// A bounded queue of store requests sent one at a time, in order, through a SendSession that
// honours the backoff (spec section 8). Transient failures keep the event at the head and retry it when the backoff
// allows: nothing is dropped. Deterministic refusals (400, 403, …) are reported and not retried.
// When full, submit() refuses with a message instead of dropping anything silently.
//
//     Sentry::Outbox outbox(&manager);
//     connect(&outbox, &Sentry::Outbox::eventFinished, this, …);
//     if (!outbox.submit(event.eventId(), request, &error)) qWarning() << error;

#include "backoff.h"
#include "sendresult.h"
#include "storerequest.h"

#include <QObject>
#include <QQueue>

class QNetworkAccessManager;

namespace Sentry {

class Sender;
class SendSession;

class Outbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    static constexpr int DefaultCapacity = 100;

    explicit Outbox(QNetworkAccessManager *manager, Backoff::Clock clock = {}, QObject *parent = nullptr);
    ~Outbox() override;

    // Queues a request; false (and *error) when the outbox is full.
    bool submit(const QString &eventId, const StoreRequest &request, QString *error = nullptr);

    int size() const { return int(m_queue.size()); } // queued, including the one in flight
    bool isEmpty() const { return m_queue.isEmpty(); }
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity) { m_capacity = std::max(1, capacity); }

    BackoffState backoffState() const;
    Sender *sender() const; // for its timeout and TLS options

    // Sends the head now if nothing is in flight and the backoff allows it; the session does this
    // itself when a wait ends (tests with an injected clock call it after moving the clock).
    void trySendNext();

Q_SIGNALS:
    void attemptFinished(const QString &eventId, const Sentry::SendResult &result);
    // Once per event: accepted, or refused for good (a deterministic failure).
    void eventFinished(const QString &eventId, const Sentry::SendResult &result);
    void backoffChanged(const Sentry::BackoffState &state);
    void drained(); // the queue became empty

private:
    struct Entry
    {
        QString eventId;
        StoreRequest request;
        int attempts = 0;
    };

    void handleResult(const SendResult &result, const BackoffState &state);

    SendSession *m_session = nullptr;
    QQueue<Entry> m_queue;
    int m_capacity = DefaultCapacity;
};

} // namespace Sentry
