#pragma once

// The composer's line edits and combo boxes, each bound to the JSON pointer its locator finds in
// the current event: refresh() shows the values, and typing is written back as one value once the
// typing pauses, the field loses focus or another field is edited (edited()).

#include "eventpaths.h"
#include "fieldtext.h"

#include <QList>
#include <QObject>

class QJsonValue;
class QTimer;
class QWidget;

namespace SentryUi {

class EventDocument;

class ComposerFields final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerFields)

public:
    explicit ComposerFields(EventDocument *document, QObject *parent = nullptr);

    // Binds `widget` (a QLineEdit or an editable QComboBox; a new QLineEdit when null), named
    // `name`, to the value `locator` finds. Emptying it removes the key unless keepWhenEmpty().
    QWidget *add(const QString &name, EventPaths::Locator locator, ValueKind kind = ValueKind::Text,
                 QWidget *widget = nullptr);
    void keepWhenEmpty(QWidget *field); // written as "" instead (a member that must be present)
    void setText(QWidget *field, const QString &text); // as if typed, and written at once

    void refresh(const QJsonObject &event); // every field but the one being typed in
    void commitPending();
    QWidget *fieldFor(const QJsonObject &event, const QString &pointer) const;
    // The field holding `pointer` ("/request/headers/Host"), else the first inside it ("/user").
    QWidget *nearestFor(const QJsonObject &event, const QString &pointer) const;

Q_SIGNALS:
    void edited(const QString &pointer, const QJsonValue &value);

private:
    struct Field
    {
        QWidget *widget = nullptr;
        EventPaths::Locator pointer;
        ValueKind kind = ValueKind::Text;
        bool removeWhenEmpty = true;
    };

    void fieldEdited(int field);
    void commit(int field);

    EventDocument *m_document = nullptr;
    QTimer *m_commitTimer = nullptr;
    QList<Field> m_fields;
    int m_pending = -1;
};

} // namespace SentryUi
