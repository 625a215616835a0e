#include "filecontroller.h"

#include "bodycodec.h"
#include "event.h"
#include "eventdocument.h"
#include "finding.h"
#include "icons.h"
#include "jsontext.h"
#include "samplecatalog.h"
#include "settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

// A new event has what protocol v4 requires, so it starts without findings: a fresh id, the
// current time, and a message the form selects for the user to type over.
QString newEventText()
{
    const Sentry::Event event = Sentry::Event::message(
        FileController::tr("Test event from Sentry Harness"), Sentry::Level::Error);
    return QString::fromUtf8(event.toJson(true));
}

bool isWritableDirectory(const QString &path)
{
    const QFileInfo info(path);
    return !path.isEmpty() && info.isDir() && info.isWritable();
}

// The corpus is never a place to save to, even where it happens to be writable (a source tree).
bool isInside(const QString &directory, const QString &folder)
{
    if (folder.isEmpty())
        return false;
    const QString path = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    return path == folder || path.startsWith(folder + u'/');
}

QString firstExisting(const QStringList &directories)
{
    for (const QString &directory : directories) {
        if (!directory.isEmpty() && QFileInfo(directory).isDir())
            return directory;
    }
    return QDir::homePath();
}

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

FileController::FileController(EventDocument *document, Settings *settings, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_settings(settings)
    , m_window(window)
{
}

FileController::~FileController() = default;

bool FileController::newDocument()
{
    if (!maybeSave())
        return false;
    m_document->reset(newEventText());
    Q_EMIT statusMessage(tr("New event"));
    return true;
}

bool FileController::newFromTemplate(const Sample &sample)
{
    if (!maybeSave())
        return false;
    QString error;
    const QString text = SampleCatalog::read(sample, &error);
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return false;
    }
    m_document->reset(text);
    Q_EMIT statusMessage(tr("New event from the template \"%1\"").arg(sample.title));
    return true;
}

bool FileController::open()
{
    if (!maybeSave())
        return false;
    const QString path = askForFile(false, openDirectory());
    return !path.isEmpty() && load(path);
}

bool FileController::openFile(const QString &path)
{
    return maybeSave() && load(path);
}

bool FileController::load(const QString &path)
{
    QString error;
    if (!m_document->load(path, &error)) {
        Q_EMIT failed(error);
        return false;
    }
    remember(path);
    const QString shownPath = QDir::toNativeSeparators(m_document->filePath());
    const Sentry::EventInput input = Sentry::BodyCodec::readEvent(m_document->json());
    if (input.isRefused()) {
        // Kept as read, so nothing is lost; the form stays read-only until it is JSON.
        Q_EMIT failed(tr("%1 is not an event the server could read: %2").arg(shownPath, input.refusal));
    } else if (input.form != Sentry::BodyForm::Json) {
        // Opened untitled, so Save never overwrites the body as sent with its JSON.
        m_document->reset(QString::fromUtf8(input.json));
        Q_EMIT statusMessage(tr("Opened %1: a %2 body as sent, decoded to its JSON (Save writes "
                                "the JSON to a new file)")
                                 .arg(shownPath, Sentry::formDescription(input.form)));
        return true;
    }
    Q_EMIT statusMessage(tr("Opened %1 (%2)").arg(shownPath, Sentry::formDescription(input.form)));
    return true;
}

bool FileController::openDraft(const QByteArray &event, const QString &origin)
{
    const Sentry::EventInput input = Sentry::BodyCodec::readEvent(event);
    if (input.isRefused()) {
        Q_EMIT failed(tr("%1 has no event the server could read: %2").arg(origin, input.refusal));
        return false;
    }
    const QString text = QString::fromUtf8(input.json);
    m_document->openDraft(Sentry::JsonText::format(text).value_or(text));
    Q_EMIT statusMessage(tr("Reopened %1 as a new unsaved event (Undo brings back the previous "
                            "one)").arg(origin));
    return true;
}

bool FileController::save()
{
    return m_document->filePath().isEmpty() ? saveAs() : saveTo(m_document->filePath());
}

bool FileController::saveAs()
{
    const QString path = askForFile(true, saveDirectory());
    return !path.isEmpty() && saveTo(path);
}

// The folder last opened from (it exists), else the sample corpus, else Documents or home: never
// a folder that does not exist, which the dialog would take as a file name.
QString FileController::openDirectory() const
{
    return firstExisting({m_settings->lastDirectory, SampleCatalog::folder(), documentsFolder()});
}

// Save As offers only a folder the user can write to: the event's own, the last one saved to,
// the last one used, else Documents or home (the read-only sample folder never).
QString FileController::saveDirectory() const
{
    const QString own = m_document->filePath().isEmpty()
                            ? QString()
                            : QFileInfo(m_document->filePath()).absolutePath();
    const QString samples = SampleCatalog::folder();
    for (const QString &directory : {own, m_settings->saveDirectory, m_settings->lastDirectory}) {
        if (isWritableDirectory(directory) && !isInside(directory, samples))
            return directory;
    }
    return firstExisting({documentsFolder()});
}

bool FileController::saveTo(const QString &path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        Q_EMIT failed(error);
        return false;
    }
    remember(path);
    m_settings->saveDirectory = QFileInfo(path).absolutePath();
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())));
    return true;
}

bool FileController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (askToSave(m_document->displayName())) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool FileController::isEventFile(const QString &path)
{
    const QFileInfo info(path);
    // .json, or a body as sent saved from a proxy or a capture (base64, base64+zlib).
    static const QStringList suffixes = {u"json"_s, u"b64"_s, u"base64"_s, u"body"_s};
    return info.isFile() && suffixes.contains(info.suffix().toLower());
}

bool FileController::isEventDrop(const QMimeData *mime)
{
    const QList<QUrl> urls = mime->urls();
    return urls.size() == 1 && isEventFile(urls.first().toLocalFile());
}

QMenu *FileController::createTemplateMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("New from &Template"), parent);
    menu->setIcon(Icons::icon(u"template"_s));
    menu->setToolTipsVisible(true);
    const QList<Sample> samples = SampleCatalog::load();
    for (const Sample &sample : samples) {
        QAction *action = menu->addAction(sample.title);
        action->setToolTip(sample.description);
        action->setStatusTip(sample.description);
        // The mark tells at a glance which samples a v4 server refuses or repairs.
        action->setIcon(sample.validV4 ? Icons::ok() : Icons::severity(Sentry::Severity::Warning));
        connect(action, &QAction::triggered, this, [this, sample] { newFromTemplate(sample); });
    }
    menu->setEnabled(!samples.isEmpty());
    return menu;
}

QMenu *FileController::createRecentMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("Open &Recent"), parent);
    menu->setIcon(Icons::icon(u"recent"_s));
    fillRecentMenu(menu);
    connect(this, &FileController::recentFilesChanged, menu,
            [this, menu] { fillRecentMenu(menu); });
    return menu;
}

void FileController::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    for (const QString &path : std::as_const(m_settings->recentFiles)) {
        QAction *action = menu->addAction(QFileInfo(path).fileName());
        action->setStatusTip(path);
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    menu->setEnabled(!m_settings->recentFiles.isEmpty());
}

void FileController::remember(const QString &path)
{
    const QFileInfo info(path);
    m_settings->addRecentFile(info.absoluteFilePath());
    m_settings->lastDirectory = info.absolutePath();
    Q_EMIT recentFilesChanged();
}

QMessageBox::StandardButton FileController::askToSave(const QString &name) const
{
    if (m_savePrompt)
        return m_savePrompt(name);
    return QMessageBox::warning(m_window, tr("Unsaved changes"),
                                tr("%1 has changes that are not saved. Save them first?").arg(name),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                QMessageBox::Save);
}

QString FileController::askForFile(bool forSaving, const QString &directory) const
{
    if (m_filePrompt)
        return m_filePrompt(forSaving, directory);
    const QString filter = forSaving ? tr("Events (*.json);;All files (*)")
                                     : tr("Events and bodies as sent (*.json *.b64 *.base64 *.body);;"
                                          "All files (*)");
    return forSaving ? QFileDialog::getSaveFileName(m_window, tr("Save Event"), directory, filter)
                     : QFileDialog::getOpenFileName(m_window, tr("Open Event"), directory, filter);
}

} // namespace SentryUi
