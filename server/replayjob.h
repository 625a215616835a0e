#pragma once

// One replay from start to end, shared by the CLI's `replay` and the GUI's replay dialog: builds
// the request (Replay::build), sends it with RawHttpSender without blocking, records the outgoing
// exchange in the history linked to its original, and ends in one finished() signal.
//
//     auto *job = new Sentry::ReplayJob(&history, this);
//     connect(job, &Sentry::ReplayJob::finished, this, [](const Sentry::ReplayOutcome &o) { … });
//     if (!job->start(original, dsn, options, &error)) …   // error: why it cannot be built

#include "replay.h"

#include <QObject>

namespace Sentry {

class Dsn;
class History;

struct ReplayOutcome
{
    Exchange original;
    Exchange replay;         // id assigned when recorded
    RawResponse response;    // for SendResult::classify()
    QString historyError;    // why the replay was not recorded; empty when it was
};

class ReplayJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayJob)

public:
    explicit ReplayJob(History *history, QObject *parent = nullptr); // history may be nullptr
    ~ReplayJob() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // false (and *error says why) when the request cannot be built; nothing is sent then.
    bool start(const Exchange &original, const Dsn &dsn, const ReplayOptions &options,
               QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_running; }
    ReplayRequest request() const { return m_request; }

Q_SIGNALS:
    void finished(const Sentry::ReplayOutcome &outcome);

private:
    void record(const RawResponse &response);

    History *m_history = nullptr;
    RawHttpSender *m_sender = nullptr;
    Exchange m_original;
    ReplayRequest m_request;
    QDateTime m_sentAt;
    int m_timeoutMs = 10000;
    bool m_running = false;
};

} // namespace Sentry

Q_DECLARE_METATYPE(Sentry::ReplayOutcome)
