#include "exceptionpage.h"

#include "composerfields.h"
#include "eventdocument.h"
#include "eventshapes.h"
#include "frameseditor.h"
#include "jsonpointer.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using Sentry::EventShapes::ExceptionShape;

namespace SentryUi {

ExceptionPage::ExceptionPage(EventDocument *document, ComposerFields *fields, QWidget *parent)
    : ComposerPage(document, fields, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *selectorRow = new QHBoxLayout;
    m_selector = new QComboBox;
    m_selector->setObjectName(u"exceptionSelector"_s);
    auto *add = ComposerWidgets::toolButton(u"add"_s, tr("Add an exception value"));
    add->setObjectName(u"addException"_s);
    auto *remove = ComposerWidgets::toolButton(u"remove"_s, tr("Remove this exception value"));
    selectorRow->addWidget(new QLabel(tr("Exception")));
    selectorRow->addWidget(m_selector, 1);
    selectorRow->addWidget(add);
    selectorRow->addWidget(remove);
    layout->addLayout(selectorRow);

    auto *form = new QFormLayout;
    const auto selected = [this] {
        return m_index;
    };
    for (const QString &key : {u"type"_s, u"value"_s, u"module"_s}) {
        QWidget *field = fields->add(key, EventPaths::exceptionMember(selected, key));
        if (key == "value"_L1)
            fields->keepWhenEmpty(field); // "value" must be present (may be "")
        form->addRow(key, field);
    }
    layout->addLayout(form);
    m_frames = new FramesEditor(document, u"framesView"_s, EventPaths::exceptionFrames(selected));
    layout->addWidget(m_frames, 1);

    connect(m_frames, &FramesEditor::edited, this, &ComposerPage::edited);
    connect(m_selector, &QComboBox::activated, this, [this](int index) {
        m_index = index;
        Q_EMIT selectionChanged();
    });
    connect(add, &QToolButton::clicked, this, &ExceptionPage::addException);
    connect(remove, &QToolButton::clicked, this, &ExceptionPage::removeException);
}

void ExceptionPage::refresh(const QJsonObject &event)
{
    const Sentry::EventShapes::Exceptions exceptions = Sentry::EventShapes::exceptions(event);
    m_index = qBound(0, m_index, qMax(0, exceptions.count - 1));
    m_selector->clear();
    for (int i = 0; i < exceptions.count; ++i) {
        const QString type
            = displayText(Sentry::JsonPointer::value(event, exceptions.pointer(i) + u"/type"_s));
        m_selector->addItem(tr("%1: %2").arg(i + 1).arg(type.isEmpty() ? tr("(no type)") : type));
    }
    m_selector->setCurrentIndex(exceptions.count > 0 ? m_index : -1);
    m_frames->refresh(event);
}

QWidget *ExceptionPage::reveal(const QJsonObject &event, const QString &pointer)
{
    const Sentry::EventShapes::Exceptions exceptions = Sentry::EventShapes::exceptions(event);
    int index = 0;
    QString rest;
    if (!exceptions.split(pointer, &index, &rest) || index >= exceptions.count)
        return nullptr;
    m_index = index;
    Q_EMIT selectionChanged();
    if (QWidget *field = fields()->fieldFor(event, pointer))
        return field;
    if (QWidget *frame = m_frames->reveal(event, pointer))
        return frame;
    return rest.isEmpty() ? m_selector : nullptr;
}

void ExceptionPage::addException()
{
    fields()->commitPending();
    const auto event = document()->object();
    if (!event)
        return;
    const Sentry::EventShapes::Exceptions exceptions = Sentry::EventShapes::exceptions(*event);
    const QJsonObject fresh {{u"type"_s, u"Error"_s}, {u"value"_s, u""_s}};
    m_index = exceptions.count;
    if (exceptions.shape == ExceptionShape::Single) // v3's one object becomes v4's list
        Q_EMIT edited(exceptions.listPointer, QJsonArray {event->value(exceptions.key), fresh});
    else if (exceptions.count == 0)
        Q_EMIT edited(exceptions.listPointer, QJsonArray {fresh});
    else
        Q_EMIT edited(exceptions.pointer(exceptions.count), fresh);
}

void ExceptionPage::removeException()
{
    fields()->commitPending();
    const auto event = document()->object();
    if (!event)
        return;
    const Sentry::EventShapes::Exceptions exceptions = Sentry::EventShapes::exceptions(*event);
    if (exceptions.count == 0)
        return;
    if (exceptions.count == 1)
        Q_EMIT edited(u'/' + Sentry::JsonPointer::escape(exceptions.key), QJsonValue::Undefined);
    else
        Q_EMIT edited(exceptions.pointer(m_index), QJsonValue::Undefined);
}

} // namespace SentryUi
