#include "historymodel.h"

#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

// The history on the reader's thread: every query runs there, one after another.
class Reader final : public QObject
{
public:
    Sentry::History history;
};

QString statusText(int status)
{
    return status > 0 ? QString::number(status) : HistoryModel::tr("no answer");
}

} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(new Reader)
    , m_poll(new QTimer(this))
{
    m_thread.setObjectName(u"history-reader"_s);
    m_reader->moveToThread(&m_thread);
    m_thread.start();
    m_filter.limit = PageSize;
    m_poll->setInterval(DefaultPollMs);
    connect(m_poll, &QTimer::timeout, this, &HistoryModel::checkForNew);
}

HistoryModel::~HistoryModel()
{
    // The history closes on its own thread, after the query it may be running.
    QMetaObject::invokeMethod(m_reader, [reader = m_reader] { delete reader; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

// Runs `work` on the reader's thread and `done` back here, unless the filter changed meanwhile.
void HistoryModel::read(Read work, std::function<void(const Page &)> done)
{
    auto *reader = static_cast<Reader *>(m_reader);
    QMetaObject::invokeMethod(m_reader, [this, reader, work = std::move(work), done = std::move(done),
                                         generation = m_generation] {
        Page page = reader->history.isOpen() ? work(reader->history) : Page{};
        QMetaObject::invokeMethod(this, [this, page = std::move(page), done, generation] {
            if (generation == m_generation)
                done(page);
        }, Qt::QueuedConnection);
    });
}

void HistoryModel::open(const QString &path)
{
    m_path = path;
    auto *reader = static_cast<Reader *>(m_reader);
    QMetaObject::invokeMethod(m_reader, [this, reader, path] {
        QString error;
        reader->history.open(path, &error);
        QMetaObject::invokeMethod(this, [this, error] {
            m_opened = error.isEmpty();
            if (!m_opened) {
                m_error = error;
                Q_EMIT failed(error);
                return;
            }
            if (m_poll->interval() > 0)
                m_poll->start();
            readFirstPage();
        }, Qt::QueuedConnection);
    });
}

void HistoryModel::setFilter(const Sentry::HistoryQuery &filter)
{
    m_filter = filter;
    m_filter.limit = PageSize;
    m_filter.beforeId = m_filter.afterId = 0;
    m_filter.oldestFirst = false;
    ++m_generation;
    beginResetModel();
    // Freeing 100 000 rows takes a while: the reader's thread does it, not the window's.
    QMetaObject::invokeMethod(m_reader, [rows = std::exchange(m_rows, {})] { Q_UNUSED(rows); });
    m_atEnd = true;
    endResetModel();
    if (m_opened)
        readFirstPage();
}

void HistoryModel::readFirstPage()
{
    m_pageInFlight = true;
    m_newInFlight = false;
    m_checkAgain = false;
    read([filter = m_filter](Sentry::History &history) {
        Page page;
        page.maxId = history.maxId();
        Sentry::HistoryQuery first = filter;
        first.beforeId = page.maxId + 1; // rows after maxId are read as new ones: none twice
        page.rows = history.summaries(first, &page.error);
        return page;
    }, [this](const Page &page) {
        m_newestId = page.maxId;
        appendPage(page);
    });
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_pageInFlight;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    m_pageInFlight = true;
    Sentry::HistoryQuery next = m_filter;
    next.beforeId = m_rows.constLast().id;
    read([next](Sentry::History &history) {
        Page page;
        page.rows = history.summaries(next, &page.error);
        return page;
    }, [this](const Page &page) { appendPage(page); });
}

// The page stays "in flight" until its rows are in: a view (or the model tester) asking for the
// next page from rowsInserted must not page from the last row before this page.
void HistoryModel::appendPage(const Page &page)
{
    if (!report(page)) {
        m_pageInFlight = false;
        return;
    }
    m_atEnd = page.rows.size() < PageSize;
    if (!page.rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.rows.size() - 1));
        m_rows += page.rows;
        endInsertRows();
    }
    m_pageInFlight = false;
    Q_EMIT loaded();
    if (std::exchange(m_checkAgain, false))
        checkForNew(); // asked for while the page was read
}

void HistoryModel::checkForNew()
{
    if (!m_opened || m_pageInFlight || m_newInFlight) {
        m_checkAgain = m_opened;
        return;
    }
    m_newInFlight = true;
    read([filter = m_filter, after = m_newestId](Sentry::History &history) {
        Page page;
        page.maxId = history.maxId(); // cheap (the id index): most checks end here
        if (page.maxId <= after)
            return page;
        Sentry::HistoryQuery newer = filter;
        newer.afterId = after;
        newer.beforeId = page.maxId + 1;
        newer.oldestFirst = true;
        page.rows = history.summaries(newer, &page.error);
        return page;
    }, [this](const Page &page) {
        m_newInFlight = false;
        insertNew(page);
        if (std::exchange(m_checkAgain, false))
            checkForNew();
    });
}

void HistoryModel::insertNew(const Page &page)
{
    if (!report(page))
        return;
    const bool more = page.rows.size() == PageSize; // a burst larger than a page: read on from its end
    m_newestId = more ? page.rows.constLast().id : qMax(m_newestId, page.maxId);
    if (!page.rows.isEmpty()) {
        beginInsertRows({}, 0, int(page.rows.size() - 1));
        QList<Sentry::ExchangeSummary> rows(page.rows.crbegin(), page.rows.crend());
        m_rows = rows + m_rows;
        endInsertRows();
        Q_EMIT loaded();
    }
    m_checkAgain = m_checkAgain || more;
}

bool HistoryModel::report(const Page &page)
{
    if (page.error.isEmpty())
        return true;
    m_error = page.error;
    Q_EMIT failed(page.error);
    return false;
}

void HistoryModel::setPollInterval(int ms)
{
    m_poll->setInterval(qMax(ms, 0));
    if (ms <= 0)
        m_poll->stop();
    else if (m_opened)
        m_poll->start();
}

qint64 HistoryModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int HistoryModel::rowOfId(qint64 id) const
{
    // Newest first: ids fall as rows go down.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const Sentry::ExchangeSummary &row, qint64 wanted) { return row.id > wanted; });
    return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Sentry::ExchangeSummary &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case IdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant HistoryModel::display(const Sentry::ExchangeSummary &row, int column) const
{
    switch (Column(column)) {
    case DirectionColumn:
        return row.direction == Sentry::Exchange::Direction::In ? tr("received") : tr("sent");
    case TimeColumn: {
        const QDateTime local = row.at.toLocalTime();
        return local.date() == QDate::currentDate() ? local.toString(u"HH:mm:ss.zzz"_s)
                                                     : local.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    }
    case MethodColumn:
        return QString::fromLatin1(row.method);
    case StatusColumn:
        return statusText(row.status);
    case ClientColumn:
        return row.client;
    case ProjectColumn:
        return row.project;
    case LevelColumn:
        return row.level;
    case MessageColumn:
        return row.message.section(u'\n', 0, 0);
    case EventIdColumn:
        return row.eventId;
    case FaultColumn:
        return row.fault;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HistoryModel::toolTip(const Sentry::ExchangeSummary &row, int column) const
{
    if (column == MessageColumn)
        return row.message;
    if (column == TimeColumn)
        return row.at.toLocalTime().toString(Qt::ISODateWithMs);
    if (column == StatusColumn) {
        QStringList why;
        if (!row.refusal.isEmpty())
            why.append(tr("refused: %1").arg(row.refusal));
        if (!row.error.isEmpty())
            why.append(row.error);
        if (row.replayOf)
            why.append(tr("replays #%1").arg(row.replayOf));
        return why.isEmpty() ? QVariant() : QVariant(why.join(u'\n'));
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case DirectionColumn: return tr("Direction");
    case TimeColumn: return tr("Time");
    case MethodColumn: return tr("Method");
    case StatusColumn: return tr("Status");
    case ClientColumn: return tr("Client");
    case ProjectColumn: return tr("Project");
    case LevelColumn: return tr("Level");
    case MessageColumn: return tr("Message");
    case EventIdColumn: return tr("Event ID");
    case FaultColumn: return tr("Fault");
    case ColumnCount: break;
    }
    return {};
}

} // namespace SentryUi
