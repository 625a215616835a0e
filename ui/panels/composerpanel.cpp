#include "composerpanel.h"

#include "bodycodec.h"

#include "attributespage.h"
#include "composerfields.h"
#include "composerpage.h"
#include "eventdocument.h"
#include "exceptionpage.h"
#include "findbar.h"
#include "interfacespage.h"
#include "jsoneditor.h"
#include "jsonpointer.h"
#include "jsontext.h"
#include "tablespage.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using Sentry::JsonPointer;

namespace SentryUi {

namespace {

QScrollArea *scrolling(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

ComposerPanel::ComposerPanel(EventDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_fields(new ComposerFields(document, this)) // first: it goes before the fields it watches
{
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(100);
    // In tab order, which is also the order of the fields (the first inside a path is revealed).
    m_attributesPage = new AttributesPage(m_document, m_fields);
    m_exceptionPage = new ExceptionPage(m_document, m_fields);
    m_interfacesPage = new InterfacesPage(m_document, m_fields);
    m_tablesPage = new TablesPage(m_document, m_fields);

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
    connect(m_fields, &ComposerFields::edited, this, &ComposerPanel::applyEdit);
    connect(m_exceptionPage, &ExceptionPage::selectionChanged, this, &ComposerPanel::refreshForm);
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

QWidget *ComposerPanel::addPage(ComposerPage *page)
{
    connect(page, &ComposerPage::edited, this, &ComposerPanel::applyEdit);
    return page;
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
    m_tabs->addTab(scrolling(addPage(m_attributesPage)), tr("Attributes"));
    // Every page scrolls, so the form never makes the window taller than a laptop's screen.
    m_tabs->addTab(scrolling(addPage(m_exceptionPage)), tr("Exception"));
    m_tabs->addTab(scrolling(addPage(m_interfacesPage)), tr("Interfaces"));
    m_tabs->addTab(scrolling(addPage(m_tablesPage)), tr("Tags && extra"));
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
    auto *format = ComposerWidgets::toolButton(
        u"format"_s, tr("Format: indent the JSON, keeping the key order"));
    auto *minify = ComposerWidgets::toolButton(u"minify"_s,
                                               tr("Minify: remove all whitespace outside strings"));
    bar->addWidget(new QLabel(tr("JSON")));
    bar->addStretch();
    bar->addWidget(format);
    bar->addWidget(minify);
    m_findBar = new FindBar(m_editor);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
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
    std::optional<QJsonObject> event = m_document->object();
    if (!event) {
        // A body as sent (base64, base64+zlib) is decoded in place and shown; anything else,
        // or a body the user brought back with Undo, keeps its note.
        if (!decodeBodyAsSent())
            showBrokenNote();
        event = m_document->object();
    }
    m_tabs->setEnabled(event.has_value());
    if (event)
        m_brokenNote->hide();
    // A text the form cannot show empties it: the greyed-out form never shows an older event.
    const QJsonObject shown = event.value_or(QJsonObject());
    m_updating = true;
    m_exceptionPage->refresh(shown);
    m_interfacesPage->refresh(shown);
    m_fields->refresh(shown);
    m_tablesPage->refresh(shown);
    m_updating = false;
}

// A body pasted as it was sent (base64, base64+zlib) becomes its JSON in one undo step, and the
// panel says which encoding it was; a broken encoding is explained with the server's answer.
bool ComposerPanel::decodeBodyAsSent()
{
    const Sentry::EventInput input = Sentry::BodyCodec::readEvent(m_document->json());
    if (input.isRefused()) {
        m_brokenNote->setText(tr("The text is not an event the server could read: %1. The form is "
                                 "read-only until the text is fixed; nothing has been changed or "
                                 "lost.").arg(input.refusal));
        m_brokenNote->show();
        return true;
    }
    if (input.form == Sentry::BodyForm::Json)
        return false;
    if (m_document->text() == m_decodedBody) { // Undo brought it back: leave it so
        m_brokenNote->setText(tr("The text is a %1 body as sent; the form is read-only until it is "
                                 "JSON (Redo decodes it again).").arg(Sentry::formDescription(input.form)));
        m_brokenNote->show();
        return true;
    }
    m_decodedBody = m_document->text();
    m_document->setText(QString::fromUtf8(input.json));
    Q_EMIT statusMessage(tr("The text was a %1 body as sent: decoded to its JSON (Undo brings the "
                            "body back)").arg(Sentry::formDescription(input.form)));
    return true;
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

void ComposerPanel::revealPath(const QString &jsonPointer)
{
    commitPendingEdit();
    refreshForm();
    if (!isFormEnabled())
        revealSyntaxError();
    else if (QWidget *place = placeInForm(jsonPointer))
        focusField(place);
    else
        revealInEditor(jsonPointer);
}

// While the text does not parse, every finding leads to the parse error.
void ComposerPanel::revealSyntaxError()
{
    m_editor->checkSyntax();
    if (const auto error = m_editor->syntaxError())
        m_editor->goToLineColumn(error->line, error->column);
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

void ComposerPanel::commitPendingEdit()
{
    m_fields->commitPending();
}

QWidget *ComposerPanel::fieldForPath(const QString &jsonPointer) const
{
    const auto event = m_document->object();
    return event ? m_fields->fieldFor(*event, jsonPointer) : nullptr;
}

// The pages' own places first (an exception value, a frame, a table row), then the field showing
// the value, then the closest one: the field holding it ("/request/headers/Host"), or the first
// field inside it ("/user").
QWidget *ComposerPanel::placeInForm(const QString &pointer)
{
    for (ComposerPage *page : {static_cast<ComposerPage *>(m_exceptionPage),
                               static_cast<ComposerPage *>(m_interfacesPage),
                               static_cast<ComposerPage *>(m_tablesPage)}) {
        if (QWidget *place = page->reveal(*m_document->object(), pointer))
            return place;
    }
    const QJsonObject event = *m_document->object();
    if (QWidget *field = m_fields->fieldFor(event, pointer))
        return field;
    return m_fields->nearestFor(event, pointer);
}

} // namespace SentryUi
