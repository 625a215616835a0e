#include "jsoneditor.h"

#include "eventdocument.h"
#include "jsonhighlighter.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPlainTextDocumentLayout>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

bool paletteIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Past this many matches the rest are not highlighted (a 1 MB event full of one letter).
constexpr int MaxHighlightedMatches = 5000;

} // namespace

class JsonEditor::LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(JsonEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip)
            return m_editor->showGutterToolTip(static_cast<QHelpEvent *>(event));
        return QWidget::event(event);
    }

private:
    JsonEditor *m_editor;
};

JsonEditor::JsonEditor(EventDocument *document, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_document(document)
{
    QTextDocument *text = document->textDocument();
    if (!qobject_cast<QPlainTextDocumentLayout *>(text->documentLayout()))
        text->setDocumentLayout(new QPlainTextDocumentLayout(text));
    setDocument(text);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(false);
    setToolTip(tr("The event as JSON text — exactly the bytes that will be sent.\n"
                  "Edits here update the form; form edits rewrite this text with sorted keys."));

    m_highlighter = new JsonHighlighter(text, paletteIsDark(palette()));
    m_lineNumberArea = new LineNumberArea(this);
    m_syntaxTimer = new QTimer(this);
    m_syntaxTimer->setSingleShot(true);
    m_syntaxTimer->setInterval(150);

    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &JsonEditor::updateLineNumberArea);
    connect(m_document, &EventDocument::contentsChanged, m_syntaxTimer,
            qOverload<>(&QTimer::start));
    connect(m_syntaxTimer, &QTimer::timeout, this, &JsonEditor::checkSyntax);
    connect(m_syntaxTimer, &QTimer::timeout, this, &JsonEditor::updateSearchMatches);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    checkSyntax();
}

JsonEditor::~JsonEditor() = default;

void JsonEditor::checkSyntax()
{
    m_syntaxTimer->stop();
    const auto error
        = m_document->object() ? std::nullopt : Sentry::JsonText::syntaxError(m_document->text());
    const bool changed
        = error.has_value() != m_error.has_value()
          || (error && (error->offset != m_error->offset || error->message != m_error->message));
    m_error = error;
    updateErrorSelection();
    m_lineNumberArea->update();
    if (changed)
        Q_EMIT syntaxErrorChanged();
}

bool JsonEditor::format(QString *error)
{
    return replaceText(Sentry::JsonText::format(m_document->text()), error);
}

bool JsonEditor::minify(QString *error)
{
    return replaceText(Sentry::JsonText::minify(m_document->text()), error);
}

bool JsonEditor::replaceText(const std::optional<QString> &text, QString *error)
{
    if (!text) {
        checkSyntax();
        if (error && m_error)
            *error = tr("Fix the JSON first: line %1, column %2: %3")
                         .arg(m_error->line)
                         .arg(m_error->column)
                         .arg(m_error->message);
        return false;
    }
    m_document->setText(*text);
    return true;
}

void JsonEditor::goToOffset(qsizetype offset, qsizetype length)
{
    QTextCursor cursor(document());
    const int end = document()->characterCount() - 1;
    cursor.setPosition(qBound(0, int(offset), end));
    cursor.setPosition(qBound(0, int(offset + length), end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

void JsonEditor::goToLineColumn(int line, int column)
{
    goToOffset(Sentry::JsonText::offsetOf(m_document->text(), line, column));
}

int JsonEditor::lineNumberAreaWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    const int marker = fontMetrics().height() / 2 + 4;
    return 8 + marker + fontMetrics().horizontalAdvance(u'9') * digits;
}

void JsonEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumberArea->setGeometry(area.left(), area.top(), lineNumberAreaWidth(), area.height());
}

void JsonEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_highlighter
        && m_highlighter->isDark() != paletteIsDark(palette())) {
        m_highlighter->setDark(paletteIsDark(palette()));
        updateErrorSelection();
    }
}

bool JsonEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_error) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(help->pos());
        if (isErrorLine(cursor.blockNumber())) {
            QToolTip::showText(help->globalPos(), m_error->message, viewport());
            return true;
        }
    }
    return QPlainTextEdit::viewportEvent(event);
}

bool JsonEditor::showGutterToolTip(QHelpEvent *event)
{
    const QTextCursor cursor = cursorForPosition(QPoint(0, event->pos().y()));
    if (m_error && isErrorLine(cursor.blockNumber())) {
        QToolTip::showText(event->globalPos(),
                           tr("Line %1, column %2: %3")
                               .arg(m_error->line)
                               .arg(m_error->column)
                               .arg(m_error->message),
                           m_lineNumberArea);
    } else {
        QToolTip::hideText();
    }
    return true;
}

bool JsonEditor::isErrorLine(int blockNumber) const
{
    return m_error && blockNumber == m_error->line - 1;
}

void JsonEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
}

int JsonEditor::setSearchText(const QString &text, QTextDocument::FindFlags flags)
{
    m_searchText = text;
    m_searchFlags = flags & ~QTextDocument::FindBackward;
    updateSearchMatches();
    return searchMatchCount();
}

void JsonEditor::updateSearchMatches()
{
    m_matches.clear();
    QTextCursor cursor(document());
    while (!m_searchText.isEmpty() && m_matches.size() < MaxHighlightedMatches) {
        cursor = document()->find(m_searchText, cursor, m_searchFlags);
        if (cursor.isNull())
            break;
        m_matches.append(cursor);
    }
    updateExtraSelections();
}

int JsonEditor::currentMatch() const
{
    const QTextCursor selection = textCursor();
    for (int i = 0; i < m_matches.size(); ++i) {
        const QTextCursor &match = m_matches.at(i);
        if (match.selectionStart() == selection.selectionStart()
            && match.selectionEnd() == selection.selectionEnd())
            return i;
    }
    return -1;
}

bool JsonEditor::findNext(bool backward)
{
    if (m_searchText.isEmpty())
        return false;
    QTextDocument::FindFlags flags = m_searchFlags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    QTextCursor found = document()->find(m_searchText, textCursor(), flags);
    if (found.isNull()) { // wrap around
        QTextCursor from(document());
        if (backward)
            from.movePosition(QTextCursor::End);
        found = document()->find(m_searchText, from, flags);
    }
    if (found.isNull())
        return false;
    setTextCursor(found);
    centerCursor();
    return true;
}

void JsonEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QColor tint = palette().color(QPalette::Highlight);
    tint.setAlpha(paletteIsDark(palette()) ? 110 : 70);
    for (const QTextCursor &match : std::as_const(m_matches)) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = match;
        selection.format.setBackground(tint);
        selections.append(selection);
    }
    setExtraSelections(m_errorSelections + selections);
}

// The error is shown as a wavy underline on the token where parsing stopped, on a tinted line.
void JsonEditor::updateErrorSelection()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_error) {
        const QColor red = paletteIsDark(palette()) ? QColor(0xff, 0x6b, 0x6b) : QColor(Qt::red);
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(red.red(), red.green(), red.blue(), 40));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(document()->findBlockByNumber(m_error->line - 1));
        selections.append(line);

        QTextEdit::ExtraSelection token;
        token.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        token.format.setUnderlineColor(red);
        token.format.setToolTip(m_error->message);
        token.cursor = QTextCursor(document());
        // At the end of a line or of the text (where a missing comma belongs) the character
        // before the error is marked, on the error's line.
        const int end = document()->characterCount() - 1;
        int start = qBound(0, int(m_error->offset), end);
        if (start > 0 && (start >= end || document()->characterAt(start) == QChar::ParagraphSeparator))
            --start;
        token.cursor.setPosition(start);
        token.cursor.setPosition(qMin(start + 1, end), QTextCursor::KeepAnchor);
        token.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        selections.append(token);
    }
    m_errorSelections = selections;
    updateExtraSelections();
}

void JsonEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int height = fontMetrics().height();
    const int marker = height / 2;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && top + height >= event->rect().top()) {
            if (isErrorLine(block.blockNumber())) {
                painter.setBrush(QColor(Qt::red));
                painter.setPen(Qt::NoPen);
                painter.drawEllipse(4, top + (height - marker) / 2, marker, marker);
            }
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumberArea->width() - 4, height, Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        top += qRound(blockBoundingRect(block).height());
        block = block.next();
    }
}

} // namespace SentryUi
