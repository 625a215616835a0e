#include "findingsfilter.h"
#include "findingsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;
using Sentry::Finding;
using Sentry::ServerAction;
using Sentry::Severity;

namespace {

Sentry::Findings sample()
{
    return {
        {Severity::Warning, u"/level"_s, u"unknown level"_s, u"level.unknown"_s,
         ServerAction::Default},
        {Severity::Error, u"/message"_s, u"not a string"_s, u"message.type"_s,
         ServerAction::Refuse},
        {Severity::Info, u"/exception"_s, u"legacy form"_s, QString(), ServerAction::Accept},
    };
}

} // namespace

class TestFindingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void model_showsEachFinding()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(sample());
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex path = model.index(1, FindingsModel::PathColumn);
        QCOMPARE(path.data().toString(), u"/message"_s);
        QCOMPARE(path.data(FindingsModel::LocationRole).toString(), u"/message"_s);
        QCOMPARE(path.data(FindingsModel::RuleRole).toString(), u"message.type"_s);
        QVERIFY(path.data(Qt::ToolTipRole).toString().contains(u"message.type"_s));
        QCOMPARE(model.index(1, FindingsModel::ActionColumn).data().toString(),
                 FindingsModel::actionText(ServerAction::Refuse));
        QVERIFY(!model.index(1, FindingsModel::SeverityColumn).data(Qt::DecorationRole).isNull());
        model.setFindings({});
        QCOMPARE(model.rowCount(), 0);
    }

    // "The server would: drops it" read badly; each action reads as a sentence.
    void toolTip_saysWhatTheServerDoesInASentence_data()
    {
        QTest::addColumn<ServerAction>("action");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("discard") << ServerAction::Discard << u"What the server does: it drops it."_s;
        QTest::newRow("refuse") << ServerAction::Refuse
                                << u"What the server does: it refuses the event."_s;
        QTest::newRow("default") << ServerAction::Default
                                 << u"What the server does: it uses a default."_s;
    }
    void toolTip_saysWhatTheServerDoesInASentence()
    {
        QFETCH(ServerAction, action);
        QFETCH(QString, sentence);
        FindingsModel model;
        model.setFindings({{Severity::Warning, u"/x"_s, u"m"_s, u"r"_s, action}});
        const QString tip = model.index(0, FindingsModel::MessageColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(sentence), qPrintable(tip));
        QVERIFY(!tip.contains(u"would:"_s));
    }

    // The Path column elides long paths in the middle; its tooltip has the whole path.
    void pathToolTip_startsWithTheWholePath()
    {
        const QString path = u"/sentry.interfaces.Exception/values/0/stacktrace/frames/12/vars"_s;
        FindingsModel model;
        model.setFindings({{Severity::Info, path, u"note"_s, QString(), ServerAction::Accept}});
        QVERIFY(model.index(0, FindingsModel::PathColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(path + u'\n'));
    }

    void filter_hidesLowerSeverities_data()
    {
        QTest::addColumn<int>("minimum");
        QTest::addColumn<QStringList>("paths");
        QTest::addRow("all") << int(Severity::Info)
                             << QStringList {u"/level"_s, u"/message"_s, u"/exception"_s};
        QTest::addRow("warnings and errors")
            << int(Severity::Warning) << QStringList {u"/level"_s, u"/message"_s};
        QTest::addRow("errors") << int(Severity::Error) << QStringList {u"/message"_s};
    }
    void filter_hidesLowerSeverities()
    {
        QFETCH(int, minimum);
        QFETCH(QStringList, paths);
        FindingsModel model;
        model.setFindings(sample());
        FindingsFilter filter;
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        filter.setMinimumSeverity(Severity(minimum));
        QStringList shown;
        for (int row = 0; row < filter.rowCount(); ++row)
            shown.append(filter.index(row, 0).data(FindingsModel::LocationRole).toString());
        QCOMPARE(shown, paths);
    }

    void filter_sortsSeverityByRank()
    {
        FindingsModel model;
        model.setFindings(sample());
        FindingsFilter filter;
        filter.setSourceModel(&model);
        filter.sort(FindingsModel::SeverityColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, 0).data(FindingsModel::SeverityRole).toInt(),
                 int(Severity::Error));
        QCOMPARE(filter.index(2, 0).data(FindingsModel::SeverityRole).toInt(), int(Severity::Info));
    }
};

QTEST_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
