#include "framesmodel.h"
#include "keyvaluemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

class TestKeyValueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setJson_readsMapsAndPairLists_data()
    {
        QTest::addColumn<QJsonValue>("json");
        QTest::addColumn<bool>("representable");
        QTest::addColumn<int>("rows");
        QTest::addRow("absent") << QJsonValue(QJsonValue::Undefined) << true << 0;
        QTest::addRow("map") << QJsonValue(QJsonObject {{u"a"_s, u"1"_s}, {u"b"_s, 2}}) << true
                             << 2;
        QTest::addRow("pair list")
            << QJsonValue(QJsonArray {QJsonValue(QJsonArray {u"a"_s, u"1"_s})}) << true << 1;
        QTest::addRow("a string") << QJsonValue(u"oops"_s) << false << 0;
        QTest::addRow("list with a non-pair")
            << QJsonValue(QJsonArray {QJsonValue(QJsonArray {u"a"_s})}) << false << 0;
    }
    void setJson_readsMapsAndPairLists()
    {
        QFETCH(QJsonValue, json);
        QFETCH(bool, representable);
        QFETCH(int, rows);
        KeyValueModel model(ValueKind::Text);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &KeyValueModel::edited);
        model.setJson(json);
        QCOMPARE(model.isRepresentable(), representable);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(edited.count(), 0);
        if (representable && rows > 0)
            QCOMPARE(model.toJson(), json);
    }

    void edits_writeBackTheFormRead()
    {
        KeyValueModel model(ValueKind::Text);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(QJsonArray {QJsonValue(QJsonArray {u"a"_s, u"1"_s})});
        QSignalSpy edited(&model, &KeyValueModel::edited);
        QVERIFY(model.insertRows(1, 1));
        QVERIFY(model.setData(model.index(1, KeyValueModel::KeyColumn), u"b"_s));
        QVERIFY(model.setData(model.index(1, KeyValueModel::ValueColumn), u"42"_s));
        QCOMPARE(edited.count(), 3);
        QCOMPARE(model.toJson(), QJsonValue(QJsonArray {QJsonArray {u"a"_s, u"1"_s},
                                                        QJsonArray {u"b"_s, u"42"_s}}));
        QVERIFY(model.removeRows(0, 2));
        QCOMPARE(model.toJson(), QJsonValue(QJsonValue::Undefined));
        QVERIFY(!model.removeRows(0, 1));
    }

    void jsonKind_storesParsedValues_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QJsonValue>("stored");
        QTest::addRow("number") << u"42"_s << QJsonValue(42);
        QTest::addRow("bool") << u"true"_s << QJsonValue(true);
        QTest::addRow("object") << u"{\"a\": 1}"_s << QJsonValue(QJsonObject {{u"a"_s, 1}});
        QTest::addRow("plain text") << u"hello world"_s << QJsonValue(u"hello world"_s);
        QTest::addRow("quoted string") << u"\"42\""_s << QJsonValue(u"42"_s);
    }
    void jsonKind_storesParsedValues()
    {
        QFETCH(QString, typed);
        QFETCH(QJsonValue, stored);
        KeyValueModel model(ValueKind::Json);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(QJsonObject {{u"k"_s, 0}});
        QVERIFY(model.setData(model.index(0, KeyValueModel::ValueColumn), typed));
        QCOMPARE(model.toJson().toObject().value(u"k"_s), stored);
    }

    void framesModel_editsKeepUnknownKeys()
    {
        FramesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFrames(
            QJsonArray {QJsonObject {{u"filename"_s, u"a.py"_s}, {u"vars"_s, QJsonObject {}}}});
        QCOMPARE(model.data(model.index(0, FramesModel::FilenameColumn)).toString(), u"a.py"_s);
        QVERIFY(model.setData(model.index(0, FramesModel::LinenoColumn), u"7"_s));
        QVERIFY(model.setData(model.index(0, FramesModel::InAppColumn), Qt::Checked,
                              Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(0, FramesModel::FilenameColumn), QString()));
        const QJsonObject frame = model.frames().at(0).toObject();
        QCOMPARE(frame.value(u"lineno"_s), QJsonValue(7));
        QCOMPARE(frame.value(u"in_app"_s), QJsonValue(true));
        QVERIFY(!frame.contains(u"filename"_s));
        QVERIFY(frame.contains(u"vars"_s));
        QVERIFY(model.insertRows(0, 2));
        QVERIFY(model.removeRows(1, 2));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(FramesModel::columnForKey(u"colno"_s), int(FramesModel::ColnoColumn));
    }
};

QTEST_MAIN(TestKeyValueModel)
#include "tst_keyvaluemodel.moc"
