#include "timelineview.h"

#include "timeline.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

QColor outcomeColor(Sentry::TimelineStep::Outcome outcome)
{
    switch (outcome) {
    case Sentry::TimelineStep::Outcome::Ok: return QColor(0x2e, 0x7d, 0x32);
    case Sentry::TimelineStep::Outcome::Note: return QColor(0xe6, 0x7c, 0x00);
    case Sentry::TimelineStep::Outcome::Problem: return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QLabel *label(const QString &text, QWidget *parent, bool selectable = false)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    if (selectable)
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFrame *stepCard(int number, const Sentry::TimelineStep &step, QWidget *parent)
{
    auto *card = new QFrame(parent);
    card->setObjectName(u"timelineStep"_s);
    card->setFrameShape(QFrame::StyledPanel);
    card->setStyleSheet(u"QFrame#timelineStep { border: none; border-left: 4px solid %1; }"_s.arg(
        outcomeColor(step.outcome).name()));
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(10, 4, 4, 4);
    QLabel *title = label(u"%1. %2 — %3"_s.arg(number).arg(Sentry::stepTitle(step.kind), step.summary), card, true);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setColumnStretch(1, 1);
    for (int row = 0; row < step.values.size(); ++row) {
        QLabel *name = label(step.values.at(row).first, card);
        name->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(name, row, 0, Qt::AlignTop);
        QLabel *value = label(step.values.at(row).second, card, true);
        value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        grid->addWidget(value, row, 1);
    }
    layout->addLayout(grid);
    layout->addWidget(label(step.explanation, card));
    return card;
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_title(label(tr("No exchange shown: press Protocol Timeline in the Response tab after a "
                       "send, or open one from the history."), this, true))
    , m_steps(new QWidget)
    , m_markdown(new QPushButton(tr("Export &Markdown…"), this))
    , m_html(new QPushButton(tr("Export &HTML…"), this))
{
    m_stepsLayout = new QVBoxLayout(m_steps);
    m_stepsLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_steps);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_markdown);
    top->addWidget(m_html);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    for (QPushButton *button : {m_markdown, m_html})
        button->setEnabled(false);
    connect(m_markdown, &QPushButton::clicked, this, [this] { exportAs(Format::Markdown); });
    connect(m_html, &QPushButton::clicked, this, [this] { exportAs(Format::Html); });
}

void TimelineView::clearSteps()
{
    while (m_stepsLayout->count() > 1) {
        QLayoutItem *item = m_stepsLayout->takeAt(0); // ours now: the widget and its layout item
        delete item->widget();
        delete item;
    }
}

void TimelineView::showExchange(const Sentry::Exchange &exchange)
{
    m_exchange = exchange;
    clearSteps();
    m_title->setText(Sentry::Timeline::title(exchange));
    const QList<Sentry::TimelineStep> steps = Sentry::Timeline::build(exchange);
    for (int i = 0; i < steps.size(); ++i)
        m_stepsLayout->insertWidget(i, stepCard(i + 1, steps.at(i), m_steps));
    m_markdown->setEnabled(true);
    m_html->setEnabled(true);
}

int TimelineView::stepCount() const
{
    return m_stepsLayout->count() - 1;
}

QString TimelineView::stepText(int index) const
{
    const QWidget *card = m_stepsLayout->itemAt(index)->widget();
    return card ? card->findChild<QLabel *>()->text() : QString();
}

bool TimelineView::exportTo(const QString &path, Format format, QString *error) const
{
    if (!m_exchange)
        return false;
    const QString text = format == Format::Html ? Sentry::Timeline::toHtml(*m_exchange)
                                                : Sentry::Timeline::toMarkdown(*m_exchange);
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit())
        return true;
    if (error)
        *error = tr("Cannot write %1: %2. Choose a folder you can write to.").arg(path, file.errorString());
    return false;
}

void TimelineView::exportAs(Format format)
{
    const bool html = format == Format::Html;
    const QString name = u"exchange-%1.%2"_s.arg(m_exchange ? m_exchange->id : 0).arg(html ? u"html"_s : u"md"_s);
    const QString path = QFileDialog::getSaveFileName(
        this, html ? tr("Export the Timeline as HTML") : tr("Export the Timeline as Markdown"), name,
        html ? tr("HTML page (*.html)") : tr("Markdown (*.md)"));
    if (path.isEmpty())
        return;
    QString error;
    Q_EMIT statusMessage(exportTo(path, format, &error) ? tr("Timeline exported to %1").arg(path) : error);
}

} // namespace SentryUi
