#include "outbox.h"

#include "logcategories.h"
#include "sendsession.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

Outbox::Outbox(QNetworkAccessManager *manager, Backoff::Clock clock, QObject *parent)
    : QObject(parent)
    , m_session(new SendSession(manager, std::move(clock), this))
{
    connect(m_session, &SendSession::attemptStarted, this, [this] { ++m_queue.head().attempts; });
    connect(m_session, &SendSession::attemptFinished, this, &Outbox::handleResult);
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

BackoffState Outbox::backoffState() const
{
    return m_session->backoffState();
}

Sender *Outbox::sender() const
{
    return m_session->sender();
}

void Outbox::trySendNext()
{
    if (m_session->isWaiting())
        m_session->resume();
    else if (!m_session->isBusy() && !m_queue.isEmpty())
        m_session->send(m_queue.head().request);
}

void Outbox::handleResult(const SendResult &result, const BackoffState &state)
{
    if (m_queue.isEmpty())
        return;
    const QString eventId = m_queue.head().eventId;
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
