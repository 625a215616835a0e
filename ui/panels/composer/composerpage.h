#pragma once

// One tab of the composer's form. A page shows part of the event, reports each edit as one value
// to write at one JSON pointer (the panel writes it, one undo step), and can point at the widget
// that shows a given pointer. Its bound line edits live in the shared ComposerFields.

#include "eventpaths.h"

#include <QJsonValue>
#include <QWidget>

class QAbstractItemView;
class QToolButton;

namespace SentryUi {

class ComposerFields;
class EventDocument;

class ComposerPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerPage)

public:
    ComposerPage(EventDocument *document, ComposerFields *fields, QWidget *parent = nullptr);

    // Shows what the page holds beyond its bound fields (ComposerFields refreshes those).
    virtual void refresh(const QJsonObject &event) { Q_UNUSED(event); }
    // The widget that shows `pointer` (the table cell selected), or nullptr when the page has none.
    virtual QWidget *reveal(const QJsonObject &event, const QString &pointer)
    {
        Q_UNUSED(event);
        Q_UNUSED(pointer);
        return nullptr;
    }

Q_SIGNALS:
    void edited(const QString &pointer, const QJsonValue &value); // Undefined: remove it

protected:
    EventDocument *document() const { return m_document; }
    ComposerFields *fields() const { return m_fields; }

private:
    EventDocument *m_document = nullptr;
    ComposerFields *m_fields = nullptr;
};

namespace ComposerWidgets {
QToolButton *toolButton(const QString &icon, const QString &toolTip);
void removeOnDelete(QAbstractItemView *view,
                    QToolButton *remove); // Delete does what the button does
} // namespace ComposerWidgets

} // namespace SentryUi
