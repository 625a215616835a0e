// FaultsModel over a real receiver's fault table: rows follow add, change, enable and remove;
// the counters follow each request the receiver answers.

#include "faultsmodel.h"
#include "ui/uireceiver.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

class TestFaultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_followTheTable()
    {
        Sentry::Receiver receiver(uiReceiverConfig());
        FaultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.addFault(*Sentry::Fault::parse(u"500"_s)); // no receiver: nothing to add to
        QCOMPARE(model.rowCount(), 0);
        model.setReceiver(&receiver);
        model.addFault(*Sentry::Fault::parse(u"429,retry-after=5,every=3,project=1"_s));
        model.addFault(*Sentry::Fault::parse(u"drop,once,client=raven-node"_s));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(receiver.faults().faults().size(), 2);
        QCOMPARE(model.index(0, FaultsModel::EnabledColumn).data().toString(), u"429,retry-after=5,every=3,project=1"_s);
        QCOMPARE(model.index(0, FaultsModel::AnswerColumn).data().toString(), u"429 + Retry-After 5 s"_s);
        QCOMPARE(model.index(0, FaultsModel::WhenColumn).data().toString(), u"1 in 3 requests"_s);
        QCOMPARE(model.index(0, FaultsModel::ScopeColumn).data().toString(), u"project 1"_s);
        QCOMPARE(model.index(1, FaultsModel::AnswerColumn).data().toString(), u"drop the connection"_s);
        QCOMPARE(model.index(1, FaultsModel::ScopeColumn).data().toString(), u"clients raven-node…"_s);
        QCOMPARE(model.index(0, FaultsModel::EnabledColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

        QVERIFY(model.setData(model.index(0, FaultsModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!receiver.faults().isEnabled(0));
        QVERIFY(!model.setData(model.index(0, FaultsModel::AnswerColumn), Qt::Checked, Qt::CheckStateRole));
        model.replaceFault(0, *Sentry::Fault::parse(u"500,no-error"_s));
        QCOMPARE(receiver.faults().faults().first().status, 500);
        QVERIFY(!receiver.faults().isEnabled(0)); // a change keeps the row switched off
        QCOMPARE(model.index(0, FaultsModel::AnswerColumn).data().toString(), u"500 without X-Sentry-Error"_s);
        model.removeFault(0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(receiver.faults().faults().first().action, Sentry::Fault::Action::Drop);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(receiver.faults().faults().isEmpty());
        model.setReceiver(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void hits_followTheReceiversAnswers()
    {
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        FaultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReceiver(&receiver);
        model.addFault(*Sentry::Fault::parse(u"503,every=2"_s));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(sendOnce(receiver).status, 200);
        QCOMPARE(sendOnce(receiver).status, 503);
        QTRY_COMPARE(model.index(0, FaultsModel::HitsColumn).data().toInt(), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).value<QModelIndex>().column(), int(FaultsModel::HitsColumn));
        // A fault added to the table directly, not through the model: the next answer brings
        // the model up to date.
        receiver.faults().add(*Sentry::Fault::parse(u"500"_s));
        sendOnce(receiver);
        QTRY_COMPARE(model.rowCount(), 2);
    }
};

QTEST_MAIN(TestFaultsModel)
#include "tst_faultsmodel.moc"
