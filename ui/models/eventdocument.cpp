#include "eventdocument.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringDecoder>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
constexpr qint64 MaxFileSize = 16 * 1024 * 1024;
}

class EventDocument::Private
{
public:
    QTextDocument *text = nullptr;
    QString filePath;
    // Parsing a large event costs milliseconds, and every panel asks after each keystroke.
    mutable bool objectCached = false;
    mutable std::optional<QJsonObject> object;
};

EventDocument::EventDocument(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->text = new QTextDocument(this);
    d->text->setUndoRedoEnabled(true);
    connect(d->text, &QTextDocument::contentsChanged, this, [this] {
        d->objectCached = false;
        Q_EMIT contentsChanged();
    });
    connect(d->text, &QTextDocument::modificationChanged, this,
            &EventDocument::modificationChanged);
}

EventDocument::~EventDocument() = default;

QTextDocument *EventDocument::textDocument() const
{
    return d->text;
}

QString EventDocument::text() const
{
    // toPlainText() would turn no-break spaces into spaces and so change string values; the raw
    // text only needs its paragraph separators turned back into newlines.
    QString raw = d->text->toRawText();
    raw.replace(QChar::ParagraphSeparator, u'\n');
    return raw;
}

QByteArray EventDocument::json() const
{
    return text().toUtf8();
}

std::optional<QJsonObject> EventDocument::object() const
{
    if (!d->objectCached) {
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(json(), &error);
        d->object = error.error == QJsonParseError::NoError && parsed.isObject()
                        ? std::optional<QJsonObject>(parsed.object())
                        : std::nullopt;
        d->objectCached = true;
    }
    return d->object;
}

void EventDocument::setText(const QString &text)
{
    if (text == this->text())
        return;
    QTextCursor cursor(d->text);
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    // QTextDocument merges the next typed character into this block's last insertion, so one
    // undo() would take the typing and this whole text away. A format change that changes
    // nothing ends the block with a step that does not merge.
    cursor.select(QTextCursor::Document);
    cursor.mergeCharFormat(QTextCharFormat());
    cursor.endEditBlock();
}

void EventDocument::setObject(const QJsonObject &object)
{
    setText(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

QString EventDocument::filePath() const
{
    return d->filePath;
}

QString EventDocument::displayName() const
{
    return d->filePath.isEmpty() ? tr("Untitled") : QFileInfo(d->filePath).fileName();
}

bool EventDocument::isModified() const
{
    return d->text->isModified();
}

void EventDocument::setModified(bool modified)
{
    d->text->setModified(modified);
}

void EventDocument::reset(const QString &text, const QString &filePath)
{
    d->text->setPlainText(text); // also clears the undo history
    d->text->setModified(false);
    if (filePath != d->filePath) {
        d->filePath = filePath;
        Q_EMIT filePathChanged(filePath);
    }
}

void EventDocument::openDraft(const QString &text)
{
    setText(text);
    if (!d->filePath.isEmpty()) {
        d->filePath.clear();
        Q_EMIT filePathChanged(d->filePath);
    }
}

bool EventDocument::load(const QString &path, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open %1: %2").arg(path, file.errorString()));
    if (file.size() > MaxFileSize)
        return fail(tr("%1 is %2 MB; the harness opens events up to 16 MB (the v4 server refused "
                       "anything over 1 MB anyway).")
                        .arg(path)
                        .arg(double(file.size()) / (1024 * 1024), 0, 'f', 1));
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return fail(tr("%1 is not UTF-8 text; events are JSON in UTF-8. Convert it first, for "
                       "example with iconv.")
                        .arg(path));
    reset(text, QFileInfo(path).absoluteFilePath());
    return true;
}

bool EventDocument::save(const QString &path, QString *error)
{
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(json()) >= 0 && file.commit();
    if (!ok) {
        if (error)
            *error = tr("Cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != d->filePath) {
        d->filePath = absolute;
        Q_EMIT filePathChanged(absolute);
    }
    setModified(false);
    return true;
}

} // namespace SentryUi
