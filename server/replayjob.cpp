#include "replayjob.h"

#include "history.h"
#include "historywriter.h"

namespace Sentry {

ReplayJob::ReplayJob(History *history, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_sender(new RawHttpSender(this))
{
    connect(m_sender, &RawHttpSender::finished, this, &ReplayJob::record);
}

ReplayJob::ReplayJob(HistoryWriter *writer, QObject *parent)
    : ReplayJob(static_cast<History *>(nullptr), parent)
{
    m_writer = writer;
}

ReplayJob::ReplayJob(std::nullptr_t, QObject *parent)
    : ReplayJob(static_cast<History *>(nullptr), parent)
{
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
    if (m_running && !m_recording) // once answered, the replay went out: it is recorded
        m_sender->cancel();
}

void ReplayJob::record(const RawResponse &response)
{
    ReplayOutcome outcome;
    outcome.original = m_original;
    outcome.response = response;
    QList<Exchange> replayed = {Replay::exchange(m_request, response, m_sentAt)};
    if (m_writer) {
        m_recording = true;
        // Delivered on this thread after the commit; not at all when the job is gone by then.
        m_writer->record(replayed.constFirst(), this, [this, outcome](const Exchange &stored, const QString &error) mutable {
            outcome.replay = stored;
            outcome.historyError = error;
            if (stored.id <= 0 && error.isEmpty())
                outcome.historyError = QStringLiteral("the history refused the replay");
            finish(outcome);
        });
        return;
    }
    if (!m_history)
        outcome.historyError = QStringLiteral("no history is open to record it in");
    else if (!m_history->insert(replayed, &outcome.historyError) && outcome.historyError.isEmpty())
        outcome.historyError = QStringLiteral("the history refused the replay");
    outcome.replay = replayed.constFirst();
    finish(outcome);
}

void ReplayJob::finish(const ReplayOutcome &outcome)
{
    m_running = false;
    m_recording = false;
    Q_EMIT finished(outcome);
}

} // namespace Sentry
