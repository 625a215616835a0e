#include "targetsmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::Target;
using SentryUi::TargetsModel;

class TestTargetsModel : public QObject
{
    Q_OBJECT

    TestSupport::Sandbox m_sandbox;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sandbox.isValid()); }
    void init();
    void cleanup();

    void data_exposesNameDsnAndHealth_data();
    void data_exposesNameDsnAndHealth();
    void addAndRemove_keepTheModelConsistent();
    void setData_renamesAndRefusesEmptyNames_data();
    void setData_renamesAndRefusesEmptyNames();
    void setDsn_updatesHealthRoles();
    void rowOf_findsById();
    void toolTip_masksTheSecret();
    void draft_marksTheTargetUntilSavedOrReverted();
    void draft_equalToTheSavedTargetIsNoDraft();
    void rename_appliesToSavedAndDraft();
    void setTargets_restoresDrafts();

private:
    TargetsModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTargetsModel::init()
{
    m_model = new TargetsModel;
    m_tester = new QAbstractItemModelTester(m_model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setTargets({{u"a"_s, u"Prod"_s, u"https://pub:sec@example.com/1"_s},
                         {u"b"_s, u"Broken"_s, u"ftp://pub:sec@example.com/1"_s},
                         {u"c"_s, u"Off"_s, QString()}});
}

void TestTargetsModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestTargetsModel::data_exposesNameDsnAndHealth_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("valid") << 0 << u"Prod"_s << true;
    QTest::newRow("bad scheme") << 1 << u"Broken"_s << false;
    QTest::newRow("empty dsn") << 2 << u"Off"_s << false;
}

void TestTargetsModel::data_exposesNameDsnAndHealth()
{
    QFETCH(int, row);
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const QModelIndex index = m_model->index(row);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), name);
    QCOMPARE(index.data(Qt::EditRole).toString(), name);
    QCOMPARE(index.data(TargetsModel::ValidRole).toBool(), valid);
    QCOMPARE(index.data(TargetsModel::DsnRole).toString(), m_model->target(row).dsn);
    QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(index.flags() & Qt::ItemIsEditable);
}

void TestTargetsModel::addAndRemove_keepTheModelConsistent()
{
    QSignalSpy edited(m_model, &TargetsModel::targetsEdited);
    const int row = m_model->addTarget({u"d"_s, u"New"_s, u"http://k@localhost:9000/2"_s});
    QCOMPARE(row, 3);
    QCOMPARE(m_model->rowCount(), 4);
    QVERIFY(m_model->removeTarget(0));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->target(0).id, u"b"_s);
    QVERIFY(!m_model->removeTarget(7));
    QCOMPARE(edited.count(), 2);
}

void TestTargetsModel::setData_renamesAndRefusesEmptyNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("stored");
    QTest::newRow("plain") << u"Staging"_s << true << u"Staging"_s;
    QTest::newRow("trimmed") << u"  Staging "_s << true << u"Staging"_s;
    QTest::newRow("empty") << QString() << false << u"Prod"_s;
    QTest::newRow("blank") << u"   "_s << false << u"Prod"_s;
    QTest::newRow("unchanged") << u"Prod"_s << false << u"Prod"_s;
}

void TestTargetsModel::setData_renamesAndRefusesEmptyNames()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    QFETCH(QString, stored);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QCOMPARE(m_model->rename(0, name), accepted);
    QCOMPARE(m_model->target(0).name, stored);
    QCOMPARE(changed.count(), accepted ? 1 : 0);
}

void TestTargetsModel::setDsn_updatesHealthRoles()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setDsn(1, u"https://pub:sec@example.com/1"_s));
    QCOMPARE(changed.count(), 1);
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(TargetsModel::ValidRole));
    QVERIFY(m_model->index(1).data(TargetsModel::ValidRole).toBool());
    QVERIFY(!m_model->setDsn(1, u"https://pub:sec@example.com/1"_s)); // no change, no signal
}

void TestTargetsModel::rowOf_findsById()
{
    QCOMPARE(m_model->rowOf(u"c"_s), 2);
    QCOMPARE(m_model->rowOf(u"zzz"_s), -1);
}

void TestTargetsModel::toolTip_masksTheSecret()
{
    const QString tip = m_model->index(0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"Prod"_s), qPrintable(tip));
    QVERIFY2(!tip.contains(u":sec@"_s), qPrintable(tip));
}

void TestTargetsModel::draft_marksTheTargetUntilSavedOrReverted()
{
    QSignalSpy edited(m_model, &TargetsModel::targetsEdited);
    Target edit = m_model->target(0);
    edit.dsn = u"https://pub:sec@example.com/42"_s;
    edit.headers = {{u"Origin"_s, u"https://a.example"_s}};
    m_model->setWorkingTarget(0, edit);
    QVERIFY(m_model->isModified(0));
    QCOMPARE(m_model->target(0).dsn, u"https://pub:sec@example.com/1"_s); // saved: untouched
    QCOMPARE(m_model->workingTarget(0).dsn, edit.dsn);
    const QModelIndex index = m_model->index(0);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Prod •"_s);
    QCOMPARE(index.data(Qt::EditRole).toString(), u"Prod"_s); // renaming edits the bare name
    QVERIFY(index.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(index.data(TargetsModel::ModifiedRole).toBool());
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(u"not saved"_s));
    QCOMPARE(m_model->drafts().value(u"a"_s).dsn, edit.dsn);
    QVERIFY(m_model->saveDraft(0));
    QVERIFY(!m_model->isModified(0));
    QCOMPARE(m_model->target(0).dsn, edit.dsn);
    QCOMPARE(m_model->target(0).headers, edit.headers);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Prod"_s);
    QVERIFY(!index.data(Qt::FontRole).value<QFont>().italic());

    edit.client = u"app/2"_s;
    m_model->setWorkingTarget(0, edit);
    QVERIFY(m_model->revertDraft(0));
    QCOMPARE(m_model->workingTarget(0).client, QString());
    QVERIFY(!m_model->revertDraft(0)); // nothing left to revert
    QCOMPARE(edited.count(), 4);
}

void TestTargetsModel::draft_equalToTheSavedTargetIsNoDraft()
{
    Target edit = m_model->target(1);
    edit.dsn += u'x';
    m_model->setWorkingTarget(1, edit);
    QVERIFY(m_model->isModified(1));
    edit.dsn.chop(1); // typed back to what is saved
    m_model->setWorkingTarget(1, edit);
    QVERIFY(!m_model->isModified(1));
    QVERIFY(m_model->drafts().isEmpty());
}

void TestTargetsModel::rename_appliesToSavedAndDraft()
{
    Target edit = m_model->target(0);
    edit.timeoutMs = 500;
    m_model->setWorkingTarget(0, edit);
    QVERIFY(m_model->rename(0, u"Production"_s));
    QCOMPARE(m_model->target(0).name, u"Production"_s);
    QCOMPARE(m_model->workingTarget(0).name, u"Production"_s);
    QVERIFY(m_model->isModified(0)); // the timeout is still a draft
}

void TestTargetsModel::setTargets_restoresDrafts()
{
    Target draft = m_model->target(2);
    draft.dsn = u"http://k@127.0.0.1/3"_s;
    m_model->setTargets(m_model->targets(), {{u"c"_s, draft}});
    QVERIFY(!m_model->isModified(0));
    QVERIFY(m_model->isModified(2));
    QCOMPARE(m_model->workingTarget(2).dsn, draft.dsn);
}

QTEST_MAIN(TestTargetsModel)
#include "tst_targetsmodel.moc"
