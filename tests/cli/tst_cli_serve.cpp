// `serve`, `inspect`, `history`, `replay` and the history `send` keeps, run as processes: the
// address line and DSN, one line per exchange, faults from the command line, SIGTERM finishing
// cleanly, SIGKILL under load losing no acknowledged exchange, offline judging of saved requests,
// searching and showing the history, and replays linked to their originals.

#include "../server/rawhttp.h"
#include "cliprocess.h"

#include "history.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray Event = R"({"event_id":"fc6d8c0c43fc4630ad850ee518f1b9d0","message":"Disk full","level":"error"})";

QString dataFile(const char *name)
{
    return QStringLiteral(SENTRY_TEST_DATA_DIR "/requests/") + QString::fromLatin1(name);
}

// `serve --json` as a child process: its first line gives the address and DSN.
class ServeProcess
{
public:
    bool start(const QStringList &arguments)
    {
        m_process.setProcessEnvironment(isolatedEnvironment());
        m_process.start(QStringLiteral(SENTRY_CLI_PATH), QStringList{u"serve"_s, u"--json"_s} + arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(20000))
                return false;
        }
        m_first = QJsonDocument::fromJson(m_process.readLine()).object();
        return m_first.contains(u"listening"_s);
    }
    QJsonObject first() const { return m_first; }
    quint16 port() const { return quint16(QUrl(m_first.value(u"listening"_s).toString()).port()); }
    QString dsn() const { return m_first.value(u"dsn"_s).toString(); }
    QProcess &process() { return m_process; }

    // SIGTERM, then the exit code and the exchange lines printed.
    int stop(QList<QJsonObject> *lines = nullptr)
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000))
            return -1;
        for (const QByteArray &line : m_process.readAllStandardOutput().split('\n')) {
            if (lines && !line.trimmed().isEmpty())
                lines->append(QJsonDocument::fromJson(line).object());
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QJsonObject m_first;
};

QByteArray storeRequest(const QByteArray &body = Event, const QByteArray &key = "pub", const QByteArray &secret = "sec")
{
    return httpRequest("POST", "/api/1/store/",
                       {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_key="
                                              + key + ", sentry_secret=" + secret}}, body);
}

} // namespace

class TestCliServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void serve_printsAddressDsnAndOneLinePerExchange();
    void serve_generatesKeyWhenNoneGiven();
    void serve_faultFromCommandLine();
    void serve_refusesBadOptionsWithHowToFix_data();
    void serve_refusesBadOptionsWithHowToFix();
    void serve_sigkillUnderLoadKeepsEveryAcknowledgedExchange();
    void inspect_judgesSavedRequests_data();
    void inspect_judgesSavedRequests();
    void inspect_textNamesVerdictAndAnswer();
    void history_listsSearchesAndShows();
    void history_showsTheProtocolTimeline();
    void send_recordsEachAttempt();
    void replay_exactAndRebuiltAreRecordedAndLinked();

private:
    QString db(const QString &name) { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCliServe::serve_printsAddressDsnAndOneLinePerExchange()
{
    ServeProcess serve;
    QVERIFY(serve.start({u"--key"_s, u"pub:sec"_s, u"--db"_s, db(u"serve.sqlite"_s)}));
    QVERIFY(serve.first().value(u"listening"_s).toString().startsWith(u"http://127.0.0.1:"_s));
    QCOMPARE(serve.dsn(), u"http://pub:sec@127.0.0.1:%1/1"_s.arg(serve.port()));
    RawClient client;
    QVERIFY(client.connectTo(serve.port()));
    QCOMPARE(client.exchange(storeRequest())->status, 200);
    QCOMPARE(client.exchange(storeRequest(Event, "pub", "wrong"))->status, 403);
    QList<QJsonObject> lines;
    QCOMPARE(serve.stop(&lines), 0);
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = lines.first();
    for (const char *key : {"id", "received_at", "method", "path", "status", "client", "encoding", "event_id",
                            "message", "level", "findings", "fault"})
        QVERIFY2(first.contains(QLatin1StringView(key)), key);
    QCOMPARE(first.value(u"status"_s).toInt(), 200);
    QCOMPARE(first.value(u"event_id"_s).toString(), u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s);
    QCOMPARE(first.value(u"client"_s).toString(), u"raven-python/4.0.0"_s);
    QCOMPARE(lines.at(1).value(u"status"_s).toInt(), 403);
    QCOMPARE(lines.at(1).value(u"refusal"_s).toString(), u"auth.secret-wrong"_s);
}

void TestCliServe::serve_generatesKeyWhenNoneGiven()
{
    ServeProcess serve;
    QVERIFY(serve.start({u"--no-history"_s}));
    const QUrl dsn(serve.dsn());
    QCOMPARE(dsn.userName().size(), 32);
    QCOMPARE(dsn.password().size(), 32);
    RawClient client;
    QVERIFY(client.connectTo(serve.port()));
    QCOMPARE(client.exchange(storeRequest(Event, dsn.userName().toLatin1(), dsn.password().toLatin1()))->status, 200);
    QCOMPARE(serve.stop(), 0);
}

void TestCliServe::serve_faultFromCommandLine()
{
    ServeProcess serve;
    QVERIFY(serve.start({u"--key"_s, u"pub:sec"_s, u"--no-history"_s, u"--fault"_s, u"429,retry-after=9,every=2"_s}));
    RawClient client;
    QVERIFY(client.connectTo(serve.port()));
    QCOMPARE(client.exchange(storeRequest())->status, 200);
    const auto limited = client.exchange(storeRequest());
    QCOMPARE(limited->status, 429);
    QCOMPARE(limited->header("Retry-After"), "9");
    QList<QJsonObject> lines;
    QCOMPARE(serve.stop(&lines), 0);
    QCOMPARE(lines.at(1).value(u"fault"_s).toString(), u"429,retry-after=9,every=2"_s);
    // The syntax is documented with examples.
    const CliRun help = runCli({u"serve"_s, u"--help"_s});
    QVERIFY(help.out.contains("Fault SPEC") && help.out.contains("Examples: --fault 429,retry-after=30,every=3"));
}

void TestCliServe::serve_refusesBadOptionsWithHowToFix_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("fault") << QStringList{u"--fault"_s, u"418"_s} << QByteArray("bad fault '418'");
    QTest::newRow("listen") << QStringList{u"--listen"_s, u"nowhere"_s} << QByteArray("--listen must be HOST:PORT");
    QTest::newRow("key") << QStringList{u"--key"_s, u"a=b"_s} << QByteArray("--key must be PUBLIC or PUBLIC:SECRET");
    QTest::newRow("profile") << QStringList{u"--profile"_s, u"v5"_s} << QByteArray("--profile must be v4 or relay");
}

void TestCliServe::serve_refusesBadOptionsWithHowToFix()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runCli(QStringList{u"serve"_s, u"--no-history"_s} + arguments);
    QCOMPARE(run.exitCode, 2);
    QFETCH(QByteArray, message);
    QVERIFY2(run.err.contains(message), run.err.constData());
}

// The process is killed with SIGKILL while 20 clients keep sending: every request it answered 200
// must be in the database afterwards.
void TestCliServe::serve_sigkillUnderLoadKeepsEveryAcknowledgedExchange()
{
    const QString path = db(u"killed.sqlite"_s);
    ServeProcess serve;
    QVERIFY(serve.start({u"--key"_s, u"pub:sec"_s, u"--db"_s, path}));
    struct Client
    {
        QTcpSocket socket;
        QByteArray buffer;
        QString pending;
        int sent = 0;
    };
    std::vector<std::unique_ptr<Client>> clients;
    QSet<QString> acknowledged;
    const auto sendNext = [](Client *client, int index) {
        client->pending = u"%1%2"_s.arg(index, 16, 10, QChar(u'0')).arg(client->sent++, 16, 10, QChar(u'0'));
        client->socket.write(storeRequest(R"({"message":"load","event_id":")" + client->pending.toLatin1() + "\"}"));
    };
    for (int i = 0; i < 20; ++i) {
        clients.push_back(std::make_unique<Client>());
        Client *client = clients.back().get();
        QObject::connect(&client->socket, &QTcpSocket::connected, &client->socket, [=] { sendNext(client, i); });
        QObject::connect(&client->socket, &QTcpSocket::readyRead, &client->socket, [&, client, i] {
            client->buffer += client->socket.readAll();
            while (auto answer = takeAnswer(client->buffer)) {
                if (answer->status == 200)
                    acknowledged.insert(client->pending);
                sendNext(client, i);
            }
        });
        client->socket.connectToHost(QHostAddress::LocalHost, serve.port());
    }
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 1000, 120000);
    serve.process().kill(); // SIGKILL: no chance to flush anything
    QVERIFY(serve.process().waitForFinished(10000));
    QCoreApplication::processEvents(); // answers that arrived before the kill
    Sentry::History history;
    QVERIFY(history.open(path));
    Sentry::HistoryQuery all;
    all.limit = 1000000;
    QSet<QString> stored;
    for (const Sentry::Exchange &exchange : history.search(all))
        stored.insert(exchange.eventId);
    QVERIFY2((acknowledged - stored).isEmpty(),
             qPrintable(u"%1 acknowledged but not stored"_s.arg((acknowledged - stored).size())));
    qInfo("%lld acknowledged, %lld stored when killed", qint64(acknowledged.size()), qint64(stored.size()));
}

void TestCliServe::inspect_judgesSavedRequests_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("raven-python") << QStringList{dataFile("raven-python-base64-zlib.http")} << 0 << 200 << u"base64-zlib"_s << QString();
    QTest::newRow("with-matching-key") << QStringList{u"--key"_s, u"public:secret"_s, dataFile("raven-python-base64-zlib.http")} << 0 << 200 << u"base64-zlib"_s << QString();
    QTest::newRow("with-other-key") << QStringList{u"--key"_s, u"other:secret"_s, dataFile("raven-python-base64-zlib.http")} << 1 << 403 << u"unknown"_s << u"auth.key"_s;
    QTest::newRow("legacy-lf") << QStringList{dataFile("legacy-lf-line-endings.http")} << 0 << 200 << u"json"_s << QString();
    QTest::newRow("equals-in-client") << QStringList{dataFile("equals-in-client.http")} << 1 << 400 << u"unknown"_s << u"auth.invalid-header"_s;
}

void TestCliServe::inspect_judgesSavedRequests()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runCli(QStringList{u"inspect"_s, u"--json"_s} + arguments);
    QTEST(run.exitCode, "exitCode");
    const QJsonObject json = run.json();
    QTEST(json.value(u"answer"_s).toObject().value(u"status"_s).toInt(), "status");
    QTEST(json.value(u"encoding"_s).toString(), "encoding");
    QTEST(json.value(u"refusal"_s).toString(), "refusal");
}

void TestCliServe::inspect_textNamesVerdictAndAnswer()
{
    const CliRun run = runCli({u"inspect"_s, dataFile("equals-in-client.http")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains("Verdict:   refused (auth.invalid-header, at sentry_client)"));
    QVERIFY(run.out.contains("HTTP/1.1 400 Bad Request\r\n"));
    QVERIFY(run.out.contains("X-Sentry-Error: Invalid auth header"));
    const CliRun missing = runCli({u"inspect"_s, dataFile("no-such.http")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("no-such.http"));
    const CliRun notHttp = runCli({u"inspect"_s, u"-"_s}, "just some text");
    QCOMPARE(notHttp.exitCode, 2);
    QVERIFY(notHttp.err.contains("no blank line after the headers"));
}

void TestCliServe::history_listsSearchesAndShows()
{
    const QString path = db(u"history.sqlite"_s);
    ServeProcess serve;
    QVERIFY(serve.start({u"--key"_s, u"pub:sec"_s, u"--db"_s, path}));
    RawClient client;
    QVERIFY(client.connectTo(serve.port()));
    const QByteArray request = storeRequest();
    QCOMPARE(client.exchange(request)->status, 200);
    QCOMPARE(client.exchange(storeRequest(R"({"message":"other thing","level":"info"})"))->status, 200);
    QCOMPARE(serve.stop(), 0);

    const CliRun all = runCli({u"history"_s, u"--db"_s, path, u"--json"_s});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out.count('\n'), 2);
    const CliRun search = runCli({u"history"_s, u"--db"_s, path, u"--search"_s, u"disk"_s});
    QCOMPARE(search.out.count('\n'), 1);
    QVERIFY(search.out.startsWith("#1 ") && search.out.contains("\"Disk full\""));
    QCOMPARE(runCli({u"history"_s, u"--db"_s, path, u"--level"_s, u"info"_s}).out.count('\n'), 1);
    QCOMPARE(runCli({u"history"_s, u"--db"_s, path, u"--direction"_s, u"out"_s}).out.count('\n'), 0);
    QCOMPARE(runCli({u"history"_s, u"--db"_s, path, u"--status"_s, u"200"_s, u"--limit"_s, u"1"_s}).out.count('\n'), 1);
    // --raw gives back the request byte for byte.
    const CliRun raw = runCli({u"history"_s, u"--db"_s, path, u"show"_s, u"1"_s, u"--raw"_s});
    QCOMPARE(raw.out, request);
    const CliRun shown = runCli({u"history"_s, u"--db"_s, path, u"show"_s, u"1"_s, u"--json"_s});
    QCOMPARE(shown.json().value(u"response_body"_s).toString(), u"{\"id\":\"fc6d8c0c43fc4630ad850ee518f1b9d0\"}"_s);
    const CliRun missing = runCli({u"history"_s, u"--db"_s, path, u"show"_s, u"99"_s});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("there is no exchange 99"));
    verifyExitCode({u"history"_s, u"--db"_s, path, u"--direction"_s, u"sideways"_s}, 2);
}

void TestCliServe::history_showsTheProtocolTimeline()
{
    const QString path = db(u"timeline.sqlite"_s);
    ServeProcess serve;
    QVERIFY(serve.start({u"--key"_s, u"pub:sec"_s, u"--db"_s, path, u"--fault"_s, u"403,once"_s}));
    RawClient client;
    QVERIFY(client.connectTo(serve.port()));
    QCOMPARE(client.exchange(storeRequest())->status, 403);
    QCOMPARE(client.exchange(storeRequest(R"({"message":"<script>alert(1)</script>"})"))->status, 200);
    QCOMPARE(serve.stop(), 0);

    const CliRun markdown = runCli({u"history"_s, u"--db"_s, path, u"show"_s, u"1"_s, u"--timeline"_s, u"md"_s});
    QCOMPARE(markdown.exitCode, 0);
    QVERIFY(markdown.out.startsWith("# Protocol timeline — Exchange #1: received from"));
    QVERIFY(markdown.out.contains("| status | `403` |"));
    QVERIFY(markdown.out.contains("| fault | `403,once` |"));
    QVERIFY(markdown.out.contains("## 9. Verdict ✗"));
    QVERIFY(!markdown.out.contains("sentry_secret | `sec`"));
    const CliRun html = runCli({u"history"_s, u"--db"_s, path, u"show"_s, u"2"_s, u"--timeline"_s, u"html"_s});
    QCOMPARE(html.exitCode, 0);
    QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    QVERIFY(!html.out.contains("<script"));
    QVERIFY(html.out.trimmed().endsWith("</html>"));

    const CliRun bad = runCli({u"history"_s, u"--db"_s, path, u"show"_s, u"1"_s, u"--timeline"_s, u"pdf"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--timeline must be md (Markdown) or html (one self-contained page), not 'pdf'"), bad.err.constData());
    const CliRun noId = runCli({u"history"_s, u"--db"_s, path, u"--timeline"_s, u"md"_s});
    QCOMPARE(noId.exitCode, 2);
    QVERIFY(noId.err.contains("add 'show ID'"));
}

void TestCliServe::send_recordsEachAttempt()
{
    const QString path = db(u"send.sqlite"_s);
    ServeProcess serve;
    QVERIFY(serve.start({u"--key"_s, u"pub:sec"_s, u"--no-history"_s}));
    QProcess send;
    send.setProcessEnvironment(isolatedEnvironment());
    send.start(QStringLiteral(SENTRY_CLI_PATH), {u"send"_s, u"--dsn"_s, serve.dsn(), u"--db"_s, path, u"-"_s});
    send.write(Event);
    send.closeWriteChannel();
    QVERIFY(send.waitForFinished(30000));
    QCOMPARE(send.exitCode(), 0);
    QCOMPARE(serve.stop(), 0);
    Sentry::History history;
    QVERIFY(history.open(path));
    const auto sent = history.search({});
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().direction, Sentry::Exchange::Direction::Out);
    QCOMPARE(sent.first().status, 200);
    QCOMPARE(sent.first().eventId, u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s);
    QCOMPARE(sent.first().eventJson, Event);
}

void TestCliServe::replay_exactAndRebuiltAreRecordedAndLinked()
{
    const QString path = db(u"replay.sqlite"_s);
    const QString targetPath = db(u"replay-target.sqlite"_s);
    ServeProcess origin;
    QVERIFY(origin.start({u"--key"_s, u"pub:sec"_s, u"--db"_s, path}));
    RawClient client;
    QVERIFY(client.connectTo(origin.port()));
    const QByteArray request = storeRequest(Sentry::BodyCodec::encode(Event, Sentry::BodyEncoding::Base64Zlib));
    QCOMPARE(client.exchange(request)->status, 200);
    QCOMPARE(origin.stop(), 0);

    ServeProcess target;
    QVERIFY(target.start({u"--key"_s, u"pub:sec"_s, u"--db"_s, targetPath}));
    const CliRun exact = runCli({u"replay"_s, u"--db"_s, path, u"--id"_s, u"1"_s, u"--dsn"_s, target.dsn(), u"--json"_s});
    QVERIFY2(exact.exitCode == 0, exact.err.constData());
    QCOMPARE(exact.json().value(u"comparison"_s).toObject().value(u"same_status"_s).toBool(), true);
    const CliRun rebuilt = runCli({u"replay"_s, u"--db"_s, path, u"--id"_s, u"1"_s, u"--dsn"_s, target.dsn(),
                                   u"--encoding"_s, u"json"_s, u"--fresh-id"_s, u"--json"_s});
    QVERIFY2(rebuilt.exitCode == 0, rebuilt.err.constData());
    QCOMPARE(target.stop(), 0);

    Sentry::History received; // what the target got
    QVERIFY(received.open(targetPath));
    const auto arrived = received.search({});
    QCOMPARE(arrived.size(), 2);
    const Sentry::Exchange exactArrival = arrived.at(1);
    QCOMPARE(exactArrival.requestBody, request.mid(request.indexOf("\r\n\r\n") + 4));
    QCOMPARE(exactArrival.requestHeaders.at(1), Sentry::RawHeader("X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_key=pub, sentry_secret=sec"));
    QCOMPARE(exactArrival.encoding, u"base64-zlib"_s);
    QCOMPARE(arrived.at(0).encoding, u"json"_s);
    QVERIFY(arrived.at(0).eventId != exactArrival.eventId); // --fresh-id

    Sentry::History original; // the replays, linked to exchange 1
    QVERIFY(original.open(path));
    const auto replays = original.search({});
    QCOMPARE(replays.size(), 3);
    QCOMPARE(replays.at(0).replayOf, 1);
    QCOMPARE(replays.at(1).replayOf, 1);
    QCOMPARE(replays.at(1).direction, Sentry::Exchange::Direction::Out);
    verifyExitCode({u"replay"_s, u"--db"_s, path, u"--id"_s, u"1"_s, u"--dsn"_s, target.dsn(), u"--exact"_s, u"--fresh-id"_s}, 2);
}

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cli_serve.moc"
