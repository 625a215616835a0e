#include "event.h"
#include "normalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const QString GeneratedId = u"0123456789abcdef0123456789abcdef"_s;
const QDateTime ReceiptTime(QDate(2013, 6, 1), QTime(12, 0), Qt::UTC);

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return object;
}

NormalizeResult normalize(const QByteArray &json, Profile profile = Profile::V4)
{
    return Normalizer::normalize(parse(json), {profile, [] { return ReceiptTime; }, [] { return GeneratedId; }});
}

// A complete v4 event, so single-field tests see only their own change.
QByteArray base(const QByteArray &members)
{
    return "{\"event_id\":\"fc6d8c0c43fc4630ad850ee518f1b9d0\",\"message\":\"m\",\"timestamp\":"
           "\"2011-05-02T17:41:36\",\"level\":\"error\",\"logger\":\"l\""
        + (members.isEmpty() ? QByteArray() : ',' + members) + '}';
}

QJsonValue at(const QJsonObject &object, const QString &key)
{
    return object.value(key);
}

bool hasChange(const NormalizeResult &result, const QString &path)
{
    return std::any_of(result.changes.cbegin(), result.changes.cend(),
                       [&](const Change &c) { return c.path == path; });
}

} // namespace

class TestNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_filledForAnEmptyEvent()
    {
        const NormalizeResult result = normalize("{}");
        QCOMPARE(at(result.event, u"event_id"_s).toString(), GeneratedId);
        QCOMPARE(at(result.event, u"timestamp"_s).toString(), u"2013-06-01T12:00:00"_s);
        QCOMPARE(at(result.event, u"level"_s).toString(), u"error"_s);
        QCOMPARE(at(result.event, u"logger"_s).toString(), u"root"_s);
        QCOMPARE(at(result.event, u"message"_s).toString(), u"<no message value>"_s);
        for (const QString &path : {u"/event_id"_s, u"/timestamp"_s, u"/level"_s, u"/logger"_s, u"/message"_s})
            QVERIFY2(hasChange(result, path), qPrintable(path));
        const Change idChange = result.changes.constFirst();
        QVERIFY(idChange.before.isUndefined());
    }

    void unchangedEvent_hasNoChanges()
    {
        const NormalizeResult result = normalize(base({}));
        QCOMPARE(result.changes.size(), 0);
        QCOMPARE(result.event, parse(base({})));
    }

    void eventId_overlongReplaced()
    {
        const NormalizeResult result = normalize(base({}).replace("fc6d8c0c43fc4630ad850ee518f1b9d0",
                                                                    "fc6d8c0c-43fc-4630-ad85-0ee518f1b9d0"));
        QCOMPARE(at(result.event, u"event_id"_s).toString(), GeneratedId);
        QVERIFY(hasChange(result, u"/event_id"_s));
    }

    // Relay reads any UUID form and writes 32 lowercase hex characters; the v4 server kept what came
    // (fuzz_requestjudge found a Relay-accepted id with an uppercase F answered as it came).
    void eventId_relayWritesItsOwnForm_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("v4");
        QTest::addColumn<QString>("relay");
        const QString lower = u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s;
        QTest::addRow("uppercase") << lower.toUpper() << lower.toUpper() << lower;
        QTest::addRow("one uppercase F") << u"fc6d8c0c43fc4630aF850ee518f1b9d0"_s << u"fc6d8c0c43fc4630aF850ee518f1b9d0"_s
                                         << u"fc6d8c0c43fc4630af850ee518f1b9d0"_s;
        QTest::addRow("dashed") << u"fc6d8c0c-43fc-4630-ad85-0ee518f1b9d0"_s << GeneratedId << lower;
        QTest::addRow("dashed, uppercase") << u"FC6D8C0C-43FC-4630-AD85-0EE518F1B9D0"_s << GeneratedId << lower;
        QTest::addRow("already so") << lower << lower << lower;
    }
    void eventId_relayWritesItsOwnForm()
    {
        QFETCH(QString, id);
        const QByteArray json = base({}).replace("fc6d8c0c43fc4630ad850ee518f1b9d0", id.toLatin1());
        const NormalizeResult v4 = normalize(json, Profile::V4);
        QTEST(at(v4.event, u"event_id"_s).toString(), "v4");
        const NormalizeResult relay = normalize(json, Profile::Relay);
        QTEST(at(relay.event, u"event_id"_s).toString(), "relay");
        QCOMPARE(hasChange(relay, u"/event_id"_s), id != at(relay.event, u"event_id"_s).toString());
    }

    void scalar_storedAsTheServerDid_data()
    {
        QTest::addColumn<QByteArray>("members");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addRow("level 30") << "\"level\":30"_ba << u"level"_s << QJsonValue(u"warning"_s);
        QTest::addRow("level 50") << "\"level\":50"_ba << u"level"_s << QJsonValue(u"fatal"_s);
        QTest::addRow("level warn") << "\"level\":\"warn\""_ba << u"level"_s << QJsonValue(u"error"_s);
        QTest::addRow("level numeric string") << "\"level\":\"30\""_ba << u"level"_s << QJsonValue(u"error"_s);
        QTest::addRow("level array") << "\"level\":[1]"_ba << u"level"_s << QJsonValue(u"error"_s);
        QTest::addRow("message cut at 2048") << "\"message\":\"" + QByteArray(3000, 'm') + '"' << u"message"_s
                                             << QJsonValue(QString(2045, u'm') + u"..."_s);
        QTest::addRow("culprit cut at 200") << "\"culprit\":\"" + QByteArray(250, 'c') + '"' << u"culprit"_s
                                            << QJsonValue(QString(197, u'c') + u"..."_s);
        QTest::addRow("logger cut at 64") << "\"logger\":\"" + QByteArray(70, 'l') + '"' << u"logger"_s
                                          << QJsonValue(QString(64, u'l'));
        QTest::addRow("server_name cut at 128") << "\"server_name\":\"" + QByteArray(130, 's') + '"'
                                                << u"server_name"_s << QJsonValue(QString(128, u's'));
        QTest::addRow("timestamp unparsable") << "\"timestamp\":\"yesterday\""_ba << u"timestamp"_s
                                              << QJsonValue(u"2013-06-01T12:00:00"_s);
        QTest::addRow("timestamp future") << "\"timestamp\":\"2013-06-01T12:05:00\""_ba << u"timestamp"_s
                                          << QJsonValue(u"2013-06-01T12:00:00"_s);
        QTest::addRow("timestamp 30 s ahead kept") << "\"timestamp\":\"2013-06-01T12:00:30Z\""_ba << u"timestamp"_s
                                                   << QJsonValue(u"2013-06-01T12:00:30Z"_s);
        QTest::addRow("timestamp unix kept") << "\"timestamp\":1304358096"_ba << u"timestamp"_s
                                             << QJsonValue(1304358096);
        QTest::addRow("extra null") << "\"extra\":null"_ba << u"extra"_s << QJsonValue(QJsonObject());
        QTest::addRow("release ignored") << "\"release\":\"1.0\""_ba << u"release"_s << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("modules list dropped") << "\"modules\":[{\"a\":\"1\"}]"_ba << u"modules"_s
                                              << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("tags string dropped") << "\"tags\":\"a=b\""_ba << u"tags"_s << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("empty culprit ignored") << "\"culprit\":\"\""_ba << u"culprit"_s << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("dotted key dropped") << "\"my.thing\":{\"a\":1}"_ba << u"my.thing"_s << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("query short key ignored") << "\"query\":{\"query\":\"q\"}"_ba << u"query"_s << QJsonValue(QJsonValue::Undefined);
    }

    void scalar_storedAsTheServerDid()
    {
        QFETCH(QByteArray, members);
        QFETCH(QString, key);
        QFETCH(QJsonValue, expected);
        const NormalizeResult result = normalize(base(members));
        QCOMPARE(at(result.event, key), expected);
        QVERIFY(hasChange(result, u'/' + key) || expected == parse(base(members)).value(key));
    }

    // qint64(1e303 * 1000) overflowed: the release build stored such a timestamp with no note.
    void numbers_outOfRangeHaveAFinding_data()
    {
        QTest::addColumn<QByteArray>("members");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QJsonValue>("stored");
        const QJsonValue receipt(u"2013-06-01T12:00:00"_s);
        QTest::addRow("timestamp 1e303") << "\"timestamp\":1e303"_ba << u"event.timestamp.range"_s << receipt;
        QTest::addRow("timestamp -1e303") << "\"timestamp\":-1e303"_ba << u"event.timestamp.range"_s << receipt;
        QTest::addRow("timestamp 1e16") << "\"timestamp\":1e16"_ba << u"event.timestamp.range"_s << receipt;
        QTest::addRow("timestamp in year 10000") << "\"timestamp\":253402300800"_ba << u"event.timestamp.range"_s << receipt;
        QTest::addRow("timestamp in year 9999") << "\"timestamp\":253402300799"_ba << u"event.timestamp.future"_s << receipt;
        QTest::addRow("timestamp text of 400 digits") << "\"timestamp\":\"" + QByteArray(400, '9') + '"'
                                                      << u"event.timestamp.range"_s << receipt;
        QTest::addRow("time_spent 1e29") << "\"time_spent\":1e29"_ba << u"event.time_spent.range"_s << QJsonValue(1e29);
        QTest::addRow("time_spent -5") << "\"time_spent\":-5"_ba << u"event.time_spent.range"_s << QJsonValue(-5);
        QTest::addRow("time_spent 2^31") << "\"time_spent\":2147483648"_ba << u"event.time_spent.range"_s
                                         << QJsonValue(2147483648.0);
        QTest::addRow("time_spent 2^31-1") << "\"time_spent\":2147483647"_ba << QString() << QJsonValue(2147483647);
    }
    void numbers_outOfRangeHaveAFinding()
    {
        QFETCH(QByteArray, members);
        QFETCH(QString, rule);
        QFETCH(QJsonValue, stored);
        const NormalizeResult result = normalize(base(members));
        const QString key = QString::fromLatin1(members.mid(1, members.indexOf('"', 1) - 1));
        QCOMPARE(at(result.event, key), stored);
        QStringList rules;
        for (const Finding &finding : result.findings) {
            if (finding.location == u'/' + key)
                rules.append(finding.rule);
        }
        QCOMPARE(rules, rule.isEmpty() ? QStringList() : QStringList{rule});
    }

    void tags_storedAsPairsWithOverlongPairsDropped()
    {
        const NormalizeResult result = normalize(
            base("\"tags\":{\"os\":\"Linux\",\"n\":3,\"" + QByteArray(33, 'k') + "\":\"v\",\"long\":\"" + QByteArray(201, 'v') + "\"}"));
        const QJsonArray expected{QJsonArray{u"n"_s, u"3"_s}, QJsonArray{u"os"_s, u"Linux"_s}};
        QCOMPARE(at(result.event, u"tags"_s).toArray(), expected);
    }

    void tags_relayStoresAMap()
    {
        const NormalizeResult result = normalize(base("\"tags\":[[\"os\",\"Linux\"],[\"b\",\"x\"]]"), Profile::Relay);
        QCOMPARE(at(result.event, u"tags"_s).toObject(), (QJsonObject{{u"os"_s, u"Linux"_s}, {u"b"_s, u"x"_s}}));
    }

    void extra_trimmedToTheServersLimits()
    {
        QByteArray many;
        for (int i = 0; i < 60; ++i)
            many += QByteArray(i ? "," : "") + "\"k" + QByteArray::number(100 + i) + "\":" + QByteArray::number(i);
        const QJsonObject keys = at(normalize(base("\"extra\":{" + many + '}')).event, u"extra"_s).toObject();
        QCOMPARE(keys.size(), 50);
        QVERIFY(keys.contains(u"k100"_s));
        QVERIFY(!keys.contains(u"k159"_s));

        const QJsonObject nested = at(normalize(base(
            "\"extra\":{\"long\":\"" + QByteArray(3000, 'x') + "\",\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}")).event, u"extra"_s).toObject();
        QCOMPARE(nested.value(u"long"_s).toString().size(), 2048);
        const QJsonValue deep = nested.value(u"a"_s)[u"b"_s][u"c"_s][u"d"_s];
        QCOMPARE(deep, QJsonValue(u"{\"e\":1}"_s));
    }

    void interfaces_aliasesResolvedToFullNames()
    {
        const NormalizeResult result = normalize(base(
            "\"user\":{\"id\":\"1\"},\"request\":{\"url\":\"http://x/p?a=1\",\"method\":\"post\"},"
            "\"template\":{\"filename\":\"t\",\"context_line\":\"c\",\"lineno\":1}"));
        QVERIFY(!result.event.contains(u"user"_s));
        QCOMPARE(at(result.event, u"sentry.interfaces.User"_s).toObject(), (QJsonObject{{u"id"_s, u"1"_s}}));
        const QJsonObject http = at(result.event, u"sentry.interfaces.Http"_s).toObject();
        QCOMPARE(http.value(u"url"_s).toString(), u"http://x/p"_s);
        QCOMPARE(http.value(u"query_string"_s).toString(), u"a=1"_s);
        QCOMPARE(http.value(u"method"_s).toString(), u"POST"_s);
        QVERIFY(result.event.contains(u"sentry.interfaces.Template"_s));
        QVERIFY(hasChange(result, u"/user"_s));
    }

    void interfaces_nonObjectPassedAsFirstField()
    {
        const NormalizeResult result = normalize(base("\"user\":\"alice\",\"request\":\"http://x/\""));
        QCOMPARE(at(result.event, u"sentry.interfaces.User"_s).toObject(), (QJsonObject{{u"id"_s, u"alice"_s}}));
        QCOMPARE(at(result.event, u"sentry.interfaces.Http"_s)[u"url"_s].toString(), u"http://x/"_s);
    }

    void exception_storedAsValuesList_data()
    {
        QTest::addColumn<QByteArray>("exception");
        QTest::addRow("v4 list") << "[{\"type\":\"E\",\"value\":\"v\"}]"_ba;
        QTest::addRow("values wrapper") << "{\"values\":[{\"type\":\"E\",\"value\":\"v\"}]}"_ba;
        QTest::addRow("v3 single object") << "{\"type\":\"E\",\"value\":\"v\"}"_ba;
    }

    void exception_storedAsValuesList()
    {
        QFETCH(QByteArray, exception);
        const NormalizeResult result = normalize(base("\"exception\":" + exception));
        const QJsonObject expected{{u"values"_s, QJsonArray{QJsonObject{{u"type"_s, u"E"_s}, {u"value"_s, u"v"_s}}}}};
        QCOMPARE(at(result.event, u"sentry.interfaces.Exception"_s).toObject(), expected);
    }

    void exception_topLevelStacktraceMovedIntoFirstValue()
    {
        const NormalizeResult result = normalize(base(
            "\"exception\":[{\"type\":\"E\",\"value\":\"v\"}],\"stacktrace\":{\"frames\":[{\"function\":\"f\"}]}"));
        QVERIFY(!result.event.contains(u"sentry.interfaces.Stacktrace"_s));
        const QJsonValue frames = at(result.event, u"sentry.interfaces.Exception"_s)[u"values"_s][0][u"stacktrace"_s][u"frames"_s];
        QCOMPARE(frames.toArray().size(), 1);
        QVERIFY(hasChange(result, u"/stacktrace"_s));
    }

    void interfaces_failingValidationDropped_data()
    {
        QTest::addColumn<QByteArray>("members");
        QTest::addColumn<QString>("storedKey");
        QTest::addRow("exception value missing") << "\"exception\":[{\"type\":\"E\"}]"_ba << u"sentry.interfaces.Exception"_s;
        QTest::addRow("one bad frame") << "\"stacktrace\":{\"frames\":[{\"function\":\"f\"},{\"lineno\":1}]}"_ba << u"sentry.interfaces.Stacktrace"_s;
        QTest::addRow("http without url") << "\"request\":{\"method\":\"GET\"}"_ba << u"sentry.interfaces.Http"_s;
    }

    void interfaces_failingValidationDropped()
    {
        QFETCH(QByteArray, members);
        QFETCH(QString, storedKey);
        const NormalizeResult result = normalize(base(members));
        QVERIFY(!result.event.contains(storedKey));
        QVERIFY(result.changes.constLast().after.isUndefined());
    }

    void relay_normalizesToCanonicalNames()
    {
        const NormalizeResult result = normalize(base(
            "\"sentry.interfaces.Message\":{\"message\":\"m %s\",\"params\":[1]},\"sentry.interfaces.Http\":"
            "{\"url\":\"http://x/\"},\"sentry.interfaces.Query\":{\"query\":\"q\"},\"level\":\"critical\","
            "\"release\":\"1.0\",\"foo\":1,\"stacktrace\":{\"frames\":[{\"function\":\"f\"}]},\"exception\":{\"value\":\"v\"}"),
            Profile::Relay);
        QVERIFY(result.event.contains(u"logentry"_s));
        QVERIFY(result.event.contains(u"request"_s));
        QVERIFY(result.event.contains(u"stacktrace"_s));
        QCOMPARE(at(result.event, u"exception"_s)[u"values"_s].toArray().size(), 1);
        QVERIFY(!result.event.contains(u"sentry.interfaces.Query"_s));
        QCOMPARE(at(result.event, u"level"_s).toString(), u"fatal"_s);
        QCOMPARE(at(result.event, u"release"_s).toString(), u"1.0"_s);
        QVERIFY(!result.event.contains(u"foo"_s));
        QVERIFY(!result.event.contains(u"logger"_s) || at(result.event, u"logger"_s).toString() == u"l"_s);
    }

    void parseTimestamp_acceptsTheServersForms_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("valid");
        QTest::addRow("iso") << QJsonValue(u"2011-05-02T17:41:36"_s) << true;
        QTest::addRow("fraction") << QJsonValue(u"2011-05-02T17:41:36.123456"_s) << true;
        QTest::addRow("Z") << QJsonValue(u"2011-05-02T17:41:36Z"_s) << true;
        QTest::addRow("unix number") << QJsonValue(1304358096.5) << true;
        QTest::addRow("numeric string") << QJsonValue(u"1304358096"_s) << true;
        QTest::addRow("offset") << QJsonValue(u"2011-05-02T17:41:36+00:00"_s) << false;
        QTest::addRow("space") << QJsonValue(u"2011-05-02 17:41:36"_s) << false;
        QTest::addRow("date only") << QJsonValue(u"2011-05-02"_s) << false;
        QTest::addRow("month 13") << QJsonValue(u"2011-13-02T17:41:36"_s) << false;
    }

    void parseTimestamp_acceptsTheServersForms()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, valid);
        const QDateTime time = Event::parseTimestamp(value);
        QCOMPARE(time.isValid(), valid);
        if (valid)
            QCOMPARE(time.toUTC().date(), QDate(2011, 5, 2));
    }
};

QTEST_GUILESS_MAIN(TestNormalizer)
#include "tst_normalizer.moc"
