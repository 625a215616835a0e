#include "loopbackserver.h"
#include "cliprocess.h"

#include "bodycodec.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray validEvent = R"({"event_id": "fc6d8c0c43fc4630ad850ee518f1b9d0", "message": "hello",
    "timestamp": "2026-11-28T12:00:00", "level": "error", "logger": "root"})";
const QByteArray invalidEvent = R"({"event_id": "fc6d8c0c43fc4630ad850ee518f1b9d0", "message": 42,
    "timestamp": "2026-11-28T12:00:00", "level": "error", "logger": "root"})";

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    const QList<QByteArray> lines = out.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

} // namespace

class TestCliSend : public QObject
{
    Q_OBJECT

private:
    // Runs the CLI while this process's event loop keeps serving the loopback server.
    CliRun runServed(const QStringList &arguments, const QByteArray &stdinData = validEvent)
    {
        QProcess process;
        process.setProcessEnvironment(isolatedEnvironment());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SENTRY_CLI_PATH), QStringList{u"send"_s} + arguments);
        process.write(stdinData);
        process.closeWriteChannel();
        if (!finished.wait(30000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    std::unique_ptr<LoopbackServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<LoopbackServer>();
        QVERIFY(m_server->listen());
    }

    void send_acceptedPrintsVerdictAndExitsZero()
    {
        m_server->enqueue(ScriptedResponse::stored("fc6d8c0c43fc4630ad850ee518f1b9d0"));
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"-"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("accepted (HTTP 200"), run.out.constData());
        QVERIFY(run.out.contains("fc6d8c0c43fc4630ad850ee518f1b9d0"));
        QCOMPARE(m_server->requests().size(), 1);
        const QByteArray raw = m_server->requests().constFirst();
        QVERIFY(LoopbackServer::headerValue(raw, "X-Sentry-Auth").contains("sentry_secret=secret"));
        QVERIFY(LoopbackServer::headerValue(raw, "Origin").isNull());
    }

    void send_notAcceptedReportsVerdictAndExitsThree_data()
    {
        QTest::addColumn<ScriptedResponse>("response");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonValue>("serverError");
        QTest::addRow("403 invalid api key") << ScriptedResponse::sentryError(403, "Invalid api key")
                                             << u"auth_failed"_s << 403 << QJsonValue(u"Invalid api key"_s);
        QTest::addRow("200 without id") << ScriptedResponse{200, {}, "{}"} << u"server_error"_s << 200
                                        << QJsonValue(QJsonValue::Null);
        // Qt's network stack drops a header whose value is empty, so the v4 server's empty X-Sentry-Error
        // on a 500 arrives as no header at all.
        QTest::addRow("500") << ScriptedResponse::sentryError(500, "") << u"server_error"_s << 500
                             << QJsonValue(QJsonValue::Null);
        QTest::addRow("503 from a proxy") << ScriptedResponse{503, {}, "<html>bad gateway</html>"} << u"server_error"_s
                                          << 503 << QJsonValue(QJsonValue::Null);
        QTest::addRow("no answer") << ScriptedResponse::neverAnswers() << u"timeout"_s << 0
                                   << QJsonValue(QJsonValue::Null);
    }
    // The DSN's ?timeout= was accepted and then ignored; --timeout still wins over it. The words
    // are the ones the GUI shows (core's explanation).
    void send_timeoutComesFromTheDsnUnlessGiven_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("within");
        QTest::addRow("the DSN's") << u"?timeout=0.3"_s << QStringList() << u"within 300 ms"_s;
        QTest::addRow("--timeout over the DSN's") << u"?timeout=30"_s << QStringList{u"--timeout"_s, u"0.25"_s}
                                                  << u"within 250 ms"_s;
    }
    void send_timeoutComesFromTheDsnUnlessGiven()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, options);
        QFETCH(QString, within);
        m_server->enqueue(ScriptedResponse::neverAnswers());
        const CliRun run = runServed(QStringList{u"--dsn"_s, m_server->dsn() + query, u"--json"_s} + options
                                     + QStringList{u"-"_s});
        QCOMPARE(run.exitCode, 3);
        const QJsonObject attempt = jsonLines(run.out).value(0);
        QCOMPARE(attempt.value(u"verdict"_s).toString(), u"timeout"_s);
        QCOMPARE(attempt.value(u"stage"_s).toString(), u"waiting"_s);
        const QString explanation = attempt.value(u"explanation"_s).toString();
        QVERIFY2(explanation.startsWith(u"Connected to 127.0.0.1:%1 and sent the request, but no answer came "_s
                                            .arg(m_server->port())
                                        + within),
                 qPrintable(explanation));
    }

    void send_notAcceptedReportsVerdictAndExitsThree()
    {
        QFETCH(ScriptedResponse, response);
        QFETCH(QString, verdict);
        QFETCH(int, status);
        QFETCH(QJsonValue, serverError);
        m_server->enqueue(response);
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"--timeout"_s, u"0.3"_s, u"--json"_s, u"-"_s});
        QCOMPARE(run.exitCode, 3);
        const QList<QJsonObject> attempts = jsonLines(run.out);
        QCOMPARE(attempts.size(), 1);
        const QJsonObject attempt = attempts.constFirst();
        QCOMPARE(attempt.value(u"verdict"_s).toString(), verdict);
        QCOMPARE(attempt.value(u"status"_s).toInt(), status);
        QCOMPARE(attempt.value(u"server_error"_s), serverError);
        QVERIFY(attempt.value(u"event_id"_s).isNull());
        QVERIFY(!attempt.value(u"explanation"_s).toString().isEmpty());
        QVERIFY(attempt.value(u"elapsed_ms"_s).isDouble());
        QVERIFY(attempt.contains(u"retry_after"_s));
    }

    void send_refusesInvalidEventUnlessForced()
    {
        const CliRun refused = runServed({u"--dsn"_s, m_server->dsn(), u"-"_s}, invalidEvent);
        QCOMPARE(refused.exitCode, 1);
        // Issue 16: on stderr, not stdout, and naming the way to send it anyway.
        QVERIFY2(refused.err.contains("The event is invalid"), refused.err.constData());
        QVERIFY2(refused.err.contains("/message"), refused.err.constData());
        QVERIFY2(refused.err.contains("--force"), refused.err.constData());
        QVERIFY2(!refused.out.contains("invalid"), refused.out.constData());
        QCOMPARE(m_server->requests().size(), 0);

        const CliRun forced = runServed({u"--dsn"_s, m_server->dsn(), u"--force"_s, u"-"_s}, invalidEvent);
        QCOMPARE(forced.exitCode, 0);
        QCOMPARE(m_server->requests().size(), 1);
    }

    // raven-node's body as it went on the wire: decoded, validated, and sent again.
    void send_acceptsABodyAsSent()
    {
        QFile capture(QStringLiteral(SENTRY_TEST_DATA_DIR "/traffic/raven-node-0.6.3/error.http"));
        QVERIFY(capture.open(QIODevice::ReadOnly));
        const QByteArray bytes = capture.readAll();
        const QByteArray body = bytes.mid(bytes.indexOf("\r\n\r\n") + 4);
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"--json"_s, u"-"_s}, body);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("base64(zlib(JSON))"), run.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
        const QByteArray sent = m_server->requests().constFirst();
        const Sentry::DecodeResult original = Sentry::BodyCodec::decode(body);
        QCOMPARE(sent.mid(sent.indexOf("\r\n\r\n") + 4), original.json);
        const QJsonObject request = run.json().value(u"request"_s).toObject();
        QCOMPARE(request.value(u"headers"_s).toArray().first()[u"name"_s].toString(), u"Host"_s);
    }

    void send_refusesAPublicKeyOnlyDsnWithoutOriginBeforeSending()
    {
        const QString publicOnly = m_server->dsn(u"42"_s, false);
        const CliRun refused = runServed({u"--dsn"_s, publicOnly, u"-"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("sentry_secret") && refused.err.contains("--force"), refused.err.constData());
        QCOMPARE(m_server->requests().size(), 0);
        const CliRun browser = runServed({u"--dsn"_s, publicOnly, u"--origin"_s, u"http://shop.example"_s, u"-"_s});
        QCOMPARE(browser.exitCode, 0);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(LoopbackServer::headerValue(m_server->requests().constFirst(), "Origin"),
                 QByteArray("http://shop.example"));
    }

    void send_methodGetSendsTheBeacon()
    {
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"--method"_s, u"get"_s, u"-"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(m_server->requests().size(), 1);
        const QByteArray raw = m_server->requests().constFirst();
        QVERIFY2(raw.startsWith("GET /api/42/store/?sentry_version=4&"), raw.constData());
        QVERIFY(raw.contains("&sentry_data=%7B"));
        QVERIFY(raw.endsWith("\r\n\r\n")); // no body
    }

    void send_legacyAndTimestamp()
    {
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"--legacy"_s, u"--timestamp"_s,
                                      u"1329096377"_s, u"-"_s});
        QCOMPARE(run.exitCode, 0);
        const QByteArray raw = m_server->requests().constFirst();
        QVERIFY2(raw.startsWith("POST /api/store/ HTTP/1.1\r\n"), raw.constData());
        QVERIFY(LoopbackServer::headerValue(raw, "X-Sentry-Auth").contains("sentry_timestamp=1329096377,"));
    }

    // send --as puts the preset's bytes on the wire, as `request --as` shows them: raven-node's
    // headers only (no User-Agent, which Qt would add) and the event in raven-node's shape.
    void send_asRavenNodeSendsExactlyThePreviewedRequest()
    {
        const QByteArray event = R"({"message":"m","level":"error","timestamp":"2013-12-06T18:45:08.250Z"})";
        const QStringList options{u"--dsn"_s, m_server->dsn(), u"--as"_s, u"raven-node-0.6"_s,
                                  u"--timestamp"_s, u"1329096377"_s};
        const CliRun run = runServed(options + QStringList{u"--no-history"_s, u"-"_s}, event);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("info: /level: removed: raven-node 0.6.3 set no level"), run.err.constData());
        const CliRun preview = runCli(QStringList{u"request"_s} + options + QStringList{u"--show-secret"_s, u"-"_s},
                                      event);
        QCOMPARE(preview.exitCode, 0);
        QCOMPARE(m_server->requests().size(), 1);
        const QByteArray raw = m_server->requests().constFirst();
        QCOMPARE(raw, preview.out);
        QVERIFY2(LoopbackServer::headerValue(raw, "User-Agent").isNull(), raw.constData());
        const QByteArray sent = Sentry::BodyCodec::decode(LoopbackServer::body(raw)).json;
        QVERIFY2(sent.contains("\"timestamp\":\"2013-12-06T18:45:08\"") && !sent.contains("\"level\""),
                 sent.constData());
    }

    void send_repeatHonoursBackoffAndPrintsWaits()
    {
        ScriptedResponse limited = ScriptedResponse::sentryError(429, "slow down");
        limited = limited.withHeader("Retry-After", "1");
        m_server->enqueue(limited);
        m_server->enqueue(ScriptedResponse::stored("a1"));
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"--repeat"_s, u"2"_s, u"--json"_s, u"-"_s});
        QCOMPARE(run.exitCode, 3); // not every attempt was accepted
        const QList<QJsonObject> attempts = jsonLines(run.out);
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).value(u"verdict"_s).toString(), u"rate_limited"_s);
        QCOMPARE(attempts.at(0).value(u"retry_after"_s).toInt(), 1);
        QCOMPARE(attempts.at(1).value(u"verdict"_s).toString(), u"accepted"_s);
        QCOMPARE(attempts.at(1).value(u"event_id"_s).toString(), u"a1"_s);
        QVERIFY2(run.err.contains("waiting 1.0 s before attempt 2"), run.err.constData());
    }

    void send_repeatStopsAfterDeterministicRefusal()
    {
        m_server->setDefaultResponse(ScriptedResponse::sentryError(403, "Invalid api key"));
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"--repeat"_s, u"3"_s, u"-"_s});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY2(run.out.contains("not repeating"), run.out.constData());
        QVERIFY(run.out.contains("secret key of the DSN"));
    }

    void send_base64ZlibEncodingSendsCompressedBody()
    {
        const CliRun run = runServed({u"--dsn"_s, m_server->dsn(), u"--encoding"_s, u"base64-zlib"_s, u"-"_s});
        QCOMPARE(run.exitCode, 0);
        const QByteArray body = LoopbackServer::body(m_server->requests().value(0));
        QVERIFY(body.startsWith("eJ")); // base64 of a zlib header
        QCOMPARE(LoopbackServer::headerValue(m_server->requests().value(0), "Content-Type"),
                 QByteArray("application/octet-stream"));
    }

    // A server may echo the auth header in X-Sentry-Error; the secret is masked unless asked for.
    void send_masksTheSecretUnlessShown_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<bool>("shown");
        QTest::addRow("text") << QStringList{} << false;
        QTest::addRow("json") << QStringList{u"--json"_s} << false;
        QTest::addRow("text, --show-secret") << QStringList{u"--show-secret"_s} << true;
        QTest::addRow("json, --show-secret") << QStringList{u"--json"_s, u"--show-secret"_s} << true;
    }
    void send_masksTheSecretUnlessShown()
    {
        QFETCH(QStringList, extra);
        QFETCH(bool, shown);
        const QByteArray secret = "b7d80b520139450f903720eb7991bf3d";
        m_server->setOnRequest([](const QByteArray &) {});
        m_server->enqueue(ScriptedResponse::sentryError(
            403, "Invalid api key: Sentry sentry_key=public, sentry_secret=" + secret));
        const QString dsn = u"http://public:%1@127.0.0.1:%2/42"_s.arg(QString::fromLatin1(secret)).arg(m_server->port());
        const CliRun run = runServed(QStringList{u"--dsn"_s, dsn} + extra + QStringList{u"-"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.contains("Invalid api key"), run.out.constData());
        QCOMPARE(run.out.contains(secret) || run.err.contains(secret), shown);
        QCOMPARE(run.out.contains("********"), !shown);
        QVERIFY(LoopbackServer::headerValue(m_server->requests().value(0), "X-Sentry-Auth").contains(secret));
    }

    void send_rejectsBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("no dsn") << QStringList{u"-"_s};
        QTest::addRow("bad dsn") << QStringList{u"--dsn"_s, u"http://nokey@h/1x/"_s, u"-"_s};
        QTest::addRow("bad encoding") << QStringList{u"--dsn"_s, u"http://a:b@h/1"_s, u"--encoding"_s, u"gzip"_s, u"-"_s};
        QTest::addRow("bad timeout") << QStringList{u"--dsn"_s, u"http://a:b@h/1"_s, u"--timeout"_s, u"soon"_s, u"-"_s};
        // NaN fails every comparison, so a plain range check let it through (a 1 ms timeout, exit 3).
        for (const QString &number : {u"nan"_s, u"NaN"_s, u"inf"_s, u"-inf"_s, u"1e999"_s, u"0"_s, u"601"_s})
            QTest::addRow("timeout %s", qPrintable(number))
                << QStringList{u"--dsn"_s, u"http://a:b@h/1"_s, u"--timeout"_s, number, u"-"_s};
        QTest::addRow("bad repeat") << QStringList{u"--dsn"_s, u"http://a:b@h/1"_s, u"--repeat"_s, u"0"_s, u"-"_s};
        QTest::addRow("repeat nan") << QStringList{u"--dsn"_s, u"http://a:b@h/1"_s, u"--repeat"_s, u"nan"_s, u"-"_s};
        QTest::addRow("bad client") << QStringList{u"--dsn"_s, u"http://a:b@h/1"_s, u"--client"_s, u"a,b=c"_s, u"-"_s};
    }
    void send_rejectsBadUsage()
    {
        QFETCH(QStringList, arguments);
        const CliRun run = runServed(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(m_server->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliSend)
#include "tst_cli_send.moc"
