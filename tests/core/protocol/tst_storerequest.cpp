#include "storerequest.h"

#include "bodycodec.h"
#include "dsn.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

constexpr qint64 FixedTime = 1329096377;
const QByteArray EventJson = "{\"message\":\"Disk full\",\"level\":\"error\"}";

StoreRequestOptions fixedOptions(BodyEncoding encoding = BodyEncoding::Json)
{
    StoreRequestOptions options;
    options.encoding = encoding;
    options.client = u"raven-python/4.0.0"_s;
    options.clock = [] { return FixedTime; };
    return options;
}

StoreRequest buildOrFail(const QString &dsn, const QByteArray &json,
                         const StoreRequestOptions &options = fixedOptions())
{
    QString error;
    const auto request = StoreRequest::build(Dsn::parse(dsn), json, options, &error);
    if (!request)
        qWarning("build failed: %s", qPrintable(error));
    return request.value_or(StoreRequest());
}

QJsonArray dsnVectors()
{
    QFile file(QDir(QStringLiteral(SENTRY_TEST_DATA_DIR)).filePath(u"dsn.json"_s));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).array()
                                          : QJsonArray();
}

// Runs a script with /bin/sh from a file (a -c argument would hit the 128 KiB argument limit).
QByteArray runScript(const QString &script)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"script.sh"_s));
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(script.toUtf8()) < 0)
        return {};
    file.close();
    QProcess shell;
    shell.start(u"/bin/sh"_s, {file.fileName()});
    shell.waitForFinished(30000);
    return shell.readAllStandardOutput();
}

// What a POSIX shell makes of one quoted word: the check that the escaping is right.
QByteArray shellWord(const QString &word)
{
    return runScript(u"printf '%s' "_s + word + u'\n');
}

QString curlDataWord(const QString &curl)
{
    const qsizetype at = curl.lastIndexOf(u"--data-binary "_s);
    return at < 0 ? QString() : curl.mid(at + 14);
}

} // namespace

class TestStoreRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_usesTheDsnsStoreUrl_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("storeUrl");
        for (const QJsonValue &vector : dsnVectors()) {
            const QJsonObject row = vector.toObject();
            if (row.value(u"valid"_s).toBool() && row.contains(u"store_url"_s)) {
                QTest::addRow("%s", qPrintable(row.value(u"name"_s).toString()))
                    << row.value(u"dsn"_s).toString() << row.value(u"store_url"_s).toString();
            }
        }
    }
    void build_usesTheDsnsStoreUrl()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, storeUrl);
        const StoreRequest request = buildOrFail(dsn, EventJson);
        QCOMPARE(request.url().toString(), storeUrl);
        QCOMPARE(request.method(), QByteArray("POST"));
    }

    void build_refusesInvalidDsnQuotingTheFinding_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("fault");
        for (const QJsonValue &vector : dsnVectors()) {
            const QJsonObject row = vector.toObject();
            if (!row.value(u"valid"_s).toBool()) {
                QTest::addRow("%s", qPrintable(row.value(u"name"_s).toString()))
                    << row.value(u"dsn"_s).toString() << row.value(u"fault"_s).toString();
            }
        }
        QTest::addRow("empty") << QString() << u"empty"_s;
    }
    void build_refusesInvalidDsnQuotingTheFinding()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, fault);
        QString error;
        const auto request = StoreRequest::build(Dsn::parse(dsn), EventJson, fixedOptions(), &error);
        QVERIFY(!request);
        QVERIFY2(error.contains(fault), qPrintable(error));
        const Dsn parsed = Dsn::parse(dsn);
        for (const Finding &finding : parsed.findings()) {
            if (finding.severity == Severity::Error) {
                QVERIFY2(error.contains(finding.message), qPrintable(error));
                break;
            }
        }
    }

    void build_refusesAClientTheServerCouldNotParse_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addRow("comma") << u"app/1.0 (a, b)"_s;
        QTest::addRow("equals") << u"app/1.0 (build=5)"_s;
        QTest::addRow("newline") << u"app/1.0\r\nX-Evil: 1"_s;
        QTest::addRow("empty") << QString();
    }
    void build_refusesAClientTheServerCouldNotParse()
    {
        QFETCH(QString, client);
        StoreRequestOptions options = fixedOptions();
        options.client = client;
        QString error;
        QVERIFY(!StoreRequest::build(Dsn::parse(u"https://pub:sec@example.com/1"_s), EventJson,
                                     options, &error));
        QVERIFY2(error.contains(u"sentry_client"_s), qPrintable(error));
    }

    void build_headersInWireOrder_data()
    {
        QTest::addColumn<BodyEncoding>("encoding");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addRow("json") << BodyEncoding::Json << QByteArray("application/json");
        QTest::addRow("base64-zlib") << BodyEncoding::Base64Zlib
                                     << QByteArray("application/octet-stream");
    }
    void build_headersInWireOrder()
    {
        QFETCH(BodyEncoding, encoding);
        QFETCH(QByteArray, contentType);
        const StoreRequest request = buildOrFail(u"https://pub:sec@example.com/1"_s, EventJson,
                                                 fixedOptions(encoding));
        const QList<StoreRequest::Header> expected = {
            {"Host", "example.com"},
            {"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, "
                              "sentry_timestamp=1329096377, sentry_key=pub, sentry_secret=sec"},
            {"User-Agent", "raven-python/4.0.0"},
            {"Content-Type", contentType},
            {"Content-Length", QByteArray::number(request.body().size())},
            {"Connection", "keep-alive"},
            {"Accept-Encoding", "identity"},
            {"Accept-Language", "*"},
        };
        QCOMPARE(request.headers(), expected);
        QCOMPARE(request.header("content-length").toLongLong(), request.body().size());
        QCOMPARE(request.encoding(), encoding);
        for (const char *absent : {"Origin", "Referer"})
            QVERIFY2(request.header(absent).isNull(), absent);
    }

    void build_bodyIsTheEncodedEvent_data()
    {
        QTest::addColumn<BodyEncoding>("encoding");
        QTest::addColumn<BodyForm>("form");
        QTest::addRow("json") << BodyEncoding::Json << BodyForm::Json;
        QTest::addRow("base64-zlib") << BodyEncoding::Base64Zlib << BodyForm::Base64Zlib;
    }
    void build_bodyIsTheEncodedEvent()
    {
        QFETCH(BodyEncoding, encoding);
        QFETCH(BodyForm, form);
        const StoreRequest request =
            buildOrFail(u"https://pub:sec@example.com/1"_s, EventJson, fixedOptions(encoding));
        const DecodeResult decoded = BodyCodec::decode(request.body());
        QVERIFY2(decoded.isOk(), qPrintable(decoded.errorString));
        QCOMPARE(decoded.form, form);
        QCOMPARE(decoded.json, EventJson);
    }

    void build_authFieldOrderAndNoSecret()
    {
        StoreRequestOptions options = fixedOptions();
        options.authFieldOrder = {u"sentry_key"_s, u"sentry_version"_s};
        const StoreRequest request = buildOrFail(u"https://pub@example.com/1"_s, EventJson, options);
        QCOMPARE(request.header("X-Sentry-Auth"),
                 QByteArray("Sentry sentry_key=pub, sentry_version=4, "
                            "sentry_client=raven-python/4.0.0, sentry_timestamp=1329096377"));
    }

    void build_extraHeadersAppendOrReplaceInPlace()
    {
        StoreRequestOptions options = fixedOptions();
        options.extraHeaders = {{"Origin", "https://app.example.com"},
                                {"user-agent", "custom/1.0"},
                                {"Referer", "https://app.example.com/page"}};
        const StoreRequest request = buildOrFail(u"https://pub:sec@example.com/1"_s, EventJson, options);
        QList<QByteArray> names;
        for (const StoreRequest::Header &header : request.headers())
            names.append(header.first);
        QCOMPARE(names, (QList<QByteArray>{"Host", "X-Sentry-Auth", "User-Agent", "Content-Type",
                                            "Content-Length", "Connection", "Accept-Encoding",
                                            "Accept-Language", "Origin", "Referer"}));
        QCOMPARE(request.header("User-Agent"), QByteArray("custom/1.0"));
        QVERIFY(request.toHttp().contains("\r\nOrigin: https://app.example.com\r\n"));
        QVERIFY(request.toCurl().contains(u"-H 'Origin: https://app.example.com'"_s));
        QCOMPARE(request.toNetworkRequest().rawHeader("Referer"), QByteArray("https://app.example.com/page"));
    }

    void build_refusesAnExtraHeaderHttpCannotCarry_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("errorPart");
        QTest::addRow("line break") << QByteArray("X-A") << QByteArray("a\nb") << u"extra header 'X-A': The value"_s;
        QTest::addRow("space in name") << QByteArray("X A") << QByteArray("b") << u"contains a space"_s;
        QTest::addRow("Content-Length") << QByteArray("Content-Length") << QByteArray("1") << u"framing"_s;
    }
    void build_refusesAnExtraHeaderHttpCannotCarry()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, errorPart);
        StoreRequestOptions options = fixedOptions();
        options.extraHeaders = {{name, value}};
        QString error;
        QVERIFY(!StoreRequest::build(Dsn::parse(u"https://pub:sec@example.com/1"_s), EventJson, options, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }

    // Origin, Referer and the User-Agent are headers a user gives too: the same check, so a line
    // break cannot add a header of its own (`--origin $'http://a\r\nX-Evil: 1'`).
    void build_refusesAGivenBrowserHeaderHttpCannotCarry_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("errorPart");
        QTest::addRow("Origin") << u"origin"_s << u"Origin: The value of Origin contains a line break"_s;
        QTest::addRow("Referer") << u"referer"_s << u"Referer: The value of Referer contains a line break"_s;
        QTest::addRow("User-Agent") << u"userAgent"_s << u"User-Agent: The value of User-Agent contains a line break"_s;
    }
    void build_refusesAGivenBrowserHeaderHttpCannotCarry()
    {
        QFETCH(QString, field);
        QFETCH(QString, errorPart);
        const QString injected = u"http://a.example\r\nX-Evil: 1"_s;
        StoreRequestOptions options = fixedOptions();
        (field == u"origin"_s ? options.origin : field == u"referer"_s ? options.referer : options.userAgent) = injected;
        QString error;
        QVERIFY(!StoreRequest::build(Dsn::parse(u"https://pub:sec@example.com/1"_s), EventJson, options, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }

    void build_timeoutFromOptionsElseTheDsn_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<int>("optionMs"); // 0: none
        QTest::addColumn<int>("expectedMs"); // 0: the sender's default
        QTest::addColumn<StoreRequest::TimeoutSource>("source");
        QTest::addRow("neither") << u"https://pub:sec@example.com/1"_s << 0 << 0
                                 << StoreRequest::TimeoutSource::SenderDefault;
        QTest::addRow("the DSN's") << u"https://pub:sec@example.com/1?timeout=7"_s << 0 << 7000
                                   << StoreRequest::TimeoutSource::Dsn;
        QTest::addRow("the DSN's, fractional") << u"https://pub:sec@example.com/1?timeout=0.25"_s << 0 << 250
                                               << StoreRequest::TimeoutSource::Dsn;
        QTest::addRow("options override the DSN") << u"https://pub:sec@example.com/1?timeout=7"_s << 1500
                                                  << 1500 << StoreRequest::TimeoutSource::Options;
        QTest::addRow("an unusable DSN timeout") << u"https://pub:sec@example.com/1?timeout=soon"_s << 0 << 0
                                                 << StoreRequest::TimeoutSource::SenderDefault;
    }
    void build_timeoutFromOptionsElseTheDsn()
    {
        QFETCH(QString, dsn);
        QFETCH(int, optionMs);
        QFETCH(int, expectedMs);
        QFETCH(StoreRequest::TimeoutSource, source);
        StoreRequestOptions options = fixedOptions();
        if (optionMs > 0)
            options.timeoutMs = optionMs;
        const StoreRequest request = buildOrFail(dsn, EventJson, options);
        QCOMPARE(request.timeoutMs().value_or(0), expectedMs);
        QCOMPARE(request.timeoutSource(), source);
        QVERIFY(!request.toHttp().contains("timeout")); // a client option, never on the wire
    }

    void build_withoutClockUsesTheCurrentTime()
    {
        StoreRequestOptions options = fixedOptions();
        options.clock = {};
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const StoreRequest request = buildOrFail(u"https://pub:sec@example.com/1"_s, EventJson, options);
        const QByteArray auth = request.header("X-Sentry-Auth");
        const qsizetype at = auth.indexOf("sentry_timestamp=") + 17;
        const qint64 stamp = auth.mid(at, auth.indexOf(',', at) - at).toLongLong();
        QVERIFY(stamp >= before && stamp <= QDateTime::currentSecsSinceEpoch());
    }

    void hostHeaderAndTarget_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<bool>("legacy");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("target");
        QTest::addRow("default https port") << u"https://pub:sec@example.com/1"_s << false
                                            << QByteArray("example.com") << QByteArray("/api/1/store/");
        QTest::addRow("explicit default port omitted")
            << u"https://pub:sec@example.com:443/1"_s << false << QByteArray("example.com")
            << QByteArray("/api/1/store/");
        QTest::addRow("explicit port") << u"http://pub:sec@localhost:9000/2"_s << false
                                       << QByteArray("localhost:9000") << QByteArray("/api/2/store/");
        QTest::addRow("ipv6 with port") << u"http://pub:sec@[::1]:9000/8"_s << false
                                        << QByteArray("[::1]:9000") << QByteArray("/api/8/store/");
        QTest::addRow("ipv6 default port") << u"https://pub:sec@[2001:db8::7]/8"_s << false
                                           << QByteArray("[2001:db8::7]") << QByteArray("/api/8/store/");
        QTest::addRow("legacy endpoint with prefix")
            << u"https://pub:sec@example.com/sentry/default"_s << true << QByteArray("example.com")
            << QByteArray("/sentry/api/store/");
    }
    void hostHeaderAndTarget()
    {
        QFETCH(QString, dsn);
        QFETCH(bool, legacy);
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, target);
        StoreRequestOptions options = fixedOptions();
        options.useLegacyEndpoint = legacy;
        const StoreRequest request = buildOrFail(dsn, EventJson, options);
        QCOMPARE(request.hostHeader(), host);
        QCOMPARE(request.target(), target);
        QVERIFY(request.toHttp().startsWith(QByteArray("POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n")));
    }

    void toHttp_isByteExact()
    {
        const StoreRequest request =
            buildOrFail(u"http://pub:sec@[::1]:9000/8"_s, EventJson, fixedOptions());
        const QByteArray expected =
            "POST /api/8/store/ HTTP/1.1\r\n"
            "Host: [::1]:9000\r\n"
            "X-Sentry-Auth: Sentry sentry_version=4, sentry_client=raven-python/4.0.0, "
            "sentry_timestamp=1329096377, sentry_key=pub, sentry_secret=sec\r\n"
            "User-Agent: raven-python/4.0.0\r\n"
            "Content-Type: application/json\r\n"
            "Content-Length: 39\r\n"
            "Connection: keep-alive\r\n"
            "Accept-Encoding: identity\r\n"
            "Accept-Language: *\r\n"
            "\r\n"
            "{\"message\":\"Disk full\",\"level\":\"error\"}";
        QCOMPARE(EventJson.size(), 39);
        QCOMPARE(request.toHttp(), expected);
    }

    void toCurl_quotesTheBodyForAPosixShell_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<BodyEncoding>("encoding");
        QTest::addRow("plain") << EventJson << BodyEncoding::Json;
        QTest::addRow("single quote") << QByteArray("{\"message\":\"it's 'quoted'\"}")
                                      << BodyEncoding::Json;
        QTest::addRow("shell metacharacters")
            << QByteArray("{\"m\":\"$HOME `id` \\\\ \\\"x\\\" ! * ;\"}") << BodyEncoding::Json;
        QTest::addRow("newlines, unicode") << u"{\n  \"message\": \"Größe\"\n}\n"_s.toUtf8()
                                           << BodyEncoding::Json;
        QTest::addRow("base64-zlib") << QByteArray("{\"message\":\"it's\"}") << BodyEncoding::Base64Zlib;
    }
    void toCurl_quotesTheBodyForAPosixShell()
    {
        QFETCH(QByteArray, json);
        QFETCH(BodyEncoding, encoding);
        const StoreRequest request =
            buildOrFail(u"https://pub:sec@example.com/1"_s, json, fixedOptions(encoding));
        const QString curl = request.toCurl();
        const QString word = curlDataWord(curl);
        QVERIFY2(!word.isEmpty(), qPrintable(curl));
        QCOMPARE(shellWord(word), request.body());
        if (json.contains('\'') && encoding == BodyEncoding::Json)
            QVERIFY2(word.contains(u"'\\''"_s), qPrintable(word));
    }

    void toCurl_sendsExactlyOurHeaders()
    {
        const StoreRequest request =
            buildOrFail(u"http://pub:sec@localhost:9000/2"_s, EventJson, fixedOptions());
        const QString curl = request.toCurl();
        QVERIFY2(curl.startsWith(u"curl -sS --http1.1 -X POST 'http://localhost:9000/api/2/store/'"_s),
                 qPrintable(curl));
        QString previous;
        qsizetype last = -1;
        for (const StoreRequest::Header &header : request.headers()) {
            const QString option = u"-H '"_s + QString::fromLatin1(header.first) + u": "_s;
            const qsizetype at = curl.indexOf(option);
            QVERIFY2(at > last, qPrintable(option + u" after "_s + previous));
            last = at;
            previous = option;
        }
        QVERIFY(curl.contains(u"-H 'Accept:'"_s));
        QVERIFY(curl.contains(u"-H 'Expect:'"_s));
        QVERIFY(!curl.contains(u"@-"_s));
        QVERIFY(!curl.contains(u"Origin"_s));
    }

    void toCurl_bodyStartingWithAtIsNotAFileName()
    {
        const StoreRequest request =
            buildOrFail(u"https://pub:sec@example.com/1"_s, "@/etc/passwd", fixedOptions());
        const QString curl = request.toCurl();
        QVERIFY2(curl.endsWith(u"--data-raw '@/etc/passwd'"_s), qPrintable(curl));
    }

    // Bodies a shell word cannot carry (binary, or over Linux's 128 KiB argument limit) are piped
    // in by the command itself: running its pipe part must produce exactly the body.
    void toCurl_pipesBodiesAnArgumentCannotHold_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pipe");
        QTest::addRow("binary") << QByteArray("{\"a\":\"\xff\x00\x01'\"}", 12) << u"base64 -d"_s;
        QTest::addRow("150 KB with quotes")
            << QByteArray("{\"m\":\"" + QByteArray(150 * 1000, '\'') + "\"}") << u"printf"_s;
    }
    void toCurl_pipesBodiesAnArgumentCannotHold()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, pipe);
        const StoreRequest request =
            buildOrFail(u"https://pub:sec@example.com/1"_s, json, fixedOptions());
        const QString curl = request.toCurl();
        const qsizetype at = curl.indexOf(u"curl -sS"_s);
        QVERIFY(at > 0);
        QVERIFY(curl.endsWith(u"--data-binary @-"_s));
        const QString feed = curl.left(at);
        QVERIFY2(feed.contains(pipe), qPrintable(feed.left(200)));
        QCOMPARE(runScript(feed + u"cat\n"_s), request.body());
    }

    void toJson_hasMethodUrlHeadersAndBody()
    {
        const StoreRequest request = buildOrFail(u"https://pub:sec@example.com/1"_s, EventJson,
                                                 fixedOptions(BodyEncoding::Base64Zlib));
        const QJsonObject json = request.toJson();
        QCOMPARE(json.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(json.value(u"url"_s).toString(), u"https://example.com/api/1/store/"_s);
        QCOMPARE(json.value(u"body"_s).toString().toLatin1(), request.body());
        QCOMPARE(json.value(u"encoding"_s).toString(), u"base64-zlib"_s);
        const QJsonArray headers = json.value(u"headers"_s).toArray();
        QCOMPARE(headers.size(), request.headers().size());
        for (qsizetype i = 0; i < headers.size(); ++i) {
            const QJsonObject header = headers.at(i).toObject();
            QCOMPARE(header.value(u"name"_s).toString().toLatin1(), request.headers().at(i).first);
            QCOMPARE(header.value(u"value"_s).toString().toUtf8(), request.headers().at(i).second);
        }
        const QJsonArray auth = json.value(u"auth"_s).toArray();
        QCOMPARE(auth.size(), 5);
        QCOMPARE(auth.at(0).toObject().value(u"name"_s).toString(), u"sentry_version"_s);
        QCOMPARE(auth.at(4).toObject().value(u"value"_s).toString(), u"sec"_s);
    }

    void toNetworkRequest_setsExactlyTheseHeaders()
    {
        const StoreRequest request =
            buildOrFail(u"http://pub:sec@localhost:9000/2"_s, EventJson, fixedOptions());
        const QNetworkRequest network = request.toNetworkRequest();
        QCOMPARE(network.url(), request.url());
        QList<QByteArray> names;
        for (const StoreRequest::Header &header : request.headers()) {
            names.append(header.first);
            QCOMPARE(network.rawHeader(header.first), header.second);
        }
        QCOMPARE(network.rawHeaderList(), names);
        QCOMPARE(network.attribute(QNetworkRequest::Http2AllowedAttribute).toBool(), false);
        QVERIFY(!network.hasRawHeader("Origin"));
        QVERIFY(!network.hasRawHeader("Referer"));
    }

    // Masking replaces the value of sentry_secret and nothing else: with a secret that is also a
    // piece of other text ("sec" in "sentry_secret"), string replacing mangled the header.
    void withMaskedSecret_masksTheFieldOnly_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addRow("secret inside a field name") << u"https://pub:sec@example.com/1"_s;
        QTest::addRow("secret equal to the key") << u"https://secret:secret@example.com/1"_s;
    }
    void withMaskedSecret_masksTheFieldOnly()
    {
        QFETCH(QString, dsn);
        const StoreRequest request = buildOrFail(dsn, EventJson);
        const StoreRequest masked = request.withMaskedSecret();
        const QByteArray auth = request.header("X-Sentry-Auth");
        const qsizetype at = auth.indexOf("sentry_secret=");
        QVERIFY(at > 0);
        QCOMPARE(masked.header("X-Sentry-Auth"), auth.left(at) + "sentry_secret=********");
        QCOMPARE(masked.body(), request.body());
        QCOMPARE(masked.header("Content-Length"), request.header("Content-Length"));
        QCOMPARE(masked.authFields().constLast().value, u"********"_s);
        QCOMPARE(masked.authFields().constFirst().value, u"4"_s);
    }

    // Spec section 2: on /api/store/ a "project" in the body must be the key's project.
    void findings_legacyProjectAgainstTheDsns_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("legacy");
        QTest::addColumn<int>("severity"); // -1: no finding
        QTest::addRow("same id") << u"http://pub:sec@h/2"_s << QByteArray(R"({"project":"2"})") << true << -1;
        QTest::addRow("same id as a number") << u"http://pub:sec@h/2"_s << QByteArray(R"({"project":2})") << true << -1;
        QTest::addRow("same slug") << u"http://pub:sec@h/sentry/shop"_s << QByteArray(R"({"project":"shop"})") << true << -1;
        QTest::addRow("no project") << u"http://pub:sec@h/2"_s << QByteArray(R"({"message":"m"})") << true << -1;
        QTest::addRow("other id") << u"http://pub:sec@h/2"_s << QByteArray(R"({"project":"3"})") << true
                                  << int(Severity::Error);
        QTest::addRow("slug against an id") << u"http://pub:sec@h/2"_s << QByteArray(R"({"project":"shop"})")
                                            << true << int(Severity::Warning);
        QTest::addRow("not legacy") << u"http://pub:sec@h/2"_s << QByteArray(R"({"project":"3"})") << false << -1;
    }
    void findings_legacyProjectAgainstTheDsns()
    {
        QFETCH(QString, dsn);
        QFETCH(QByteArray, json);
        QFETCH(bool, legacy);
        QFETCH(int, severity);
        StoreRequestOptions options = fixedOptions();
        options.useLegacyEndpoint = legacy;
        const Findings findings = buildOrFail(dsn, json, options).findings();
        if (severity < 0) {
            QVERIFY(findings.isEmpty());
            return;
        }
        QCOMPARE(findings.size(), 1);
        QCOMPARE(int(findings.constFirst().severity), severity);
        QCOMPARE(findings.constFirst().location, u"/project"_s);
        QVERIFY(findings.constFirst().message.contains(u"403 'Invalid credentials'"_s));
    }

    // raven-js 1.1's beacon: GET, auth and the event in the query, no body.
    void build_getBeaconPutsAuthAndEventInTheQuery()
    {
        StoreRequestOptions options = fixedOptions();
        options.method = RequestMethod::Get;
        options.client = u"raven-js/1.1.22"_s;
        options.sendTimestamp = false;
        options.sendSecret = false;
        const StoreRequest request =
            buildOrFail(u"http://pub@localhost:9000/3"_s, "{\"message\":\"a b'c\"}", options);
        QCOMPARE(request.method(), QByteArray("GET"));
        QCOMPARE(request.target(), QByteArray("/api/3/store/?sentry_version=4&sentry_client=raven-js%2F1.1.22"
                                              "&sentry_key=pub&sentry_data=%7B%22message%22%3A%22a%20b%27c%22%7D"));
        QVERIFY(request.body().isEmpty());
        QVERIFY(request.header("Content-Length").isNull());
        QVERIFY(request.header("X-Sentry-Auth").isNull());
        QCOMPARE(request.url().toEncoded(), request.urlText());
    }

    // The beacon's URL limits: none under them, the browser's warning past 2 083 characters, the
    // server's 414 past an 8 190-byte request line; a POST of the same event meets neither.
    void beaconUrlLimits_data()
    {
        QTest::addColumn<int>("messageLength");
        QTest::addColumn<QStringList>("rules");
        QTest::newRow("short") << 100 << QStringList();
        QTest::newRow("over the browser's") << 2100 << QStringList{u"beacon.url.browser"_s};
        QTest::newRow("over the server's")
            << 8200 << QStringList{u"beacon.url.browser"_s, u"beacon.url.server"_s};
    }
    void beaconUrlLimits()
    {
        QFETCH(int, messageLength);
        QFETCH(QStringList, rules);
        const QByteArray event = "{\"message\":\"" + QByteArray(messageLength, 'x') + "\"}";
        StoreRequestOptions options = fixedOptions();
        options.sendSecret = false;
        options.origin = u"http://shop.example"_s;
        options.method = RequestMethod::Get;
        const StoreRequest beacon = buildOrFail(u"http://pub@localhost:9000/3"_s, event, options);
        QStringList found;
        for (const Finding &finding : beacon.findings()) {
            if (finding.rule.startsWith(u"beacon.url."_s)) {
                found.append(finding.rule);
                QCOMPARE(finding.severity,
                         finding.rule == u"beacon.url.server"_s ? Severity::Error : Severity::Warning);
            }
        }
        QCOMPARE(found, rules);
        options.method = RequestMethod::Post;
        const StoreRequest post = buildOrFail(u"http://pub@localhost:9000/3"_s, event, options);
        for (const Finding &finding : post.findings())
            QVERIFY2(!finding.rule.startsWith(u"beacon.url."_s), qPrintable(finding.message));
    }
};

QTEST_GUILESS_MAIN(TestStoreRequest)
#include "tst_storerequest.moc"
