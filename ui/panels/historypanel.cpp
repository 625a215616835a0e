#include "historypanel.h"

#include "historymodel.h"
#include "rules.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
constexpr int AnyStatus = -1;
constexpr int AnyDirection = -1;
} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new HistoryModel(this))
    , m_view(new QTableView)
    , m_debounce(new QTimer(this))
{
    m_view->setObjectName(u"historyView"_s);
    m_view->setModel(m_model);
    // A table, not a tree: QTreeView fetches the next page on every layout, so it would read all
    // 100 000 rows in a row; a table asks only when the last row comes into view. Fixed row
    // heights: no row is ever measured.
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_view->horizontalHeader()->setSectionResizeMode(HistoryModel::MessageColumn, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(u'0');
    const std::pair<int, int> widths[] = {
        {HistoryModel::DirectionColumn, 9}, {HistoryModel::TimeColumn, 13}, {HistoryModel::MethodColumn, 6},
        {HistoryModel::StatusColumn, 6},    {HistoryModel::ClientColumn, 18}, {HistoryModel::ProjectColumn, 6},
        {HistoryModel::LevelColumn, 8},     {HistoryModel::EventIdColumn, 12}, {HistoryModel::FaultColumn, 10},
    };
    for (const auto &[column, digits] : widths)
        m_view->setColumnWidth(column, digit * digits + 12);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(TextDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &HistoryPanel::applyFilter);
    connect(m_model, &HistoryModel::loaded, this, &HistoryPanel::showCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::showCount);
    connect(m_model, &HistoryModel::failed, this, [this](const QString &error) {
        m_error->setText(tr("The history cannot be read: %1").arg(error));
        m_error->show();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentExchangeChanged(m_model->idAt(current.row())); });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT exchangeActivated(m_model->idAt(index.row())); });
}

HistoryPanel::~HistoryPanel() = default;

QWidget *HistoryPanel::createFilterBar()
{
    m_text = new QLineEdit;
    m_text->setObjectName(u"historyText"_s);
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Search message, URL, client, event ID, event"));
    m_text->setMinimumWidth(fontMetrics().horizontalAdvance(u'0') * 12);
    connect(m_text, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    m_direction = addChoice(u"historyDirection"_s, {{tr("Sent and received"), AnyDirection},
                                                     {tr("Received"), int(Sentry::Exchange::Direction::In)},
                                                     {tr("Sent"), int(Sentry::Exchange::Direction::Out)}});
    QList<std::pair<QString, QVariant>> levels = {{tr("Any level"), QString()}};
    for (const Sentry::LevelInfo &level : Sentry::Rules::levels()) // a numeric level is listed by its name
        levels.append({level.name, level.name});
    m_level = addChoice(u"historyLevel"_s, levels);
    m_status = addChoice(u"historyStatus"_s, {{tr("Any status"), AnyStatus}, {u"200"_s, 200}, {u"400"_s, 400},
                                               {u"403"_s, 403}, {u"413"_s, 413}, {u"429"_s, 429},
                                               {u"500"_s, 500}, {u"503"_s, 503}, {tr("no answer"), 0}});
    m_since = addChoice(u"historySince"_s, {{tr("Any time"), 0}, {tr("Last 5 minutes"), 5 * 60},
                                             {tr("Last hour"), 3600}, {tr("Last 24 hours"), 24 * 3600},
                                             {tr("Last 7 days"), 7 * 24 * 3600}});
    const auto smallEdit = [this](const QString &name, const QString &placeholder) {
        auto *edit = new QLineEdit;
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        edit->setMaximumWidth(fontMetrics().horizontalAdvance(u'0') * 16);
        connect(edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
        return edit;
    };
    m_client = smallEdit(u"historyClient"_s, tr("Client"));
    m_client->setToolTip(tr("The client's name as it starts (sentry_client), e.g. raven-node"));
    m_project = smallEdit(u"historyProject"_s, tr("Project"));
    m_project->setToolTip(tr("The project ID or slug the request named"));
    m_count = new QLabel;

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 2, 4, 0);
    row->addWidget(m_text, 3);
    for (QWidget *filter : std::initializer_list<QWidget *>{m_direction, m_level, m_status, m_client, m_project, m_since})
        row->addWidget(filter, 1);
    row->addWidget(m_count);
    return bar;
}

QComboBox *HistoryPanel::addChoice(const QString &name, const QList<std::pair<QString, QVariant>> &choices)
{
    auto *box = new QComboBox;
    box->setObjectName(name);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents); // never cut: "Sent and received"
    for (const auto &[text, value] : choices)
        box->addItem(text, value);
    connect(box, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);
    return box;
}

void HistoryPanel::open(const QString &path)
{
    m_model->open(path);
}

void HistoryPanel::checkForNew()
{
    m_model->checkForNew();
}

Sentry::HistoryQuery HistoryPanel::filterFromBar() const
{
    Sentry::HistoryQuery query;
    query.text = m_text->text().trimmed();
    query.level = m_level->currentData().toString();
    query.status = m_status->currentData().toInt();
    query.client = m_client->text().trimmed();
    query.project = m_project->text().trimmed();
    if (const int direction = m_direction->currentData().toInt(); direction != AnyDirection)
        query.direction = Sentry::Exchange::Direction(direction);
    if (const int seconds = m_since->currentData().toInt(); seconds > 0)
        query.since = QDateTime::currentDateTimeUtc().addSecs(-seconds);
    return query;
}

void HistoryPanel::applyFilter()
{
    m_debounce->stop();
    m_error->hide();
    m_model->setFilter(filterFromBar());
}

qint64 HistoryPanel::currentExchangeId() const
{
    return m_model->idAt(m_view->currentIndex().row());
}

void HistoryPanel::showCount()
{
    const int rows = m_model->rowCount();
    m_count->setText(m_model->canFetchMore({}) ? tr("%1+").arg(rows) : tr("%n exchange(s)", nullptr, rows));
}

} // namespace SentryUi
