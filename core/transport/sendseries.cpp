#include "sendseries.h"

#include "sendsession.h"

namespace Sentry {

SendSeries::SendSeries(SendSession *session, Backoff::Clock clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_clock(clock ? std::move(clock) : Backoff::Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    m_intervalTimer.setSingleShot(true);
    m_intervalTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_intervalTimer, &QTimer::timeout, this, &SendSeries::resume);
    connect(m_session, &SendSession::waiting, this,
            [this](qint64 milliseconds) { handleWaiting(milliseconds); });
    connect(m_session, &SendSession::attemptStarted, this, [this] {
        if (!m_running)
            return;
        m_wait = Wait::None;
        m_waitUntil = {};
        m_attemptStart = m_clock();
        Q_EMIT attemptStarted(int(m_attempts.size()) + 1);
    });
    connect(m_session, &SendSession::attemptFinished, this, &SendSeries::handleResult);
}

SendSeries::~SendSeries() = default;

bool SendSeries::start(const StoreRequest &request, const Options &options)
{
    if (m_running || m_session->isBusy() || options.count < 1)
        return false;
    m_request = request;
    m_options = options;
    m_attempts.clear();
    m_running = true;
    m_startedAt = m_clock();
    send();
    return true;
}

void SendSeries::stop()
{
    if (!m_running)
        return;
    m_intervalTimer.stop();
    finish(End::Stopped); // first: the cancelled attempt's result is not the series' any more
    m_session->cancel();
}

void SendSeries::resume()
{
    if (!m_running || m_wait != Wait::Interval)
        return;
    const qint64 left = m_clock().msecsTo(m_waitUntil);
    if (left > 0)
        return m_intervalTimer.start(std::chrono::milliseconds(left));
    m_wait = Wait::None;
    m_waitUntil = {};
    send();
}

void SendSeries::send()
{
    m_session->send(*m_request); // may wait for the backoff first (handleWaiting)
}

void SendSeries::next()
{
    const int number = int(m_attempts.size()) + 1;
    if (number > m_options.count)
        return finish(End::Completed);
    if (m_options.intervalMs <= 0)
        return send();
    m_wait = Wait::Interval;
    m_waitUntil = m_clock().addMSecs(m_options.intervalMs);
    Q_EMIT waiting(number, m_options.intervalMs, Wait::Interval);
    m_intervalTimer.start(std::chrono::milliseconds(m_options.intervalMs));
}

void SendSeries::handleWaiting(qint64 milliseconds)
{
    if (!m_running)
        return;
    m_wait = Wait::Backoff;
    m_waitUntil = m_clock().addMSecs(milliseconds);
    Q_EMIT waiting(int(m_attempts.size()) + 1, milliseconds, Wait::Backoff);
}

void SendSeries::handleResult(const SendResult &result, const BackoffState &state)
{
    if (!m_running)
        return;
    SeriesAttempt attempt{int(m_attempts.size()) + 1, m_attemptStart, m_clock(), result, state};
    m_attempts.append(attempt);
    Q_EMIT attemptFinished(attempt);
    if (state.phase == BackoffState::Phase::WontRetry && attempt.number < m_options.count)
        return finish(End::Refused);
    next();
}

void SendSeries::finish(End end)
{
    m_running = false;
    m_wait = Wait::None;
    m_waitUntil = {};
    Q_EMIT finished(end);
}

} // namespace Sentry
