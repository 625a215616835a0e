#include "clientpreset.h"
#include "dsn.h"
#include "loopbackserver.h"
#include "networkaccess.h"
#include "sender.h"
#include "storerequest.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

Q_DECLARE_METATYPE(Sentry::StoreRequestOptions)

namespace {

const QByteArray eventJson = R"({"event_id":"fc6d8c0c43fc4630ad850ee518f1b9d0","message":"hi"})";

StoreRequest requestFor(const QString &dsn)
{
    return storeRequestFor(dsn, eventJson);
}

QSslConfiguration tlsConfiguration(const QString &name)
{
    const QString base = QStringLiteral(SENTRY_TEST_DATA_DIR "/tls/") + name;
    QFile certificate(base + u".crt"_s);
    QFile key(base + u".key"_s);
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        qFatal("missing test certificate %s", qPrintable(base));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate.readAll()));
    configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
    return configuration;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// A loopback port where connecting hangs: a listening socket with an accept queue of one that
// is never accepted from, filled by connections of our own. The kernel then drops further
// connection attempts (SYNs) as a firewall would, so a client neither connects nor is refused.
class FullBacklog
{
public:
    FullBacklog()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(m_fd, 0) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
        // Connect until an attempt hangs: that one, left pending, proves the queue is full.
        for (int i = 0; i < 8 && !m_full; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, m_port);
            m_full = !socket->waitForConnected(300);
            m_fillers.push_back(std::move(socket));
        }
    }
    ~FullBacklog()
    {
        m_fillers.clear();
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(FullBacklog)

    bool isFull() const { return m_full; }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    bool m_full = false;
    std::vector<std::unique_ptr<QTcpSocket>> m_fillers;
};

} // namespace

class TestSender : public QObject
{
    Q_OBJECT

private:
    // Sends one request to a fresh server scripted with `response` and returns the result.
    SendResult sendOnce(LoopbackServer &server, Sender &sender)
    {
        QSignalSpy spy(&sender, &Sender::finished);
        sender.send(requestFor(server.dsn()));
        if (!spy.wait(5000))
            return {};
        return spy.at(0).at(0).value<SendResult>();
    }

    QNetworkAccessManager m_manager;

private Q_SLOTS:
    // As the GUI and the CLI send (tst_outbox and tst_client keep a manager as Qt sets it up).
    void initTestCase() { QVERIFY(prepareNetworkAccess(&m_manager)); }

    void send_reportsScriptedAnswer_data()
    {
        QTest::addColumn<ScriptedResponse>("response");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("eventId");
        QTest::addColumn<QString>("serverError");
        QTest::addColumn<qint64>("retryAfter"); // -1: none

        QTest::addRow("200 with id") << ScriptedResponse::stored("abc") << Verdict::Accepted << 200 << u"abc"_s
                                     << QString() << qint64(-1);
        QTest::addRow("200 without id") << ScriptedResponse{200, {{"Content-Type", "application/json"}}, "{}"}
                                        << Verdict::ServerError << 200 << QString() << QString() << qint64(-1);
        QTest::addRow("400 with X-Sentry-Error")
            << ScriptedResponse::sentryError(400, "Missing required attribute in authentication header: sentry_secret")
            << Verdict::AuthFailed << 400 << QString()
            << u"Missing required attribute in authentication header: sentry_secret"_s << qint64(-1);
        QTest::addRow("401") << ScriptedResponse::sentryError(401, "Unauthorized") << Verdict::AuthFailed << 401
                             << QString() << u"Unauthorized"_s << qint64(-1);
        QTest::addRow("403") << ScriptedResponse::sentryError(403, "Invalid api key") << Verdict::AuthFailed << 403
                             << QString() << u"Invalid api key"_s << qint64(-1);
        ScriptedResponse limited = ScriptedResponse::sentryError(429, "rate limited");
        limited = limited.withHeader("Retry-After", "30");
        QTest::addRow("429 with Retry-After") << limited << Verdict::RateLimited << 429 << QString()
                                              << u"rate limited"_s << qint64(30);
        QTest::addRow("500") << ScriptedResponse::sentryError(500, "") << Verdict::ServerError << 500 << QString()
                             << QString() << qint64(-1);
    }
    void send_reportsScriptedAnswer()
    {
        QFETCH(ScriptedResponse, response);
        QFETCH(Verdict, verdict);
        QFETCH(int, status);
        QFETCH(QString, eventId);
        QFETCH(QString, serverError);
        QFETCH(qint64, retryAfter);
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(response);
        Sender sender(&m_manager);
        if (verdict != Verdict::Accepted)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));

        const SendResult result = sendOnce(server, sender);
        QCOMPARE(verdictName(result.verdict), verdictName(verdict));
        QCOMPARE(result.status, status);
        QCOMPARE(result.eventId, eventId);
        QCOMPARE(result.serverError, serverError);
        QCOMPARE(result.retryAfterSeconds.value_or(-1), retryAfter);
        QVERIFY(!result.explanation.isEmpty());
        QCOMPARE(result.body, response.body);
        QCOMPARE(sender.pendingCount(), 0);
    }

    void send_timesOutWhenServerNeverAnswers()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::neverAnswers());
        Sender sender(&m_manager);
        sender.setTimeoutMs(300);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        const SendResult result = sendOnce(server, sender);
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Timeout));
        QCOMPARE(result.status, 0);
        QVERIFY(result.elapsedMs >= 250);
        QCOMPARE(stageName(result.stage), stageName(ExchangeStage::Waiting));
        const QString expected = u"Connected to 127.0.0.1:%1 and sent the request, but no answer came "
                                 "within 300 ms"_s.arg(server.port());
        QVERIFY2(result.explanation.startsWith(expected), qPrintable(result.explanation));
    }

    // "connected, request sent, no answer within 3 s" is not "unreachable behind a firewall".
    void send_connectingThatHangsIsUnreachableNotNoAnswer()
    {
        const FullBacklog backlog;
        if (!backlog.isFull())
            QSKIP("this kernel accepted every connection to a full listen queue; cannot make "
                  "connecting hang on loopback");
        Sender sender(&m_manager);
        sender.setTimeoutMs(400);
        QSignalSpy spy(&sender, &Sender::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        sender.send(requestFor(u"http://public:secret@127.0.0.1:%1/42"_s.arg(backlog.port())));
        QVERIFY(spy.wait(5000));
        const auto result = spy.at(0).at(0).value<SendResult>();
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Unreachable));
        QCOMPARE(stageName(result.stage), stageName(ExchangeStage::Connecting));
        const QString expected = u"Could not connect to 127.0.0.1:%1 within 400 ms"_s.arg(backlog.port());
        QVERIFY2(result.explanation.startsWith(expected), qPrintable(result.explanation));
    }

    // The DSN's ?timeout= was accepted and ignored; the request's own deadline wins over the sender's.
    void send_honoursTheRequestsOwnDeadline_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("optionMs"); // 0: none
        QTest::addColumn<QString>("within");
        QTest::addRow("the DSN's ?timeout=") << u"?timeout=0.3"_s << 0 << u"within 300 ms"_s;
        QTest::addRow("an option over the DSN's") << u"?timeout=30"_s << 250 << u"within 250 ms"_s;
    }
    void send_honoursTheRequestsOwnDeadline()
    {
        QFETCH(QString, query);
        QFETCH(int, optionMs);
        QFETCH(QString, within);
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::neverAnswers());
        Sender sender(&m_manager);
        sender.setTimeoutMs(60000); // would hold the test for a minute if it were used
        StoreRequestOptions options;
        if (optionMs > 0)
            options.timeoutMs = optionMs;
        const auto request = StoreRequest::build(Dsn::parse(server.dsn() + query), eventJson, options);
        QVERIFY(request);
        QSignalSpy spy(&sender, &Sender::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        sender.send(*request);
        QVERIFY(spy.wait(10000));
        const auto result = spy.at(0).at(0).value<SendResult>();
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Timeout));
        QVERIFY2(result.explanation.contains(within), qPrintable(result.explanation));
    }

    // Qt resent a POST on its own (the server counted 4) when the connection broke before the
    // status line or the answer was not HTTP, while the harness said "attempt 1/1".
    void send_goesOutOnceWhenTheAnswerBreaks_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("close");
        QTest::addRow("closed without answering") << QByteArray() << true;
        QTest::addRow("closed mid-headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Ty") << true;
        QTest::addRow("garbage, then closed") << QByteArray("this is not HTTP\r\n\r\n") << true;
        QTest::addRow("garbage, left open") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << false;
    }
    void send_goesOutOnceWhenTheAnswerBreaks()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, close);
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::byHand([answer, close](QTcpSocket *socket) {
            socket->write(answer);
            if (close)
                socket->disconnectFromHost();
        }));
        Sender sender(&m_manager);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        const SendResult result = sendOnce(server, sender);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(!result.isAccepted());
        QVERIFY2(result.verdict != Verdict::Timeout, qPrintable(result.explanation));
    }

    // Qt's transfer timeout restarts with every byte: a server trickling its answer held a send
    // for as long as it liked. The timeout is a deadline for the whole exchange.
    void send_deadlineCoversATrickledAnswer()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::byHand([](QTcpSocket *socket) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n");
            auto *trickle = new QTimer(socket);
            QObject::connect(trickle, &QTimer::timeout, socket, [socket] { socket->write(" "); });
            trickle->start(20); // 400 bytes would take 8 s
        }));
        Sender sender(&m_manager);
        sender.setTimeoutMs(500);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        const SendResult result = sendOnce(server, sender);
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Timeout));
        QCOMPARE(stageName(result.stage), stageName(ExchangeStage::Receiving));
        QVERIFY2(result.explanation.contains(u"the answer started, then stalled: it was not complete "
                                             "within 500 ms"_s),
                 qPrintable(result.explanation));
        QCOMPARE(sender.pendingCount(), 0);
    }

    // The 1 MiB cap limited what was kept, not what Qt buffered (a 4 GB answer took 1.38 GB):
    // the body is read as it arrives, and the reply is aborted past the cap.
    void send_stopsReadingAnAnswerPastTheCap()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        constexpr qint64 offered = 256 * 1024 * 1024;
        auto written = std::make_shared<qint64>(0);
        server.enqueue(ScriptedResponse::byHand([written](QTcpSocket *socket) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(offered) + "\r\n\r\n");
            const QByteArray chunk(64 * 1024, 'x');
            const auto more = [socket, written, chunk] {
                while (*written < offered && socket->bytesToWrite() < 4 * chunk.size()) {
                    socket->write(chunk);
                    *written += chunk.size();
                }
            };
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
            more();
        }));
        Sender sender(&m_manager);
        sender.setTimeoutMs(20000);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        const SendResult result = sendOnce(server, sender);
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::ServerError));
        QCOMPARE(result.status, 200);
        QVERIFY(result.bodyTruncated);
        QCOMPARE(result.body.size(), SendResult::MaxBodyBytes);
        QVERIFY2(result.explanation.contains(u"stopped reading"_s), qPrintable(result.explanation));
        QVERIFY2(*written < offered / 4, qPrintable(QString::number(*written)));
    }

    void send_reportsConnectionRefusedNamingHostAndPort()
    {
        const quint16 port = closedPort();
        Sender sender(&m_manager);
        QSignalSpy spy(&sender, &Sender::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        sender.send(requestFor(u"http://public:secret@127.0.0.1:%1/1"_s.arg(port)));
        QVERIFY(spy.wait(5000));
        const auto result = spy.at(0).at(0).value<SendResult>();
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Unreachable));
        QVERIFY2(result.explanation.contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(result.explanation));
        QVERIFY(result.explanation.contains(u"host and port"_s));
    }

    void send_reportsSelfSignedCertificateAsTlsError()
    {
        LoopbackServer server;
        QVERIFY(server.listenTls(tlsConfiguration(u"selfsigned"_s)));
        Sender sender(&m_manager);
        QVERIFY(!sender.acceptsSelfSigned());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        const SendResult result = sendOnce(server, sender);
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::TlsError));
        QVERIFY2(result.errorString.contains(u"self-signed"_s), qPrintable(result.errorString));
        QVERIFY(result.explanation.contains(u"accept self-signed"_s));
        QCOMPARE(server.requests().size(), 0);
    }

    void send_acceptsSelfSignedOnlyWhenAskedExplicitly()
    {
        LoopbackServer server;
        QVERIFY(server.listenTls(tlsConfiguration(u"selfsigned"_s)));
        Sender sender(&m_manager);
        sender.setAcceptSelfSigned(true);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"accepting a self-signed certificate"_s));
        QVERIFY(sendOnce(server, sender).isAccepted());
        QCOMPARE(server.requests().size(), 1);
    }

    void send_acceptSelfSignedStillRefusesWrongHost()
    {
        LoopbackServer server;
        QVERIFY(server.listenTls(tlsConfiguration(u"wronghost"_s)));
        Sender sender(&m_manager);
        sender.setAcceptSelfSigned(true);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        const SendResult result = sendOnce(server, sender);
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::TlsError));
        QVERIFY2(result.errorString.contains(u"host name"_s), qPrintable(result.errorString));
        QVERIFY(result.explanation.contains(result.errorString));
        QCOMPARE(server.requests().size(), 0);
    }

    void send_carriesSecretAndNoOriginOrReferer()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        Sender sender(&m_manager);
        QVERIFY(sendOnce(server, sender).isAccepted());
        QCOMPARE(server.requests().size(), 1);
        const QByteArray raw = server.requests().constFirst();
        QVERIFY(raw.startsWith("POST /api/42/store/ HTTP/1.1\r\n"));
        const QByteArray auth = LoopbackServer::headerValue(raw, "X-Sentry-Auth");
        QVERIFY2(auth.contains("sentry_key=public") && auth.contains("sentry_secret=secret"), auth.constData());
        QVERIFY(LoopbackServer::headerValue(raw, "Origin").isNull());
        QVERIFY(LoopbackServer::headerValue(raw, "Referer").isNull());
        QCOMPARE(LoopbackServer::body(raw), eventJson);
    }

    // The preview is the request: every byte the server reads is in toHttp(), in order, and Qt
    // added nothing (Issue 16: Connection, Accept-Encoding and Accept-Language used to slip in).
    void send_wireIsExactlyTheRenderedRequest_data()
    {
        QTest::addColumn<StoreRequestOptions>("options");
        StoreRequestOptions json;
        json.clock = [] { return qint64(1329096377); };
        StoreRequestOptions zlib = json;
        zlib.encoding = BodyEncoding::Base64Zlib;
        StoreRequestOptions beacon = json;
        beacon.method = RequestMethod::Get;
        beacon.origin = u"http://127.0.0.1:8000"_s;
        beacon.referer = u"http://127.0.0.1:8000/shop/cart?id=3"_s;
        QTest::addRow("json") << json;
        QTest::addRow("base64-zlib") << zlib;
        QTest::addRow("get beacon with origin") << beacon;
        // Presets whose headers Qt would change go out on a socket of the sender's own.
        for (const char *id : {"raven-node-0.6", "raven-python-4", "raven-php-0.8"}) {
            StoreRequestOptions preset = ClientPreset::find(QString::fromLatin1(id))->options;
            preset.clock = json.clock;
            QTest::addRow("preset %s", id) << preset;
        }
    }
    void send_wireIsExactlyTheRenderedRequest()
    {
        QFETCH(StoreRequestOptions, options);
        LoopbackServer server;
        QVERIFY(server.listen());
        const QByteArray json = R"json({"message":"caf\u00e9 'quoted' & /slashed/ (x)","extra":{"a":[1,2]}})json";
        QString error;
        const auto request = StoreRequest::build(Dsn::parse(server.dsn()), json, options, &error);
        QVERIFY2(request, qPrintable(error));
        Sender sender(&m_manager);
        QSignalSpy spy(&sender, &Sender::finished);
        sender.send(*request);
        QVERIFY(spy.wait(5000));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().constFirst(), request->toHttp());
    }

    // The curl command of the preview puts the same bytes on the wire as the sender.
    void curl_wireIsExactlyTheRenderedRequest_data() { send_wireIsExactlyTheRenderedRequest_data(); }
    void curl_wireIsExactlyTheRenderedRequest()
    {
        QFETCH(StoreRequestOptions, options);
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
            QSKIP("curl is not installed (apt-get install curl); the curl command is not run");
        LoopbackServer server;
        QVERIFY(server.listen());
        QString error;
        const auto request = StoreRequest::build(Dsn::parse(server.dsn()), eventJson, options, &error);
        QVERIFY2(request, qPrintable(error));
        QProcess shell;
        shell.start(u"/bin/sh"_s, {u"-c"_s, request->toCurl()});
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(shell.state(), QProcess::NotRunning, 10000);
        QCOMPARE(server.requests().constFirst(), request->toHttp());
    }

    // raven-node 0.6.3 sent no User-Agent (tests/data/traffic/raven-node-0.6.3): neither does its
    // preset, though QNetworkAccessManager adds one to every request it sends.
    void send_ravenNodePresetPutsNoUserAgentOnTheWire()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        StoreRequestOptions options = ClientPreset::find(u"raven-node-0.6"_s)->options;
        const auto request = StoreRequest::build(Dsn::parse(server.dsn()), eventJson, options);
        QVERIFY(request && request->needsRawSocket());
        Sender sender(&m_manager);
        QSignalSpy spy(&sender, &Sender::finished);
        sender.send(*request);
        QVERIFY(spy.wait(5000));
        QVERIFY(spy.at(0).at(0).value<SendResult>().isAccepted());
        const QByteArray raw = server.requests().constFirst();
        QCOMPARE(raw, request->toHttp());
        QVERIFY2(LoopbackServer::headerValue(raw, "User-Agent").isNull(), raw.constData());
        QVERIFY(LoopbackServer::headerValue(raw, "Accept-Encoding").isNull());
        QVERIFY(LoopbackServer::headerValue(raw, "Accept-Language").isNull());
        QCOMPARE(sender.pendingCount(), 0);
    }

    // The raw path keeps the sender's promises: the deadline, cancel(), TLS refused unless
    // self-signed was accepted explicitly.
    void send_rawPathHonoursDeadlineCancelAndTls()
    {
        StoreRequestOptions options = ClientPreset::find(u"raven-node-0.6"_s)->options;
        LoopbackServer silent;
        QVERIFY(silent.listen());
        silent.setDefaultResponse(ScriptedResponse::neverAnswers());
        options.timeoutMs = 300;
        Sender sender(&m_manager);
        QSignalSpy spy(&sender, &Sender::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        sender.send(*StoreRequest::build(Dsn::parse(silent.dsn()), eventJson, options));
        QVERIFY(spy.wait(5000));
        SendResult result = spy.takeFirst().at(0).value<SendResult>();
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Timeout));
        QCOMPARE(stageName(result.stage), stageName(ExchangeStage::Waiting));

        options.timeoutMs.reset();
        sender.send(*StoreRequest::build(Dsn::parse(silent.dsn()), eventJson, options));
        QCOMPARE(sender.pendingCount(), 1);
        QTRY_COMPARE(silent.requests().size(), 2);
        sender.cancel();
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(verdictName(spy.takeFirst().at(0).value<SendResult>().verdict), verdictName(Verdict::Cancelled));
        QCOMPARE(sender.pendingCount(), 0);

        LoopbackServer tls;
        QVERIFY(tls.listenTls(tlsConfiguration(u"selfsigned"_s)));
        const auto secure = StoreRequest::build(Dsn::parse(tls.dsn()), eventJson, options);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"event not delivered"_s));
        sender.send(*secure);
        QVERIFY(spy.wait(5000));
        result = spy.takeFirst().at(0).value<SendResult>();
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::TlsError));
        QVERIFY2(result.errorString.contains(u"self-signed"_s), qPrintable(result.errorString));
        sender.setAcceptSelfSigned(true);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"accepting a self-signed certificate"_s));
        sender.send(*secure);
        QVERIFY(spy.wait(5000));
        QVERIFY(spy.takeFirst().at(0).value<SendResult>().isAccepted());
        QCOMPARE(tls.requests().constFirst(), secure->toHttp());
    }

    void send_reusesTheConnection()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        Sender sender(&m_manager);
        QVERIFY(sendOnce(server, sender).isAccepted());
        QVERIFY(sendOnce(server, sender).isAccepted());
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.connectionCount(), 1);
    }

    void cancel_finishesEveryPendingSendAsCancelled()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::neverAnswers());
        Sender sender(&m_manager);
        QSignalSpy spy(&sender, &Sender::finished);
        sender.send(requestFor(server.dsn()));
        sender.send(requestFor(server.dsn()));
        QTRY_COMPARE(server.requests().size(), 2);
        sender.cancel();
        QTRY_COMPARE(spy.size(), 2);
        for (const auto &arguments : spy)
            QCOMPARE(verdictName(arguments.at(0).value<SendResult>().verdict), verdictName(Verdict::Cancelled));
        QCOMPARE(sender.pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSender)
#include "tst_sender.moc"
