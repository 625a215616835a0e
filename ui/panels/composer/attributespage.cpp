#include "attributespage.h"

#include "composerfields.h"
#include "event.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
QString key(const char16_t *name)
{
    return QString::fromUtf16(name);
}
} // namespace

AttributesPage::AttributesPage(EventDocument *document, ComposerFields *fields, QWidget *parent)
    : ComposerPage(document, fields, parent)
{
    using namespace Sentry::EventKey;
    auto *form = new QFormLayout(this);
    const auto add = [fields](const QString &name) {
        return fields->add(name, EventPaths::topLevel(name));
    };
    form->addRow(key(EventId),
                 withButton(add(key(EventId)), tr("New id"), tr("A fresh uuid4 hex id"),
                            [] { return Sentry::Event::newEventId(); }));
    form->addRow(key(Message), add(key(Message)));
    form->addRow(key(Timestamp),
                 withButton(add(key(Timestamp)), tr("Now"), tr("The current UTC time"), [] {
                     return Sentry::Event::formatTimestamp(QDateTime::currentDateTimeUtc());
                 }));
    auto *level = new QComboBox;
    level->setEditable(true);
    for (auto l : {Sentry::Level::Debug, Sentry::Level::Info, Sentry::Level::Warning,
                   Sentry::Level::Error, Sentry::Level::Fatal})
        level->addItem(Sentry::levelName(l));
    form->addRow(key(Level), fields->add(key(Level), EventPaths::topLevel(key(Level)),
                                         ValueKind::Integer, level));
    for (const char16_t *name : {Logger, Platform, Culprit, ServerName})
        form->addRow(key(name), add(key(name)));
    auto *hint = new QLabel(tr("Form edits rewrite the JSON indented with keys sorted (QJsonObject "
                               "order); keys the form does not show are kept. Each edit is one "
                               "undo step."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);
}

QLayout *AttributesPage::withButton(QWidget *field, const QString &label, const QString &toolTip,
                                    std::function<QString()> value)
{
    auto *row = new QHBoxLayout;
    auto *button = new QPushButton(label);
    button->setToolTip(toolTip);
    row->addWidget(field, 1);
    row->addWidget(button);
    connect(button, &QPushButton::clicked, this,
            [this, field, value = std::move(value)] { fields()->setText(field, value()); });
    return row;
}

} // namespace SentryUi
