#include "event.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

QJsonObject loadEvent(const QString &name)
{
    QFile file(QDir(QStringLiteral(SENTRY_TEST_DATA_DIR)).filePath(u"events/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

const QDateTime FixedNow(QDate(2011, 5, 2), QTime(17, 41, 36, 789), Qt::UTC);

} // namespace

class TestEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void levelName_andNumber_followTheSpec_data()
    {
        QTest::addColumn<Level>("level");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("number");
        QTest::addRow("debug") << Level::Debug << u"debug"_s << 10;
        QTest::addRow("info") << Level::Info << u"info"_s << 20;
        QTest::addRow("warning") << Level::Warning << u"warning"_s << 30;
        QTest::addRow("error") << Level::Error << u"error"_s << 40;
        QTest::addRow("fatal") << Level::Fatal << u"fatal"_s << 50;
    }
    void levelName_andNumber_followTheSpec()
    {
        QFETCH(Level, level);
        QFETCH(QString, name);
        QFETCH(int, number);
        QCOMPARE(levelName(level), name);
        QCOMPARE(levelNumber(level), number);
    }

    void newEventId_isUuid4As32LowercaseHex()
    {
        static const QRegularExpression uuid4(u"^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$"_s);
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const QString id = Event::newEventId();
            QVERIFY2(uuid4.match(id).hasMatch(), qPrintable(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 50);
    }

    void formatTimestamp_isUtcWithoutZoneOrMillis_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("expected");
        QTest::addRow("utc with millis") << FixedNow << u"2011-05-02T17:41:36"_s;
        QTest::addRow("offset +02:00 converted")
            << QDateTime(QDate(2011, 5, 2), QTime(19, 41, 36), QTimeZone(2 * 3600))
            << u"2011-05-02T17:41:36"_s;
        QTest::addRow("crosses midnight")
            << QDateTime(QDate(2024, 1, 1), QTime(1, 0, 0), QTimeZone(3 * 3600))
            << u"2023-12-31T22:00:00"_s;
    }
    void formatTimestamp_isUtcWithoutZoneOrMillis()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, expected);
        QCOMPARE(Event::formatTimestamp(time), expected);
    }

    void message_setsRequiredAttributes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Level>("level");
        QTest::addColumn<QString>("levelText");
        QTest::addRow("info") << u"Disk full"_s << Level::Info << u"info"_s;
        QTest::addRow("fatal, unicode") << u"Plattenplatz: 0 €"_s << Level::Fatal << u"fatal"_s;
    }
    void message_setsRequiredAttributes()
    {
        QFETCH(QString, text);
        QFETCH(Level, level);
        QFETCH(QString, levelText);
        const Event event = Event::message(text, level, FixedNow);
        QCOMPARE(event.messageText(), text);
        QCOMPARE(event.value(u"level"_s).toString(), levelText);
        QCOMPARE(event.value(u"logger"_s).toString(), u"root"_s);
        QCOMPARE(event.timestamp(), u"2011-05-02T17:41:36"_s);
        QCOMPARE(event.eventId().size(), 32);
    }

    void exception_buildsV4ListAndMessage()
    {
        const QJsonObject frames{{u"frames"_s, QJsonArray{QJsonObject{{u"function"_s, u"main"_s}}}}};
        const Event event = Event::exception(
            {{u"ValueError"_s, u"bad input"_s, u"__builtins__"_s, frames}}, Level::Error, FixedNow);
        const QJsonArray values = event.value(u"exception"_s).toArray();
        QCOMPARE(values.size(), 1);
        const QJsonObject first = values.first().toObject();
        QCOMPARE(first.value(u"type"_s).toString(), u"ValueError"_s);
        QCOMPARE(first.value(u"value"_s).toString(), u"bad input"_s);
        QCOMPARE(first.value(u"module"_s).toString(), u"__builtins__"_s);
        QCOMPARE(first.value(u"stacktrace"_s).toObject(), frames);
        QCOMPARE(event.messageText(), u"ValueError: bad input"_s);
        QCOMPARE(event.value(u"level"_s).toString(), u"error"_s);
    }

    void exception_withoutModuleOrStacktrace_omitsThem()
    {
        const Event event = Event::exception({{u"KeyError"_s, {}, {}, {}}}, Level::Warning, FixedNow);
        const QJsonObject first = event.value(u"exception"_s).toArray().first().toObject();
        QVERIFY(!first.contains(u"module"_s));
        QVERIFY(!first.contains(u"stacktrace"_s));
        // The server requires "value" to be present (it may be empty or null).
        QVERIFY(first.contains(u"value"_s));
        QCOMPARE(event.messageText(), u"KeyError"_s);
    }

    void constructor_keepsEveryKey_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addRow("seed example") << u"seed-example.json"_s;
        QTest::addRow("full interface names") << u"full-interface-names.json"_s;
        QTest::addRow("modules and extra") << u"modules-and-extra.json"_s;
        QTest::addRow("tags as pairs") << u"tags-as-pair-list.json"_s;
    }
    void constructor_keepsEveryKey()
    {
        QFETCH(QString, file);
        const QJsonObject original = loadEvent(file);
        QVERIFY2(!original.isEmpty(), qPrintable(file));
        const Event event(original);
        QCOMPARE(event.object(), original);
        QCOMPARE(QJsonDocument::fromJson(event.toJson()).object(), original);
        QCOMPARE(QJsonDocument::fromJson(event.toJson(true)).object(), original);
    }

    void setTag_keepsTheUsersForm_data()
    {
        QTest::addColumn<QJsonValue>("tags");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addRow("absent → map") << QJsonValue(QJsonValue::Undefined)
                                      << QJsonValue(QJsonObject{{u"host"_s, u"db1"_s}});
        QTest::addRow("map → map")
            << QJsonValue(QJsonObject{{u"os"_s, u"Linux"_s}})
            << QJsonValue(QJsonObject{{u"os"_s, u"Linux"_s}, {u"host"_s, u"db1"_s}});
        QTest::addRow("map, same key replaced") << QJsonValue(QJsonObject{{u"host"_s, u"old"_s}})
                                                << QJsonValue(QJsonObject{{u"host"_s, u"db1"_s}});
        QTest::addRow("pair list → pair appended")
            << QJsonValue(QJsonArray{QJsonValue(QJsonArray{u"os"_s, u"Linux"_s})})
            << QJsonValue(QJsonArray{QJsonArray{u"os"_s, u"Linux"_s}, QJsonArray{u"host"_s, u"db1"_s}});
        QTest::addRow("string (dropped by the server) → map")
            << QJsonValue(u"nonsense"_s) << QJsonValue(QJsonObject{{u"host"_s, u"db1"_s}});
    }
    void setTag_keepsTheUsersForm()
    {
        QFETCH(QJsonValue, tags);
        QFETCH(QJsonValue, expected);
        Event event(QJsonObject{{u"message"_s, u"m"_s}});
        if (!tags.isUndefined())
            event.setValue(u"tags"_s, tags);
        event.setTag(u"host"_s, u"db1"_s);
        QCOMPARE(event.value(u"tags"_s), expected);
        QCOMPARE(event.messageText(), u"m"_s);
    }

    void setExtra_mergesIntoMap()
    {
        Event event(QJsonObject{{u"extra"_s, QJsonObject{{u"a"_s, 1}}}});
        event.setExtra(u"b"_s, QJsonArray{1, 2});
        QCOMPARE(event.value(u"extra"_s).toObject(),
                 (QJsonObject{{u"a"_s, 1}, {u"b"_s, QJsonArray{1, 2}}}));
    }

    void setters_overwriteAndRemove()
    {
        Event event = Event::message(u"a"_s, Level::Info, FixedNow);
        event.setEventId(u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s);
        event.setLevel(Level::Debug);
        event.setLogger(u"my.logger"_s);
        event.setValue(u"culprit"_s, u"f"_s);
        QCOMPARE(event.eventId(), u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s);
        QCOMPARE(event.value(u"level"_s).toString(), u"debug"_s);
        QCOMPARE(event.value(u"logger"_s).toString(), u"my.logger"_s);
        event.remove(u"culprit"_s);
        QVERIFY(!event.object().contains(u"culprit"_s));
        const Event copy = event;
        QVERIFY(copy == event);
        event.setMessage(u"b"_s);
        QVERIFY(!(copy == event));
    }
};

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_event.moc"
