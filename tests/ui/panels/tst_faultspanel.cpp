// The faults panel on a real receiver on loopback: a preset, a fault from the form, a change and a
// pause each change the receiver's next answer; the counters follow; refused forms say why.

#include "faulteditor.h"
#include "faultsmodel.h"
#include "faultspanel.h"
#include "ui/uireceiver.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

class TestFaultsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preset_changesTheNextAnswer()
    {
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        FaultsPanel panel;
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setReceiver(&receiver);
        QCOMPARE(sendOnce(receiver).status, 200);

        auto *preset = panel.findChild<QToolButton *>(u"preset:429,retry-after=5"_s);
        QVERIFY(preset);
        QCOMPARE(preset->text(), u"429 with Retry-After 5"_s);
        QTest::mouseClick(preset, Qt::LeftButton);
        const Sentry::SendResult limited = sendOnce(receiver);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.retryAfterSeconds.value_or(-1), qint64(5));
        QCOMPARE(limited.verdict, Sentry::Verdict::RateLimited);
        QTRY_COMPARE(panel.model()->index(0, FaultsModel::HitsColumn).data().toInt(), 1);

        // Untick it: the receiver answers for itself again, the counter stays.
        panel.model()->setData(panel.model()->index(0, FaultsModel::EnabledColumn), Qt::Unchecked,
                               Qt::CheckStateRole);
        QCOMPARE(sendOnce(receiver).status, 200);
        QCOMPARE(panel.model()->index(0, FaultsModel::HitsColumn).data().toInt(), 1);
    }

    // At a laptop's width the short columns show their whole text; the answer takes what is left.
    void table_showsEveryColumnWhole()
    {
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        FaultsPanel panel;
        panel.setReceiver(&receiver);
        panel.resize(1060, 220); // the Faults tab in the 1366×768 window
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.addPreset(u"429,retry-after=5"_s));
        QVERIFY(panel.addPreset(u"drop"_s));
        QAbstractItemView *view = panel.findChild<QTableView *>(); // sizeHintForColumn is public here
        QVERIFY(view);
        const auto columnWidth = [&](int column) {
            return static_cast<QTableView *>(view)->horizontalHeader()->sectionSize(column);
        };
        for (const int column : {int(FaultsModel::WhenColumn), int(FaultsModel::ScopeColumn),
                                 int(FaultsModel::HitsColumn)}) {
            QTRY_VERIFY2(columnWidth(column) >= view->sizeHintForColumn(column),
                         qPrintable(u"column %1: %2 < %3"_s.arg(column).arg(columnWidth(column))
                                        .arg(view->sizeHintForColumn(column))));
        }
    }

    // Tab goes in reading order: the one-click faults first, then the table, then the form.
    void tabOrder_startsWithTheOneClickFaults()
    {
        FaultsPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QStringList order;
        for (QWidget *w = panel.nextInFocusChain(); w != &panel && order.size() < 12; w = w->nextInFocusChain()) {
            if (panel.isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus))
                order << (w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName());
        }
        QStringList expected;
        for (const Sentry::FaultPreset &preset : Sentry::faultPresets())
            expected << u"preset:"_s + preset.spec;
        expected << u"QTableView"_s;
        QCOMPARE(order.mid(0, expected.size()), expected);
    }

    void everyPreset_isAFaultTheReceiverApplies_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("status");
        QTest::addRow("500") << u"500"_s << 500;
        QTest::addRow("drop") << u"drop"_s << 0;
    }
    void everyPreset_isAFaultTheReceiverApplies()
    {
        QFETCH(QString, spec);
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        FaultsPanel panel;
        panel.setReceiver(&receiver);
        QVERIFY(panel.findChild<QToolButton *>(u"preset:"_s + spec));
        QVERIFY(panel.addPreset(spec));
        QTEST(sendOnce(receiver).status, "status");
    }

    void form_addsAndChangesFaults()
    {
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        FaultsPanel panel;
        panel.setReceiver(&receiver);
        FaultEditor *editor = panel.editor();
        editor->actionBox()->setCurrentIndex(editor->actionBox()->findData(500));
        editor->sentryErrorBox()->setChecked(false);
        editor->triggerBox()->setCurrentIndex(int(Sentry::Fault::Trigger::Once));
        QCOMPARE(editor->specText(), u"500,once,no-error"_s);
        QVERIFY(panel.addFromEditor());
        const Sentry::SendResult proxy = sendOnce(receiver);
        QCOMPARE(proxy.status, 500);
        QVERIFY(!proxy.hasServerError); // "500 without X-Sentry-Error", as a proxy answers
        QCOMPARE(sendOnce(receiver).status, 200); // once

        // Select it, change it in the form: 403 for project 1 only.
        panel.view()->selectRow(0);
        QCOMPARE(panel.selectedRow(), 0);
        editor->actionBox()->setCurrentIndex(editor->actionBox()->findData(403));
        editor->sentryErrorBox()->setChecked(true);
        editor->triggerBox()->setCurrentIndex(int(Sentry::Fault::Trigger::Always));
        editor->projectEdit()->setText(u"1"_s);
        QVERIFY(panel.updateSelected());
        QCOMPARE(receiver.faults().faults().size(), 1);
        QCOMPARE(receiver.faults().faults().first().spec, u"403,project=1"_s);
        const Sentry::SendResult blocked = sendOnce(receiver);
        QCOMPARE(blocked.status, 403);
        QCOMPARE(blocked.serverError, u"Creation of this event was blocked"_s);

        panel.removeSelected();
        QCOMPARE(panel.model()->rowCount(), 0);
        QCOMPARE(sendOnce(receiver).status, 200);
    }

    void form_readsBackAFault()
    {
        FaultEditor editor;
        const Sentry::Fault fault = *Sentry::Fault::parse(u"429,p=0.25,client=raven-js,retry-after=30,delay=200"_s);
        editor.setFault(fault);
        QCOMPARE(editor.specText(), fault.toSpec());
        QCOMPARE(editor.retryAfterBox()->value(), 30);
        QCOMPARE(editor.clientEdit()->text(), u"raven-js"_s);
        QVERIFY(editor.fault().has_value());
    }

    void withoutReceiver_saysWhatToDo()
    {
        FaultsPanel panel;
        QVERIFY(!panel.addPreset(u"500"_s));
        QVERIFY(!panel.editor()->isEnabled());
        QVERIFY(!panel.updateSelected());
        QVERIFY(!panel.addPreset(u"418"_s)); // not a fault: the parser's message
    }
};

QTEST_MAIN(TestFaultsPanel)
#include "tst_faultspanel.moc"
