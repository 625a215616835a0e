#include "sendsession.h"

#include "logcategories.h"
#include "sender.h"

namespace Sentry {

SendSession::SendSession(QNetworkAccessManager *manager, Backoff::Clock clock, QObject *parent)
    : QObject(parent)
    , m_sender(new Sender(manager, this))
    , m_backoffs(std::move(clock))
{
    m_waitTimer.setSingleShot(true);
    m_waitTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may end a wait early
    connect(&m_waitTimer, &QTimer::timeout, this, &SendSession::resume);
    connect(m_sender, &Sender::finished, this, &SendSession::handleResult);
}

SendSession::~SendSession() = default;

bool SendSession::send(const StoreRequest &request, Pace pace)
{
    if (isBusy())
        return false;
    m_target = Backoffs::targetOf(request);
    if (pace == Pace::Now || m_backoffs.canSendNow(m_target)) {
        start(request);
        return true;
    }
    m_pending = request;
    Q_EMIT waiting(msUntilReady(), backoffState());
    wait();
    return true;
}

BackoffState SendSession::backoffState(const StoreRequest &request) const
{
    return m_backoffs.state(Backoffs::targetOf(request));
}

void SendSession::wait()
{
    const qint64 ms = msUntilReady();
    qCInfo(lcTransport) << "waiting" << ms << "ms before the next attempt to" << m_target << ":"
                        << backoffState().reason;
    m_waitTimer.start(std::chrono::milliseconds(std::max<qint64>(ms, 1)));
}

void SendSession::resume()
{
    if (!m_pending)
        return;
    if (!m_backoffs.canSendNow(m_target))
        return wait();
    m_waitTimer.stop();
    const StoreRequest request = *std::exchange(m_pending, std::nullopt);
    start(request);
}

void SendSession::cancel()
{
    m_waitTimer.stop();
    m_pending.reset();
    if (m_inFlight)
        m_sender->cancel();
}

void SendSession::start(const StoreRequest &request)
{
    m_inFlight = true;
    Q_EMIT attemptStarted();
    m_sender->send(request);
}

void SendSession::handleResult(const SendResult &result)
{
    m_inFlight = false;
    Q_EMIT attemptFinished(result, m_backoffs.record(m_target, result));
}

} // namespace Sentry
