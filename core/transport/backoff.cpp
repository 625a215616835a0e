#include "backoff.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

QString phaseName(BackoffState::Phase phase)
{
    switch (phase) {
    case BackoffState::Phase::Ready: return u"ready"_s;
    case BackoffState::Phase::Waiting: return u"waiting"_s;
    case BackoffState::Phase::WontRetry: return u"wont_retry"_s;
    }
    return {};
}

Backoff::Backoff(Clock clock)
    : m_clock(std::move(clock))
{
}

qint64 Backoff::delayForFailures(int failures)
{
    const qint64 step = std::min(std::max(failures, 0), MaxStep);
    return step * step;
}

bool Backoff::isDeterministic(const SendResult &result)
{
    switch (result.status) {
    case 400: case 401: case 403: case 404: case 413:
        return true;
    default:
        return false;
    }
}

BackoffState Backoff::record(const SendResult &result)
{
    if (result.verdict == Verdict::Cancelled)
        return m_state;
    if (result.isAccepted()) {
        reset();
        m_state.reason = u"The last event was accepted."_s;
    } else if (isDeterministic(result)) {
        // The failure streak is about the server's health; a refusal of this request says nothing about it.
        m_state.phase = BackoffState::Phase::WontRetry;
        m_state.retryAt = {};
        m_state.reason = u"HTTP %1 (%2) is deterministic: the same request would be refused again, so it "
                         "is not retried."_s.arg(result.status).arg(verdictName(result.verdict));
    } else {
        recordTransient(result);
    }
    return m_state;
}

void Backoff::recordTransient(const SendResult &result)
{
    ++m_state.failures;
    m_state.fromRetryAfter = result.retryAfterSeconds.has_value();
    m_state.delaySeconds = m_state.fromRetryAfter ? *result.retryAfterSeconds : delayForFailures(m_state.failures);
    m_state.phase = BackoffState::Phase::Waiting;
    m_state.retryAt = now().addSecs(m_state.delaySeconds);
    const QString what = result.status ? u"HTTP %1"_s.arg(result.status) : verdictName(result.verdict);
    const QString why = m_state.fromRetryAfter ? u"as the server's Retry-After asks"_s
                                               : u"min(%1, 6)² after %1 consecutive failure(s)"_s.arg(m_state.failures);
    m_state.reason = u"%1 (%2): waiting %3 s, %4."_s.arg(what, verdictName(result.verdict))
                         .arg(m_state.delaySeconds).arg(why);
}

void Backoff::reset()
{
    m_state = {};
}

bool Backoff::canSendNow() const
{
    return msUntilReady() == 0;
}

qint64 Backoff::msUntilReady() const
{
    if (m_state.phase != BackoffState::Phase::Waiting || !m_state.retryAt.isValid())
        return 0;
    return std::max<qint64>(0, now().msecsTo(m_state.retryAt));
}

QDateTime Backoff::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

} // namespace Sentry
