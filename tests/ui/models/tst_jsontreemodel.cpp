#include "jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

class TestJsonTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setValue_showsMembersAndElements()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model);
        const QJsonObject event = QJsonDocument::fromJson(
            R"({"message":"hi","extra":{"n":1.5,"ok":true,"none":null},"tags":[["a","b"]]})").object();
        model.setValue(event);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex extra = model.indexOf(u"/extra"_s);
        QVERIFY(extra.isValid());
        QCOMPARE(model.rowCount(extra), 3);
        QCOMPARE(extra.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), u"{3 member(s)}"_s);
        const auto value = [&model](const QString &pointer) {
            return model.indexOf(pointer).siblingAtColumn(JsonTreeModel::ValueColumn).data().toString();
        };
        QCOMPARE(value(u"/extra/n"_s), u"1.5"_s);
        QCOMPARE(value(u"/extra/ok"_s), u"true"_s);
        QCOMPARE(value(u"/extra/none"_s), u"null"_s);
        QCOMPARE(value(u"/tags/0/1"_s), u"b"_s);
        QCOMPARE(model.indexOf(u"/tags/0"_s).siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(), u"array"_s);
        QCOMPARE(model.indexOf(u"/tags/0/1"_s).data(JsonTreeModel::PointerRole).toString(), u"/tags/0/1"_s);
        QCOMPARE(model.parent(model.indexOf(u"/tags/0/1"_s)), model.indexOf(u"/tags/0"_s));
        QVERIFY(!model.indexOf(u"/missing"_s).isValid());
        QVERIFY(!model.indexOf(u"/extra/n/deeper"_s).isValid());
    }

    void setValue_replacesTheTree()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model);
        model.setValue(QJsonObject{{u"a"_s, QJsonArray{1, 2}}});
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
        model.setValue(QJsonValue());
        QCOMPARE(model.rowCount(), 0);
        model.setValue(QJsonArray{u"x"_s});
        QCOMPARE(model.index(0, JsonTreeModel::KeyColumn).data().toString(), u"0"_s);
    }
};

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
