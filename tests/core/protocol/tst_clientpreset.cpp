#include "clientpreset.h"

#include "dsn.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const Dsn ServerDsn = Dsn::parse(u"http://pub:sec@127.0.0.1:9000/2"_s);
const Dsn BrowserDsn = Dsn::parse(u"http://pub@127.0.0.1:9000/3"_s);

StoreRequest build(const QString &id, const Dsn &dsn, const QByteArray &event = "{\"message\":\"m\"}",
                   bool fixedClock = true)
{
    const std::optional<ClientPreset> preset = ClientPreset::find(id);
    if (!preset)
        qFatal("no preset %s", qPrintable(id));
    StoreRequestOptions options = preset->options;
    if (fixedClock)
        options.clock = [] { return qint64(1329096377); };
    QString error;
    const std::optional<StoreRequest> request = StoreRequest::build(dsn, event, options, &error);
    if (!request)
        qFatal("%s", qPrintable(error));
    return *request;
}

} // namespace

// The preset rows (clientpreset.cpp) as data: each names its source and the event shape its
// client sent; the wire details no capture pins down are checked here.
class TestClientPreset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_nameTheirSourceAndShape()
    {
        QCOMPARE(ClientPreset::ids(), (QStringList{u"raven-python-4"_s, u"raven-node-0.6"_s, u"raven-js-1.1"_s,
                                                   u"raven-js-1.1.11"_s, u"raven-php-0.8"_s}));
        static const QRegularExpression release(u"^[\\w.@ -]+ \\((npm|PyPI|Packagist)\\)"_s);
        for (const ClientPreset &preset : ClientPreset::all()) {
            QVERIFY2(release.match(preset.source).hasMatch(), qPrintable(preset.source));
            const bool captured = preset.source.contains(u"Checked against tests/data/traffic/"_s);
            QVERIFY2(captured != preset.source.contains(u"no capture"_s), qPrintable(preset.source));
            QVERIFY2(!preset.options.eventShape.client.isEmpty(), qPrintable(preset.id));
            QVERIFY2(preset.options.eventShape.names != InterfaceNaming::AsGiven, qPrintable(preset.id));
            QVERIFY2(preset.options.eventShape.timestamp != TimestampForm::AsGiven, qPrintable(preset.id));
        }
    }

    // raven-php 0.8 wrote sprintf('sentry_timestamp=%F', microtime(true)): six decimals.
    void ravenPhp_sendsAFloatTimestamp()
    {
        const QByteArray fixed = build(u"raven-php-0.8"_s, ServerDsn).header("X-Sentry-Auth");
        QVERIFY2(fixed.startsWith("Sentry sentry_timestamp=1329096377.000000, sentry_client=raven-php/0.8.0, "),
                 fixed.constData());
        const QByteArray now = build(u"raven-php-0.8"_s, ServerDsn, "{}", false).header("X-Sentry-Auth");
        static const QRegularExpression microseconds(u"^Sentry sentry_timestamp=\\d{10}\\.\\d{3}000, "_s);
        QVERIFY2(microseconds.match(QString::fromLatin1(now)).hasMatch(), now.constData());
    }

    // raven-js 1.1.11 joined the auth values unencoded; 1.1.22 encodeURIComponent'ed them.
    void ravenJs_encodesTheClientFrom1_1_22_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QByteArray>("query");
        QTest::addRow("1.1.11") << u"raven-js-1.1.11"_s
                                << QByteArray("?sentry_version=4&sentry_client=raven-js/1.1.11&sentry_key=pub&sentry_data=");
        QTest::addRow("1.1.22") << u"raven-js-1.1"_s
                                << QByteArray("?sentry_version=4&sentry_client=raven-js%2F1.1.22&sentry_key=pub&sentry_data=");
    }
    void ravenJs_encodesTheClientFrom1_1_22()
    {
        QFETCH(QString, preset);
        QFETCH(QByteArray, query);
        const StoreRequest request = build(preset, BrowserDsn);
        QCOMPARE(request.method(), QByteArray("GET"));
        QVERIFY2(request.target().startsWith(QByteArray(QByteArray("/api/3/store/") + query)), request.target().constData());
        QVERIFY(!request.needsRawSocket()); // the browser's headers: Qt sends the same set
    }

    // raven-node sent no User-Agent and no Accept-*: the request says so, and needs a raw socket.
    void ravenNode_sendsOnlyItsOwnHeaders()
    {
        const StoreRequest request = build(u"raven-node-0.6"_s, ServerDsn);
        QList<QByteArray> names;
        for (const StoreRequest::Header &header : request.headers())
            names.append(header.first);
        QCOMPARE(names, (QList<QByteArray>{"Host", "X-Sentry-Auth", "Content-Type", "Content-Length",
                                           "Connection"}));
        QVERIFY(request.needsRawSocket());
        QVERIFY(request.toCurl().contains(u"-H 'User-Agent:'"_s)); // curl sends none either
        QVERIFY(!build(u"raven-js-1.1"_s, BrowserDsn).toCurl().contains(u"-H 'User-Agent:'"_s));
    }

    // The shape travels with the request: the body is the shaped event, and each change is an
    // info finding (never an error: a preset's event is not refused for its shape).
    void build_shapesTheEventAndSaysSo()
    {
        const QByteArray composed = R"({"message":"m","level":"error","timestamp":"2013-12-06T18:45:08",)"
                                    R"("sentry.interfaces.Exception":{"type":"E","value":"v"}})";
        const StoreRequest request = build(u"raven-js-1.1"_s, BrowserDsn, composed);
        const QJsonObject sent = QJsonDocument::fromJson(request.eventJson()).object();
        QCOMPARE(sent, QJsonDocument::fromJson(R"({"message":"m","exception":{"type":"E","value":"v"},)"
                                               R"("project":"3","logger":"javascript","platform":"javascript"})").object());
        QVERIFY(request.target().endsWith(QByteArray(QByteArray("sentry_data=") + request.eventJson().toPercentEncoding("!*()"))));
        int notes = 0;
        for (const Finding &finding : request.findings()) {
            if (finding.rule == "preset.shape"_L1) {
                QCOMPARE(finding.severity, Severity::Info);
                ++notes;
            }
        }
        QCOMPARE(notes, 6); // exception renamed; timestamp, level removed; project, logger, platform added
    }
};

QTEST_GUILESS_MAIN(TestClientPreset)
#include "tst_clientpreset.moc"
