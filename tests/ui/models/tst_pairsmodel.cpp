#include "pairsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

class TestPairsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setPairs_keepsOrderAndDuplicates()
    {
        PairsModel model(u"Header"_s, u"Value"_s);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<PairsModel::Pair> pairs {{u"Set-Cookie"_s, u"a=1"_s},
                                             {u"X-Sentry-Error"_s, u"bad"_s},
                                             {u"Set-Cookie"_s, u"b=2"_s}};
        model.setPairs(pairs);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(PairsModel::ColumnCount));
        QCOMPARE(model.index(2, PairsModel::NameColumn).data().toString(), u"Set-Cookie"_s);
        QCOMPARE(model.index(2, PairsModel::ValueColumn).data().toString(), u"b=2"_s);
        QCOMPARE(
            model.headerData(PairsModel::NameColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            u"Header"_s);
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
        model.setPairs({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestPairsModel)
#include "tst_pairsmodel.moc"
