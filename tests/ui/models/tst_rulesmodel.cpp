#include "rulesmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

int rowOf(const RulesModel &model, const QString &id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, RulesModel::IdColumn).data().toString() == id)
            return row;
    }
    return -1;
}

} // namespace

class TestRulesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheProfilesRulesWithTheirLimits()
    {
        RulesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), Sentry::Rules::all(Sentry::Profile::V4).size());
        const int tagKey = rowOf(model, u"tags.key.length"_s);
        QVERIFY(tagKey >= 0);
        QCOMPARE(model.index(tagKey, RulesModel::LimitColumn).data().toInt(),
                 Sentry::Rules::byId(u"tags.key.length"_s).limit);
        QCOMPARE(model.index(tagKey, RulesModel::PathColumn).data().toString(), u"/tags/*"_s);
        QVERIFY(!model.index(rowOf(model, u"event.key.unknown"_s), RulesModel::LimitColumn).data().isValid());
        QVERIFY(model.index(tagKey, 0).data(Qt::ToolTipRole).toString().contains(u"drops this pair"_s));
        QCOMPARE(rowOf(model, u"event.level.critical"_s), -1);

        model.setProfile(Sentry::Profile::Relay);
        QCOMPARE(model.rowCount(), Sentry::Rules::all(Sentry::Profile::Relay).size());
        QVERIFY(rowOf(model, u"event.level.critical"_s) >= 0);
        QCOMPARE(rowOf(model, u"extra.keys"_s), -1);
    }

    void tablesText_namesTheLevelsAndKeys()
    {
        const QString v4 = RulesModel::tablesText(Sentry::Profile::V4);
        QVERIFY2(v4.contains(u"warning (30)"_s), qPrintable(v4));
        QVERIFY(v4.contains(u"culprit"_s));
        QVERIFY(v4.contains(u"release"_s));
        QVERIFY(v4.contains(u"exception"_s));
        QVERIFY(!v4.contains(u"critical"_s));
        QVERIFY(RulesModel::tablesText(Sentry::Profile::Relay).contains(u"critical as fatal"_s));
    }
};

QTEST_MAIN(TestRulesModel)
#include "tst_rulesmodel.moc"
