#include "receiver.h"

#include "exchange.h"
#include "historywriter.h"
#include "socketguard.h"

#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// Attaches a SocketGuard to each connection before QAbstractHttpServer sees it: the guard's
// readyRead slot is connected first, so it runs before Qt's parser reads the bytes.
class GuardedTcpServer final : public QTcpServer
{
public:
    using GuardFactory = std::function<void(QTcpSocket *)>;
    GuardedTcpServer(GuardFactory factory, QObject *parent) : QTcpServer(parent), m_factory(std::move(factory)) {}

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        m_factory(socket);
        addPendingConnection(socket);
    }

private:
    GuardFactory m_factory;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

// The request as it came: the guard's copy of the head (exact target, headers in wire order) and
// Qt's body.
ReceivedRequest receivedRequest(const QHttpServerRequest &request, QTcpSocket *socket, RequestHead *head)
{
    SocketGuard *guard = SocketGuard::of(socket);
    if (auto taken = guard ? guard->takeHead() : std::nullopt)
        *head = *taken;
    else
        *head = {methodName(request.method()), request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
                 "HTTP/1.1", request.headers()};
    return {head->method, head->target, head->headers, request.body(),
            guard ? guard->peer() : SocketGuard::peerOf(socket)};
}

} // namespace

Receiver::Receiver(const ReceiverConfig &config, QObject *parent)
    : QAbstractHttpServer(parent), m_config(config), m_judges(std::make_unique<JudgeThread>(this))
{
}

Receiver::~Receiver() = default;

bool Receiver::start(const QHostAddress &address, quint16 port, QString *error)
{
    auto *server = new GuardedTcpServer([this](QTcpSocket *socket) {
        new SocketGuard(socket, m_config.limits, m_config.profile,
                        [this](const RequestHead &head, const Answer &answer, QTcpSocket *refused) {
                            recordGuardRefusal(head, answer, refused);
                        });
    }, this);
    if (!server->listen(address, port)) {
        if (error)
            *error = u"cannot listen on %1:%2: %3; choose another port (0 picks a free one) or address"_s
                         .arg(address.toString()).arg(port).arg(server->errorString());
        delete server;
        return false;
    }
    m_tcpServer = server;
    bind(server);
    return true;
}

void Receiver::stop()
{
    if (!m_tcpServer)
        return;
    // Open connections close with the server; an exchange waiting for its commit is still recorded.
    m_tcpServer->close();
    m_tcpServer->deleteLater();
    m_tcpServer = nullptr;
}

QHostAddress Receiver::address() const
{
    return m_tcpServer ? m_tcpServer->serverAddress() : QHostAddress();
}

quint16 Receiver::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

QUrl Receiver::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(address().toString());
    url.setPort(port());
    return url;
}

QString Receiver::dsn() const
{
    if (m_config.projects.isEmpty() || m_config.projects.constFirst().keys.isEmpty())
        return {};
    const ReceiverProject &project = m_config.projects.constFirst();
    const ProjectKey &key = project.keys.constFirst();
    QUrl dsn = url();
    dsn.setUserName(key.publicKey);
    dsn.setPassword(key.secretKey);
    dsn.setPath(u'/' + project.id);
    return dsn.toString();
}

void Receiver::setConfig(const ReceiverConfig &config)
{
    judgeRead(); // what was read before is judged under the configuration it arrived under
    m_config = config;
}

void Receiver::setJudgeOptions(const JudgeOptions &options)
{
    judgeRead();
    m_judgeOptions = options;
}

bool Receiver::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Read here; judged on the judge's thread with the requests read around it (a chunk at a time,
    // or what one pass of the event loop read); then faulted, recorded and answered here
    // (answerJudged()).
    RequestHead head;
    m_toJudge.append(receivedRequest(request, socket, &head));
    m_judging.append({socket, {}, Fault::Action::Status, 0, head.wantsClose(), QDateTime::currentDateTimeUtc()});
    ++m_unanswered;
    if (m_toJudge.size() >= JudgeThread::ChunkSize) {
        judgeRead();
    } else if (!m_judgePosted) {
        m_judgePosted = true;
        QMetaObject::invokeMethod(this, [this] {
            m_judgePosted = false;
            judgeRead();
        }, Qt::QueuedConnection);
    }
    return true;
}

void Receiver::judgeRead()
{
    m_judges->judge(std::exchange(m_toJudge, {}), m_config, m_judgeOptions,
                    [this](QList<JudgeThread::Judged> judged) {
                        // Decisions come back in the order the requests were read: the replies
                        // waiting first are theirs.
                        for (JudgeThread::Judged &one : judged)
                            answerJudged(std::move(one), m_judging.takeFirst());
                        flush();
                    });
}

void Receiver::answerJudged(JudgeThread::Judged &&judged, Reply &&reply)
{
    Decision &decision = judged.decision;
    const std::optional<Fault> fault = m_faults.pick(decision.projectId, decision.client);
    if (fault)
        decision = fault->apply(decision);
    Exchange exchange = exchangeFromDecision(judged.request, decision, reply.readAt);
    reply.bytes = decision.answer.toHttp(judged.request.method != "HEAD", reply.close);
    if (fault) {
        exchange.fault = fault->spec;
        reply.action = fault->action;
        reply.delayMs = fault->delayMs;
        if (fault->action == Fault::Action::Drop || fault->action == Fault::Action::Hang)
            exchange.status = 0; // no answer
    }
    exchange.durationMs = judged.durationMs;
    record(std::move(exchange), std::move(reply));
}

void Receiver::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() answers every request, refusals included.
}

void Receiver::record(Exchange &&exchange, Reply &&reply)
{
    if (!m_history)
        return deliver(reply, exchange, {});
    m_batch.append(std::move(exchange));
    m_batchReplies.append(std::move(reply));
    if (m_flushPosted)
        return;
    m_flushPosted = true;
    QMetaObject::invokeMethod(this, [this] {
        m_flushPosted = false;
        flush();
    }, Qt::QueuedConnection);
}

void Receiver::flush()
{
    if (m_batch.isEmpty())
        return;
    m_history->record(std::exchange(m_batch, {}), this,
                      [this, replies = std::exchange(m_batchReplies, {})](const QList<Exchange> &stored,
                                                                          const QString &error) {
                          for (qsizetype i = 0; i < stored.size(); ++i)
                              deliver(replies.at(i), stored.at(i), error);
                      });
}

void Receiver::deliver(const Reply &reply, const Exchange &exchange, const QString &error)
{
    Q_EMIT exchangeFinished(exchange);
    Reply answered = reply;
    if (!error.isEmpty()) {
        // Not stored, so not acknowledged: a 503 the client will retry.
        const Answer failure{503, {{"Content-Type", "text/plain"}, {"X-Sentry-Error", error.left(200).toUtf8()}}, error.toUtf8()};
        answered.bytes = failure.toHttp(true, reply.close);
        answered.action = Fault::Action::Status;
    }
    if (answered.delayMs > 0 && answered.action != Fault::Action::Hang && answered.socket) {
        QTimer::singleShot(answered.delayMs, answered.socket.data(), [this, answered] { write(answered); });
        return;
    }
    write(answered);
}

void Receiver::answered()
{
    if (--m_unanswered == 0)
        Q_EMIT allAnswered();
}

void Receiver::write(const Reply &reply)
{
    answered();
    if (!reply.socket || reply.action == Fault::Action::Hang)
        return;
    if (reply.action == Fault::Action::Drop)
        return reply.socket->abort();
    reply.socket->write(reply.bytes);
    if (reply.close)
        reply.socket->disconnectFromHost();
}

void Receiver::recordGuardRefusal(const RequestHead &head, const Answer &answer, QTcpSocket *socket)
{
    Exchange exchange;
    exchange.at = QDateTime::currentDateTimeUtc();
    const SocketGuard *guard = SocketGuard::of(socket);
    exchange.peer = guard ? guard->peer() : SocketGuard::peerOf(socket);
    exchange.method = head.method;
    exchange.url = head.target;
    exchange.requestHeaders = head.headers;
    exchange.status = answer.status;
    exchange.responseHeaders = answer.headers;
    exchange.responseBody = answer.body;
    exchange.refusal = u"guard"_s;
    ++m_unanswered;
    record(std::move(exchange), {}); // no socket: the guard has answered already
}

} // namespace Sentry
