#include "replayjob.h"

#include "history.h"

namespace Sentry {

ReplayJob::ReplayJob(History *history, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_sender(new RawHttpSender(this))
{
    connect(m_sender, &RawHttpSender::finished, this, &ReplayJob::record);
}

ReplayJob::~ReplayJob() = default;

bool ReplayJob::start(const Exchange &original, const Dsn &dsn, const ReplayOptions &options,
                      QString *error)
{
    if (m_running) {
        if (error)
            *error = QStringLiteral("a replay is already running; wait for it or cancel it");
        return false;
    }
    const auto request = Replay::build(original, dsn, options, error);
    if (!request)
        return false;
    m_original = original;
    m_request = *request;
    m_sentAt = QDateTime::currentDateTimeUtc();
    m_running = true;
    m_sender->setTimeoutMs(m_timeoutMs);
    m_sender->send(m_request.url, m_request.bytes);
    return true;
}

void ReplayJob::cancel()
{
    if (m_running)
        m_sender->cancel();
}

void ReplayJob::record(const RawResponse &response)
{
    m_running = false;
    ReplayOutcome outcome;
    outcome.original = m_original;
    outcome.response = response;
    QList<Exchange> replayed = {Replay::exchange(m_request, response, m_sentAt)};
    if (!m_history)
        outcome.historyError = QStringLiteral("no history is open to record it in");
    else if (!m_history->insert(replayed, &outcome.historyError) && outcome.historyError.isEmpty())
        outcome.historyError = QStringLiteral("the history refused the replay");
    outcome.replay = replayed.constFirst();
    Q_EMIT finished(outcome);
}

} // namespace Sentry
