#pragma once

// The exchanges of the history database, sent and received together, newest first: a table that
// stays smooth with 100 000 rows. Rows are read in pages (canFetchMore/fetchMore, keyset paging by
// id) as summaries that leave the bodies undecoded, on a thread of their own, so neither a page
// nor a text search that reads every event holds up the window. New exchanges are inserted at
// the top, never by a reload: checkForNew() reads the rows after the newest one known (call it
// when the embedded receiver or a send has stored one), and a timer does the same for rows
// another process (a CLI `serve` or `send`) wrote into the same database. A timer, not a
// QFileSystemWatcher on the -wal file: this process writes that file too (every exchange it
// receives), SQLite restarts it at each checkpoint, and inotify misses writes on network homes;
// the check is one MAX(id) on the id index per second, on the reader's thread.
//
// The filters are the history's own (HistoryQuery, run by SQLite), not a QSortFilterProxyModel:
// a proxy would need every row loaded first.
//
//     auto *model = new HistoryModel(this);
//     model->open(Sentry::History::defaultPath());
//     view->setModel(model);

#include "history.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QThread>

#include <functional>

class QTimer;

namespace SentryUi {

class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column {
        DirectionColumn, TimeColumn, MethodColumn, StatusColumn, ClientColumn, ProjectColumn,
        LevelColumn, MessageColumn, EventIdColumn, FaultColumn, ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };
    static constexpr int PageSize = 250;
    static constexpr int DefaultPollMs = 1000;

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    // Opens the database on the reader's thread and reads the first page; loaded() or failed().
    void open(const QString &path);
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

    Sentry::HistoryQuery filter() const { return m_filter; }
    void setFilter(const Sentry::HistoryQuery &filter); // starts again from the newest match
    void checkForNew();
    void setPollInterval(int ms); // how often other processes' rows are looked for; 0: never
    bool isBusy() const { return m_pageInFlight || m_newInFlight; }

    qint64 idAt(int row) const;
    int rowOfId(qint64 id) const; // -1 when not loaded
    Sentry::ExchangeSummary summary(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loaded(); // a read finished: a page, new rows, or the first page of a filter
    void failed(const QString &error);

private:
    struct Page
    {
        QList<Sentry::ExchangeSummary> rows;
        qint64 maxId = 0; // the newest id in the database when a first page was read
        QString error;
    };
    using Read = std::function<Page(Sentry::History &)>;

    void read(Read work, std::function<void(const Page &)> done);
    void readFirstPage();
    void appendPage(const Page &page);
    void insertNew(const Page &page);
    QVariant display(const Sentry::ExchangeSummary &row, int column) const;
    QVariant toolTip(const Sentry::ExchangeSummary &row, int column) const;
    bool report(const Page &page);

    QThread m_thread;
    QObject *m_reader = nullptr; // lives on m_thread; owns the History there
    QString m_path;
    QString m_error;
    Sentry::HistoryQuery m_filter;
    QList<Sentry::ExchangeSummary> m_rows;
    qint64 m_newestId = 0; // rows after it are new, whether shown (matching) or not
    int m_generation = 0;  // a read for an earlier filter is dropped
    bool m_atEnd = true;
    bool m_opened = false;
    bool m_pageInFlight = false;
    bool m_newInFlight = false;
    bool m_checkAgain = false;
    QTimer *m_poll = nullptr;
};

} // namespace SentryUi
