#include "validationpanel.h"

#include "eventdocument.h"
#include "findingsfilter.h"
#include "findingsmodel.h"
#include "jsontext.h"
#include "rulesmodel.h"
#include "unifieddiffview.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

// Paths elide in the middle ("/sentry.inter…/frames/0"), where both ends stay readable; the
// other columns elide at the end as usual.
class MiddleElideDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

// Runs on a worker thread: no widgets, no document — only the bytes it was given.
ValidationPanel::Outcome runValidation(const QByteArray &json, Sentry::Profile profile,
                                       quint64 generation)
{
    ValidationPanel::Outcome outcome;
    outcome.generation = generation;
    outcome.result = Sentry::Validator::validate(json, profile);
    if (outcome.result.parsed) {
        const QJsonObject input = QJsonDocument::fromJson(json).object();
        outcome.diff
            = Sentry::LineDiff::compute(Sentry::LineDiff::jsonLines(input),
                                      Sentry::LineDiff::jsonLines(outcome.result.normalized));
    }
    return outcome;
}

} // namespace

ValidationPanel::ValidationPanel(EventDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_model = new FindingsModel(this);
    m_filter = new FindingsFilter(this);
    m_filter->setSourceModel(m_model);
    m_view = new QTreeView;
    m_view->setModel(m_filter);
    m_view->setMinimumHeight(fontMetrics().lineSpacing() * 4); // the panel fits below the request
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FindingsModel::SeverityColumn, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setToolTip(tr("Double-click or press Enter to go to the field or JSON position"));
    // A path is shown whole when it fits (up to half the view), elided in the middle past that,
    // and whole in its tooltip; the message takes the rest.
    m_view->setItemDelegateForColumn(FindingsModel::PathColumn, new MiddleElideDelegate(m_view));
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FindingsModel::PathColumn, QHeaderView::Interactive);
    m_view->installEventFilter(this); // fitPathColumn() on resize
    header->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FindingsModel::ActionColumn, QHeaderView::ResizeToContents);

    m_diff = new UnifiedDiffView;
    m_diff->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_diff->setToolTip(tr("The event as the server would store it, against the input "
                          "(both with sorted keys): - removed, + added"));
    m_changes = new QPlainTextEdit;
    m_changes->setReadOnly(true);
    auto *tabs = new QTabWidget;
    tabs->setDocumentMode(true);
    tabs->addTab(m_diff, tr("Stored event (diff)"));
    tabs->addTab(m_changes, tr("Changes"));
    tabs->addTab(buildRulesTab(), tr("Rules"));

    // Side by side: the panel is wide and short below the request, and both halves stay readable.
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"validationSplitter"_s);
    splitter->addWidget(m_view);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildToolbar());
    layout->addWidget(splitter, 1);
    showRules();

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    m_watcher = new QFutureWatcher<Outcome>(this);
    connect(m_document, &EventDocument::contentsChanged, this,
            &ValidationPanel::scheduleValidation);
    connect(m_debounce, &QTimer::timeout, this, &ValidationPanel::validateNow);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &ValidationPanel::workerFinished);
    connect(m_view, &QTreeView::activated, this, &ValidationPanel::activateFinding);
    validateNow();
}

ValidationPanel::~ValidationPanel()
{
    m_watcher->waitForFinished();
}

bool ValidationPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        fitPathColumn();
    return QWidget::eventFilter(watched, event);
}

// The Path column as wide as its longest path, up to this share of the view (elided beyond).
void ValidationPanel::fitPathColumn()
{
    constexpr double MaximumShare = 0.45;
    const QAbstractItemView *view = m_view; // QTreeView hides this as protected
    const int wanted = qMax(view->sizeHintForColumn(FindingsModel::PathColumn),
                            m_view->header()->sectionSizeHint(FindingsModel::PathColumn));
    const int widest = int(m_view->width() * MaximumShare); // the viewport follows it later
    m_view->setColumnWidth(FindingsModel::PathColumn, qMax(60, qMin(wanted, widest)));
}

QWidget *ValidationPanel::buildToolbar()
{
    auto *bar = new QWidget;
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 2, 4, 2);
    m_profile = new QComboBox;
    m_profile->addItem(tr("Protocol v4 (server 6.0–6.3)"), int(Sentry::Profile::V4));
    m_profile->addItem(tr("Relay (today's intake)"), int(Sentry::Profile::Relay));
    m_profile->setToolTip(tr("Which server's rules to judge the event by"));
    m_severity = new QComboBox;
    m_severity->addItem(tr("All findings"), int(Sentry::Severity::Info));
    m_severity->addItem(tr("Warnings and errors"), int(Sentry::Severity::Warning));
    m_severity->addItem(tr("Errors only"), int(Sentry::Severity::Error));
    m_summary = new QLabel;
    m_summary->setObjectName(u"validationSummary"_s);
    m_summary->setWordWrap(true); // never widens the panel
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_profile);
    layout->addWidget(m_severity);
    layout->addWidget(m_summary, 1);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &ValidationPanel::validateNow);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &ValidationPanel::showRules);
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumSeverity(Sentry::Severity(m_severity->currentData().toInt()));
    });
    return bar;
}

// The rules the chosen profile checks, and the lists beside them, as core gives them.
QWidget *ValidationPanel::buildRulesTab()
{
    m_rules = new RulesModel(this);
    auto *view = new QTreeView;
    view->setModel(m_rules);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->setToolTip(tr("Every rule this profile checks; the message is in each row's tooltip"));
    view->header()->setSectionResizeMode(RulesModel::ConstraintColumn, QHeaderView::Stretch);
    // A text view, not a wrapped label: a label's height grows as the panel narrows and would
    // make the whole panel taller than its place below the request.
    m_tables = new QPlainTextEdit;
    m_tables->setObjectName(u"rulesTables"_s);
    m_tables->setReadOnly(true);
    m_tables->setFrameShape(QFrame::NoFrame);
    m_tables->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    m_tables->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    view->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view, 1);
    layout->addWidget(m_tables);
    return tab;
}

void ValidationPanel::showRules()
{
    if (!m_rules || !m_profile)
        return;
    m_rules->setProfile(profile());
    m_tables->setPlainText(RulesModel::tablesText(profile()));
}

Sentry::Profile ValidationPanel::profile() const
{
    return Sentry::Profile(m_profile->currentData().toInt());
}

void ValidationPanel::setProfile(Sentry::Profile profile)
{
    m_profile->setCurrentIndex(m_profile->findData(int(profile)));
}

QString ValidationPanel::diffText() const
{
    return m_diff->toPlainText();
}

void ValidationPanel::scheduleValidation()
{
    ++m_generation;
    m_debounce->start();
}

void ValidationPanel::validateNow()
{
    m_debounce->stop();
    if (m_watcher->isRunning()) {
        m_rerun = true; // one validation at a time; the newest text is validated next
        return;
    }
    m_rerun = false;
    m_summary->setText(tr("Validating…"));
    m_watcher->setFuture(
        QtConcurrent::run(&runValidation, m_document->json(), profile(), m_generation));
}

void ValidationPanel::workerFinished()
{
    const Outcome outcome = m_watcher->result();
    if (m_rerun || outcome.generation != m_generation) {
        validateNow(); // stale: the text changed while the worker ran
        return;
    }
    apply(outcome);
}

void ValidationPanel::apply(const Outcome &outcome)
{
    m_result = outcome.result;
    m_model->setFindings(m_result.findings);
    fitPathColumn();
    showSummary(m_result);
    showDiff(outcome.diff);
    showChanges(m_result.changes);
    Q_EMIT validated(m_result);
}

void ValidationPanel::showSummary(const Sentry::ValidationResult &result)
{
    const int errors = Sentry::countSeverity(result.findings, Sentry::Severity::Error);
    const int warnings = Sentry::countSeverity(result.findings, Sentry::Severity::Warning);
    const int infos = Sentry::countSeverity(result.findings, Sentry::Severity::Info);
    QString verdict;
    if (!result.parsed)
        verdict = tr("not a JSON object (line %1, column %2)")
                      .arg(result.errorLine)
                      .arg(result.errorColumn);
    else if (result.isValid())
        verdict = tr("the server would accept it");
    else
        verdict = tr("the server would refuse it or drop parts");
    m_summary->setText(tr("%1, %2, %3 — %4")
                           .arg(tr("%n error(s)", nullptr, errors),
                                tr("%n warning(s)", nullptr, warnings),
                                tr("%n note(s)", nullptr, infos), verdict));
}

void ValidationPanel::showDiff(const QList<Sentry::DiffLine> &diff)
{
    if (!m_result.parsed)
        m_diff->setPlainText(tr("Fix the JSON to see what the server would store."));
    else
        m_diff->setDiff(diff, tr("The server would store the event as sent (apart from key order)."));
}

void ValidationPanel::showChanges(const QList<Sentry::Change> &changes)
{
    QStringList lines;
    for (const Sentry::Change &change : changes)
        lines.append(
            u"%1: %2"_s.arg(change.path.isEmpty() ? u"/"_s : change.path, change.description));
    m_changes->setPlainText(lines.isEmpty() ? tr("No changes.") : lines.join(u'\n'));
}

void ValidationPanel::activateFinding(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_filter->mapToSource(proxyIndex);
    if (!source.isValid())
        return;
    const Sentry::Finding finding = m_model->finding(source.row());
    Q_EMIT findingActivated(finding.location, offsetOf(finding));
}

int ValidationPanel::offsetOf(const Sentry::Finding &finding) const
{
    const QString text = m_document->text();
    if (!m_result.parsed && m_result.errorLine > 0)
        return int(Sentry::JsonText::offsetOf(text, m_result.errorLine, m_result.errorColumn));
    if (!finding.location.isEmpty() && !finding.location.startsWith(u'/'))
        return -1;
    const auto span = Sentry::JsonText::locateNearest(text, finding.location);
    if (!span)
        return -1;
    return int(span->keyStart >= 0 ? span->keyStart : span->valueStart);
}

} // namespace SentryUi
