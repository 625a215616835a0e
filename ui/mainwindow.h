#pragma once

// The workbench window: composes the target, receiver, composer, request preview, validation,
// response and history panels in a WorkbenchLayout (a sidebar beside the request tabs above the
// result tabs) and wires them together; the embedded receiver starts before the panels, so the
// Local receiver target shows its DSN from the first paint. File handling lives in FileController, the actions in MainActions, the palettes
// in Theme.

#include "mainactions.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;
class QToolButton;

namespace Sentry {
class History;
struct ValidationResult;
}

namespace SentryUi {

class EventDocument;
class FileController;
class HistoryController;
class Settings;
class TargetPanel;
class ComposerPanel;
class ValidationPanel;
class RequestPreviewPanel;
class ResponsePanel;
class ReceiverController;
class ReceiverPanel;
class HistoryPanel;
class WorkbenchLayout;
class FaultsPanel;
class BackoffPanel;
class TimelineView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // historyPath: the history database the receiver records into and the lists read; the
    // application passes Sentry::History::defaultPath() (the CLI's too), a test one of its own.
    MainWindow(Settings *settings, QNetworkAccessManager *network, const QString &historyPath,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    EventDocument *document() const { return m_document; }
    FileController *files() const { return m_files; }
    TargetPanel *targetPanel() const { return m_target; }
    ComposerPanel *composerPanel() const { return m_composer; }
    ValidationPanel *validationPanel() const { return m_validation; }
    RequestPreviewPanel *requestPreviewPanel() const { return m_preview; }
    ResponsePanel *responsePanel() const { return m_response; }
    ReceiverController *receiverController() const { return m_receiver; }
    ReceiverPanel *receiverPanel() const { return m_receiverPanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    HistoryController *historyController() const { return m_historyUi; }
    WorkbenchLayout *workbench() const { return m_layout; }
    FaultsPanel *faultsPanel() const { return m_faults; }     // setReceiver() it to the receiver
    BackoffPanel *backoffPanel() const { return m_backoff; }
    TimelineView *timelineView() const { return m_timeline; } // showExchange() from the history
    const MainActions &actions() const { return m_actions; }

    static constexpr int WindowStateVersion = 2; // 1 was the dock layout: ignored on restore

    bool openFile(const QString &path); // asks about unsaved changes first
    void send(); // builds the request from the preview and sends it
    void sendRepeatedly(); // asks how often, then runs a series in the Backoff tab
    void formatJson(); // re-indents, keeping key order
    void minifyJson();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setupPanels(QNetworkAccessManager *network);
    void openHistory(const QString &path);
    void connectActions();
    void connectViewActions();
    static void focusFirstControl(QWidget *panel);
    void setupMenus();
    void setupToolBar();
    void setupLayout();
    void connectPanels();
    void connectReceiver();
    void setupProtocolViews(QNetworkAccessManager *network); // faults, backoff chart, timeline
    void trackTextWidget(QWidget *now);
    void updateTitle();
    void restoreWindow();
    void saveWindow();
    void resetLayout();
    void showError(const QString &message);
    void showValidity(const Sentry::ValidationResult &result);

    Settings *m_settings = nullptr;
    EventDocument *m_document = nullptr;
    FileController *m_files = nullptr;
    TargetPanel *m_target = nullptr;
    ComposerPanel *m_composer = nullptr;
    ValidationPanel *m_validation = nullptr;
    RequestPreviewPanel *m_preview = nullptr;
    ResponsePanel *m_response = nullptr;
    ReceiverController *m_receiver = nullptr; // the embedded receiver, started before the panels
    ReceiverPanel *m_receiverPanel = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    FaultsPanel *m_faults = nullptr;
    BackoffPanel *m_backoff = nullptr;
    TimelineView *m_timeline = nullptr;
    std::unique_ptr<Sentry::History> m_history; // the CLI's too: each send is recorded there
    HistoryController *m_historyUi = nullptr; // the exchange detail, replay and compare windows
    WorkbenchLayout *m_layout = nullptr;
    QToolButton *m_validity = nullptr;
    QToolButton *m_receiverStatus = nullptr;
    QPointer<QWidget> m_textWidget; // where Edit's Cut, Copy, Paste and Select All act
    QByteArray m_defaultWindowState; // the tool bar as built, for Reset Layout
    bool m_focusNewEvent = true; // the first show puts the cursor in the new event's message
    MainActions m_actions {};
};

} // namespace SentryUi
