#include "workbenchlayout.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;
using Area = WorkbenchLayout::Area;

Q_DECLARE_METATYPE(SentryUi::LayoutState)

class TestWorkbenchLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_layout = new WorkbenchLayout;
        m_sidebarPanel = new QLabel(u"targets"_s);
        m_layout->addPanel(Area::Sidebar, m_sidebarPanel, u"Targets"_s);
        m_layout->addPanel(Area::Request, new QLabel(u"event"_s), u"Event"_s);
        m_layout->addPanel(Area::Request, new QLabel(u"request"_s), u"Request"_s);
        m_layout->addPanel(Area::Results, new QLabel(u"validation"_s), u"Validation"_s);
        m_layout->addPanel(Area::Results, new QLabel(u"response"_s), u"Response"_s);
        m_layout->resize(1366, 700);
        m_layout->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_layout));
    }
    void cleanup() { delete m_layout; }

    void state_roundTripsAsBytes()
    {
        const LayoutState state {{300, 1000}, {400, 260}, false, 0, 1, 1};
        const auto read = LayoutState::fromBytes(state.toBytes());
        QVERIFY(read.has_value());
        QCOMPARE(*read, state);
    }

    void fromBytes_rejectsWhatIsNotOurs_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x00\x00\x00\x01garbage", 11);
        QTest::newRow("an old QMainWindow dock state")
            << QByteArray::fromHex("000000ff00000000fd0000000300000000000001220000");
        LayoutState threeColumns {{100, 200, 300}, {400, 260}};
        QTest::newRow("three columns") << threeColumns.toBytes();
        QTest::newRow("cut short") << LayoutState {{300, 1000}, {400, 260}}.toBytes().left(12);
    }
    void fromBytes_rejectsWhatIsNotOurs()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!LayoutState::fromBytes(bytes).has_value());
    }

    void restore_rejectsAnAreaBelowItsMinimum_data()
    {
        QTest::addColumn<LayoutState>("state");
        QTest::addColumn<bool>("usable");
        const LayoutState fine {{300, 1060}, {400, 260}};
        QTest::newRow("usable") << fine << true;
        QTest::newRow("sidebar 60 px") << LayoutState {{60, 1300}, {400, 260}} << false;
        QTest::newRow("results 40 px") << LayoutState {{300, 1060}, {620, 40}} << false;
        QTest::newRow("request 50 px") << LayoutState {{300, 1060}, {50, 610}} << false;
        QTest::newRow("centre 200 px") << LayoutState {{1160, 200}, {400, 260}} << false;
        LayoutState hidden {{0, 1366}, {400, 260}, false};
        QTest::newRow("sidebar hidden") << hidden << true;
    }
    void restore_rejectsAnAreaBelowItsMinimum()
    {
        QFETCH(LayoutState, state);
        QFETCH(bool, usable);
        QCOMPARE(m_layout->restoreState(state), usable);
        QCOMPARE(m_layout->state() == m_layout->defaultState(), !usable);
        for (const Area area : {Area::Sidebar, Area::Request, Area::Results}) {
            if (area == Area::Sidebar && !m_layout->isSidebarVisible())
                continue;
            QVERIFY(m_layout->areaWidget(area)->width() >= m_layout->areaMinimumSize(area).width());
            QVERIFY(m_layout->areaWidget(area)->height()
                    >= m_layout->areaMinimumSize(area).height());
        }
    }

    void restore_nothing_usesTheDefaults()
    {
        QVERIFY(!m_layout->restoreState(std::nullopt));
        QCOMPARE(m_layout->state(), m_layout->defaultState());
    }

    // A panel that grows wider widens the sidebar instead of scrolling sideways.
    void sidebar_followsItsPanelsMinimumWidth()
    {
        m_sidebarPanel->setMinimumWidth(420);
        QTRY_VERIFY(m_layout->areaMinimumSize(Area::Sidebar).width() > 420);
        m_layout->resetLayout();
        QCoreApplication::processEvents();
        auto *scroll = m_layout->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        QVERIFY(m_sidebarPanel->width() >= 420);
    }

    void setPanelIcon_marksItsTab()
    {
        QWidget *response = m_layout->tabs(Area::Results)->widget(1);
        auto *scroll = qobject_cast<QScrollArea *>(response);
        QVERIFY(scroll);
        QPixmap pixmap(8, 8);
        pixmap.fill(Qt::red);
        m_layout->setPanelIcon(scroll->widget(), QIcon(pixmap));
        QVERIFY(!m_layout->tabs(Area::Results)->tabIcon(1).isNull());
        QVERIFY(m_layout->tabs(Area::Results)->tabIcon(0).isNull());
    }

    void showPanel_bringsItsTabForward()
    {
        QWidget *response = m_layout->tabs(Area::Results)->widget(1);
        m_layout->setSidebarVisible(false);
        m_layout->showPanel(response);
        QCOMPARE(m_layout->tabs(Area::Results)->currentWidget(), response);
        QVERIFY(!m_layout->isSidebarVisible());
        m_layout->showPanel(m_sidebarPanel);
        QVERIFY(m_layout->isSidebarVisible());
    }

private:
    WorkbenchLayout *m_layout = nullptr;
    QLabel *m_sidebarPanel = nullptr;
};

QTEST_MAIN(TestWorkbenchLayout)
#include "tst_workbenchlayout.moc"
