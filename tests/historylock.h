#pragma once

// The write lock on a history file, held as another process would hold it (the CLI's `serve`, a
// second window): a second SQLite connection inside BEGIN IMMEDIATE until release() or the end of
// the scope. Tests use it to show that the window never waits for the history. Header-only; the
// test links Qt6::Sql.
//
//     HistoryLock lock(writer.path());
//     QVERIFY(lock.isHeld());
//     … // a write through the HistoryWriter waits; the window does not
//     QVERIFY(lock.release());

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

class HistoryLock
{
public:
    explicit HistoryLock(const QString &path)
    {
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), Connection);
            other.setDatabaseName(path);
            m_held = other.open() && QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE"));
        }
    }
    ~HistoryLock()
    {
        release();
        QSqlDatabase::database(Connection, false).close();
        QSqlDatabase::removeDatabase(Connection);
    }
    HistoryLock(const HistoryLock &) = delete;
    HistoryLock &operator=(const HistoryLock &) = delete;

    bool isHeld() const { return m_held; }
    bool release()
    {
        if (!m_held)
            return false;
        m_held = false;
        return QSqlQuery(QSqlDatabase::database(Connection, false)).exec(QStringLiteral("ROLLBACK"));
    }

private:
    static inline const QString Connection = QStringLiteral("otherProcess");
    bool m_held = false;
};
