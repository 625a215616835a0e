#include "interfacespage.h"

#include "composerfields.h"
#include "frameseditor.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

struct InterfaceField
{
    QString key;
    ValueKind kind = ValueKind::Text;
};

struct InterfaceSpec
{
    const char *title; // translated with QT_TRANSLATE_NOOP
    QString fullName; // core's Interfaces::all() knows its alias
    QList<InterfaceField> fields;
};

// The interfaces of spec section 6 that the form edits, and the members it shows of each.
const QList<InterfaceSpec> &interfaceSpecs()
{
    static const QList<InterfaceSpec> specs = {
        {QT_TRANSLATE_NOOP("SentryUi::InterfacesPage", "Message (sentry.interfaces.Message)"),
         u"sentry.interfaces.Message"_s,
         {{u"message"_s}, {u"params"_s, ValueKind::Json}}},
        {QT_TRANSLATE_NOOP("SentryUi::InterfacesPage",
                           "Request (request / sentry.interfaces.Http)"),
         u"sentry.interfaces.Http"_s,
         {{u"url"_s},
          {u"method"_s},
          {u"query_string"_s},
          {u"data"_s, ValueKind::Json},
          {u"cookies"_s, ValueKind::Json},
          {u"headers"_s, ValueKind::Json},
          {u"env"_s, ValueKind::Json}}},
        {QT_TRANSLATE_NOOP("SentryUi::InterfacesPage", "User (user / sentry.interfaces.User)"),
         u"sentry.interfaces.User"_s,
         {{u"id"_s}, {u"username"_s}, {u"email"_s}, {u"ip_address"_s}}},
        {QT_TRANSLATE_NOOP("SentryUi::InterfacesPage",
                           "Template (template / sentry.interfaces.Template)"),
         u"sentry.interfaces.Template"_s,
         {{u"filename"_s},
          {u"lineno"_s, ValueKind::Integer},
          {u"context_line"_s},
          {u"abs_path"_s},
          {u"pre_context"_s, ValueKind::Json},
          {u"post_context"_s, ValueKind::Json}}},
        {QT_TRANSLATE_NOOP("SentryUi::InterfacesPage", "Query (sentry.interfaces.Query)"),
         u"sentry.interfaces.Query"_s,
         {{u"query"_s}, {u"engine"_s}}},
    };
    return specs;
}

} // namespace

InterfacesPage::InterfacesPage(EventDocument *document, ComposerFields *fields, QWidget *parent)
    : ComposerPage(document, fields, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *stacktrace = new QGroupBox(tr("Stacktrace (stacktrace / sentry.interfaces.Stacktrace)"));
    auto *stacktraceLayout = new QVBoxLayout(stacktrace);
    m_stacktrace = new FramesEditor(document, u"stacktraceView"_s, EventPaths::stacktraceFrames());
    stacktraceLayout->addWidget(m_stacktrace);
    layout->addWidget(stacktrace);
    connect(m_stacktrace, &FramesEditor::edited, this, &ComposerPage::edited);
    for (const InterfaceSpec &spec : interfaceSpecs()) {
        auto *group = new QGroupBox(tr(spec.title));
        auto *form = new QFormLayout(group);
        for (const InterfaceField &field : spec.fields)
            form->addRow(field.key,
                         fields->add(spec.fullName + u'.' + field.key,
                                     EventPaths::interfaceMember(spec.fullName, field.key),
                                     field.kind));
        layout->addWidget(group);
    }
    layout->addStretch();
}

void InterfacesPage::refresh(const QJsonObject &event)
{
    m_stacktrace->refresh(event);
}

QWidget *InterfacesPage::reveal(const QJsonObject &event, const QString &pointer)
{
    return m_stacktrace->reveal(event, pointer);
}

} // namespace SentryUi
