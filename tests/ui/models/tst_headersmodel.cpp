#include "headersmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::HeadersModel;

class TestHeadersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editing_keepsRowsAndReportsEdits()
    {
        HeadersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &HeadersModel::edited);
        model.setHeaders({{u"Origin"_s, u"https://a.example"_s}});
        QCOMPARE(edited.size(), 0); // loading is not editing
        QVERIFY(model.insertRows(1, 1));
        QVERIFY(model.problems().isEmpty()); // a blank new row is no header yet
        QVERIFY(model.setData(model.index(1, HeadersModel::NameColumn), u"Referer"_s));
        QVERIFY(model.setData(model.index(1, HeadersModel::ValueColumn), u"https://a.example/p"_s));
        QCOMPARE(edited.size(), 3);
        QCOMPARE(model.headers(), (QList<SentryUi::Target::Header>{{u"Origin"_s, u"https://a.example"_s},
                                                                  {u"Referer"_s, u"https://a.example/p"_s}}));
        QVERIFY(model.removeRows(0, 1));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(edited.size(), 4);
    }

    void problems_spellOutWhatHttpCannotCarry()
    {
        HeadersModel model;
        model.setHeaders({{u"Good"_s, u"v"_s}, {u"Bad Name"_s, u"v"_s}, {u"X-A"_s, u"line\nbreak"_s}});
        const QStringList problems = model.problems();
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.at(0).startsWith(u"Header 2 (Bad Name): "_s), qPrintable(problems.at(0)));
        QVERIFY(problems.at(0).contains(u"contains a space"_s));
        QVERIFY(problems.at(1).contains(u"line break"_s));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).isNull());
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(u"contains a space"_s));
        QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).isNull());
    }
};

QTEST_MAIN(TestHeadersModel)
#include "tst_headersmodel.moc"
