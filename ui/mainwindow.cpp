#include "mainwindow.h"

#include "aboutdialog.h"
#include "backoffpanel.h"
#include "faultspanel.h"
#include "sendrepeatedlydialog.h"
#include "timelineview.h"
#include "composerpanel.h"
#include "editcommands.h"
#include "eventdocument.h"
#include "filecontroller.h"
#include "findbar.h"
#include "history.h"
#include "historypanel.h"
#include "historycontroller.h"
#include "icons.h"
#include "jsoneditor.h"
#include "receiver.h"
#include "receivercontroller.h"
#include "receiverpanel.h"
#include "requestpreviewpanel.h"
#include "responsepanel.h"
#include "sendresult.h"
#include "settings.h"
#include "targetpanel.h"
#include "theme.h"
#include "validationpanel.h"
#include "workbenchlayout.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

MainWindow::MainWindow(Settings *settings, QNetworkAccessManager *network, const QString &historyPath,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_document(new EventDocument(this))
    , m_files(new FileController(m_document, settings, this))
    , m_actions(MainActions::create(this))
{
    setWindowIcon(Icons::icon(u"sentry-harness"_s));
    setAcceptDrops(true);
    m_receiver = new ReceiverController(settings, historyPath, this);
    m_receiver->startAtLaunch();
    setupPanels(network);
    openHistory(historyPath);
    connectActions();
    setupMenus();
    setupToolBar();
    setupLayout();
    connectPanels();
    setupProtocolViews(network);
    connectViewActions(); // every panel exists now
    connectReceiver();
    m_files->newDocument();
    updateTitle();
    restoreWindow(); // last: what it says in the status bar stays there
}

bool MainWindow::openFile(const QString &path)
{
    return m_files->openFile(path);
}

MainWindow::~MainWindow()
{
    // Hide first, while this is still a MainWindow: hiding moves the focus, a focused field commits
    // its edit (the user's) and the document's signals reach updateTitle(). Left to QWidget's
    // destructor, the same close calls those slots on a half-destroyed object (UBSan: "downcast of
    // address … which does not point to an object of type MainWindow").
    hide();
    // Deleting the focused child changes the focus: the actions it would update are gone by then.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
    m_response->setHistory(nullptr); // the history goes before the panels, which are children
    m_backoff->setHistory(nullptr);
    m_historyUi->setHistory(nullptr);
    m_historyUi->setWriter(nullptr);
}

void MainWindow::setupPanels(QNetworkAccessManager *network)
{
    m_target = new TargetPanel(m_settings, this);
    m_composer = new ComposerPanel(m_document, this);
    m_validation = new ValidationPanel(m_document, this);
    m_preview = new RequestPreviewPanel(m_document, this);
    m_response = new ResponsePanel(network, this);
    m_receiverPanel = new ReceiverPanel(m_receiver, &m_settings->receiver.enabled, this);
    m_historyPanel = new HistoryPanel(this);
    m_historyPanel->open(m_receiver->historyPath());
}

void MainWindow::openHistory(const QString &path)
{
    m_history = std::make_unique<Sentry::History>();
    m_historyUi = new HistoryController(m_files, m_target->model(), this);
    // Sends are recorded by the receiver's writer, off this thread; this connection reads.
    m_response->setHistory(m_receiver->historyWriter());
    m_historyUi->setWriter(m_receiver->historyWriter());
    if (!m_receiver->historyWriter())
        statusBar()->showMessage(tr("Sends are not recorded in the history: %1").arg(m_receiver->historyError()));
    QString error;
    if (m_history->open(path, &error))
        m_historyUi->setHistory(m_history.get());
    else
        statusBar()->showMessage(tr("The history cannot be read: %1").arg(error));
    connect(m_historyUi, &HistoryController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_historyUi, &HistoryController::failed, this, &MainWindow::showError);
    connect(m_historyUi, &HistoryController::draftOpened, this, [this] { m_layout->showPanel(m_composer); });
}

void MainWindow::connectActions()
{
    const MainActions &a = m_actions;
    connect(a.newEvent, &QAction::triggered, this, [this] {
        if (m_files->newDocument())
            m_composer->revealPath(u"/message"_s); // the one thing a new event asks for
    });
    connect(a.open, &QAction::triggered, m_files, &FileController::open);
    connect(a.openExchange, &QAction::triggered, m_historyUi, &HistoryController::askForExchange);
    connect(a.save, &QAction::triggered, m_files, &FileController::save);
    connect(a.saveAs, &QAction::triggered, m_files, &FileController::saveAs);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.undo, &QAction::triggered, m_document->textDocument(),
            qOverload<>(&QTextDocument::undo));
    connect(a.redo, &QAction::triggered, m_document->textDocument(),
            qOverload<>(&QTextDocument::redo));
    using EditCommands::Command;
    const std::pair<QAction *, Command> commands[] = {
        {a.cut, Command::Cut},
        {a.copy, Command::Copy},
        {a.paste, Command::Paste},
        {a.selectAll, Command::SelectAll},
    };
    for (const auto &[action, command] : commands) {
        connect(action, &QAction::triggered, this,
                [this, command = command] { EditCommands::apply(m_textWidget, command); });
    }
    connect(a.find, &QAction::triggered, this, [this] {
        m_layout->showPanel(m_composer);
        m_composer->findBar()->open();
    });
    connect(a.findNext, &QAction::triggered, m_composer->findBar(), &FindBar::findNext);
    connect(a.findPrevious, &QAction::triggered, m_composer->findBar(), &FindBar::findPrevious);
    connect(a.format, &QAction::triggered, this, &MainWindow::formatJson);
    connect(a.minify, &QAction::triggered, this, &MainWindow::minifyJson);
    connect(a.send, &QAction::triggered, this, &MainWindow::send);
    connect(a.cancel, &QAction::triggered, m_response, &ResponsePanel::cancel);
    connect(a.about, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
    connect(a.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { trackTextWidget(now); });
    trackTextWidget(nullptr);
}

void MainWindow::setupMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions.newEvent);
    file->addMenu(m_files->createTemplateMenu(this));
    file->addAction(m_actions.open);
    file->addMenu(m_files->createRecentMenu(this));
    file->addAction(m_actions.openExchange);
    file->addSeparator();
    file->addActions({m_actions.save, m_actions.saveAs});
    file->addSeparator();
    file->addAction(m_actions.quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_actions.undo, m_actions.redo});
    edit->addSeparator();
    edit->addActions({m_actions.cut, m_actions.copy, m_actions.paste, m_actions.selectAll});
    edit->addSeparator();
    edit->addActions({m_actions.find, m_actions.findNext, m_actions.findPrevious});
    edit->addSeparator();
    edit->addActions({m_actions.format, m_actions.minify});

    QMenu *event = menuBar()->addMenu(tr("E&vent"));
    event->addActions({m_actions.send, m_actions.sendRepeatedly, m_actions.cancel});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addActions({m_actions.showTargets, m_actions.showEvent, m_actions.showRequest,
                      m_actions.showValidation, m_actions.showResponse, m_actions.showReceiver,
                      m_actions.showHistory, m_actions.showBackoff, m_actions.showTimeline,
                      m_actions.showFaults});
    view->addSeparator();
    view->addAction(m_actions.showSidebar);
    view->addSeparator();
    view->addMenu(Theme::createMenu(m_settings, this));
    view->addAction(m_actions.resetLayout);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({m_actions.about, m_actions.aboutQt});
}

void MainWindow::setupToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false); // one tool bar: nothing to arrange, and nothing to lose
    bar->addActions({m_actions.open, m_actions.save});
    bar->addSeparator();
    bar->addActions({m_actions.undo, m_actions.redo, m_actions.format});
    bar->addSeparator();
    bar->addActions({m_actions.send, m_actions.cancel});
    m_validity = new QToolButton(this);
    m_validity->setAutoRaise(true);
    m_validity->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    statusBar()->addPermanentWidget(m_validity);
    m_receiverStatus = new QToolButton(this);
    m_receiverStatus->setObjectName(u"receiverStatus"_s);
    m_receiverStatus->setAutoRaise(true);
    m_receiverStatus->setToolTip(tr("The local receiver; click for its DSN, keys and where it listens"));
    statusBar()->addPermanentWidget(m_receiverStatus);
}

// Laptop first: the sidebar, the request tabs over the result tabs. The receiver, the history
// and replay of the next panels slot in as further sidebar pages and tabs.
void MainWindow::setupLayout()
{
    using Area = WorkbenchLayout::Area;
    m_layout = new WorkbenchLayout(this);
    m_layout->addPanel(Area::Sidebar, m_target, tr("Targets"));
    m_layout->addPanel(Area::Sidebar, m_receiverPanel, tr("Receiver"));
    m_layout->addPanel(Area::Request, m_composer, tr("Event"));
    m_layout->addPanel(Area::Request, m_preview, tr("Request"));
    m_layout->addPanel(Area::Results, m_validation, tr("Validation"));
    m_layout->addPanel(Area::Results, m_response, tr("Response"));
    m_layout->addPanel(Area::Results, m_historyPanel, tr("History"));
    setCentralWidget(m_layout);
    // A .json dropped on the editor opens the file instead of pasting its URL into the event.
    m_composer->editor()->viewport()->installEventFilter(this);
    resize(QSize(1800, 1050).boundedTo(screen()->availableGeometry().size()));
    m_defaultWindowState = saveState(WindowStateVersion);
}

// A panel is a plain widget that takes no focus: the keyboard goes to its first control that
// Tab would reach, so Alt+0 then Space presses the Faults tab's first one-click fault.
void MainWindow::focusFirstControl(QWidget *panel)
{
    for (QWidget *widget = panel->nextInFocusChain(); widget != panel; widget = widget->nextInFocusChain()) {
        if (panel->isAncestorOf(widget) && widget->isVisible() && widget->isEnabled()
            && (widget->focusPolicy() & Qt::TabFocus)) {
            widget->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
    panel->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::connectViewActions()
{
    const std::pair<QAction *, QWidget *> pages[] = {
        {m_actions.showTargets, m_target},         {m_actions.showEvent, m_composer},
        {m_actions.showRequest, m_preview},        {m_actions.showValidation, m_validation},
        {m_actions.showResponse, m_response},     {m_actions.showReceiver, m_receiverPanel},
        {m_actions.showHistory, m_historyPanel},   {m_actions.showBackoff, m_backoff},
        {m_actions.showTimeline, m_timeline},      {m_actions.showFaults, m_faults},
    };
    for (const auto &[action, panel] : pages)
        connect(action, &QAction::triggered, m_layout, [this, panel = panel] {
            m_layout->showPanel(panel);
            focusFirstControl(panel);
        });
    connect(m_actions.showSidebar, &QAction::toggled, m_layout,
            &WorkbenchLayout::setSidebarVisible);
    connect(m_layout, &WorkbenchLayout::sidebarVisibleChanged, m_actions.showSidebar,
            &QAction::setChecked);
    connect(m_actions.resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_validity, &QToolButton::clicked, this, [this] { m_layout->showPanel(m_validation); });
}

void MainWindow::connectPanels()
{
    QTextDocument *text = m_document->textDocument();
    connect(text, &QTextDocument::undoAvailable, m_actions.undo, &QAction::setEnabled);
    connect(text, &QTextDocument::redoAvailable, m_actions.redo, &QAction::setEnabled);
    connect(m_document, &EventDocument::modificationChanged, this, &MainWindow::updateTitle);
    connect(m_document, &EventDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_files, &FileController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_files, &FileController::failed, this, &MainWindow::showError);

    m_preview->setDsn(m_target->dsn());
    m_preview->setRequestDefaults(m_target->currentTarget().requestOptions());
    connect(m_target, &TargetPanel::dsnChanged, m_preview, &RequestPreviewPanel::setDsn);
    connect(m_target, &TargetPanel::targetChanged, m_preview, [this](const Target &target) {
        m_preview->setRequestDefaults(target.requestOptions());
    });
    // The encoding is the target's: picked in the preview, it edits the target's draft.
    connect(m_preview, &RequestPreviewPanel::encodingChosen, m_target, &TargetPanel::setEncoding);
    connect(m_validation, &ValidationPanel::findingActivated, this, [this](const QString &pointer) {
        m_layout->showPanel(m_composer);
        m_composer->revealPath(pointer);
    });
    connect(m_validation, &ValidationPanel::validated, this, &MainWindow::showValidity);
    connect(m_response, &ResponsePanel::busyChanged, this, [this](bool busy) {
        m_actions.send->setEnabled(!busy);
        m_actions.cancel->setEnabled(busy);
        if (busy) {
            m_layout->showPanel(m_response);
            statusBar()->showMessage(tr("Sending…"));
        }
    });
    connect(m_response, &ResponsePanel::sendFinished, this, [this](const Sentry::SendResult &result) {
        statusBar()->showMessage(tr("Sent: %1").arg(ResponsePanel::verdictTitle(result.verdict)), 8000);
    });
    connect(m_response, &ResponsePanel::sendRecorded, this, [this](const Sentry::Exchange &, const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Sent, but not recorded in the history: %1").arg(error), 8000);
    });
}

// The receiver's target follows it; what it and the sends store appears in the history at once
// (other processes' exchanges at the history's next poll); a history row opens in the timeline
// and the detail window.
void MainWindow::connectReceiver()
{
    const auto showStatus = [this] {
        m_receiverStatus->setText(m_receiver->statusText());
        m_receiverStatus->setIcon(m_receiver->state() == ReceiverController::State::Failed
                                      ? Icons::severity(Sentry::Severity::Error) : QIcon());
    };
    showStatus();
    connect(m_receiver, &ReceiverController::stateChanged, this, showStatus);
    connect(m_receiverStatus, &QToolButton::clicked, this, [this] { m_layout->showPanel(m_receiverPanel); });
    connect(m_receiver, &ReceiverController::dsnChanged, m_target, &TargetPanel::setSavedDsn);
    connect(m_receiver->receiver(), &Sentry::Receiver::exchangeFinished, m_historyPanel,
            &HistoryPanel::checkForNew);
    connect(m_response, &ResponsePanel::sendRecorded, m_historyPanel, &HistoryPanel::checkForNew);
    connect(m_backoff, &BackoffPanel::attemptRecorded, m_historyPanel, &HistoryPanel::checkForNew);
    m_faults->setReceiver(m_receiver->receiver()); // the embedded one's fault rows
    // A row of the history: its protocol timeline when selected, its detail window when opened.
    connect(m_historyPanel, &HistoryPanel::currentExchangeChanged, this, [this](qint64 id) {
        if (const auto exchange = m_history->isOpen() ? m_history->exchange(id) : std::nullopt)
            m_timeline->showExchange(*exchange);
    });
    connect(m_historyPanel, &HistoryPanel::exchangeActivated, m_historyUi, &HistoryController::showExchange);
}

// The fault controls (for the receiver the window is given), the backoff chart of Event › Send
// Repeatedly, and the protocol timeline of an exchange (the last send's, or one from the history).
void MainWindow::setupProtocolViews(QNetworkAccessManager *network)
{
    using Area = WorkbenchLayout::Area;
    m_faults = new FaultsPanel(this);
    m_backoff = new BackoffPanel(network, {}, this);
    m_timeline = new TimelineView(this);
    m_backoff->setHistory(m_receiver->historyWriter());
    m_layout->addPanel(Area::Results, m_backoff, tr("Backoff"));
    m_layout->addPanel(Area::Results, m_timeline, tr("Timeline"));
    m_layout->addPanel(Area::Results, m_faults, tr("Faults"));
    connect(m_actions.sendRepeatedly, &QAction::triggered, this, &MainWindow::sendRepeatedly);
    connect(m_response, &ResponsePanel::sendFinished, m_timeline, [this] {
        if (const std::optional<Sentry::Exchange> exchange = m_response->lastExchange())
            m_timeline->showExchange(*exchange); // the last send's, until a history row is picked
    });
    connect(m_response, &ResponsePanel::sendRecorded, m_timeline, [this](const Sentry::Exchange &stored) {
        const std::optional<Sentry::Exchange> shown = m_timeline->exchange();
        if (shown && shown->id == 0 && shown->at == stored.at && shown->eventId == stored.eventId)
            m_timeline->showExchange(stored); // the same send, now with its row's id
    });
    connect(m_response, &ResponsePanel::timelineRequested, this, [this](const Sentry::Exchange &exchange) {
        m_timeline->showExchange(exchange);
        m_layout->showPanel(m_timeline);
    });
    connect(m_timeline, &TimelineView::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_backoff, &BackoffPanel::runningChanged, m_actions.sendRepeatedly, &QAction::setDisabled);
}

void MainWindow::sendRepeatedly()
{
    QString error;
    const std::optional<Sentry::StoreRequest> request = m_preview->currentRequest(&error);
    if (!request)
        return showError(tr("Cannot send: %1").arg(error));
    SendRepeatedlyDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_layout->showPanel(m_backoff);
    if (!m_backoff->start(*request, dialog.options()))
        showError(tr("A series is still running: stop it in the Backoff tab first."));
}

// Edit's clipboard actions act on the text widget of this window that has the focus; a menu
// opening takes the focus to another window (the popup) and leaves the target alone.
void MainWindow::trackTextWidget(QWidget *now)
{
    if (now && now->window() != this)
        return;
    m_textWidget = EditCommands::isTextWidget(now) ? now : nullptr;
    using EditCommands::Command;
    m_actions.cut->setEnabled(EditCommands::canApply(m_textWidget, Command::Cut));
    m_actions.copy->setEnabled(EditCommands::canApply(m_textWidget, Command::Copy));
    m_actions.paste->setEnabled(EditCommands::canApply(m_textWidget, Command::Paste));
    m_actions.selectAll->setEnabled(EditCommands::canApply(m_textWidget, Command::SelectAll));
}

void MainWindow::showValidity(const Sentry::ValidationResult &result)
{
    const int errors = Sentry::countSeverity(result.findings, Sentry::Severity::Error);
    const int warnings = Sentry::countSeverity(result.findings, Sentry::Severity::Warning);
    const QString profile = Sentry::profileName(result.profile);
    QIcon icon = Icons::ok();
    if (!result.parsed || errors > 0)
        icon = Icons::severity(Sentry::Severity::Error);
    else if (warnings > 0)
        icon = Icons::severity(Sentry::Severity::Warning);
    if (!result.parsed)
        m_validity->setText(tr("Not a JSON object"));
    else if (errors > 0)
        m_validity->setText(tr("%1: %n error(s)", nullptr, errors).arg(profile));
    else
        m_validity->setText(tr("%1: accepted, %n warning(s)", nullptr, warnings).arg(profile));
    m_validity->setIcon(icon);
    m_validity->setToolTip(
        tr("What the %1 profile says about the event; click for the Validation tab").arg(profile));
    m_layout->setPanelIcon(m_validation, icon);
}

void MainWindow::send()
{
    QString error;
    const std::optional<Sentry::StoreRequest> request = m_preview->currentRequest(&error);
    if (!request) {
        showError(tr("Cannot send: %1").arg(error));
        return;
    }
    m_response->send(*request);
}

// The editor's format and minify: one implementation, its message in the status bar.
void MainWindow::formatJson()
{
    QString error;
    if (!m_composer->editor()->format(&error))
        statusBar()->showMessage(tr("Cannot reformat: %1").arg(error), 8000);
}

void MainWindow::minifyJson()
{
    QString error;
    if (!m_composer->editor()->minify(&error))
        statusBar()->showMessage(tr("Cannot reformat: %1").arg(error), 8000);
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() + u"[*] — "_s
                   + QApplication::applicationDisplayName());
    setWindowModified(m_document->isModified());
}

// A saved arrangement that leaves a panel below its minimum (a window made small, then large)
// is not brought back: the default one is used, and the status bar says so.
void MainWindow::restoreWindow()
{
    if (!m_settings->windowGeometry.isEmpty())
        restoreGeometry(m_settings->windowGeometry);
    restoreState(m_settings->windowState, WindowStateVersion);
    if (m_settings->layoutState.isEmpty())
        return;
    if (!m_layout->restoreState(LayoutState::fromBytes(m_settings->layoutState)))
        statusBar()->showMessage(tr("The saved layout left a panel too small to use: the default "
                                    "layout is used instead (View › Reset Layout)."),
                                 10000);
}

void MainWindow::saveWindow()
{
    m_settings->windowGeometry = saveGeometry();
    m_settings->windowState = saveState(WindowStateVersion);
    m_settings->layoutState = m_layout->state().toBytes();
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultWindowState, WindowStateVersion);
    m_layout->resetLayout();
    statusBar()->showMessage(tr("The panels are back in their default places and sizes."), 5000);
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 8000);
    // Window-modal but not blocking: the event loop (and a send in flight) keeps running.
    auto *box = new QMessageBox(QMessageBox::Warning, QApplication::applicationDisplayName(),
                                message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_focusNewEvent, false) && m_composer->isVisible()
        && m_document->filePath().isEmpty() && !m_document->isModified())
        m_composer->revealPath(u"/message"_s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_target->saveTargets();
    saveWindow();
    m_settings->save();
    event->accept();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    const auto type = event->type();
    if (type == QEvent::DragEnter || type == QEvent::DragMove || type == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        if (FileController::isEventDrop(drop->mimeData())) {
            if (type == QEvent::Drop)
                dropEvent(drop);
            else
                drop->acceptProposedAction();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (FileController::isEventDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (FileController::isEventDrop(event->mimeData())
        && m_files->openFile(event->mimeData()->urls().first().toLocalFile()))
        event->acceptProposedAction();
}

} // namespace SentryUi
