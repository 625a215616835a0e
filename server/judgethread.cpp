#include "judgethread.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

JudgeThread::JudgeThread(QObject *context) : m_context(context), m_worker(std::make_unique<QObject>())
{
    m_thread.setObjectName(u"sentry-judge"_s);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

JudgeThread::~JudgeThread()
{
    m_thread.quit();
    m_thread.wait();
    m_worker.reset(); // with the batches still queued for it
}

void JudgeThread::judge(QList<ReceivedRequest> requests, const ReceiverConfig &config,
                        const JudgeOptions &options, Done done)
{
    if (requests.isEmpty())
        return;
    QMetaObject::invokeMethod(m_worker.get(), [requests = std::move(requests), config, options,
                                               context = m_context, done = std::move(done)]() mutable {
        const auto handBack = [context, &done](QList<Judged> &&judged) {
            QMetaObject::invokeMethod(context, [judged = std::move(judged), done]() mutable {
                done(std::move(judged));
            }, Qt::QueuedConnection);
        };
        QList<Judged> judged;
        QElapsedTimer timer;
        for (ReceivedRequest &request : requests) {
            if (judged.isEmpty())
                judged.reserve(ChunkSize);
            timer.start();
            Decision decision = RequestJudge::judge(request, config, options);
            judged.append({std::move(request), std::move(decision), timer.elapsed()});
            if (judged.size() == ChunkSize)
                handBack(std::exchange(judged, {}));
        }
        if (!judged.isEmpty())
            handBack(std::move(judged));
    }, Qt::QueuedConnection);
}

} // namespace Sentry
