#pragma once

// Writes exchanges to the history on its own thread with group commits: whatever arrives while a
// transaction commits goes into the next one. Each callback runs on the caller's thread only after
// its transaction has committed — the receiver answers 200 from there, so an acknowledged exchange
// is on disk even if the process is killed right after. A caller with many exchanges at once hands
// them over as one batch: one wake-up of the writer and one callback for all of them.
//
//     writer.open(path, &error);
//     writer.record(exchange, this, [this](const Sentry::Exchange &stored, const QString &error) { … });
//     writer.record(std::move(batch), this, [this](const QList<Sentry::Exchange> &stored, const QString &error) { … });

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
    using BatchCallback = std::function<void(const QList<Exchange> &stored, const QString &error)>;

    explicit HistoryWriter(QObject *parent = nullptr);
    ~HistoryWriter() override; // finishes what was queued, then stops the thread

    bool open(const QString &path, QString *error = nullptr);
    QString path() const { return m_path; }
    void setRetention(const RetentionLimit &limit);

    // Queues the exchange; `done` runs on `context`'s thread after the commit (not if context died).
    void record(const Exchange &exchange, QObject *context, Callback done);
    // The same for several exchanges, stored in order in one transaction; `done` gets them with their ids.
    void record(QList<Exchange> exchanges, QObject *context, BatchCallback done);
    int pending() const; // queued or being committed
    void flush();        // blocks until everything queued so far is committed

Q_SIGNALS:
    void committed(int count);

private:
    struct Item
    {
        QList<Exchange> exchanges;
        QPointer<QObject> context;
        BatchCallback done;
    };
    void drain(); // on the writer thread
    static void deliver(QList<Item> items, const QString &error); // on the items' context's thread

    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives on m_thread; drain() runs in its context
    std::unique_ptr<History> m_history; // used on m_thread only after open()
    QString m_path;
    mutable QMutex m_mutex;
    QList<Item> m_queue;
    int m_queued = 0; // exchanges in m_queue
    int m_inFlight = 0;
    bool m_drainPosted = false;
};

} // namespace Sentry
