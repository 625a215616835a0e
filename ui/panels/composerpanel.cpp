#include "composerpanel.h"

#include "event.h"
#include "eventdocument.h"
#include "eventpaths.h"
#include "framesmodel.h"
#include "icons.h"
#include "jsoneditor.h"
#include "jsonpointer.h"
#include "jsontext.h"
#include "keyvaluemodel.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using Sentry::JsonPointer;

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
    QString alias;
    QString fullName;
    QList<InterfaceField> fields;
};

// The interfaces of spec section 6 that the form edits; one row per interface.
const QList<InterfaceSpec> &interfaceSpecs()
{
    static const QList<InterfaceSpec> specs = {
        {QT_TRANSLATE_NOOP("SentryUi::ComposerPanel", "Message (sentry.interfaces.Message)"),
         {},
         u"sentry.interfaces.Message"_s,
         {{u"message"_s}, {u"params"_s, ValueKind::Json}}},
        {QT_TRANSLATE_NOOP("SentryUi::ComposerPanel", "Request (request / sentry.interfaces.Http)"),
         u"request"_s,
         u"sentry.interfaces.Http"_s,
         {{u"url"_s},
          {u"method"_s},
          {u"query_string"_s},
          {u"data"_s, ValueKind::Json},
          {u"cookies"_s, ValueKind::Json},
          {u"headers"_s, ValueKind::Json},
          {u"env"_s, ValueKind::Json}}},
        {QT_TRANSLATE_NOOP("SentryUi::ComposerPanel", "User (user / sentry.interfaces.User)"),
         u"user"_s,
         u"sentry.interfaces.User"_s,
         {{u"id"_s}, {u"username"_s}, {u"email"_s}, {u"ip_address"_s}}},
        {QT_TRANSLATE_NOOP("SentryUi::ComposerPanel",
                           "Template (template / sentry.interfaces.Template)"),
         u"template"_s,
         u"sentry.interfaces.Template"_s,
         {{u"filename"_s},
          {u"lineno"_s, ValueKind::Integer},
          {u"context_line"_s},
          {u"abs_path"_s},
          {u"pre_context"_s, ValueKind::Json},
          {u"post_context"_s, ValueKind::Json}}},
        {QT_TRANSLATE_NOOP("SentryUi::ComposerPanel", "Query (sentry.interfaces.Query)"),
         {},
         u"sentry.interfaces.Query"_s,
         {{u"query"_s}, {u"engine"_s}}},
    };
    return specs;
}

std::function<QString(const QJsonObject &)> topLevel(const QString &key)
{
    return [key](const QJsonObject &) -> QString {
        return u'/' + JsonPointer::escape(key);
    };
}

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

QScrollArea *scrolling(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QToolButton *toolButton(const QString &icon, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setIcon(Icons::icon(icon));
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

// Delete in a table does what its remove button does.
void removeOnDelete(QAbstractItemView *view, QToolButton *remove)
{
    auto *action = new QAction(view);
    action->setShortcut(QKeySequence::Delete);
    action->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(action);
    QObject::connect(action, &QAction::triggered, remove, &QToolButton::click);
}

} // namespace

ComposerPanel::ComposerPanel(EventDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(100);
    m_commitTimer = new QTimer(this);
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setInterval(400);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildForm());
    splitter->addWidget(buildEditor());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({440, 560});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_document, &EventDocument::contentsChanged, this, [this] {
        if (!m_writing)
            m_refreshTimer->start();
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &ComposerPanel::refreshForm);
    connect(m_commitTimer, &QTimer::timeout, this, &ComposerPanel::commitPendingEdit);
    refreshForm();
}

ComposerPanel::~ComposerPanel()
{
    // A focused line edit emits editingFinished while QWidget's destructor deletes it, after this
    // class's members are gone: commit the pending edit now (it is the user's) and cut them off.
    commitPendingEdit();
    const QList<QLineEdit *> edits = findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits)
        disconnect(edit, nullptr, this, nullptr);
}

QWidget *ComposerPanel::buildForm()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_brokenNote = new QLabel;
    m_brokenNote->setWordWrap(true);
    m_brokenNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_brokenNote->setMargin(6);
    m_brokenNote->setAutoFillBackground(true);
    m_brokenNote->setBackgroundRole(QPalette::ToolTipBase);
    m_brokenNote->setForegroundRole(QPalette::ToolTipText);
    m_brokenNote->hide();
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scrolling(buildAttributesPage()), tr("Attributes"));
    m_tabs->addTab(buildExceptionPage(), tr("Exception"));
    m_tabs->addTab(scrolling(buildInterfacesPage()), tr("Interfaces"));
    m_tabs->addTab(buildTablesPage(), tr("Tags && extra"));
    m_tabs->setTabToolTip(3, tr("Tags, extra and modules"));
    box->setMinimumWidth(360);
    layout->addWidget(m_brokenNote);
    layout->addWidget(m_tabs, 1);
    return box;
}

QWidget *ComposerPanel::buildEditor()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_editor = new JsonEditor(m_document);
    auto *bar = new QHBoxLayout;
    auto *format = toolButton(u"format"_s, tr("Format: indent the JSON, keeping the key order"));
    auto *minify = toolButton(u"minify"_s, tr("Minify: remove all whitespace outside strings"));
    bar->addWidget(new QLabel(tr("JSON")));
    bar->addStretch();
    bar->addWidget(format);
    bar->addWidget(minify);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    const auto report = [this](bool ok, const QString &error) {
        if (!ok)
            Q_EMIT statusMessage(error);
    };
    connect(format, &QToolButton::clicked, this, [this, report] {
        QString error;
        report(m_editor->format(&error), error);
    });
    connect(minify, &QToolButton::clicked, this, [this, report] {
        QString error;
        report(m_editor->minify(&error), error);
    });
    return box;
}

QWidget *ComposerPanel::addField(const QString &key,
                                 std::function<QString(const QJsonObject &)> pointer,
                                 ValueKind kind, QWidget *widget)
{
    if (!widget)
        widget = new QLineEdit;
    const int index = int(m_fields.size());
    m_fields.append({widget, std::move(pointer), kind, true});
    widget->setObjectName(key);
    auto *line = qobject_cast<QLineEdit *>(widget);
    if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        line = combo->lineEdit();
        connect(combo, &QComboBox::activated, this, [this, index] { commitField(index); });
    }
    connect(line, &QLineEdit::textEdited, this, [this, index] { fieldEdited(index); });
    connect(line, &QLineEdit::editingFinished, this, &ComposerPanel::commitPendingEdit);
    if (kind == ValueKind::Json)
        widget->setToolTip(
            tr("JSON: text that parses as JSON is stored as JSON, else as a string"));
    return widget;
}

QWidget *ComposerPanel::buildAttributesPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    const auto withButton = [this](QWidget *field, const QString &label, const QString &toolTip,
                                   std::function<QString()> value) {
        auto *row = new QHBoxLayout;
        auto *button = new QPushButton(label);
        button->setToolTip(toolTip);
        row->addWidget(field, 1);
        row->addWidget(button);
        connect(button, &QPushButton::clicked, this,
                [this, field, value] { setFromButton(field, value()); });
        return row;
    };
    QWidget *eventId = addField(u"event_id"_s, topLevel(u"event_id"_s));
    form->addRow(u"event_id"_s, withButton(eventId, tr("New id"), tr("A fresh uuid4 hex id"),
                                           [] { return Sentry::Event::newEventId(); }));
    form->addRow(u"message"_s, addField(u"message"_s, topLevel(u"message"_s)));
    QWidget *timestamp = addField(u"timestamp"_s, topLevel(u"timestamp"_s));
    form->addRow(u"timestamp"_s, withButton(timestamp, tr("Now"), tr("The current UTC time"), [] {
                     return Sentry::Event::formatTimestamp(QDateTime::currentDateTimeUtc());
                 }));
    auto *level = new QComboBox;
    level->setEditable(true);
    for (auto l : {Sentry::Level::Debug, Sentry::Level::Info, Sentry::Level::Warning,
                   Sentry::Level::Error, Sentry::Level::Fatal})
        level->addItem(Sentry::levelName(l));
    form->addRow(u"level"_s, addField(u"level"_s, topLevel(u"level"_s), ValueKind::Integer, level));
    for (const QString &key : {u"logger"_s, u"platform"_s, u"culprit"_s, u"server_name"_s})
        form->addRow(key, addField(key, topLevel(key)));
    auto *hint = new QLabel(tr("Form edits rewrite the JSON indented with keys sorted (QJsonObject "
                               "order); keys the form does not show are kept. Each edit is one "
                               "undo step."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);
    return page;
}

QWidget *ComposerPanel::buildExceptionPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *selectorRow = new QHBoxLayout;
    m_exceptionSelector = new QComboBox;
    m_exceptionSelector->setObjectName(u"exceptionSelector"_s);
    auto *add = toolButton(u"add"_s, tr("Add an exception value"));
    add->setObjectName(u"addException"_s);
    auto *remove = toolButton(u"remove"_s, tr("Remove this exception value"));
    selectorRow->addWidget(new QLabel(tr("Exception")));
    selectorRow->addWidget(m_exceptionSelector, 1);
    selectorRow->addWidget(add);
    selectorRow->addWidget(remove);
    layout->addLayout(selectorRow);

    auto *form = new QFormLayout;
    for (const QString &key : {u"type"_s, u"value"_s, u"module"_s}) {
        form->addRow(key, addField(key, [this, key](const QJsonObject &event) -> QString {
                         return EventPaths::exceptionPointer(EventPaths::exceptions(event),
                                                             m_exceptionIndex)
                                + u'/' + key;
                     }));
    }
    m_fields[m_fields.size() - 2].removeWhenEmpty = false; // "value" must be present (may be "")
    layout->addLayout(form);

    layout->addWidget(buildFramesTable(u"framesView"_s,
                                       [this](const QJsonObject &event) -> QString {
                                           const EventPaths::Exceptions exceptions
                                               = EventPaths::exceptions(event);
                                           if (exceptions.count == 0)
                                               return {};
                                           return EventPaths::exceptionPointer(exceptions,
                                                                               m_exceptionIndex)
                                                  + u"/stacktrace/frames"_s;
                                       }),
                      1);

    connect(m_exceptionSelector, &QComboBox::activated, this, [this](int index) {
        m_exceptionIndex = index;
        refreshForm();
    });
    connect(add, &QToolButton::clicked, this, &ComposerPanel::addException);
    connect(remove, &QToolButton::clicked, this, &ComposerPanel::removeException);
    return page;
}

// A frames table bound to the frames array at pointer(event); an empty pointer disables it.
QWidget *ComposerPanel::buildFramesTable(const QString &name,
                                         std::function<QString(const QJsonObject &)> pointer)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    FramesTable table {new FramesModel(this), new QTableView, std::move(pointer)};
    table.view->setObjectName(name);
    table.view->setModel(table.model);
    table.view->horizontalHeader()->setStretchLastSection(true);
    table.view->setMinimumHeight(120);
    auto *row = new QHBoxLayout;
    auto *add = toolButton(u"add"_s, tr("Add a frame (frames are oldest call first)"));
    auto *remove = toolButton(u"remove"_s, tr("Remove the selected frame (Delete)"));
    removeOnDelete(table.view, remove);
    row->addWidget(new QLabel(tr("Stack frames (oldest call first)")), 1);
    row->addWidget(add);
    row->addWidget(remove);
    layout->addLayout(row);
    layout->addWidget(table.view, 1);
    FramesModel *model = table.model;
    QTableView *view = table.view;
    const auto framesPointer = table.pointer;
    connect(model, &FramesModel::edited, this, [this, model, framesPointer] {
        const auto event = m_document->object();
        if (!event || framesPointer(*event).isEmpty())
            return;
        const QJsonArray frames = model->frames();
        applyEdit(framesPointer(*event),
                  frames.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(frames));
    });
    connect(add, &QToolButton::clicked, this, [model, view] {
        model->insertRows(model->rowCount(), 1);
        view->setCurrentIndex(model->index(model->rowCount() - 1, 0));
    });
    connect(remove, &QToolButton::clicked, this, [model, view] {
        if (view->currentIndex().isValid())
            model->removeRows(view->currentIndex().row(), 1);
    });
    m_frameTables.append(table);
    return box;
}

QWidget *ComposerPanel::buildInterfacesPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *stacktrace = new QGroupBox(tr("Stacktrace (stacktrace / sentry.interfaces.Stacktrace)"));
    auto *stacktraceLayout = new QVBoxLayout(stacktrace);
    stacktraceLayout->addWidget(
        buildFramesTable(u"stacktraceView"_s, [](const QJsonObject &event) -> QString {
            return u'/'
                   + JsonPointer::escape(EventPaths::interfaceKey(
                       event, u"stacktrace"_s, u"sentry.interfaces.Stacktrace"_s))
                   + u"/frames"_s;
        }));
    layout->addWidget(stacktrace);
    for (const InterfaceSpec &spec : interfaceSpecs()) {
        auto *group = new QGroupBox(tr(spec.title));
        auto *form = new QFormLayout(group);
        for (const InterfaceField &field : spec.fields) {
            const auto pointer = [spec, key = field.key](const QJsonObject &event) -> QString {
                return u'/'
                       + JsonPointer::escape(
                           EventPaths::interfaceKey(event, spec.alias, spec.fullName))
                       + u'/' + JsonPointer::escape(key);
            };
            form->addRow(field.key,
                         addField(spec.fullName + u'.' + field.key, pointer, field.kind));
        }
        layout->addWidget(group);
    }
    layout->addStretch();
    return page;
}

QWidget *ComposerPanel::buildTablesPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(buildTable(u"tags"_s, ValueKind::Text));
    layout->addWidget(buildTable(u"extra"_s, ValueKind::Json));
    layout->addWidget(buildTable(u"modules"_s, ValueKind::Text));
    return page;
}

QWidget *ComposerPanel::buildTable(const QString &key, ValueKind kind)
{
    auto *group = new QGroupBox(key);
    auto *layout = new QVBoxLayout(group);
    Table table {key, new KeyValueModel(kind, this), new QTableView, new QLabel};
    table.view->setObjectName(key + u"View"_s);
    table.view->setModel(table.model);
    table.view->horizontalHeader()->setStretchLastSection(true);
    table.view->verticalHeader()->hide();
    table.note->setWordWrap(true);
    table.note->hide();
    auto *buttons = new QHBoxLayout;
    auto *add = toolButton(u"add"_s, tr("Add a row"));
    auto *remove = toolButton(u"remove"_s, tr("Remove the selected row (Delete)"));
    removeOnDelete(table.view, remove);
    buttons->addWidget(table.note, 1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    layout->addWidget(table.view);
    layout->addLayout(buttons);
    KeyValueModel *model = table.model;
    QTableView *view = table.view;
    connect(model, &KeyValueModel::edited, this,
            [this, key, model] { applyEdit(u'/' + key, model->toJson()); });
    connect(add, &QToolButton::clicked, this, [model, view] {
        model->insertRows(model->rowCount(), 1);
        view->edit(model->index(model->rowCount() - 1, KeyValueModel::KeyColumn));
    });
    connect(remove, &QToolButton::clicked, this, [model, view] {
        if (view->currentIndex().isValid())
            model->removeRows(view->currentIndex().row(), 1);
    });
    m_tables.append(table);
    return group;
}

void ComposerPanel::fieldEdited(int field)
{
    if (m_updating)
        return;
    if (m_pendingField != -1 && m_pendingField != field)
        commitPendingEdit();
    m_pendingField = field;
    m_commitTimer->start();
}

void ComposerPanel::commitPendingEdit()
{
    m_commitTimer->stop();
    const int field = std::exchange(m_pendingField, -1);
    if (field != -1)
        commitField(field);
}

void ComposerPanel::commitField(int index)
{
    if (m_updating || !m_document->object())
        return;
    const Field &field = m_fields.at(index);
    QJsonValue value = valueFromText(fieldText(field.widget), field.kind);
    if (value.isUndefined() && !field.removeWhenEmpty)
        value = u""_s;
    applyEdit(field.pointer(*m_document->object()), value);
}

void ComposerPanel::setFromButton(QWidget *field, const QString &text)
{
    setFieldText(field, text);
    for (int i = 0; i < m_fields.size(); ++i) {
        if (m_fields.at(i).widget == field)
            commitField(i);
    }
}

// The one place the form writes: merge one value into the current object, one undo step.
void ComposerPanel::applyEdit(const QString &pointer, const QJsonValue &value)
{
    std::optional<QJsonObject> event = m_document->object();
    if (m_updating || !event)
        return;
    if (value.isUndefined())
        JsonPointer::remove(*event, pointer, true);
    else
        JsonPointer::setValue(*event, pointer, value);
    if (event == m_document->object())
        return;
    m_writing = true;
    m_document->setObject(*event);
    m_writing = false;
    refreshForm();
}

bool ComposerPanel::isFormEnabled() const
{
    return m_tabs->isEnabled();
}

void ComposerPanel::refreshForm()
{
    m_refreshTimer->stop();
    const std::optional<QJsonObject> event = m_document->object();
    m_tabs->setEnabled(event.has_value());
    if (!event) {
        showBrokenNote();
        return;
    }
    m_brokenNote->hide();
    m_updating = true;
    refreshExceptions(*event);
    refreshFrames(*event);
    refreshFields(*event);
    refreshTables(*event);
    m_updating = false;
}

void ComposerPanel::showBrokenNote()
{
    const auto error = Sentry::JsonText::syntaxError(m_document->text());
    m_brokenNote->setText(
        tr("The JSON is not an event object (line %1, column %2: %3). The form is read-only until "
           "the text is fixed; nothing has been changed or lost.")
            .arg(error ? error->line : 0)
            .arg(error ? error->column : 0)
            .arg(error ? error->message : QString()));
    m_brokenNote->show();
}

void ComposerPanel::refreshFields(const QJsonObject &event)
{
    for (int i = 0; i < m_fields.size(); ++i) {
        if (i == m_pendingField)
            continue; // the user is typing there
        const Field &field = m_fields.at(i);
        setFieldText(field.widget, displayText(JsonPointer::value(event, field.pointer(event))));
    }
}

void ComposerPanel::refreshTables(const QJsonObject &event)
{
    for (const Table &table : std::as_const(m_tables)) {
        const QJsonValue value = event.value(table.key);
        if (!table.model->isRepresentable() || table.model->toJson() != value)
            table.model->setJson(value);
        const bool editable = table.model->isRepresentable();
        table.view->setEnabled(editable);
        table.note->setVisible(!editable);
        table.note->setText(
            tr("\"%1\" is neither a map nor a list of pairs: edit it in the JSON.").arg(table.key));
    }
}

void ComposerPanel::refreshExceptions(const QJsonObject &event)
{
    const EventPaths::Exceptions exceptions = EventPaths::exceptions(event);
    m_exceptionIndex = qBound(0, m_exceptionIndex, qMax(0, exceptions.count - 1));
    m_exceptionSelector->clear();
    for (int i = 0; i < exceptions.count; ++i) {
        const QString base = EventPaths::exceptionPointer(exceptions, i);
        const QString type = displayText(JsonPointer::value(event, base + u"/type"_s));
        m_exceptionSelector->addItem(
            tr("%1: %2").arg(i + 1).arg(type.isEmpty() ? tr("(no type)") : type));
    }
    m_exceptionSelector->setCurrentIndex(exceptions.count > 0 ? m_exceptionIndex : -1);
}

void ComposerPanel::refreshFrames(const QJsonObject &event)
{
    for (const FramesTable &table : std::as_const(m_frameTables)) {
        const QString pointer = table.pointer(event);
        const QJsonArray frames
            = pointer.isEmpty() ? QJsonArray() : JsonPointer::value(event, pointer).toArray();
        if (frames != table.model->frames()) {
            table.model->setFrames(frames);
            table.view->resizeColumnsToContents();
        }
        table.view->setEnabled(!pointer.isEmpty());
    }
}

void ComposerPanel::addException()
{
    commitPendingEdit();
    const auto event = m_document->object();
    if (!event)
        return;
    const EventPaths::Exceptions exceptions = EventPaths::exceptions(*event);
    const QJsonObject fresh {{u"type"_s, u"Error"_s}, {u"value"_s, u""_s}};
    m_exceptionIndex = exceptions.count;
    if (exceptions.single) // the v3 form becomes the v4 list
        applyEdit(exceptions.listPointer, QJsonArray {event->value(exceptions.key), fresh});
    else if (exceptions.count == 0)
        applyEdit(exceptions.listPointer, QJsonArray {fresh});
    else
        applyEdit(EventPaths::exceptionPointer(exceptions, exceptions.count), fresh);
}

void ComposerPanel::removeException()
{
    commitPendingEdit();
    const auto event = m_document->object();
    if (!event)
        return;
    const EventPaths::Exceptions exceptions = EventPaths::exceptions(*event);
    if (exceptions.count == 0)
        return;
    if (exceptions.count == 1)
        applyEdit(u'/' + JsonPointer::escape(exceptions.key), QJsonValue::Undefined);
    else
        applyEdit(EventPaths::exceptionPointer(exceptions, m_exceptionIndex),
                  QJsonValue::Undefined);
}

void ComposerPanel::revealPath(const QString &jsonPointer)
{
    commitPendingEdit();
    refreshForm();
    if (!isFormEnabled())
        revealSyntaxError();
    else if (!revealInForm(jsonPointer))
        revealInEditor(jsonPointer);
}

// While the text does not parse, every finding leads to the parse error.
void ComposerPanel::revealSyntaxError()
{
    m_editor->checkSyntax();
    if (const auto error = m_editor->syntaxError())
        m_editor->goToLineColumn(error->line, error->column);
}

QWidget *ComposerPanel::fieldForPath(const QString &jsonPointer) const
{
    const auto event = m_document->object();
    if (!event)
        return nullptr;
    for (const Field &field : m_fields) {
        if (field.pointer(*event) == jsonPointer)
            return field.widget;
    }
    return nullptr;
}

bool ComposerPanel::revealInForm(const QString &pointer)
{
    if (revealException(pointer) || revealFrame(pointer) || revealTableRow(pointer))
        return true;
    QWidget *field = fieldForPath(pointer);
    if (!field)
        field = nearestField(pointer);
    if (field)
        focusField(field);
    return field;
}

// A finding inside a field's value ("/request/headers/Host") or about a whole interface
// ("/user") goes to the closest field: the one holding it, else the interface's first field.
QWidget *ComposerPanel::nearestField(const QString &pointer) const
{
    const auto event = m_document->object();
    QWidget *firstChild = nullptr;
    for (const Field &field : m_fields) {
        const QString path = field.pointer(*event);
        if (pointer.startsWith(path + u'/'))
            return field.widget;
        if (!firstChild && path.startsWith(pointer + u'/') && !pointer.isEmpty())
            firstChild = field.widget;
    }
    return firstChild;
}

bool ComposerPanel::revealException(const QString &pointer)
{
    const EventPaths::Exceptions exceptions = EventPaths::exceptions(*m_document->object());
    int index = 0;
    QString rest;
    if (!EventPaths::splitExceptionPointer(exceptions, pointer, &index, &rest)
        || index >= exceptions.count)
        return false;
    m_exceptionIndex = index;
    refreshForm();
    if (QWidget *field = fieldForPath(pointer)) {
        focusField(field);
        return true;
    }
    if (revealFrame(pointer))
        return true;
    if (!rest.isEmpty())
        return false;
    focusField(m_exceptionSelector);
    return true;
}

// "<frames>/3/lineno" selects row 3, column lineno of the frames table holding it.
bool ComposerPanel::revealFrame(const QString &pointer)
{
    const QJsonObject event = *m_document->object();
    for (const FramesTable &table : std::as_const(m_frameTables)) {
        const QString frames = table.pointer(event);
        if (frames.isEmpty() || !pointer.startsWith(frames + u'/'))
            continue;
        const QStringList tokens = JsonPointer::split(pointer.mid(frames.size()));
        const int column = tokens.size() > 1 ? FramesModel::columnForKey(tokens.at(1)) : 0;
        table.view->setCurrentIndex(table.model->index(tokens.at(0).toInt(), qMax(0, column)));
        focusField(table.view);
        return true;
    }
    return false;
}

bool ComposerPanel::revealTableRow(const QString &pointer)
{
    const QStringList tokens = JsonPointer::split(pointer);
    for (const Table &table : std::as_const(m_tables)) {
        if (tokens.isEmpty() || tokens.first() != table.key || !table.model->isRepresentable())
            continue;
        int row = -1;
        if (tokens.size() > 1)
            row = table.model->isPairList() ? tokens.at(1).toInt()
                                            : table.model->rowForKey(tokens.at(1));
        if (row >= 0 && row < table.model->rowCount())
            table.view->setCurrentIndex(table.model->index(row, KeyValueModel::ValueColumn));
        focusField(table.view);
        return true;
    }
    return false;
}

void ComposerPanel::focusField(QWidget *widget)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->isAncestorOf(widget))
            m_tabs->setCurrentIndex(i);
    }
    widget->setFocus(Qt::OtherFocusReason);
    if (auto *line = qobject_cast<QLineEdit *>(widget))
        line->selectAll();
}

void ComposerPanel::revealInEditor(const QString &pointer)
{
    const auto span = Sentry::JsonText::locateNearest(m_document->text(), pointer);
    if (!span)
        return;
    const qsizetype start = span->keyStart >= 0 ? span->keyStart : span->valueStart;
    m_editor->goToOffset(start, span->valueEnd - start);
}

} // namespace SentryUi
