#pragma once

// Runs the request judge on a thread of its own, in the order requests were handed over, so the
// receiver's thread only reads requests and writes answers. The judge is a pure function of the
// request and the configuration (requestjudge.h): a batch carries the configuration it was read
// under, and nothing else is shared between the threads. Decisions come back a few at a time, so
// the receiver answers and records the first of a batch while the rest are judged: handed back
// whole, a batch would go through the judge, the history and the answers as one convoy, each
// thread waiting for the one before, and on two cores the threads would rarely run at once.
//
//     JudgeThread judges(this); // a member: `this` outlives it
//     judges.judge(std::move(requests), config, options, [this](QList<JudgeThread::Judged> judged) { … });

#include "receiverconfig.h"
#include "requestjudge.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace Sentry {

class JudgeThread final
{
    Q_DISABLE_COPY_MOVE(JudgeThread)

public:
    struct Judged
    {
        ReceivedRequest request;
        Decision decision;
        qint64 durationMs = 0; // the judge's own time for this request
    };
    using Done = std::function<void(QList<Judged> judged)>;

    // Callbacks run on `context`'s thread. It must outlive this object (its owner does: the last
    // callback may be posted while the destructor waits, and is dropped with context's events).
    explicit JudgeThread(QObject *context);
    ~JudgeThread(); // a batch being judged is finished; the callbacks of those not begun never run

    static constexpr qsizetype ChunkSize = 8; // decisions per callback, at most

    // Judges each request in order; `done` runs once per chunk of decisions, in the same order.
    void judge(QList<ReceivedRequest> requests, const ReceiverConfig &config, const JudgeOptions &options,
               Done done);

private:
    QObject *m_context;
    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives on m_thread; each batch runs in its context
};

} // namespace Sentry
