#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestJsonPointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_unescapesTokens_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QStringList>("tokens");
        QTest::addRow("root") << QString() << QStringList {};
        QTest::addRow("two") << u"/a/0"_s << QStringList {u"a"_s, u"0"_s};
        QTest::addRow("escapes") << u"/a~1b/c~0d"_s << QStringList {u"a/b"_s, u"c~d"_s};
        QTest::addRow("dotted key") << u"/sentry.interfaces.User/id"_s
                                    << QStringList {u"sentry.interfaces.User"_s, u"id"_s};
    }
    void split_unescapesTokens()
    {
        QFETCH(QString, pointer);
        QFETCH(QStringList, tokens);
        QCOMPARE(JsonPointer::split(pointer), tokens);
        QCOMPARE(JsonPointer::join(tokens), pointer);
    }

    void value_findsNestedValues_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addRow("member") << u"/a"_s << QJsonValue(1);
        QTest::addRow("array element") << u"/list/1/x"_s << QJsonValue(u"y"_s);
        QTest::addRow("missing") << u"/nope"_s << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("index out of range") << u"/list/7"_s << QJsonValue(QJsonValue::Undefined);
        QTest::addRow("through a scalar") << u"/a/b"_s << QJsonValue(QJsonValue::Undefined);
    }
    void value_findsNestedValues()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, expected);
        const QJsonObject root = parse(R"({"a": 1, "list": [{}, {"x": "y"}]})");
        QCOMPARE(JsonPointer::value(root, pointer), expected);
    }

    void setValue_createsPathAndKeepsSiblings()
    {
        QJsonObject root = parse(R"({"keep": true, "user": {"id": "1", "custom": 2}})");
        QVERIFY(JsonPointer::setValue(root, u"/user/email"_s, u"a@b"_s));
        QVERIFY(JsonPointer::setValue(root, u"/request/url"_s, u"http://x/"_s));
        const char *expectedJson
            = R"({"keep": true, "user": {"id": "1", "custom": 2, "email": "a@b"}, "request": {"url": "http://x/"}})";
        QCOMPARE(root, parse(expectedJson));
    }

    void setValue_appendsOrRefusesArrayIndex()
    {
        QJsonObject root = parse(R"({"list": [1]})");
        QVERIFY(JsonPointer::setValue(root, u"/list/1"_s, 2));
        QVERIFY(!JsonPointer::setValue(root, u"/list/5"_s, 3));
        QVERIFY(!JsonPointer::setValue(root, QString(), 3));
        QCOMPARE(root.value(u"list"_s).toArray(), QJsonArray({1, 2}));
    }

    void remove_prunesEmptyParentsOnlyWhenAsked()
    {
        QJsonObject root = parse(R"({"user": {"email": "x"}, "list": [1, 2]})");
        QJsonObject copy = root;
        QVERIFY(JsonPointer::remove(copy, u"/user/email"_s));
        QCOMPARE(copy.value(u"user"_s).toObject(), QJsonObject());
        QVERIFY(JsonPointer::remove(root, u"/user/email"_s, true));
        QVERIFY(!root.contains(u"user"_s));
        QVERIFY(JsonPointer::remove(root, u"/list/0"_s));
        QCOMPARE(root.value(u"list"_s).toArray(), QJsonArray({2}));
        QVERIFY(!JsonPointer::remove(root, u"/absent/x"_s));
    }
};

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "tst_jsonpointer.moc"
