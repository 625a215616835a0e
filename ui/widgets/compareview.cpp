#include "compareview.h"

#include "theme.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace SentryUi {

namespace {

constexpr int Context = 3; // rows shown above a difference scrolled to

QPlainTextEdit *makeSide()
{
    auto *view = new QPlainTextEdit;
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QTextEdit::ExtraSelection lineMark(QPlainTextEdit *view, int row, const QColor &color)
{
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(view->document()->findBlockByNumber(row));
    mark.format.setBackground(color);
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    return mark;
}

QTextEdit::ExtraSelection spanMark(QPlainTextEdit *view, int row, const Sentry::DiffSpan &span,
                                   const QColor &color)
{
    QTextEdit::ExtraSelection mark;
    const int start = view->document()->findBlockByNumber(row).position() + int(span.start);
    mark.cursor = QTextCursor(view->document());
    mark.cursor.setPosition(start);
    mark.cursor.setPosition(start + int(span.length), QTextCursor::KeepAnchor);
    mark.format.setBackground(color);
    return mark;
}

void syncScrollBars(QScrollBar *a, QScrollBar *b)
{
    QObject::connect(a, &QScrollBar::valueChanged, b, &QScrollBar::setValue);
    QObject::connect(b, &QScrollBar::valueChanged, a, &QScrollBar::setValue);
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_leftTitle(new QLabel)
    , m_rightTitle(new QLabel)
    , m_summary(new QLabel)
    , m_next(new QPushButton(tr("Next Difference")))
    , m_left(makeSide())
    , m_right(makeSide())
{
    m_left->setObjectName(QStringLiteral("compareLeft"));
    m_right->setObjectName(QStringLiteral("compareRight"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    QFont bold = m_leftTitle->font();
    bold.setBold(true);
    m_leftTitle->setFont(bold);
    m_rightTitle->setFont(bold);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary, 0, 0);
    layout->addWidget(m_next, 0, 1, Qt::AlignRight);
    layout->addWidget(m_leftTitle, 1, 0);
    layout->addWidget(m_rightTitle, 1, 1);
    layout->addWidget(m_left, 2, 0);
    layout->addWidget(m_right, 2, 1);
    layout->setRowStretch(2, 1);
    m_next->setObjectName(QStringLiteral("nextDifference"));
    connect(m_next, &QPushButton::clicked, this, &CompareView::showNextDifference);
    syncScrollBars(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    syncScrollBars(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
}

void CompareView::setTitles(const QString &left, const QString &right)
{
    m_leftTitle->setText(left);
    m_rightTitle->setText(right);
}

void CompareView::compare(const QStringList &left, const QStringList &right)
{
    m_rows = Sentry::LineDiff::sideBySide(Sentry::LineDiff::compute(left, right));
    showRows();
}

int CompareView::differenceCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Sentry::DiffRow &row) {
        return row.kind != Sentry::DiffRow::Kind::Same;
    }));
}

void CompareView::showRows()
{
    QStringList left;
    QStringList right;
    for (const Sentry::DiffRow &row : std::as_const(m_rows)) {
        left.append(row.left);
        right.append(row.right);
    }
    m_left->setPlainText(left.join(u'\n'));
    m_right->setPlainText(right.join(u'\n'));
    const int differences = differenceCount();
    m_next->setEnabled(differences > 0);
    m_summary->setText(differences == 0 ? tr("No differences.")
                                        : tr("%n line(s) differ: removed or changed on the left, "
                                             "added or changed on the right.",
                                             nullptr, differences));
    markDifferences();
    showFirstDifference();
}

// The first changed row near the top of both sides (they scroll together), so a difference at
// the end (the answer) is seen without scrolling through the event.
void CompareView::showFirstDifference()
{
    const auto first = std::find_if(m_rows.cbegin(), m_rows.cend(), [](const Sentry::DiffRow &row) {
        return row.kind != Sentry::DiffRow::Kind::Same;
    });
    scrollToRow(first == m_rows.cend() ? 0 : int(first - m_rows.cbegin()));
}

void CompareView::showNextDifference()
{
    using Kind = Sentry::DiffRow::Kind;
    const int top = m_left->verticalScrollBar()->value() + Context;
    const auto differs = [this](int row) { return m_rows.at(row).kind != Kind::Same; };
    int row = top;
    while (row < m_rows.size() && differs(row)) // past the run shown now
        ++row;
    while (row < m_rows.size() && !differs(row))
        ++row;
    if (row >= m_rows.size()) { // wrap around to the first
        row = 0;
        while (row < m_rows.size() && !differs(row))
            ++row;
    }
    if (row < m_rows.size())
        scrollToRow(row);
}

void CompareView::scrollToRow(int row)
{
    m_left->verticalScrollBar()->setValue(qMax(0, row - Context)); // the right side follows
}

// Line backgrounds for rows that differ, stronger ones on the tokens that changed in a row.
void CompareView::markDifferences()
{
    using Sentry::DiffRow;
    using Theme::DiffTint;
    const QPalette &palette = this->palette();
    QList<QTextEdit::ExtraSelection> left;
    QList<QTextEdit::ExtraSelection> right;
    for (int row = 0; row < m_rows.size(); ++row) {
        const DiffRow &diff = m_rows.at(row);
        if (diff.kind == DiffRow::Kind::Removed || diff.kind == DiffRow::Kind::Changed)
            left.append(lineMark(m_left, row, Theme::diffColor(DiffTint::Removed, palette)));
        if (diff.kind == DiffRow::Kind::Added || diff.kind == DiffRow::Kind::Changed)
            right.append(lineMark(m_right, row, Theme::diffColor(DiffTint::Added, palette)));
        if (diff.kind != DiffRow::Kind::Changed)
            continue;
        const Sentry::TokenChanges tokens = Sentry::LineDiff::tokens(diff.left, diff.right);
        for (const Sentry::DiffSpan &span : tokens.removed)
            left.append(spanMark(m_left, row, span, Theme::diffColor(DiffTint::RemovedToken, palette)));
        for (const Sentry::DiffSpan &span : tokens.added)
            right.append(spanMark(m_right, row, span, Theme::diffColor(DiffTint::AddedToken, palette)));
    }
    m_left->setExtraSelections(left);
    m_right->setExtraSelections(right);
}

void CompareView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        markDifferences();
}

} // namespace SentryUi
