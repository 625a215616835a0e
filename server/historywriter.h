#pragma once

// Writes exchanges to the history on its own thread with group commits: whatever arrives while a
// transaction commits goes into the next one. Each exchange's callback runs on the caller's thread
// only after its transaction has committed — the receiver answers 200 from there, so an
// acknowledged exchange is on disk even if the process is killed right after.
//
//     writer.open(path, &error);
//     writer.record(exchange, this, [this](const Sentry::Exchange &stored, const QString &error) { … });

#include "history.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace Sentry {

class HistoryWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWriter)

public:
    using Callback = std::function<void(const Exchange &stored, const QString &error)>;

    explicit HistoryWriter(QObject *parent = nullptr);
    ~HistoryWriter() override; // finishes what was queued, then stops the thread

    bool open(const QString &path, QString *error = nullptr);
    QString path() const { return m_path; }
    void setRetention(const RetentionLimit &limit);

    // Queues the exchange; `done` runs on `context`'s thread after the commit (not if context died).
    void record(const Exchange &exchange, QObject *context, Callback done);
    int pending() const; // queued or being committed
    void flush();        // blocks until everything queued so far is committed

Q_SIGNALS:
    void committed(int count);

private:
    struct Item
    {
        Exchange exchange;
        QPointer<QObject> context;
        Callback done;
    };
    void drain(); // on the writer thread

    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives on m_thread; drain() runs in its context
    std::unique_ptr<History> m_history; // used on m_thread only after open()
    QString m_path;
    mutable QMutex m_mutex;
    QList<Item> m_queue;
    int m_inFlight = 0;
    bool m_drainPosted = false;
};

} // namespace Sentry
