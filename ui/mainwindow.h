#pragma once

// The workbench window: composes the target, composer, validation, request preview and response
// panels in docks around the composer and wires them together. File handling lives in
// FileController, the palettes in Theme.

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QNetworkAccessManager;

namespace Sentry {
class History;
struct ValidationResult;
}

namespace SentryUi {

class EventDocument;
class FileController;
class Settings;
class TargetPanel;
class ComposerPanel;
class ValidationPanel;
class RequestPreviewPanel;
class ResponsePanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(Settings *settings, QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~MainWindow() override;

    EventDocument *document() const { return m_document; }
    FileController *files() const { return m_files; }
    TargetPanel *targetPanel() const { return m_target; }
    ComposerPanel *composerPanel() const { return m_composer; }
    ValidationPanel *validationPanel() const { return m_validation; }
    RequestPreviewPanel *requestPreviewPanel() const { return m_preview; }
    ResponsePanel *responsePanel() const { return m_response; }

    bool openFile(const QString &path); // asks about unsaved changes first
    void send(); // builds the request from the preview and sends it
    void formatJson(); // re-indents, keeping key order
    void minifyJson();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setupPanels(QNetworkAccessManager *network);
    void openHistory();
    void setupActions();
    void setupMenus();
    void setupToolBar();
    void setupLayout();
    void connectPanels();
    QDockWidget *addDock(QWidget *panel, const QString &title, const QString &name,
                         Qt::DockWidgetArea area);
    void updateTitle();
    void restoreWindow();
    void showError(const QString &message);
    void showValidity(const Sentry::ValidationResult &result);
    void rewriteJson(bool minify);

    Settings *m_settings = nullptr;
    EventDocument *m_document = nullptr;
    FileController *m_files = nullptr;
    TargetPanel *m_target = nullptr;
    ComposerPanel *m_composer = nullptr;
    ValidationPanel *m_validation = nullptr;
    RequestPreviewPanel *m_preview = nullptr;
    ResponsePanel *m_response = nullptr;
    std::unique_ptr<Sentry::History> m_history; // the CLI's too: each send is recorded there
    QList<QDockWidget *> m_docks;
    QLabel *m_validity = nullptr;

    struct Actions
    {
        QAction *newEvent, *open, *save, *saveAs, *quit;
        QAction *undo, *redo, *format, *minify;
        QAction *send, *cancel, *about, *aboutQt;
    } m_actions {};
};

} // namespace SentryUi
