#include "backoffpanel.h"
#include "composerpanel.h"
#include "event.h"
#include "eventdocument.h"
#include "filecontroller.h"
#include "findbar.h"
#include "jsoneditor.h"
#include "faultspanel.h"
#include "exchangedetail.h"
#include "history.h"
#include "historycontroller.h"
#include "historypanel.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "receiver.h"
#include "receiverpanel.h"
#include "requestpreviewpanel.h"
#include "responsepanel.h"
#include "timelineview.h"
#include "samplecatalog.h"
#include "networkaccess.h"
#include "sendresult.h"
#include "settings.h"
#include "headersmodel.h"
#include "targetpanel.h"
#include "targetsettingseditor.h"
#include "validationpanel.h"
#include "workbenchlayout.h"
#include "testsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSet>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;
using SentryUi::FileController;
using SentryUi::MainWindow;
using SentryUi::Settings;
using SentryUi::LayoutState;
using SentryUi::WorkbenchLayout;
using Area = SentryUi::WorkbenchLayout::Area;

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Brings `widget` to the front of every tab widget (or stack) it sits in, as a user would.
void reveal(QWidget *widget)
{
    for (QWidget *child = widget; child && child->parentWidget(); child = child->parentWidget()) {
        if (auto *stack = qobject_cast<QStackedWidget *>(child->parentWidget()))
            stack->setCurrentWidget(child);
    }
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

const Area AllAreas[] = {Area::Sidebar, Area::Request, Area::Results};
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void openAndSave_roundTripBytes();
    void title_marksUnsavedChanges();
    void maybeSave_followsTheAnswer_data();
    void maybeSave_followsTheAnswer();
    void close_isRefusedWhenCancelled();
    void close_remembersTheWindowState();
    void layout_fitsTheScreen_data();
    void layout_fitsTheScreen();
    void layout_noPanelScrollsSideways();
    void layout_centrePanelsFitTheLaptop();
    void historyFilters_showTheirLongestChoice_data();
    void historyFilters_showTheirLongestChoice();
    void resetLayout_restoresTheDefault();
    void viewMenu_bringsEveryPanelForward();
    void restore_discardsAStateThatShrinksAPanel();
    void restore_keepsAUsableState();
    void smallThenLarge_keepsEveryPanelUsable();
    void newEvent_startsWithoutWarnings();
    void newEvent_asksForTheMessage();
    void openUnshowableFile_clearsTheForm();
    void editMenu_actsOnTheFocusedEditor();
    void editFind_opensTheFindBarOnTheJson();
    void openDialog_startsInAnExistingFolder();
    void saveAs_neverOffersTheSampleFolder();
    void drop_opensAJsonFile_data();
    void drop_opensAJsonFile();
    void templateMenu_listsEveryManifestEntry();
    void newFromTemplate_loadsASampleUntitled();
    void format_keepsKeyOrderAsOneUndoStep();
    void findingActivation_revealsTheComposerField();
    void send_withoutTarget_reportsWhy();
    void send_toLoopbackServer_fillsTheResponse();
    void send_thenProtocolTimeline_showsTheExchange();
    void send_usesTheTargetsSettings();
    void openExchange_showsItAndReopensItAsDraft();
    void historyRow_opensItsTimelineAndDetail();

private:
    TestSupport::Sandbox m_dir;
    Settings *m_settings = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    MainWindow *m_window = nullptr;

    void showAt(const QSize &size);
    // The window's history: in the sandbox, never the test-mode default another build may share.
    QString historyPath() const { return m_dir.filePath(u"history.sqlite"_s); }
    MainWindow *reopen(); // a second window on the same settings, as the next start
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_settings = new Settings(m_dir.freshFile(u"s.ini"_s), false);
    m_settings->load();
    m_network = new QNetworkAccessManager;
    Sentry::prepareNetworkAccess(m_network); // as app/gui/main.cpp sets it up
    m_window = new MainWindow(m_settings, m_network, historyPath());
    m_window->files()->setSavePrompt([](const QString &) { return QMessageBox::Cancel; });
    m_window->files()->setFilePrompt([](bool, const QString &) { return QString(); });
}

void TestMainWindow::cleanup()
{
    m_window->document()->setModified(false);
    delete m_window;
    delete m_network;
    delete m_settings;
}

void TestMainWindow::openAndSave_roundTripBytes()
{
    const QString path = m_dir.filePath(u"in.json"_s);
    const QByteArray bytes = "{\"zeta\": 1, \"message\": \"hello\", \"x_unknown\": [true]}";
    QVERIFY(writeFile(path, bytes));
    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_window->document()->json(), bytes);
    QCOMPARE(m_settings->recentFiles.value(0), path);

    const QString out = m_dir.filePath(u"out.json"_s);
    QVERIFY(m_window->files()->saveTo(out));
    QCOMPARE(readFile(out), bytes);
    QCOMPARE(m_window->document()->filePath(), out);
}

void TestMainWindow::title_marksUnsavedChanges()
{
    const QString path = m_dir.filePath(u"title.json"_s);
    QVERIFY(writeFile(path, "{}"));
    QVERIFY(m_window->openFile(path));
    QVERIFY(m_window->windowTitle().startsWith(u"title.json[*]"_s));
    QVERIFY(!m_window->isWindowModified());
    m_window->document()->setText(u"{\"message\": \"x\"}"_s);
    QVERIFY(m_window->isWindowModified());
    m_window->document()->textDocument()->undo();
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::maybeSave_followsTheAnswer_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("proceeds");
    QTest::addColumn<bool>("savedToDisk");
    QTest::newRow("save") << QMessageBox::Save << true << true;
    QTest::newRow("discard") << QMessageBox::Discard << true << false;
    QTest::newRow("cancel") << QMessageBox::Cancel << false << false;
}

void TestMainWindow::maybeSave_followsTheAnswer()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, proceeds);
    QFETCH(bool, savedToDisk);
    const QString path = m_dir.filePath(u"prompt.json"_s);
    QVERIFY(writeFile(path, "{}"));
    QVERIFY(m_window->openFile(path));
    int asked = 0;
    m_window->files()->setSavePrompt([&asked, answer](const QString &name) {
        ++asked;
        return name == "prompt.json"_L1 ? answer : QMessageBox::Cancel;
    });
    QVERIFY(m_window->files()->newDocument()); // unmodified: nobody is asked
    QCOMPARE(asked, 0);
    QVERIFY(m_window->openFile(path));
    m_window->document()->setText(u"{\"edited\": true}"_s);

    QCOMPARE(m_window->files()->newDocument(), proceeds);
    QCOMPARE(asked, 1);
    QCOMPARE(readFile(path) == "{\"edited\": true}", savedToDisk);
    QCOMPARE(m_window->document()->filePath().isEmpty(), proceeds);
}

void TestMainWindow::close_isRefusedWhenCancelled()
{
    m_window->show();
    m_window->document()->setText(u"{\"unsaved\": 1}"_s);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
}

void TestMainWindow::showAt(const QSize &size)
{
    m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCoreApplication::processEvents();
}

MainWindow *TestMainWindow::reopen()
{
    m_window->document()->setModified(false);
    m_window->close();
    delete m_window;
    m_settings->load();
    m_window = new MainWindow(m_settings, m_network, historyPath());
    m_window->files()->setSavePrompt([](const QString &) { return QMessageBox::Cancel; });
    return m_window;
}

void TestMainWindow::close_remembersTheWindowState()
{
    showAt(QSize(1366, 768));
    QVERIFY(m_window->close());
    Settings reread(m_dir.filePath(u"s.ini"_s), false);
    reread.load();
    QVERIFY(!reread.windowState.isEmpty());
    QVERIFY(!reread.windowGeometry.isEmpty());
    const auto saved = LayoutState::fromBytes(reread.layoutState);
    QVERIFY(saved.has_value());
    QCOMPARE(*saved, m_window->workbench()->state());
}

void TestMainWindow::layout_fitsTheScreen_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("laptop 1366x768") << QSize(1366, 768);
    QTest::newRow("small 1024x700") << QSize(1024, 700);
    QTest::newRow("desktop 1920x1080") << QSize(1920, 1080);
}

// The window takes the size it is given (no panel forces it larger), every area is at least its
// minimum, and so is every panel in every tab.
void TestMainWindow::layout_fitsTheScreen()
{
    QFETCH(QSize, size);
    showAt(size);
    QCOMPARE(m_window->size(), size);
    WorkbenchLayout *layout = m_window->workbench();
    for (const Area area : AllAreas) {
        const QWidget *widget = layout->areaWidget(area);
        QVERIFY2(widget->width() >= layout->areaMinimumSize(area).width()
                     && widget->height() >= layout->areaMinimumSize(area).height(),
                 qPrintable(u"%1 is %2x%3, its minimum %4x%5"_s.arg(widget->objectName())
                                .arg(widget->width())
                                .arg(widget->height())
                                .arg(layout->areaMinimumSize(area).width())
                                .arg(layout->areaMinimumSize(area).height())));
        QTabWidget *tabs = layout->tabs(area);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QWidget *page = layout->panel(area, i);
            const QSize minimum = page->minimumSizeHint().expandedTo(page->minimumSize());
            QVERIFY2(page->width() >= minimum.width() && page->height() >= minimum.height(),
                     qPrintable(u"%1 is %2x%3, below its minimum %4x%5"_s.arg(tabs->tabText(i))
                                    .arg(page->width())
                                    .arg(page->height())
                                    .arg(minimum.width())
                                    .arg(minimum.height())));
        }
    }
}

// At 1366x768 no scroll area shows a horizontal scroll bar, whichever tab it is in.
void TestMainWindow::layout_noPanelScrollsSideways()
{
    showAt(QSize(1366, 768));
    const auto areas = m_window->findChildren<QScrollArea *>();
    QVERIFY(areas.size() >= 3); // the sidebar's page, the form's attributes and interfaces
    for (QScrollArea *area : areas) {
        reveal(area);
        QVERIFY2(area->isVisible(), qPrintable(area->objectName()));
        QVERIFY2(!area->horizontalScrollBar()->isVisible(),
                 qPrintable(u"%1 scrolls sideways: %2 wide, needs %3"_s
                                .arg(QLatin1StringView(area->widget()->metaObject()->className()))
                                .arg(area->viewport()->width())
                                .arg(area->widget()->minimumSizeHint().width())));
    }
}

// At 1366x768 the panels of the centre fit their tabs whole: none scrolls at all.
void TestMainWindow::layout_centrePanelsFitTheLaptop()
{
    showAt(QSize(1366, 768));
    for (const Area area : {Area::Request, Area::Results}) {
        QTabWidget *tabs = m_window->workbench()->tabs(area);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            auto *page = qobject_cast<QScrollArea *>(tabs->widget(i));
            QVERIFY(page);
            QVERIFY2(!page->verticalScrollBar()->isVisible(),
                     qPrintable(u"%1 needs %2 px (%3 at its width), has %4"_s
                                    .arg(tabs->tabText(i))
                                    .arg(page->widget()->minimumSizeHint().height())
                                    .arg(page->widget()->heightForWidth(page->viewport()->width()))
                                    .arg(page->viewport()->height())));
        }
    }
}

void TestMainWindow::historyFilters_showTheirLongestChoice_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("laptop 1366x768") << QSize(1366, 768);
    QTest::newRow("small 1024x700") << QSize(1024, 700);
}

// Each filter of the history list is wide enough for its longest choice ("Sent and received"
// was cut at 1366×768): measured against a combo box that sizes itself to those choices, in the
// same font and style.
void TestMainWindow::historyFilters_showTheirLongestChoice()
{
    QFETCH(QSize, size);
    showAt(size);
    m_window->workbench()->showPanel(m_window->historyPanel());
    QCoreApplication::processEvents();
    const QList<QComboBox *> filters = m_window->historyPanel()->findChildren<QComboBox *>();
    QVERIFY(filters.size() >= 4);
    for (QComboBox *filter : filters) {
        QVERIFY(filter->isVisible());
        QComboBox fitted;
        fitted.setFont(filter->font());
        fitted.setSizeAdjustPolicy(QComboBox::AdjustToContents);
        for (int i = 0; i < filter->count(); ++i)
            fitted.addItem(filter->itemIcon(i), filter->itemText(i));
        QVERIFY2(filter->width() >= fitted.sizeHint().width(),
                 qPrintable(u"%1 is %2 px wide, its choices need %3"_s.arg(filter->objectName())
                                .arg(filter->width())
                                .arg(fitted.sizeHint().width())));
    }
}

void TestMainWindow::resetLayout_restoresTheDefault()
{
    showAt(QSize(1366, 768));
    WorkbenchLayout *layout = m_window->workbench();
    const LayoutState initial = layout->state();
    LayoutState moved = initial;
    moved.columns = {initial.columns.at(0) + 120, initial.columns.at(1) - 120};
    moved.rows = {initial.rows.at(0) - 100, initial.rows.at(1) + 100};
    moved.requestPage = 1;
    moved.resultPage = 1;
    QVERIFY(layout->restoreState(moved));
    layout->setSidebarVisible(false);
    QVERIFY(!(layout->state() == initial));
    m_window->actions().resetLayout->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(layout->state(), initial);
    QVERIFY(m_window->actions().showSidebar->isChecked());
}

// Each panel has a View action with its own Alt+digit that brings it to the front, the sidebar's
// pages included (after it was hidden).
void TestMainWindow::viewMenu_bringsEveryPanelForward()
{
    showAt(QSize(1366, 768));
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    const SentryUi::MainActions &a = m_window->actions();
    const std::pair<QAction *, QWidget *> pages[] = {
        {a.showTargets, m_window->targetPanel()},
        {a.showEvent, m_window->composerPanel()},
        {a.showRequest, m_window->requestPreviewPanel()},
        {a.showValidation, m_window->validationPanel()},
        {a.showResponse, m_window->responsePanel()},
        {a.showReceiver, m_window->receiverPanel()},
        {a.showHistory, m_window->historyPanel()},
        {a.showBackoff, m_window->backoffPanel()},
        {a.showTimeline, m_window->timelineView()},
        {a.showFaults, m_window->faultsPanel()},
    };
    QSet<QString> shortcuts;
    const QList<QAction *> inMenu = m_window->findChild<QMenu *>(u"viewMenu"_s)->actions();
    for (const auto &[action, panel] : pages) {
        QVERIFY2(inMenu.contains(action), qPrintable(action->text()));
        const QString shortcut = action->shortcut().toString();
        QVERIFY2(shortcut.startsWith(u"Alt+"_s) && !shortcuts.contains(shortcut), qPrintable(shortcut));
        shortcuts.insert(shortcut);
        m_window->workbench()->setSidebarVisible(false);
        m_window->actions().showEvent->trigger(); // another tab in front first
        m_window->actions().showValidation->trigger();
        action->trigger();
        QCoreApplication::processEvents();
        QVERIFY2(panel->isVisible(), qPrintable(action->text()));
        // The keyboard is in the panel, on a control (the panel itself when none is enabled:
        // the Backoff tab before a series).
        QWidget *focus = QApplication::focusWidget();
        const bool onControl = focus && panel->isAncestorOf(focus) && (focus->focusPolicy() & Qt::TabFocus);
        QVERIFY2(onControl || (focus == panel && panel == m_window->backoffPanel()),
                 qPrintable(action->text() + u": "_s + QString::fromLatin1(focus ? focus->metaObject()->className() : "none")));
    }
}

void TestMainWindow::restore_discardsAStateThatShrinksAPanel()
{
    showAt(QSize(1366, 768));
    const LayoutState fresh = m_window->workbench()->state();
    LayoutState broken = fresh;
    broken.columns = {60, fresh.columns.at(0) + fresh.columns.at(1) - 60}; // "Si", "Ne"
    broken.rows = {fresh.rows.at(0) + fresh.rows.at(1) - 40, 40}; // one row of findings
    m_window->close();
    m_settings->layoutState = broken.toBytes();
    m_settings->save();

    reopen();
    showAt(QSize(1366, 768));
    QCOMPARE(m_window->workbench()->state(), fresh);
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"default layout"_s));
}

void TestMainWindow::restore_keepsAUsableState()
{
    showAt(QSize(1366, 768));
    WorkbenchLayout *layout = m_window->workbench();
    LayoutState wider = layout->state();
    wider.columns = {wider.columns.at(0) + 80, wider.columns.at(1) - 80};
    wider.resultPage = 1;
    QVERIFY(layout->restoreState(wider));
    QCOMPARE(layout->state(), wider);

    reopen();
    showAt(QSize(1366, 768));
    QCOMPARE(m_window->workbench()->state(), wider);
}

// The issue's steps: made small (800x600), large again, closed and started again.
void TestMainWindow::smallThenLarge_keepsEveryPanelUsable()
{
    showAt(QSize(1366, 768));
    m_window->resize(800, 600);
    QCoreApplication::processEvents();
    m_window->resize(1366, 768);
    QCoreApplication::processEvents();
    reopen();
    showAt(QSize(1366, 768));
    WorkbenchLayout *layout = m_window->workbench();
    for (const Area area : AllAreas) {
        QVERIFY(layout->areaWidget(area)->width() >= layout->areaMinimumSize(area).width());
        QVERIFY(layout->areaWidget(area)->height() >= layout->areaMinimumSize(area).height());
    }
}

void TestMainWindow::newEvent_startsWithoutWarnings()
{
    const QString before = m_window->document()->object()->value(u"event_id"_s).toString();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(m_window->files()->newDocument());
    const QJsonObject event = *m_window->document()->object();
    const QString id = event.value(u"event_id"_s).toString();
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(id).hasMatch());
    QVERIFY(id != before);
    QDateTime stamp = QDateTime::fromString(event.value(u"timestamp"_s).toString(), Qt::ISODate);
    QVERIFY(stamp.isValid());
    stamp.setTimeSpec(Qt::UTC);
    QVERIFY(stamp >= start.addSecs(-1) && stamp <= QDateTime::currentDateTimeUtc());
    QVERIFY(!event.value(u"message"_s).toString().isEmpty());

    SentryUi::ValidationPanel *validation = m_window->validationPanel();
    QSignalSpy validated(validation, &SentryUi::ValidationPanel::validated);
    validation->validateNow();
    QVERIFY(validated.wait(10000));
    for (const Sentry::Finding &finding : validation->result().findings)
        QVERIFY2(finding.severity == Sentry::Severity::Info, qPrintable(finding.message));
}

void TestMainWindow::newEvent_asksForTheMessage()
{
    showAt(QSize(1366, 768));
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->actions().newEvent->trigger();
    auto *message = qobject_cast<QLineEdit *>(
        m_window->composerPanel()->fieldForPath(u"/message"_s));
    QVERIFY(message);
    QTRY_COMPARE(QApplication::focusWidget(), message);
    QCOMPARE(message->selectedText(), message->text()); // typing replaces it
}

void TestMainWindow::openUnshowableFile_clearsTheForm()
{
    const QString first = m_dir.filePath(u"first.json"_s);
    const QString broken = m_dir.filePath(u"broken.json"_s);
    QVERIFY(writeFile(first, "{\"message\": \"from the first file\"}"));
    QVERIFY(writeFile(broken, "[\"not an event object\""));
    QVERIFY(m_window->openFile(first));
    m_window->composerPanel()->refreshForm();
    auto *message = qobject_cast<QLineEdit *>(
        m_window->composerPanel()->fieldForPath(u"/message"_s));
    QVERIFY(message);
    QCOMPARE(message->text(), u"from the first file"_s);

    QVERIFY(m_window->openFile(broken));
    m_window->composerPanel()->refreshForm();
    QVERIFY(!m_window->composerPanel()->isFormEnabled());
    QCOMPARE(message->text(), QString());
    const auto edits = m_window->composerPanel()->findChildren<QLineEdit *>();
    for (const QLineEdit *edit : edits) {
        if (!m_window->composerPanel()->findBar()->isAncestorOf(edit))
            QVERIFY2(!edit->text().contains(u"first file"_s), qPrintable(edit->objectName()));
    }
}

void TestMainWindow::editMenu_actsOnTheFocusedEditor()
{
    showAt(QSize(1366, 768));
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    const SentryUi::MainActions &actions = m_window->actions();
    m_window->document()->setText(u"{\"message\": \"copy me\"}"_s);
    SentryUi::JsonEditor *editor = m_window->composerPanel()->editor();
    editor->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), editor);
    QVERIFY(actions.copy->isEnabled() && actions.paste->isEnabled());
    actions.selectAll->trigger();
    actions.copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), m_window->document()->text());

    m_window->composerPanel()->refreshForm();
    auto *message = qobject_cast<QLineEdit *>(
        m_window->composerPanel()->fieldForPath(u"/message"_s));
    message->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), message);
    actions.selectAll->trigger();
    actions.cut->trigger();
    QCOMPARE(message->text(), QString());
    QCOMPARE(QGuiApplication::clipboard()->text(), u"copy me"_s);
    actions.paste->trigger();
    actions.paste->trigger();
    QCOMPARE(message->text(), u"copy mecopy me"_s);
}

void TestMainWindow::editFind_opensTheFindBarOnTheJson()
{
    showAt(QSize(1366, 768));
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->workbench()->showPanel(m_window->responsePanel());
    m_window->document()->setText(u"{\"a\": \"x\", \"b\": \"x\", \"c\": \"y\"}"_s);
    SentryUi::FindBar *bar = m_window->composerPanel()->findBar();
    QVERIFY(!bar->isVisible());
    m_window->actions().find->trigger();
    QVERIFY(bar->isVisible()); // its tab was brought to the front
    QTRY_COMPARE(QApplication::focusWidget(), bar->searchEdit());
    QTest::keyClicks(bar->searchEdit(), u"\"x\""_s);
    QCOMPARE(m_window->composerPanel()->editor()->searchMatchCount(), 2);
    QCOMPARE(bar->statusText(), u"1 of 2"_s);
    m_window->actions().findNext->trigger();
    QCOMPARE(bar->statusText(), u"2 of 2"_s);
    m_window->actions().findPrevious->trigger();
    QCOMPARE(bar->statusText(), u"1 of 2"_s);
}

void TestMainWindow::openDialog_startsInAnExistingFolder()
{
    QString offered;
    m_window->files()->setFilePrompt([&offered](bool, const QString &directory) {
        offered = directory;
        return QString();
    });
    m_settings->lastDirectory = m_dir.filePath(u"gone"_s); // removed since
    m_window->files()->open();
    const QString samples = SentryUi::SampleCatalog::folder();
    QVERIFY2(!samples.isEmpty(), "the build's samples folder is found");
    QCOMPARE(offered, samples);

    m_settings->lastDirectory = m_dir.filePath(QString());
    m_window->files()->open();
    QCOMPARE(QDir(offered), QDir(m_dir.filePath(QString())));
}

void TestMainWindow::saveAs_neverOffersTheSampleFolder()
{
    QString offered;
    m_window->files()->setFilePrompt([&offered](bool, const QString &directory) {
        offered = directory;
        return QString();
    });
    const QString samples = SentryUi::SampleCatalog::folder();
    QVERIFY(!samples.isEmpty());
    const QString sample = samples + u"/document-example.json"_s;
    QVERIFY(m_window->openFile(sample));
    QCOMPARE(m_settings->lastDirectory, samples);

    m_settings->saveDirectory = m_dir.filePath(QString());
    m_window->files()->saveAs();
    QCOMPARE(QDir(offered), QDir(m_dir.filePath(QString())));

    m_settings->saveDirectory.clear();
    m_window->files()->saveAs();
    QVERIFY(!offered.isEmpty());
    QVERIFY2(!QDir::cleanPath(offered).startsWith(samples), qPrintable(offered));
    QVERIFY(QFileInfo(offered).isDir());
}

void TestMainWindow::drop_opensAJsonFile_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("json") << u"dropped.json"_s << true;
    QTest::newRow("upper-case suffix") << u"DROPPED.JSON"_s << true;
    QTest::newRow("text file") << u"notes.txt"_s << false;
}

void TestMainWindow::drop_opensAJsonFile()
{
    QFETCH(QString, fileName);
    QFETCH(bool, accepted);
    const QString path = m_dir.filePath(fileName);
    QVERIFY(writeFile(path, "{\"message\": \"dropped\"}"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window, &enter);
    QCOMPARE(enter.isAccepted(), accepted);
    if (!accepted)
        return;
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window, &drop);
    QCOMPARE(m_window->document()->text(), u"{\"message\": \"dropped\"}"_s);
    QCOMPARE(m_window->document()->displayName(), fileName);
}

void TestMainWindow::templateMenu_listsEveryManifestEntry()
{
    const QJsonArray manifest
        = QJsonDocument::fromJson(readFile(QStringLiteral(SENTRY_SAMPLES_DIR "/manifest.json")))
              .array();
    QVERIFY(!manifest.isEmpty());
    const QList<SentryUi::Sample> samples = SentryUi::SampleCatalog::load();
    QCOMPARE(samples.size(), manifest.size());
    for (const SentryUi::Sample &sample : samples) {
        QString error;
        QVERIFY2(!SentryUi::SampleCatalog::read(sample, &error).isEmpty(), qPrintable(error));
    }
    const auto menus = m_window->findChildren<QMenu *>();
    const auto menu = std::find_if(menus.begin(), menus.end(), [](const QMenu *m) {
        return m->title().contains(u"Template"_s);
    });
    QVERIFY(menu != menus.end());
    QCOMPARE((*menu)->actions().size(), manifest.size());
}

void TestMainWindow::newFromTemplate_loadsASampleUntitled()
{
    const QList<SentryUi::Sample> samples = SentryUi::SampleCatalog::load();
    if (samples.isEmpty())
        QSKIP("resources/samples is empty in this build");
    QVERIFY(m_window->files()->newFromTemplate(samples.first()));
    QVERIFY(m_window->document()->object().has_value());
    QVERIFY(m_window->document()->filePath().isEmpty());
    QVERIFY(!m_window->document()->isModified());
}

void TestMainWindow::format_keepsKeyOrderAsOneUndoStep()
{
    const QString minified = u"{\"zeta\":1,\"alpha\":{\"b\":2,\"a\":3}}"_s;
    m_window->document()->setText(minified);
    m_window->formatJson();
    const QString formatted = m_window->document()->text();
    QVERIFY(formatted.contains(u'\n'));
    QVERIFY(formatted.indexOf(u"zeta"_s) < formatted.indexOf(u"alpha"_s));
    QVERIFY(formatted.indexOf(u"\"b\""_s) < formatted.indexOf(u"\"a\""_s));
    m_window->minifyJson();
    QCOMPARE(m_window->document()->text(), minified);
    m_window->document()->textDocument()->undo();
    QCOMPARE(m_window->document()->text(), formatted);
}

void TestMainWindow::findingActivation_revealsTheComposerField()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->document()->setText(u"{\"message\": 42, \"level\": \"error\"}"_s);
    m_window->composerPanel()->refreshForm();
    QWidget *field = m_window->composerPanel()->fieldForPath(u"/message"_s);
    QVERIFY(field);
    Q_EMIT m_window->validationPanel()->findingActivated(u"/message"_s, -1);
    QTRY_COMPARE(QApplication::focusWidget(), field);
}

void TestMainWindow::send_withoutTarget_reportsWhy()
{
    m_window->targetPanel()->setDsnText(u"not a dsn"_s);
    m_window->send();
    QTRY_VERIFY(m_window->findChild<QMessageBox *>() != nullptr);
    QVERIFY(!m_window->responsePanel()->isBusy());
}

// The last send opens in the Timeline tab; Send Repeatedly sits in the Event menu, and the fault
// panel is ready for the receiver the window is given.
void TestMainWindow::send_thenProtocolTimeline_showsTheExchange()
{
    Sentry::Receiver receiver(Sentry::ReceiverConfig::withGeneratedKey());
    QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
    m_window->faultsPanel()->setReceiver(&receiver);
    QVERIFY(m_window->faultsPanel()->addPreset(u"500"_s));
    m_window->targetPanel()->setDsnText(receiver.dsn());
    m_window->document()->setText(u"{\"message\": \"hi\", \"level\": \"error\"}"_s);
    QSignalSpy finished(m_window->responsePanel(), &SentryUi::ResponsePanel::sendFinished);
    m_window->send();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_window->responsePanel()->lastResult()->status, 500);
    // The Timeline tab follows the last send by itself; the button brings it forward.
    QVERIFY(m_window->timelineView()->exchange());
    QCOMPARE(m_window->timelineView()->exchange()->status, 500);
    QTRY_VERIFY(m_window->timelineView()->exchange()->id > 0); // once the history has the row
    m_window->responsePanel()->findChild<QPushButton *>(u"timelineButton"_s)->click();
    QCOMPARE(m_window->timelineView()->exchange()->status, 500);
    QCOMPARE(m_window->timelineView()->stepCount(), 9);
    const QTabWidget *results = m_window->workbench()->tabs(SentryUi::WorkbenchLayout::Area::Results);
    QVERIFY(results->currentWidget()->isAncestorOf(m_window->timelineView()));
    const auto menus = m_window->menuBar()->findChildren<QMenu *>();
    QVERIFY(std::any_of(menus.begin(), menus.end(), [this](const QMenu *menu) {
        return menu->actions().contains(m_window->actions().sendRepeatedly);
    }));
    m_window->faultsPanel()->setReceiver(nullptr);
}

void TestMainWindow::send_toLoopbackServer_fillsTheResponse()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&server, &QTcpServer::newConnection, this, [&server, &received] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
            received += socket->readAll();
            const qsizetype headerEnd = received.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray body = "{\"id\": \"fc6d8c0c43fc4630ad850ee518f1b9d0\"}";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                          + body);
            socket->disconnectFromHost();
        });
    });
    m_window->targetPanel()->setDsnText(
        u"http://public:secret@127.0.0.1:%1/1"_s.arg(server.serverPort()));
    m_window->document()->setText(
        u"{\"event_id\": \"fc6d8c0c43fc4630ad850ee518f1b9d0\", \"message\": \"hi\", "
        "\"level\": \"error\", \"logger\": \"root\", \"timestamp\": \"2013-01-01T00:00:00\"}"_s);
    QSignalSpy finished(m_window->responsePanel(), &SentryUi::ResponsePanel::sendFinished);
    m_window->send();
    QVERIFY(finished.wait(10000));
    QVERIFY(received.startsWith("POST /api/1/store/ "));
    QVERIFY(received.contains("X-Sentry-Auth: Sentry sentry_version=4"));
    QVERIFY(!m_window->responsePanel()->isBusy());
}

// The target's extra headers and client go on the wire, and its timeout is the deadline, with a
// verdict that says the server was reached and did not answer.
void TestMainWindow::send_usesTheTargetsSettings()
{
    QTcpServer server; // accepts, reads, never answers
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&server, &QTcpServer::newConnection, this, [&server, &received] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] { received += socket->readAll(); });
    });
    SentryUi::TargetPanel *target = m_window->targetPanel();
    target->setDsnText(u"http://public:secret@127.0.0.1:%1/1?timeout=30"_s.arg(server.serverPort()));
    auto *headers = target->settingsEditor()->headersModel();
    headers->insertRows(0, 2);
    headers->setData(headers->index(0, 0), u"Origin"_s);
    headers->setData(headers->index(0, 1), u"https://app.example.com"_s);
    headers->setData(headers->index(1, 0), u"X-Debug"_s);
    headers->setData(headers->index(1, 1), u"1"_s);
    auto *client = target->findChild<QLineEdit *>(u"client"_s);
    client->setText(u"raven-js/1.1.0"_s);
    client->textEdited(client->text());
    target->findChild<QDoubleSpinBox *>(u"timeout"_s)->setValue(0.4); // over the DSN's 30 s
    m_window->document()->setText(u"{\"message\": \"hi\"}"_s);
    QSignalSpy finished(m_window->responsePanel(), &SentryUi::ResponsePanel::sendFinished);
    m_window->send();
    QVERIFY(finished.wait(10000));
    QVERIFY2(received.contains("\r\nOrigin: https://app.example.com\r\n"), received.constData());
    QVERIFY(received.contains("\r\nX-Debug: 1\r\n"));
    QVERIFY(received.contains("sentry_client=raven-js/1.1.0"));
    QVERIFY(received.contains("\r\nUser-Agent: raven-js/1.1.0\r\n"));
    const auto result = finished.at(0).at(0).value<Sentry::SendResult>();
    QCOMPARE(Sentry::verdictName(result.verdict), Sentry::verdictName(Sentry::Verdict::Timeout));
    const QString words = u"Connected to 127.0.0.1:%1 and sent the request, but no answer came within 400 ms"_s
                              .arg(server.serverPort());
    QVERIFY2(m_window->responsePanel()->verdictText().contains(words),
             qPrintable(m_window->responsePanel()->verdictText()));
    QVERIFY(result.elapsedMs < 10000);
}

// File › Open Exchange: the exchange from the shared history, and from there back to the composer.
void TestMainWindow::openExchange_showsItAndReopensItAsDraft()
{
    Sentry::History history; // the CLI's view of the same file
    QString error;
    QVERIFY2(history.open(historyPath(), &error), qPrintable(error));
    Sentry::Exchange received;
    received.at = QDateTime::currentDateTimeUtc();
    received.method = "POST";
    received.url = "/api/1/store/";
    received.eventJson = R"({"message":"from the history"})";
    received.requestBody = received.eventJson;
    received.status = 200;
    QList<Sentry::Exchange> rows = {received};
    QVERIFY(history.insert(rows));
    m_window->historyController()->setIdPrompt(
        [id = rows.constFirst().id](const Sentry::History *) { return std::optional<qint64>(id); });
    m_window->document()->setText(u"{\"message\": \"mine\"}"_s);
    m_window->actions().openExchange->trigger();
    SentryUi::ExchangeDetailView *detail = m_window->historyController()->detailView();
    QVERIFY(detail->window()->isVisible());
    QCOMPARE(detail->exchange().id, rows.constFirst().id);
    detail->findChild<QPushButton *>(u"reopenButton"_s)->click();
    QCOMPARE(m_window->document()->object()->value(u"message"_s).toString(), u"from the history"_s);
    m_window->composerPanel()->refreshForm();
    auto *message = qobject_cast<QLineEdit *>(m_window->composerPanel()->fieldForPath(u"/message"_s));
    QVERIFY(message);
    QCOMPARE(message->text(), u"from the history"_s); // the composer's form shows the draft too
    QVERIFY(m_window->isWindowModified());
    m_window->actions().undo->trigger();
    QCOMPARE(m_window->document()->text(), u"{\"message\": \"mine\"}"_s);
    detail->window()->close();
}

// The history list's seams: selecting a row shows its protocol timeline, opening it the detail.
void TestMainWindow::historyRow_opensItsTimelineAndDetail()
{
    Sentry::History history;
    QString error;
    QVERIFY2(history.open(historyPath(), &error), qPrintable(error));
    Sentry::Exchange received;
    received.at = QDateTime::currentDateTimeUtc();
    received.method = "POST";
    received.url = "/api/1/store/";
    received.eventJson = R"({"message":"picked from the list"})";
    received.requestBody = received.eventJson;
    received.status = 200;
    QList<Sentry::Exchange> rows = {received};
    QVERIFY(history.insert(rows));
    const qint64 id = rows.constFirst().id;

    emit m_window->historyPanel()->currentExchangeChanged(id);
    QVERIFY(m_window->timelineView()->exchange().has_value());
    QCOMPARE(m_window->timelineView()->exchange()->id, id);
    QVERIFY(m_window->timelineView()->stepCount() > 0);

    emit m_window->historyPanel()->exchangeActivated(id);
    SentryUi::ExchangeDetailView *detail = m_window->historyController()->detailView();
    QVERIFY(detail->window()->isVisible());
    QCOMPARE(detail->exchange().id, id);
    detail->window()->close();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
