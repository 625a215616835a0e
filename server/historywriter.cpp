#include "historywriter.h"

#include <QMetaObject>
#include <QMutexLocker>

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
    QMutexLocker locker(&m_mutex);
    m_queue.append({exchange, context, std::move(done)});
    if (m_drainPosted)
        return;
    m_drainPosted = true;
    QMetaObject::invokeMethod(m_worker.get(), [this] { drain(); }, Qt::QueuedConnection);
}

int HistoryWriter::pending() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_queue.size()) + m_inFlight;
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
        m_inFlight = int(batch.size());
    }
    if (batch.isEmpty())
        return;
    QList<Exchange> exchanges;
    exchanges.reserve(batch.size());
    for (const Item &item : std::as_const(batch))
        exchanges.append(item.exchange);
    QString error;
    m_history->insert(exchanges, &error);
    const int count = int(exchanges.size());
    // One event per run of items with the same context, delivered on the context's own thread.
    for (qsizetype first = 0; first < batch.size();) {
        qsizetype last = first;
        while (last + 1 < batch.size() && batch.at(last + 1).context == batch.at(first).context)
            ++last;
        const QPointer<QObject> context = batch.at(first).context;
        if (context) {
            QMetaObject::invokeMethod(context.data(), [items = batch.mid(first, last - first + 1),
                                                       stored = exchanges.mid(first, last - first + 1), error] {
                for (qsizetype i = 0; i < items.size(); ++i) {
                    if (items.at(i).done)
                        items.at(i).done(stored.at(i), error);
                }
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

} // namespace Sentry
