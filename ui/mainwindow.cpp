#include "mainwindow.h"

#include "aboutdialog.h"
#include "composerpanel.h"
#include "eventdocument.h"
#include "filecontroller.h"
#include "history.h"
#include "icons.h"
#include "jsoneditor.h"
#include "jsontext.h"
#include "requestpreviewpanel.h"
#include "responsepanel.h"
#include "sendresult.h"
#include "settings.h"
#include "targetpanel.h"
#include "theme.h"
#include "validationpanel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QTextDocument>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

MainWindow::MainWindow(Settings *settings, QNetworkAccessManager *network, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_document(new EventDocument(this))
    , m_files(new FileController(m_document, settings, this))
{
    setWindowIcon(Icons::icon(u"sentry-harness"_s));
    setAcceptDrops(true);
    setupPanels(network);
    openHistory();
    setupActions();
    setupMenus();
    setupToolBar();
    setupLayout();
    connectPanels();
    restoreWindow();
    m_files->newDocument();
    updateTitle();
}

bool MainWindow::openFile(const QString &path)
{
    return m_files->openFile(path);
}

MainWindow::~MainWindow()
{
    m_response->setHistory(nullptr); // the history goes before the panels, which are children
}

void MainWindow::setupPanels(QNetworkAccessManager *network)
{
    m_target = new TargetPanel(m_settings, this);
    m_composer = new ComposerPanel(m_document, this);
    m_validation = new ValidationPanel(m_document, this);
    m_preview = new RequestPreviewPanel(m_document, this);
    m_response = new ResponsePanel(network, this);
}

void MainWindow::openHistory()
{
    m_history = std::make_unique<Sentry::History>();
    QString error;
    if (m_history->open(Sentry::History::defaultPath(), &error))
        m_response->setHistory(m_history.get());
    else
        statusBar()->showMessage(tr("Sends are not recorded in the history: %1").arg(error));
}

void MainWindow::setupActions()
{
    const auto make = [this](const QString &icon, const QString &text, const QKeySequence &keys,
                             const QString &tip) {
        auto *action = new QAction(Icons::icon(icon), text, this);
        action->setShortcut(keys);
        action->setStatusTip(tip);
        action->setToolTip(keys.isEmpty()
                               ? text
                               : u"%1 (%2)"_s.arg(QString(text).remove(u'&'),
                                                  keys.toString(QKeySequence::NativeText)));
        return action;
    };
    m_actions.newEvent = make(u"new"_s, tr("&New Event"), QKeySequence::New,
                              tr("Start an event with the required attributes"));
    m_actions.open
        = make(u"open"_s, tr("&Open…"), QKeySequence::Open, tr("Open an event from a JSON file"));
    m_actions.save = make(u"save"_s, tr("&Save"), QKeySequence::Save, tr("Save the event JSON"));
    m_actions.saveAs = make(u"save-as"_s, tr("Save &As…"), QKeySequence::SaveAs,
                            tr("Save the event JSON under a new name"));
    m_actions.quit = make(u"quit"_s, tr("&Quit"), QKeySequence::Quit, tr("Quit Sentry Harness"));
    m_actions.undo
        = make(u"undo"_s, tr("&Undo"), QKeySequence::Undo, tr("Undo the last change of the event"));
    m_actions.redo = make(u"redo"_s, tr("&Redo"), QKeySequence::Redo, tr("Redo the change"));
    m_actions.format = make(u"format"_s, tr("&Format JSON"), QKeySequence(u"Ctrl+Shift+F"_s),
                            tr("Indent the JSON, keeping the key order"));
    m_actions.minify = make(u"minify"_s, tr("&Minify JSON"), QKeySequence(u"Ctrl+Shift+M"_s),
                            tr("Remove whitespace outside strings"));
    m_actions.send = make(u"send"_s, tr("&Send"), QKeySequence(u"Ctrl+Return"_s),
                          tr("Send the event to the target"));
    m_actions.cancel = make(u"cancel"_s, tr("&Cancel Send"), QKeySequence(u"Ctrl+."_s),
                            tr("Abort the request in flight"));
    m_actions.about = make(u"about"_s, tr("&About Sentry Harness"), {}, tr("Version and credits"));
    m_actions.aboutQt = new QAction(tr("About &Qt"), this);
    m_actions.undo->setEnabled(false);
    m_actions.redo->setEnabled(false);
    m_actions.cancel->setEnabled(false);
    m_actions.send->setObjectName(u"sendAction"_s);

    connect(m_actions.newEvent, &QAction::triggered, m_files, &FileController::newDocument);
    connect(m_actions.open, &QAction::triggered, m_files, &FileController::open);
    connect(m_actions.save, &QAction::triggered, m_files, &FileController::save);
    connect(m_actions.saveAs, &QAction::triggered, m_files, &FileController::saveAs);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.undo, &QAction::triggered, m_document->textDocument(),
            qOverload<>(&QTextDocument::undo));
    connect(m_actions.redo, &QAction::triggered, m_document->textDocument(),
            qOverload<>(&QTextDocument::redo));
    connect(m_actions.format, &QAction::triggered, this, &MainWindow::formatJson);
    connect(m_actions.minify, &QAction::triggered, this, &MainWindow::minifyJson);
    connect(m_actions.send, &QAction::triggered, this, &MainWindow::send);
    connect(m_actions.cancel, &QAction::triggered, m_response, &ResponsePanel::cancel);
    connect(m_actions.about, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
    connect(m_actions.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::setupMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions.newEvent);
    file->addMenu(m_files->createTemplateMenu(this));
    file->addAction(m_actions.open);
    file->addMenu(m_files->createRecentMenu(this));
    file->addSeparator();
    file->addAction(m_actions.save);
    file->addAction(m_actions.saveAs);
    file->addSeparator();
    file->addAction(m_actions.quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_actions.undo, m_actions.redo});
    edit->addSeparator();
    edit->addActions({m_actions.format, m_actions.minify});

    QMenu *event = menuBar()->addMenu(tr("E&vent"));
    event->addActions({m_actions.send, m_actions.cancel});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addMenu(Theme::createMenu(m_settings, this));
    view->addSeparator();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({m_actions.about, m_actions.aboutQt});
}

void MainWindow::setupToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({m_actions.open, m_actions.save});
    bar->addSeparator();
    bar->addActions({m_actions.undo, m_actions.redo, m_actions.format});
    bar->addSeparator();
    bar->addActions({m_actions.send, m_actions.cancel});
    m_validity = new QLabel(this);
    statusBar()->addPermanentWidget(m_validity);
}

void MainWindow::setupLayout()
{
    setCentralWidget(m_composer);
    // A .json dropped on the editor opens the file instead of pasting its URL into the event.
    m_composer->editor()->viewport()->installEventFilter(this);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    QDockWidget *target = addDock(m_target, tr("Target"), u"targetDock"_s, Qt::LeftDockWidgetArea);
    QDockWidget *validation
        = addDock(m_validation, tr("Validation"), u"validationDock"_s, Qt::BottomDockWidgetArea);
    QDockWidget *preview
        = addDock(m_preview, tr("Request"), u"requestDock"_s, Qt::RightDockWidgetArea);
    QDockWidget *response
        = addDock(m_response, tr("Response"), u"responseDock"_s, Qt::RightDockWidgetArea);
    splitDockWidget(preview, response, Qt::Vertical);
    const QSize available = screen()->availableGeometry().size();
    resize(QSize(1800, 1050).boundedTo(available));
    resizeDocks({target, preview}, {290, width() >= 1600 ? 600 : 480}, Qt::Horizontal);
    resizeDocks({validation}, {290}, Qt::Vertical);
    resizeDocks({preview, response}, {480, 320}, Qt::Vertical);
}

QDockWidget *MainWindow::addDock(QWidget *panel, const QString &title, const QString &name,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    // A panel's minimum width must never push the window past the screen: below it, it scrolls.
    auto *scroll = new QScrollArea(dock);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    findChild<QMenu *>(u"viewMenu"_s)->addAction(dock->toggleViewAction());
    m_docks.append(dock);
    return dock;
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
    connect(m_validation, &ValidationPanel::findingActivated, this,
            [this](const QString &pointer) { m_composer->revealPath(pointer); });
    connect(m_validation, &ValidationPanel::validated, this, &MainWindow::showValidity);
    connect(m_response, &ResponsePanel::busyChanged, this, [this](bool busy) {
        m_actions.send->setEnabled(!busy);
        m_actions.cancel->setEnabled(busy);
        if (busy)
            statusBar()->showMessage(tr("Sending…"));
    });
    connect(m_response, &ResponsePanel::sendFinished, this,
            [this](const Sentry::SendResult &result) {
                QString message = tr("Sent: %1").arg(ResponsePanel::verdictTitle(result.verdict));
                if (!m_response->historyError().isEmpty())
                    message += tr(" (not recorded: %1)").arg(m_response->historyError());
                statusBar()->showMessage(message, 8000);
            });
}

void MainWindow::showValidity(const Sentry::ValidationResult &result)
{
    const int errors = Sentry::countSeverity(result.findings, Sentry::Severity::Error);
    const int warnings = Sentry::countSeverity(result.findings, Sentry::Severity::Warning);
    const QString profile = Sentry::profileName(result.profile);
    if (!result.parsed)
        m_validity->setText(tr("Not a JSON object"));
    else if (errors > 0)
        m_validity->setText(tr("%1: %n error(s)", nullptr, errors).arg(profile));
    else
        m_validity->setText(tr("%1: accepted, %n warning(s)", nullptr, warnings).arg(profile));
    m_validity->setToolTip(
        tr("What the %1 profile says about the event; details in the Validation panel")
            .arg(profile));
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

void MainWindow::formatJson()
{
    rewriteJson(false);
}

void MainWindow::minifyJson()
{
    rewriteJson(true);
}

void MainWindow::rewriteJson(bool minify)
{
    const QString text = m_document->text();
    const std::optional<QString> rewritten
        = minify ? Sentry::JsonText::minify(text) : Sentry::JsonText::format(text);
    if (!rewritten) {
        const auto error = Sentry::JsonText::syntaxError(text);
        statusBar()->showMessage(error ? tr("Cannot reformat: line %1, column %2: %3")
                                             .arg(error->line)
                                             .arg(error->column)
                                             .arg(error->message)
                                       : tr("Cannot reformat: the text is not valid JSON"),
                                 8000);
        return;
    }
    m_document->setText(*rewritten);
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() + u"[*] — "_s
                   + QApplication::applicationDisplayName());
    setWindowModified(m_document->isModified());
}

void MainWindow::restoreWindow()
{
    if (!m_settings->windowGeometry.isEmpty())
        restoreGeometry(m_settings->windowGeometry);
    if (!m_settings->windowState.isEmpty())
        restoreState(m_settings->windowState);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_target->saveTargets();
    m_settings->windowGeometry = saveGeometry();
    m_settings->windowState = saveState();
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
