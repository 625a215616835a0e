#include "findbar.h"

#include "icons.h"
#include "jsoneditor.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

QToolButton *button(const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindBar::FindBar(JsonEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(u"findBar"_s);
    m_search = new QLineEdit;
    m_search->setObjectName(u"findText"_s);
    m_search->setPlaceholderText(tr("Find in the JSON"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_matchCase = button(tr("Aa"), tr("Match case"));
    m_matchCase->setCheckable(true);
    auto *previous = button(tr("↑"), tr("Previous match (Shift+Enter, Shift+F3)"));
    auto *next = button(tr("↓"), tr("Next match (Enter, F3)"));
    auto *done = button(QString(), tr("Close (Escape)"));
    done->setIcon(Icons::icon(u"cancel"_s));
    m_status = new QLabel;
    m_status->setObjectName(u"findStatus"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_matchCase);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(done);
    connect(m_search, &QLineEdit::textChanged, this, &FindBar::search);
    connect(m_matchCase, &QToolButton::toggled, this, &FindBar::search);
    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(done, &QToolButton::clicked, this, &FindBar::close);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &FindBar::showStatus);
    hide();
}

FindBar::~FindBar() = default;

void FindBar::open()
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_search->setText(selected);
    show();
    search();
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FindBar::close()
{
    hide();
    m_editor->setSearchText(QString());
    m_editor->setFocus(Qt::OtherFocusReason);
}

void FindBar::findNext()
{
    find(false);
}

void FindBar::findPrevious()
{
    find(true);
}

void FindBar::setMatchCase(bool matchCase)
{
    m_matchCase->setChecked(matchCase);
}

void FindBar::find(bool backward)
{
    if (isHidden())
        open();
    m_editor->findNext(backward);
    showStatus();
}

// Typing searches from where the cursor is, so the first match at or after it is selected.
void FindBar::search()
{
    const QTextDocument::FindFlags flags
        = m_matchCase->isChecked() ? QTextDocument::FindCaseSensitively : QTextDocument::FindFlags();
    m_editor->setSearchText(m_search->text(), flags);
    QTextCursor from = m_editor->textCursor();
    from.setPosition(from.selectionStart());
    m_editor->setTextCursor(from);
    m_editor->findNext();
    showStatus();
}

void FindBar::showStatus()
{
    m_status->setText(statusText());
}

QString FindBar::statusText() const
{
    if (m_search->text().isEmpty())
        return {};
    const int count = m_editor->searchMatchCount();
    if (count == 0)
        return tr("No match");
    const int current = m_editor->currentMatch();
    return current < 0 ? tr("%n match(es)", nullptr, count)
                       : tr("%1 of %2").arg(current + 1).arg(count);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            find(key->modifiers().testFlag(Qt::ShiftModifier));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace SentryUi
