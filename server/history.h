#pragma once

// The persistent history of exchanges: SQLite in WAL mode (through Qt SQL; the inserts through
// SQLite's C API on the same connection), with a versioned schema (PRAGMA user_version) migrated
// step by step from any earlier version, searchable by text, level, status, client, direction and
// time, and bounded by a retention limit (count and bytes).
// One History per thread: it owns its own named database connection.
//
//     Sentry::History history;
//     if (!history.open(Sentry::History::defaultPath(), &error)) …
//     history.insert(exchanges, &error);            // one transaction; ids assigned
//     for (const auto &e : history.search({.text = u"disk"_s})) …

#include "exchange.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSqlQuery;

namespace Sentry {

struct HistoryQuery
{
    QString text;       // in the message, URL, client, event id or decoded event
    QString level;
    int status = -1;    // -1: any
    QString client;     // prefix
    QString project;    // the project id or slug as the request named it
    std::optional<Exchange::Direction> direction;
    QDateTime since;    // inclusive; invalid: no bound
    QDateTime until;    // exclusive; invalid: no bound
    // Keyset paging by id: only rows with beforeId > id > afterId (0: no bound). Newest first,
    // unless oldestFirst (to read forward from afterId with no gap when more than `limit` arrived).
    qint64 beforeId = 0;
    qint64 afterId = 0;
    bool oldestFirst = false;
    qint64 replayOf = 0; // > 0: only the replays of this exchange
    int limit = 50;
};

// What a list of exchanges shows, read without decoding the bodies, headers or findings.
struct ExchangeSummary
{
    qint64 id = 0;
    QDateTime at;
    Exchange::Direction direction = Exchange::Direction::In;
    QByteArray method;
    int status = 0; // 0: no answer
    QString client;
    QString project;
    QString level;
    QString message;
    QString eventId;
    QString fault;
    QString refusal;
    QString error;
    qint64 replayOf = 0;
};

struct RetentionLimit
{
    qint64 maxCount = 1000 * 1000;
    qint64 maxBytes = 2000LL * 1000 * 1000;
};

class History
{
public:
    History();
    ~History();
    History(const History &) = delete;
    History &operator=(const History &) = delete;

    // Opens (creating) the database and migrates it to the current schema. *error says what and where.
    bool open(const QString &path, QString *error = nullptr);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    static int currentVersion();
    // The schema as it was at `version`, for migration tests; the migrations run from there.
    static QStringList schemaStatements(int fromVersion, int toVersion);
    int version() const;

    void setRetention(const RetentionLimit &limit) { m_retention = limit; }
    RetentionLimit retention() const { return m_retention; }

    // Stores the exchanges in one transaction and assigns their ids; then applies the retention.
    bool insert(QList<Exchange> &exchanges, QString *error = nullptr);
    std::optional<Exchange> exchange(qint64 id, QString *error = nullptr) const;
    QList<Exchange> search(const HistoryQuery &query, QString *error = nullptr) const;
    // The same rows as search(), as summaries: for lists of many thousand rows.
    QList<ExchangeSummary> summaries(const HistoryQuery &query, QString *error = nullptr) const;
    qint64 count() const;
    qint64 maxId() const; // the newest row's id, also one another process wrote; 0 when empty

    // In the user's data folder (GenericDataLocation/SentryHarness), shared by the GUI and the CLI.
    static QString defaultPath();

private:
    bool migrate(QString *error);
    bool applyRetention(QString *error);
    QString fail(const QString &what, const QString &detail, QString *error) const;
    struct Statements;
    Statements *statements(QString *error);
    bool select(const QString &columns, const HistoryQuery &query, QSqlQuery *result, QString *error) const;

    QString m_connection;
    QString m_path;
    RetentionLimit m_retention;
    // The insert and its transaction, prepared once per connection (preparing the 28-column insert
    // per batch cost more than a small batch's rows); through SQLite's C API, history.cpp says why.
    std::unique_ptr<Statements> m_statements;
    qint64 m_bytes = -1; // running total of the rows' sizes, read once at open
    qint64 m_count = -1;
};

} // namespace Sentry
