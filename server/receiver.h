#pragma once

// The local v4 receiver: a thin adapter between Qt HttpServer and the request judge. Each connection
// is guarded before Qt buffers it (socketguard.h); each request is judged (requestjudge.h) on the
// judge's thread (judgethread.h), may be faulted (faults.h), is recorded (on the history writer's
// thread), and — with a history — answered only after its exchange is committed. Requests are
// judged, faulted and recorded in the order they were read. Binds 127.0.0.1 unless told otherwise.
//
//     Sentry::Receiver receiver(config);
//     receiver.setHistory(&writer);
//     if (!receiver.start(QHostAddress::LocalHost, 0, &error)) …
//     qDebug() << receiver.dsn();   // http://public:secret@127.0.0.1:PORT/1

#include "exchange.h"
#include "faults.h"
#include "judgethread.h"
#include "receiverconfig.h"
#include "requestjudge.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>
#include <QUrl>

#include <memory>

class QTcpServer;

namespace Sentry {

class HistoryWriter;

class Receiver final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Receiver)

public:
    explicit Receiver(const ReceiverConfig &config, QObject *parent = nullptr);
    ~Receiver() override;

    // Listens (again, after stop()) on the address; *error says why not and what to change.
    bool start(const QHostAddress &address, quint16 port, QString *error = nullptr);
    void stop(); // stops listening; requests already read are still answered
    bool isListening() const { return m_tcpServer != nullptr; }
    QHostAddress address() const;
    quint16 port() const;
    QUrl url() const;    // http://127.0.0.1:PORT
    QString dsn() const; // for the first project's first key

    ReceiverConfig config() const { return m_config; }
    void setConfig(const ReceiverConfig &config); // applies to requests judged from now on
    FaultTable &faults() { return m_faults; }     // changeable while running
    void setJudgeOptions(const JudgeOptions &options); // the same

    // Without a history, exchanges are only reported by exchangeFinished().
    void setHistory(HistoryWriter *writer) { m_history = writer; }
    int unanswered() const { return m_unanswered; } // waiting for their judge, commit or delay

Q_SIGNALS:
    void exchangeFinished(const Sentry::Exchange &exchange); // recorded (and committed, with a history)
    void allAnswered(); // unanswered() dropped to 0

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Reply
    {
        QPointer<QTcpSocket> socket;
        QByteArray bytes;
        Fault::Action action = Fault::Action::Status;
        int delayMs = 0;
        bool close = false;
        QDateTime readAt; // when the request was read: its exchange's time
    };
    void judgeRead();
    void answerJudged(JudgeThread::Judged &&judged, Reply &&reply);
    void record(Exchange &&exchange, Reply &&reply);
    void flush();
    void deliver(const Reply &reply, const Exchange &exchange, const QString &error);
    void write(const Reply &reply);
    void answered();
    void recordGuardRefusal(const struct RequestHead &head, const Answer &answer, QTcpSocket *socket);

    ReceiverConfig m_config;
    JudgeOptions m_judgeOptions;
    FaultTable m_faults;
    HistoryWriter *m_history = nullptr;
    // The requests read and not yet handed to the judge's thread; the replies of every request
    // read and not yet judged, in the order they were read.
    QList<ReceivedRequest> m_toJudge;
    QList<Reply> m_judging;
    // A judgeRead() is posted for the next pass of the event loop (m_flushPosted: a flush()). Cleared
    // only when it runs: called directly in between (a full chunk; decisions back), none more is posted.
    bool m_judgePosted = false;
    // The exchanges judged in this pass of the event loop, handed to the history at its next pass
    // as one batch (one wake-up of the writer thread, one callback for the whole batch).
    QList<Exchange> m_batch;
    QList<Reply> m_batchReplies;
    bool m_flushPosted = false;
    QTcpServer *m_tcpServer = nullptr;
    int m_unanswered = 0;
    std::unique_ptr<JudgeThread> m_judges; // last: its thread ends before the rest is destroyed
};

} // namespace Sentry
