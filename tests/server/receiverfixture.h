#pragma once

// Runs a Receiver (and optionally its HistoryWriter) on its own thread, so a test can talk to it
// with blocking sockets, and collects the exchanges it reports; and the request most receiver tests
// send (namespace Fixture). Header-only and moc-free.

#include "historywriter.h"
#include "receiver.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

#include <memory>

// An event, its X-Sentry-Auth header and the receiver configuration that accepts them: project 1
// ("web") with the key pair pub:sec. A test that sends them says `using namespace Fixture;`.
namespace Fixture {

inline const QByteArray Event = R"({"event_id":"0123456789abcdef0123456789abcdef","message":"Disk full","level":"error"})";
inline const QList<QPair<QByteArray, QByteArray>> Auth = {
    {"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_key=pub, sentry_secret=sec"}};

inline Sentry::ReceiverConfig config()
{
    Sentry::ReceiverConfig config;
    config.projects = {{QStringLiteral("1"), QStringLiteral("web"), {{QStringLiteral("pub"), QStringLiteral("sec")}}}};
    return config;
}

} // namespace Fixture

class ReceiverFixture
{
public:
    explicit ReceiverFixture(const Sentry::ReceiverConfig &config, const QString &dbPath = {})
    {
        if (!dbPath.isEmpty()) {
            m_writer = std::make_unique<Sentry::HistoryWriter>();
            m_ok = m_writer->open(dbPath, &m_error);
        }
        m_receiver = new Sentry::Receiver(config);
        m_receiver->setHistory(m_writer.get());
        QObject::connect(m_receiver, &Sentry::Receiver::exchangeFinished, &m_collector,
                         [this](const Sentry::Exchange &exchange) {
                             QMutexLocker locker(&m_mutex);
                             m_exchanges.append(exchange);
                         }, Qt::QueuedConnection);
        m_receiver->moveToThread(&m_thread);
        m_thread.start();
        if (m_ok)
            onServer([this] { m_ok = m_receiver->start(QHostAddress::LocalHost, 0, &m_error); });
    }
    ~ReceiverFixture()
    {
        onServer([this] { delete m_receiver; });
        m_thread.quit();
        m_thread.wait();
        m_writer.reset();
    }

    bool isOk() const { return m_ok; }
    QString error() const { return m_error; }
    quint16 port() const { return m_receiver->port(); }
    Sentry::Receiver *receiver() { return m_receiver; }
    Sentry::HistoryWriter *writer() { return m_writer.get(); }

    template<typename F> void onServer(F &&f)
    {
        QMetaObject::invokeMethod(m_receiver, std::forward<F>(f), Qt::BlockingQueuedConnection);
    }
    void addFault(const QString &spec)
    {
        onServer([this, spec] { m_receiver->faults().add(*Sentry::Fault::parse(spec)); });
    }
    void clearFaults()
    {
        onServer([this] { m_receiver->faults().clear(); });
    }

    // Exchanges reported so far (delivered to this thread; process events to receive them).
    QList<Sentry::Exchange> exchanges()
    {
        QCoreApplication::processEvents();
        QMutexLocker locker(&m_mutex);
        return m_exchanges;
    }
    qsizetype exchangeCount() { return exchanges().size(); }

private:
    QThread m_thread;
    QObject m_collector;
    Sentry::Receiver *m_receiver = nullptr;
    std::unique_ptr<Sentry::HistoryWriter> m_writer;
    QMutex m_mutex;
    QList<Sentry::Exchange> m_exchanges;
    bool m_ok = true;
    QString m_error;
};
