#pragma once

// The event being edited: its JSON text is the single source of truth. The JSON editor shows the
// QTextDocument directly and the form writes through setObject(), so both share one undo stack and
// keys the form does not know are never lost.

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QTextDocument;

namespace SentryUi {

class EventDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventDocument)

public:
    explicit EventDocument(QObject *parent = nullptr);
    ~EventDocument() override;

    QTextDocument *textDocument() const;

    QString text() const;
    QByteArray json() const; // UTF-8 text, exactly as it will be sent
    // Parsed object; nullopt while the text is not a JSON object. Cached until the text changes.
    std::optional<QJsonObject> object() const;

    // Replaces the whole text as ONE undoable step (used by the form, format and minify).
    void setText(const QString &text);
    void setObject(const QJsonObject &object); // indented JSON, one undoable step

    QString filePath() const;
    QString displayName() const; // file name, or "Untitled"
    bool isModified() const;
    void setModified(bool modified);

    // New document from text (template or empty): clears the file path and the undo history.
    void reset(const QString &text, const QString &filePath = {});
    // Replaces the text as ONE undoable step and makes the document untitled, so Save never
    // overwrites the file the previous text came from and Undo brings that text back.
    void openDraft(const QString &text);
    bool load(const QString &path, QString *error);  // refuses files over 16 MB with a message
    bool save(const QString &path, QString *error);  // atomic (QSaveFile); sets filePath

Q_SIGNALS:
    void contentsChanged();           // any change of text (typing, undo, setText, load)
    void filePathChanged(const QString &path);
    void modificationChanged(bool modified);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace SentryUi
