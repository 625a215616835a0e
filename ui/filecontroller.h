#pragma once

// File handling for the main window: new from template, open, save, save as, recent files and the
// prompt before unsaved changes are lost. The dialogs are replaceable so tests can drive it.

#include <QMessageBox>
#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QMimeData;
class QWidget;

namespace SentryUi {

class EventDocument;
class Settings;
struct Sample;

class FileController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileController)

public:
    // Asked before unsaved changes are lost: Save, Discard or Cancel.
    using SavePrompt = std::function<QMessageBox::StandardButton(const QString &documentName)>;
    // Asked for a file name in `directory` (an existing folder); empty = cancelled.
    using FilePrompt = std::function<QString(bool forSaving, const QString &directory)>;

    FileController(EventDocument *document, Settings *settings, QWidget *window);
    ~FileController() override;

    void setSavePrompt(SavePrompt prompt) { m_savePrompt = std::move(prompt); }
    void setFilePrompt(FilePrompt prompt) { m_filePrompt = std::move(prompt); }

    bool newDocument(); // a fresh id, the current time and a message to type over
    bool newFromTemplate(const Sample &sample);
    bool open(); // asks for a file
    bool openFile(const QString &path); // after the unsaved-changes prompt
    // An event from elsewhere (a recorded exchange) as a new unsaved document in the same undo
    // stack: nothing is lost, Undo brings back the previous text. `origin` names it in messages.
    bool openDraft(const QByteArray &event, const QString &origin);
    bool save(); // Save As when untitled
    bool saveAs();
    bool saveTo(const QString &path);
    bool maybeSave(); // true when it is fine to drop the current text

    QString openDirectory() const; // where Open starts
    QString saveDirectory() const; // where Save As starts: always a writable folder

    static bool isEventFile(const QString &path); // a local .json file
    static bool isEventDrop(const QMimeData *mime); // exactly one event file: what drops accept

    // "New from Template" (the sample corpus) and "Open Recent" (kept up to date).
    QMenu *createTemplateMenu(QWidget *parent);
    QMenu *createRecentMenu(QWidget *parent);

Q_SIGNALS:
    void statusMessage(const QString &message);
    void failed(const QString &message); // a file could not be read or written
    void recentFilesChanged();

private:
    bool load(const QString &path);
    void remember(const QString &path);
    void fillRecentMenu(QMenu *menu);
    QMessageBox::StandardButton askToSave(const QString &name) const;
    QString askForFile(bool forSaving, const QString &directory) const;

    EventDocument *m_document = nullptr;
    Settings *m_settings = nullptr;
    QWidget *m_window = nullptr;
    SavePrompt m_savePrompt;
    FilePrompt m_filePrompt;
};

} // namespace SentryUi
