#include "historywriter.h"

#include <QMetaObject>
#include <QMutexLocker>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

HistoryWriter::HistoryWriter(QObject *parent)
    : QObject(parent), m_worker(std::make_unique<QObject>()), m_history(std::make_unique<History>())
{
    m_thread.setObjectName(u"sentry-history-writer"_s);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

HistoryWriter::~HistoryWriter()
{
    flush();
    // The connection belongs to the writer thread: close it there before the thread ends.
    QMetaObject::invokeMethod(m_worker.get(), [this] { m_history.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_worker.reset();
}

bool HistoryWriter::open(const QString &path, QString *error)
{
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(m_worker.get(), [&] { ok = m_history->open(path, &message); },
                              Qt::BlockingQueuedConnection);
    m_path = path;
    if (error)
        *error = message;
    return ok;
}

void HistoryWriter::setRetention(const RetentionLimit &limit)
{
    QMetaObject::invokeMethod(m_worker.get(), [this, limit] { m_history->setRetention(limit); },
                              Qt::BlockingQueuedConnection);
}

void HistoryWriter::record(const Exchange &exchange, QObject *context, Callback done)
{
    record(QList<Exchange>{exchange}, context, [done = std::move(done)](const QList<Exchange> &stored, const QString &error) {
        if (done)
            done(stored.constFirst(), error);
    });
}

void HistoryWriter::record(QList<Exchange> exchanges, QObject *context, BatchCallback done)
{
    if (exchanges.isEmpty())
        return;
    QMutexLocker locker(&m_mutex);
    m_queued += int(exchanges.size());
    m_queue.append({std::move(exchanges), context, std::move(done)});
    if (m_drainPosted)
        return;
    m_drainPosted = true;
    QMetaObject::invokeMethod(m_worker.get(), [this] { drain(); }, Qt::QueuedConnection);
}

int HistoryWriter::pending() const
{
    QMutexLocker locker(&m_mutex);
    return m_queued + m_inFlight;
}

void HistoryWriter::flush()
{
    // A blocking no-op on the writer thread returns after every drain posted before it.
    QMetaObject::invokeMethod(m_worker.get(), [] {}, Qt::BlockingQueuedConnection);
}

void HistoryWriter::drain()
{
    QList<Item> batch;
    {
        QMutexLocker locker(&m_mutex);
        batch.swap(m_queue);
        m_drainPosted = false;
        m_inFlight = std::exchange(m_queued, 0);
    }
    if (batch.isEmpty())
        return;
    // All the queued exchanges in one transaction, moved (not copied) in and back out.
    QList<Exchange> exchanges;
    exchanges.reserve(m_inFlight);
    for (Item &item : batch) {
        for (Exchange &exchange : item.exchanges)
            exchanges.append(std::move(exchange));
    }
    QString error;
    m_history->insert(exchanges, &error);
    const int count = int(exchanges.size());
    qsizetype next = 0;
    for (Item &item : batch) {
        for (Exchange &exchange : item.exchanges)
            exchange = std::move(exchanges[next++]);
    }
    // One event per run of items with the same context, delivered on the context's own thread.
    for (qsizetype first = 0; first < batch.size();) {
        qsizetype last = first;
        while (last + 1 < batch.size() && batch.at(last + 1).context == batch.at(first).context)
            ++last;
        if (QObject *context = batch.at(first).context.data()) {
            QMetaObject::invokeMethod(context, [items = batch.mid(first, last - first + 1), error]() mutable {
                deliver(std::move(items), error);
            }, Qt::QueuedConnection);
        }
        first = last + 1;
    }
    {
        QMutexLocker locker(&m_mutex);
        m_inFlight = 0;
    }
    Q_EMIT committed(count);
}

void HistoryWriter::deliver(QList<Item> items, const QString &error)
{
    for (const Item &item : std::as_const(items)) {
        if (item.done)
            item.done(item.exchanges, error);
    }
}

} // namespace Sentry
