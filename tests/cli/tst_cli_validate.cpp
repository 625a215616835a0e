#include "cliprocess.h"

#include <QFile>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

QString eventFile(const QString &name)
{
    return QStringLiteral(SENTRY_TEST_DATA_DIR "/events/") + name;
}

QString sample(const QString &name)
{
    return QStringLiteral(SENTRY_SAMPLES_DIR "/") + name;
}

// The body of a captured request (tests/data/traffic): what the client put on the wire.
QByteArray capturedBody(const QString &name)
{
    QFile file(QStringLiteral(SENTRY_TEST_DATA_DIR "/traffic/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return bytes.mid(bytes.indexOf("\r\n\r\n") + 4);
}

QStringList lines(const QByteArray &out)
{
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // raven-node's body as it went on the wire, read from standard input.
    void validate_acceptsBodiesAsSentAndNamesTheEncoding_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("encoding");
        for (const char *name : {"message", "error", "type-error", "thrown-string", "query",
                                 "path-prefix-slug", "uncaught", "express-post"}) {
            QTest::addRow("raven-node %s", name)
                << capturedBody(u"raven-node-0.6.3/%1.http"_s.arg(QLatin1StringView(name)))
                << QByteArray("base64(zlib(JSON))");
        }
        QTest::addRow("base64 of JSON") << QByteArray(R"({"message":"m"})").toBase64()
                                        << QByteArray("base64(JSON)");
    }
    void validate_acceptsBodiesAsSentAndNamesTheEncoding()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, encoding);
        QVERIFY(!body.isEmpty());
        const CliRun run = runCli({u"validate"_s, u"-"_s}, body);
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QVERIFY2(run.out.startsWith(QByteArray("body   " + encoding + " (a body as sent), decoded")), run.out.constData());
        const CliRun json = runCli({u"validate"_s, u"--json"_s, u"-"_s}, body);
        QCOMPARE(json.json().value(u"encoding"_s).toString().isEmpty(), false);
        QCOMPARE(json.json().value(u"valid"_s).toBool(), true);
    }

    // Spec section 4: a gzip wrapper or a base64 body that is not zlib is refused while decoding.
    void validate_brokenEncodingGetsTheServersAnswer_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("gzip in base64") << QByteArray::fromHex("1f8b0800000000000203abae050043bfa6a302000000").toBase64();
        QTest::addRow("base64 of garbage") << QByteArray("not zlib at all, nor JSON").toBase64();
        QTest::addRow("raw zlib") << QByteArray::fromHex("789cabae0500017500f9");
    }
    void validate_brokenEncodingGetsTheServersAnswer()
    {
        QFETCH(QByteArray, body);
        const CliRun run = runCli({u"validate"_s, u"-"_s}, body);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("403 'Bad data decoding request'"), run.out.constData());
    }

    // Issue 16: request and validate quoted different answers for one broken input. A body that
    // starts with '{' goes straight to json.loads, which fails: "reconstructing object".
    void brokenJson_validateAndRequestQuoteTheSameAnswer()
    {
        const CliRun validate = runCli({u"validate"_s, eventFile(u"broken-json.json"_s)});
        const CliRun request = runCli({u"request"_s, u"--dsn"_s, u"http://pub:sec@localhost:9000/2"_s,
                                       eventFile(u"broken-json.json"_s)});
        QVERIFY2(validate.out.contains("403 Bad data reconstructing object"), validate.out.constData());
        QVERIFY2(request.err.contains("Bad data reconstructing object"), request.err.constData());
        QVERIFY(!validate.out.contains("decoding request"));
    }

    void validate_exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("valid") << QStringList{u"validate"_s, eventFile(u"seed-example.json"_s)} << 0;
        QTest::addRow("valid with warnings") << QStringList{u"validate"_s, eventFile(u"level-unknown.json"_s)} << 0;
        QTest::addRow("invalid") << QStringList{u"validate"_s, eventFile(u"http-without-url.json"_s)} << 1;
        QTest::addRow("broken JSON") << QStringList{u"validate"_s, eventFile(u"broken-json.json"_s)} << 1;
        QTest::addRow("relay: valid in v4 only") << QStringList{u"validate"_s, u"--profile"_s, u"relay"_s, sample(u"user-as-string.json"_s)} << 1;
        QTest::addRow("v4: same file") << QStringList{u"validate"_s, u"--profile"_s, u"v4"_s, sample(u"user-as-string.json"_s)} << 0;
        QTest::addRow("no file") << QStringList{u"validate"_s} << 2;
        QTest::addRow("unknown profile") << QStringList{u"validate"_s, u"--profile"_s, u"v5"_s, eventFile(u"seed-example.json"_s)} << 2;
        QTest::addRow("missing file") << QStringList{u"validate"_s, u"/nonexistent/event.json"_s} << 2;
        QTest::addRow("unknown option") << QStringList{u"validate"_s, u"--frobnicate"_s, eventFile(u"seed-example.json"_s)} << 2;
        QTest::addRow("help") << QStringList{u"validate"_s, u"--help"_s} << 0;
    }

    void validate_exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        verifyExitCode(arguments, exitCode);
    }

    void validate_printsOneFindingPerLine()
    {
        const CliRun run = runCli({u"validate"_s, eventFile(u"http-without-url.json"_s)});
        const QStringList out = lines(run.out);
        QVERIFY(out.contains(u"error  /request  the server drops this interface: \"url\" is required (the full URL of the request)"_s));
        QVERIFY(out.constLast().startsWith(u"invalid (v4): 1 error(s)"_s));
    }

    void validate_brokenJsonNamesLineAndColumn()
    {
        const CliRun run = runCli({u"validate"_s, eventFile(u"broken-json.json"_s)});
        QVERIFY2(run.out.contains("line 2, column 19: missing comma"), run.out.constData());
    }

    void validate_jsonHasEveryKey()
    {
        const CliRun run = runCli({u"validate"_s, u"--json"_s, eventFile(u"level-unknown.json"_s)});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(u"valid"_s).toBool(), true);
        QCOMPARE(json.value(u"profile"_s).toString(), u"v4"_s);
        const QJsonObject finding = json.value(u"findings"_s).toArray().first().toObject();
        QCOMPARE(finding.value(u"severity"_s).toString(), u"warning"_s);
        QCOMPARE(finding.value(u"path"_s).toString(), u"/level"_s);
        QCOMPARE(finding.value(u"rule"_s).toString(), u"event.level.unknown"_s);
        QCOMPARE(finding.value(u"action"_s).toString(), u"default"_s);
        QVERIFY(!finding.value(u"message"_s).toString().isEmpty());
        QCOMPARE(json.value(u"normalized"_s).toObject().value(u"level"_s).toString(), u"error"_s);
    }

    void validate_relayProfileNamedAndNormalized()
    {
        const CliRun run = runCli({u"validate"_s, u"--json"_s, u"--profile"_s, u"relay"_s, eventFile(u"full-interface-names.json"_s)});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(u"profile"_s).toString(), u"relay"_s);
        QVERIFY(json.value(u"normalized"_s).toObject().contains(u"logentry"_s));
    }

    void validate_readsStandardInput()
    {
        QFile file(eventFile(u"tags-not-a-map-or-list.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const CliRun run = runCli({u"validate"_s, u"--json"_s, u"-"_s}, file.readAll());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(u"findings"_s).toArray().first().toObject().value(u"path"_s).toString(), u"/tags"_s);
    }

    void validate_listRulesPerProfile()
    {
        const CliRun v4 = runCli({u"validate"_s, u"--list-rules"_s, u"--json"_s});
        QCOMPARE(v4.exitCode, 0);
        const QJsonArray rules = v4.json().value(u"rules"_s).toArray();
        QVERIFY(rules.size() > 80);
        const QJsonObject first = rules.first().toObject();
        for (const QString &key : {u"id"_s, u"path"_s, u"severity"_s, u"action"_s, u"constraint"_s, u"message"_s})
            QVERIFY2(first.contains(key), qPrintable(key));
        const CliRun relay = runCli({u"validate"_s, u"--list-rules"_s, u"--profile"_s, u"relay"_s});
        QCOMPARE(relay.exitCode, 0);
        QVERIFY(relay.out.contains("event.level.critical  /level  info  replace  -  a v4 name"));
        QVERIFY(relay.out.contains("\nlevel  critical  stored as fatal\n"));
        QVERIFY(!relay.out.contains("exception.value.required"));
    }

    // The limits and the tables the judge walks are listed from the same rows it reads.
    void validate_listRulesShowsLimitsAndTables()
    {
        const CliRun text = runCli({u"validate"_s, u"--list-rules"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("tags.key.length  /tags/*  error  discard  32  key at most 32 characters\n"));
        QVERIFY(text.out.contains("event.timestamp.future  /timestamp  warning  replace  60  at most 1 minute ahead\n"));
        QVERIFY(text.out.contains("\nlevel  warning  30\n"));
        QVERIFY(!text.out.contains("stored as fatal"));
        QVERIFY(text.out.contains("\nkey  level  level  default \"error\" (event.level.missing)\n"));
        QVERIFY(text.out.contains("\nkey  release  later-protocol\n"));
        QVERIFY(text.out.contains("\ninterface  request  sentry.interfaces.Http  relay request  first field url\n"));

        const QJsonObject json = runCli({u"validate"_s, u"--list-rules"_s, u"--json"_s}).json();
        QHash<QString, QJsonValue> limits;
        for (const QJsonValue &rule : json.value(u"rules"_s).toArray())
            limits.insert(rule[u"id"_s].toString(), rule[u"limit"_s]);
        QCOMPARE(limits.value(u"tags.value.length"_s).toInt(), 200);
        QCOMPARE(limits.value(u"extra.keys"_s).toInt(), 50);
        QCOMPARE(limits.value(u"extra.depth"_s).toInt(), 3);
        QCOMPARE(limits.value(u"event.timestamp.future"_s).toInt(), 60);
        QVERIFY(limits.value(u"event.key.unknown"_s).isNull());
        QCOMPARE(json.value(u"levels"_s).toArray().size(), 5);
        QCOMPARE(json.value(u"levels"_s).toArray().at(4)[u"name"_s].toString(), u"fatal"_s);
        QCOMPARE(json.value(u"interfaces"_s).toArray().size(), 7);
        bool later = false;
        for (const QJsonValue &key : json.value(u"keys"_s).toArray())
            later = later || (key[u"key"_s] == u"environment"_s && key[u"role"_s] == u"later-protocol"_s);
        QVERIFY(later);
    }

    void validate_scrubReportsWhatWasScrubbed()
    {
        const QByteArray input = "{\"message\":\"m\",\"extra\":{\"password\":\"hunter2\"},"
                                 "\"request\":{\"url\":\"http://x/\",\"method\":\"GET\",\"cookies\":{\"sid\":\"1\"}}}";
        const CliRun run = runCli({u"validate"_s, u"--json"_s, u"--scrub"_s, u"-"_s}, input);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QStringList scrubbed;
        for (const QJsonValue &entry : json.value(u"scrubbed"_s).toArray())
            scrubbed << entry[u"path"_s].toString() + u' ' + entry[u"action"_s].toString();
        scrubbed.sort();
        QCOMPARE(scrubbed, (QStringList{u"/extra/password masked"_s, u"/request/cookies removed"_s}));
        const QJsonObject normalized = json.value(u"normalized"_s).toObject();
        QCOMPARE(normalized[u"extra"_s][u"password"_s].toString(), u"********"_s);
        QVERIFY(!normalized[u"sentry.interfaces.Http"_s].toObject().contains(u"cookies"_s));

        const CliRun kept = runCli({u"validate"_s, u"--scrub"_s, u"--keep-cookies"_s, u"-"_s}, input);
        QVERIFY(kept.out.contains("scrubbed  /extra/password  masked (sanitize)"));
        QVERIFY(!kept.out.contains("/request/cookies"));
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
