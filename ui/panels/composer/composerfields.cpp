#include "composerfields.h"

#include "eventdocument.h"
#include "jsonpointer.h"

#include <QComboBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

QString fieldText(QWidget *widget)
{
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        return combo->currentText();
    return static_cast<QLineEdit *>(widget)->text();
}

void setFieldText(QWidget *widget, const QString &text)
{
    if (fieldText(widget) == text)
        return; // keeps the cursor where the user left it
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        combo->setEditText(text);
    else
        static_cast<QLineEdit *>(widget)->setText(text);
}

} // namespace

ComposerFields::ComposerFields(EventDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_commitTimer(new QTimer(this))
{
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setInterval(400);
    connect(m_commitTimer, &QTimer::timeout, this, &ComposerFields::commitPending);
}

QWidget *ComposerFields::add(const QString &name, EventPaths::Locator locator, ValueKind kind,
                             QWidget *widget)
{
    if (!widget)
        widget = new QLineEdit;
    const int index = int(m_fields.size());
    m_fields.append({widget, std::move(locator), kind, true});
    widget->setObjectName(name);
    auto *line = qobject_cast<QLineEdit *>(widget);
    if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        line = combo->lineEdit();
        connect(combo, &QComboBox::activated, this, [this, index] { commit(index); });
    }
    connect(line, &QLineEdit::textEdited, this, [this, index] { fieldEdited(index); });
    connect(line, &QLineEdit::editingFinished, this, &ComposerFields::commitPending);
    if (kind == ValueKind::Json)
        widget->setToolTip(
            tr("JSON: text that parses as JSON is stored as JSON, else as a string"));
    return widget;
}

void ComposerFields::keepWhenEmpty(QWidget *field)
{
    for (Field &f : m_fields) {
        if (f.widget == field)
            f.removeWhenEmpty = false;
    }
}

void ComposerFields::setText(QWidget *field, const QString &text)
{
    setFieldText(field, text);
    for (int i = 0; i < m_fields.size(); ++i) {
        if (m_fields.at(i).widget == field)
            commit(i);
    }
}

void ComposerFields::fieldEdited(int field)
{
    if (m_pending != -1 && m_pending != field)
        commitPending();
    m_pending = field;
    m_commitTimer->start();
}

void ComposerFields::commitPending()
{
    m_commitTimer->stop();
    const int field = std::exchange(m_pending, -1);
    if (field != -1)
        commit(field);
}

void ComposerFields::commit(int index)
{
    const std::optional<QJsonObject> event = m_document->object();
    if (!event)
        return;
    const Field &field = m_fields.at(index);
    QJsonValue value = valueFromText(fieldText(field.widget), field.kind);
    if (value.isUndefined() && !field.removeWhenEmpty)
        value = u""_s;
    Q_EMIT edited(field.pointer(*event), value);
}

void ComposerFields::refresh(const QJsonObject &event)
{
    for (int i = 0; i < m_fields.size(); ++i) {
        if (i == m_pending)
            continue; // the user is typing there
        const Field &field = m_fields.at(i);
        setFieldText(field.widget,
                     displayText(Sentry::JsonPointer::value(event, field.pointer(event))));
    }
}

QWidget *ComposerFields::fieldFor(const QJsonObject &event, const QString &pointer) const
{
    for (const Field &field : m_fields) {
        if (field.pointer(event) == pointer)
            return field.widget;
    }
    return nullptr;
}

QWidget *ComposerFields::nearestFor(const QJsonObject &event, const QString &pointer) const
{
    QWidget *firstChild = nullptr;
    for (const Field &field : m_fields) {
        const QString path = field.pointer(event);
        if (pointer.startsWith(path + u'/'))
            return field.widget;
        if (!firstChild && path.startsWith(pointer + u'/') && !pointer.isEmpty())
            firstChild = field.widget;
    }
    return firstChild;
}

} // namespace SentryUi
