#pragma once

// One replay from start to end, shared by the CLI's `replay` and the GUI's replay dialog: builds
// the request (Replay::build), sends it with RawHttpSender without blocking, records the outgoing
// exchange in the history linked to its original, and ends in one finished() signal. The CLI
// records on its own thread (History); the GUI through the receiver's HistoryWriter, off the
// window's thread, so a history locked by another process never freezes the window.
//
//     auto *job = new Sentry::ReplayJob(&history, this);
//     connect(job, &Sentry::ReplayJob::finished, this, [](const Sentry::ReplayOutcome &o) { … });
//     if (!job->start(original, dsn, options, &error)) …   // error: why it cannot be built

#include "replay.h"

#include <QObject>

#include <cstddef>

namespace Sentry {

class Dsn;
class History;
class HistoryWriter;

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
    explicit ReplayJob(HistoryWriter *writer, QObject *parent = nullptr); // writer may be nullptr
    explicit ReplayJob(std::nullptr_t, QObject *parent = nullptr); // sent, not recorded
    ~ReplayJob() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // false (and *error says why) when the request cannot be built; nothing is sent then.
    bool start(const Exchange &original, const Dsn &dsn, const ReplayOptions &options,
               QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_running; }
    bool isRecording() const { return m_recording; } // answered, the row not yet committed
    ReplayRequest request() const { return m_request; }

Q_SIGNALS:
    void finished(const Sentry::ReplayOutcome &outcome);

private:
    void record(const RawResponse &response);
    void finish(const ReplayOutcome &outcome);

    History *m_history = nullptr;
    HistoryWriter *m_writer = nullptr;
    RawHttpSender *m_sender = nullptr;
    Exchange m_original;
    ReplayRequest m_request;
    QDateTime m_sentAt;
    int m_timeoutMs = 10000;
    bool m_running = false;   // from start() until finished(), the recording included
    bool m_recording = false; // answered; waiting for the writer to commit the row
};

} // namespace Sentry

Q_DECLARE_METATYPE(Sentry::ReplayOutcome)
