// The history panel: the filter bar builds the history's query (the text after a pause in
// typing, the choices at once), and a selected or activated row names its exchange's id.

#include "history.h"
#include "historymodel.h"
#include "historypanel.h"
#include "testsupport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTableView>

using namespace Qt::Literals::StringLiterals;
using SentryUi::HistoryModel;
using SentryUi::HistoryPanel;

class tst_HistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void textFilter_waitsForAPauseInTyping();
    void choices_applyAtOnce();
    void rows_nameTheirExchange();

private:
    TestSupport::Sandbox m_sandbox;
    Sentry::History m_history;
    QList<Sentry::Exchange> m_rows;
    HistoryPanel *m_panel = nullptr;
};

void tst_HistoryPanel::initTestCase()
{
    QVERIFY(m_sandbox.isValid());
    QVERIFY(m_history.open(m_sandbox.freshFile(u"h.sqlite"_s)));
    for (const auto &[message, level, status] : {std::tuple{u"disk full"_s, u"error"_s, 200},
                                                 std::tuple{u"slow"_s, u"warning"_s, 429}}) {
        Sentry::Exchange e;
        e.at = QDateTime::currentDateTimeUtc();
        e.method = "POST";
        e.message = message;
        e.level = level;
        e.status = status;
        e.client = u"raven-js/1.1.22"_s;
        e.project = u"1"_s;
        m_rows.append(e);
    }
    QVERIFY(m_history.insert(m_rows));
}

void tst_HistoryPanel::init()
{
    m_panel = new HistoryPanel;
    QSignalSpy loaded(m_panel->model(), &HistoryModel::loaded);
    m_panel->open(m_history.path());
    QVERIFY(loaded.wait(5000));
    QCOMPARE(m_panel->model()->rowCount(), 2);
}

void tst_HistoryPanel::cleanup()
{
    delete m_panel;
}

void tst_HistoryPanel::textFilter_waitsForAPauseInTyping()
{
    auto *text = m_panel->findChild<QLineEdit *>(u"historyText"_s);
    QSignalSpy reset(m_panel->model(), &QAbstractItemModel::modelReset);
    QTest::keyClicks(text, u"disk"_s);
    QCOMPARE(reset.size(), 0); // not a query per key
    QVERIFY(reset.wait(HistoryPanel::TextDebounceMs * 10));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_panel->model()->filter().text, u"disk"_s);
    QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(m_panel->model()->summary(0).message, u"disk full"_s);
}

void tst_HistoryPanel::choices_applyAtOnce()
{
    const struct
    {
        const char *name;
        int index;
    } choices[] = {{"historyLevel", 3}, {"historyStatus", 5}, {"historyDirection", 1}, {"historySince", 2}};
    for (const auto &choice : choices) {
        auto *box = m_panel->findChild<QComboBox *>(QString::fromLatin1(choice.name));
        QVERIFY2(box, choice.name);
        QSignalSpy reset(m_panel->model(), &QAbstractItemModel::modelReset);
        box->setCurrentIndex(choice.index);
        QCOMPARE(reset.size(), 1);
    }
    const Sentry::HistoryQuery query = m_panel->model()->filter();
    QCOMPARE(query.level, u"warning"_s);
    QCOMPARE(query.status, 429);
    QVERIFY(query.direction == Sentry::Exchange::Direction::In);
    QVERIFY(query.since.isValid());
    QVERIFY(qAbs(query.since.secsTo(QDateTime::currentDateTimeUtc()) - 3600) < 60);
    QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(m_panel->model()->summary(0).message, u"slow"_s);
    m_panel->findChild<QLineEdit *>(u"historyClient"_s)->setText(u"raven-node"_s);
    QTRY_COMPARE(m_panel->model()->filter().client, u"raven-node"_s);
    QTRY_COMPARE(m_panel->model()->rowCount(), 0);
    m_panel->findChild<QLineEdit *>(u"historyProject"_s)->setText(u"1"_s);
    QTRY_COMPARE(m_panel->model()->filter().project, u"1"_s);
}

void tst_HistoryPanel::rows_nameTheirExchange()
{
    QSignalSpy current(m_panel, &HistoryPanel::currentExchangeChanged);
    QSignalSpy activated(m_panel, &HistoryPanel::exchangeActivated);
    QTableView *view = m_panel->view();
    view->setCurrentIndex(m_panel->model()->index(1, 0));
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.at(0).at(0).toLongLong(), m_rows.at(0).id); // newest first: row 1 is the older
    QCOMPARE(m_panel->currentExchangeId(), m_rows.at(0).id);
    Q_EMIT view->activated(m_panel->model()->index(0, 3));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), m_rows.at(1).id);
}

QTEST_MAIN(tst_HistoryPanel)
#include "tst_historypanel.moc"
