#include "clientshape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QStringList locations(const Findings &notes)
{
    QStringList where;
    for (const Finding &note : notes) {
        where.append(note.location);
        if (note.severity != Severity::Info || note.rule != "preset.shape"_L1 || note.message.isEmpty())
            where.append(u"(not an info note)"_s);
    }
    return where;
}

} // namespace

// The one function that reshapes an event as a real client sent it (EventShape::apply): each row
// of a preset's shape is checked on its own here; tst_cli_request compares whole presets with
// captured traffic.
class TestClientShape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply_renamesInterfaces_data()
    {
        QTest::addColumn<int>("naming");
        QTest::addColumn<QByteArray>("event");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QStringList>("notes");
        const auto aliases = int(InterfaceNaming::Aliases);
        const auto full = int(InterfaceNaming::FullNames);
        QTest::addRow("full names to aliases")
            << aliases
            << QByteArray(R"({"sentry.interfaces.Exception":{"type":"E"},"sentry.interfaces.Http":{"url":"u"},"sentry.interfaces.Message":{"message":"m"}})")
            << QByteArray(R"({"exception":{"type":"E"},"request":{"url":"u"},"sentry.interfaces.Message":{"message":"m"}})")
            << QStringList{u"/exception"_s, u"/request"_s};
        QTest::addRow("aliases to full names")
            << full << QByteArray(R"({"stacktrace":{"frames":[]},"user":{"id":"1"}})")
            << QByteArray(R"({"sentry.interfaces.Stacktrace":{"frames":[]},"sentry.interfaces.User":{"id":"1"}})")
            << QStringList{u"/sentry.interfaces.Stacktrace"_s, u"/sentry.interfaces.User"_s};
        QTest::addRow("both names present: left alone")
            << aliases << QByteArray(R"({"exception":{"type":"A"},"sentry.interfaces.Exception":{"type":"B"}})")
            << QByteArray(R"({"exception":{"type":"A"},"sentry.interfaces.Exception":{"type":"B"}})")
            << QStringList();
        QTest::addRow("as given") << int(InterfaceNaming::AsGiven)
                                  << QByteArray(R"({"sentry.interfaces.Exception":{}})")
                                  << QByteArray(R"({"sentry.interfaces.Exception":{}})") << QStringList();
    }
    void apply_renamesInterfaces()
    {
        QFETCH(int, naming);
        QFETCH(QByteArray, event);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, notes);
        EventShape shape;
        shape.client = u"test-client 1.0"_s;
        shape.names = InterfaceNaming(naming);
        const ShapedEvent shaped = shape.apply(parse(event.constData()));
        QCOMPARE(shaped.event, parse(expected.constData()));
        QCOMPARE(locations(shaped.notes), notes);
    }

    // Every form the v4 server read comes out in the client's own form.
    void apply_timestampForms_data()
    {
        QTest::addColumn<int>("form");
        QTest::addColumn<QJsonValue>("given");
        QTest::addColumn<QJsonValue>("expected"); // undefined: removed
        const auto plain = int(TimestampForm::IsoSeconds);
        const auto zulu = int(TimestampForm::IsoSecondsZ);
        QTest::addRow("milliseconds Z to raven-node's") << plain << QJsonValue(u"2013-12-06T18:45:08.123Z"_s)
                                                       << QJsonValue(u"2013-12-06T18:45:08"_s);
        QTest::addRow("unix number to raven-node's") << plain << QJsonValue(1386355508.75)
                                                    << QJsonValue(u"2013-12-06T18:45:08"_s);
        QTest::addRow("unix text to raven-python's") << zulu << QJsonValue(u"1386355508"_s)
                                                    << QJsonValue(u"2013-12-06T18:45:08Z"_s);
        QTest::addRow("plain to raven-php's") << zulu << QJsonValue(u"2013-12-06T18:45:08"_s)
                                             << QJsonValue(u"2013-12-06T18:45:08Z"_s);
        QTest::addRow("already in form") << plain << QJsonValue(u"2013-12-06T18:45:08"_s)
                                        << QJsonValue(u"2013-12-06T18:45:08"_s);
        QTest::addRow("unreadable: sent as given") << zulu << QJsonValue(u"yesterday"_s)
                                                  << QJsonValue(u"yesterday"_s);
        QTest::addRow("omitted by raven-js") << int(TimestampForm::Omitted)
                                            << QJsonValue(u"2013-12-06T18:45:08"_s) << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("as given") << int(TimestampForm::AsGiven) << QJsonValue(1386355508)
                                 << QJsonValue(1386355508);
    }
    void apply_timestampForms()
    {
        QFETCH(int, form);
        QFETCH(QJsonValue, given);
        QFETCH(QJsonValue, expected);
        EventShape shape;
        shape.client = u"test-client 1.0"_s;
        shape.timestamp = TimestampForm(form);
        const ShapedEvent shaped = shape.apply(QJsonObject{{u"timestamp"_s, given}});
        QCOMPARE(shaped.event.value(u"timestamp"_s), expected);
        const bool changed = expected != given;
        const bool unreadable = given == QJsonValue(u"yesterday"_s);
        QCOMPARE(shaped.notes.size(), changed || unreadable ? 1 : 0);
        if (unreadable)
            QVERIFY2(shaped.notes.constFirst().message.contains(u"sent as given"_s),
                     qPrintable(shaped.notes.constFirst().message));
    }

    void apply_levelForms_data()
    {
        QTest::addColumn<int>("form");
        QTest::addColumn<QJsonValue>("given");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addRow("name to raven-python's number") << int(LevelForm::Number) << QJsonValue(u"warning"_s)
                                                      << QJsonValue(30);
        QTest::addRow("number stays") << int(LevelForm::Number) << QJsonValue(50) << QJsonValue(50);
        QTest::addRow("unknown name stays") << int(LevelForm::Number) << QJsonValue(u"critical"_s)
                                           << QJsonValue(u"critical"_s);
        QTest::addRow("omitted by raven-node") << int(LevelForm::Omitted) << QJsonValue(u"error"_s)
                                              << QJsonValue(QJsonValue::Undefined);
    }
    void apply_levelForms()
    {
        QFETCH(int, form);
        QFETCH(QJsonValue, given);
        QFETCH(QJsonValue, expected);
        EventShape shape;
        shape.client = u"test-client 1.0"_s;
        shape.level = LevelForm(form);
        const ShapedEvent shaped = shape.apply(QJsonObject{{u"level"_s, given}});
        QCOMPARE(shaped.event.value(u"level"_s), expected);
        QCOMPARE(locations(shaped.notes), expected == given ? QStringList() : QStringList{u"/level"_s});
    }

    // What the client always set is added only where the event has nothing of its own.
    void apply_addsDefaultsAndTheProjectOnlyWhenAbsent()
    {
        EventShape shape;
        shape.client = u"raven-node 0.6.3"_s;
        shape.setsProject = true;
        shape.defaults = {{u"extra"_s, QJsonObject()}, {u"logger"_s, u""_s}};
        const ShapedEvent bare = shape.apply(parse(R"({"message":"m"})"), u"shop"_s);
        QCOMPARE(bare.event, parse(R"({"message":"m","extra":{},"logger":"","project":"shop"})"));
        QCOMPARE(locations(bare.notes), (QStringList{u"/extra"_s, u"/logger"_s, u"/project"_s}));
        QVERIFY2(bare.notes.constLast().message.contains(u"the DSN's project"_s),
                 qPrintable(bare.notes.constLast().message));
        const QJsonObject given = parse(R"({"extra":{"a":1},"logger":"app","project":"7"})");
        const ShapedEvent kept = shape.apply(given, u"shop"_s);
        QCOMPARE(kept.event, given);
        QVERIFY(kept.notes.isEmpty());
    }

    // The bytes as given unless something changes: spacing and key order survive a no-op.
    void applyToJson_keepsTheBytesWhenNothingChanges()
    {
        EventShape shape;
        shape.client = u"raven-js 1.1.22"_s;
        shape.names = InterfaceNaming::Aliases;
        const QByteArray asGiven = "{ \"message\" : \"m\",  \"exception\": {\"type\": \"E\"} }";
        Findings notes;
        QCOMPARE(shape.applyToJson(asGiven, {}, &notes), asGiven);
        QVERIFY(notes.isEmpty());
        const QByteArray broken = "{\"sentry.interfaces.Exception\": ";
        QCOMPARE(shape.applyToJson(broken, {}, &notes), broken);
        const QByteArray reshaped = shape.applyToJson("{\"sentry.interfaces.Exception\":{}}", {}, &notes);
        QCOMPARE(reshaped, QByteArray("{\"exception\":{}}"));
        QCOMPARE(locations(notes), QStringList{u"/exception"_s});
    }
};

QTEST_GUILESS_MAIN(TestClientShape)
#include "tst_clientshape.moc"
