#include "outbox.h"

#include "logcategories.h"
#include "sender.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

Outbox::Outbox(QNetworkAccessManager *manager, Backoff::Clock clock, QObject *parent)
    : QObject(parent)
    , m_sender(new Sender(manager, this))
    , m_backoff(std::move(clock))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Outbox::trySendNext);
    connect(m_sender, &Sender::finished, this, &Outbox::handleResult);
}

Outbox::~Outbox()
{
    if (!m_queue.isEmpty())
        qCWarning(lcErrors) << "outbox destroyed with" << m_queue.size() << "unsent event(s):"
                            << [this] {
                                   QStringList ids;
                                   for (const Entry &entry : std::as_const(m_queue))
                                       ids.append(entry.eventId);
                                   return ids.join(", "_L1);
                               }();
}

bool Outbox::submit(const QString &eventId, const StoreRequest &request, QString *error)
{
    if (m_queue.size() >= m_capacity) {
        const QString message = u"outbox full (%1 events waiting for the server): event %2 was not queued; "
                                "retry later or raise the capacity"_s.arg(m_capacity).arg(eventId);
        qCWarning(lcErrors).noquote() << message;
        if (error)
            *error = message;
        return false;
    }
    m_queue.enqueue({eventId, request});
    trySendNext();
    return true;
}

void Outbox::trySendNext()
{
    if (m_inFlight || m_queue.isEmpty())
        return;
    if (!m_backoff.canSendNow()) {
        scheduleRetry();
        return;
    }
    m_inFlight = true;
    ++m_queue.head().attempts;
    m_sender->send(m_queue.head().request);
}

void Outbox::scheduleRetry()
{
    const qint64 wait = m_backoff.msUntilReady();
    qCInfo(lcTransport) << "outbox waiting" << wait << "ms:" << m_backoff.state().reason;
    m_retryTimer.start(std::chrono::milliseconds(std::max<qint64>(wait, 1)));
}

void Outbox::handleResult(const SendResult &result)
{
    m_inFlight = false;
    if (m_queue.isEmpty())
        return;
    const QString eventId = m_queue.head().eventId;
    const BackoffState state = m_backoff.record(result);
    const bool done = result.isAccepted() || Backoff::isDeterministic(result);
    if (done)
        m_queue.dequeue();
    Q_EMIT attemptFinished(eventId, result);
    Q_EMIT backoffChanged(state);
    if (done)
        Q_EMIT eventFinished(eventId, result);
    if (m_queue.isEmpty())
        Q_EMIT drained();
    else if (result.verdict != Verdict::Cancelled) // a cancelled send waits for the next submit
        trySendNext();
}

} // namespace Sentry
