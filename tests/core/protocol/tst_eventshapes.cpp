#include "eventshapes.h"
#include "jsonpointer.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using Sentry::EventShapes::ExceptionShape;

namespace {
QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestEventShapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interfaceKey_prefersTheFullNameWhenPresent_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("alias");
        QTest::addColumn<QString>("key");
        QTest::addRow("alias used") << QByteArray(R"({"user": {}})") << u"user"_s << u"user"_s;
        QTest::addRow("full name used") << QByteArray(R"({"sentry.interfaces.User": {}})") << u"user"_s
                                        << u"sentry.interfaces.User"_s;
        QTest::addRow("both: full name") << QByteArray(R"({"user": {}, "sentry.interfaces.User": {}})")
                                         << u"user"_s << u"sentry.interfaces.User"_s;
        QTest::addRow("neither: alias") << QByteArray("{}") << u"user"_s << u"user"_s;
        QTest::addRow("no alias: full name") << QByteArray("{}") << QString() << u"sentry.interfaces.User"_s;
    }
    void interfaceKey_prefersTheFullNameWhenPresent()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, alias);
        QFETCH(QString, key);
        QCOMPARE(EventShapes::interfaceKey(object(json), alias, u"sentry.interfaces.User"_s), key);
    }

    void exceptions_readsEveryShape_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<ExceptionShape>("shape");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("listPointer");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("firstFrames");
        QTest::addRow("absent") << QByteArray("{}") << ExceptionShape::Absent << 0 << u"/exception"_s
                                << u"/exception/0"_s << u"/exception/0/stacktrace/frames"_s;
        QTest::addRow("not a container") << QByteArray(R"({"exception": "boom"})") << ExceptionShape::Absent
                                         << 0 << u"/exception"_s << u"/exception/0"_s
                                         << u"/exception/0/stacktrace/frames"_s;
        QTest::addRow("v3 single object") << QByteArray(R"({"exception": {"type": "E"}})")
                                          << ExceptionShape::Single << 1 << u"/exception"_s << u"/exception"_s
                                          << u"/exception/stacktrace/frames"_s;
        QTest::addRow("values not a list: single") << QByteArray(R"({"exception": {"values": 3}})")
                                                   << ExceptionShape::Single << 1 << u"/exception"_s
                                                   << u"/exception"_s << u"/exception/stacktrace/frames"_s;
        QTest::addRow("list") << QByteArray(R"({"exception": [{"type": "A"}, {"type": "B"}]})")
                              << ExceptionShape::List << 2 << u"/exception"_s << u"/exception/0"_s
                              << u"/exception/0/stacktrace/frames"_s;
        QTest::addRow("values") << QByteArray(R"({"sentry.interfaces.Exception": {"values": [{}, {}, {}]}})")
                                << ExceptionShape::Values << 3 << u"/sentry.interfaces.Exception/values"_s
                                << u"/sentry.interfaces.Exception/values/0"_s
                                << u"/sentry.interfaces.Exception/values/0/stacktrace/frames"_s;
    }
    void exceptions_readsEveryShape()
    {
        QFETCH(QByteArray, json);
        QFETCH(ExceptionShape, shape);
        QFETCH(int, count);
        QFETCH(QString, listPointer);
        QFETCH(QString, first);
        QFETCH(QString, firstFrames);
        const QJsonObject event = object(json);
        const EventShapes::Exceptions exceptions = EventShapes::exceptions(event);
        QCOMPARE(exceptions.shape, shape);
        QCOMPARE(exceptions.count, count);
        QCOMPARE(exceptions.listPointer, listPointer);
        QCOMPARE(exceptions.pointer(0), first);
        QCOMPARE(exceptions.framesPointer(0), firstFrames);
        for (int i = 0; i < count; ++i) // every value the pointers name exists, and is an object
            QVERIFY2(JsonPointer::value(event, exceptions.pointer(i)).isObject(), qPrintable(exceptions.pointer(i)));
    }

    void split_findsTheValueAPointerIsIn_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<bool>("inside");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("rest");
        const QByteArray list = R"({"exception": [{}, {}]})";
        const QByteArray values = R"({"exception": {"values": [{}, {}]}})";
        const QByteArray single = R"({"sentry.interfaces.Exception": {"type": "E"}})";
        QTest::addRow("list value") << list << u"/exception/1"_s << true << 1 << QString();
        QTest::addRow("list member") << list << u"/exception/1/stacktrace/frames/0"_s << true << 1
                                     << u"/stacktrace/frames/0"_s;
        QTest::addRow("the list itself") << list << u"/exception"_s << false << 0 << QString();
        QTest::addRow("not an index") << list << u"/exception/x"_s << false << 0 << QString();
        QTest::addRow("values member") << values << u"/exception/values/0/type"_s << true << 0 << u"/type"_s;
        QTest::addRow("values wrapper") << values << u"/exception/other"_s << false << 0 << QString();
        QTest::addRow("single itself") << single << u"/sentry.interfaces.Exception"_s << true << 0 << QString();
        QTest::addRow("single member") << single << u"/sentry.interfaces.Exception/type"_s << true << 0
                                       << u"/type"_s;
        QTest::addRow("prefix of another key") << list << u"/exceptions/0"_s << false << 0 << QString();
        QTest::addRow("absent") << QByteArray("{}") << u"/exception/0"_s << false << 0 << QString();
    }
    void split_findsTheValueAPointerIsIn()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, pointer);
        QFETCH(bool, inside);
        QFETCH(int, index);
        QFETCH(QString, rest);
        const EventShapes::Exceptions exceptions = EventShapes::exceptions(object(json));
        int foundIndex = -1;
        QString foundRest;
        QCOMPARE(exceptions.split(pointer, &foundIndex, &foundRest), inside);
        if (!inside)
            return;
        QCOMPARE(foundIndex, index);
        QCOMPARE(foundRest, rest);
        QCOMPARE(exceptions.pointer(foundIndex) + foundRest, pointer);
    }

    void stacktraceFramesPointer_followsTheKeyInUse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pointer");
        QTest::addRow("alias") << QByteArray(R"({"stacktrace": {"frames": []}})") << u"/stacktrace/frames"_s;
        QTest::addRow("full name") << QByteArray(R"({"sentry.interfaces.Stacktrace": {}})")
                                   << u"/sentry.interfaces.Stacktrace/frames"_s;
        QTest::addRow("absent") << QByteArray("{}") << u"/stacktrace/frames"_s;
    }
    void stacktraceFramesPointer_followsTheKeyInUse()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, pointer);
        QCOMPARE(EventShapes::stacktraceFramesPointer(object(json)), pointer);
    }
};

QTEST_GUILESS_MAIN(TestEventShapes)
#include "tst_eventshapes.moc"
