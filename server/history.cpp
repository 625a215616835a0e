#include "history.h"

#include "jsonline.h"

#include <QAtomicInteger>
#include <QCborStreamWriter>
#include <QIODevice>
#include <QCborValue>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QVariant>

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// The schema's history, one row per version: the statements that bring version-1 to version.
// A new column or index is a new row; earlier rows never change, so every old file migrates.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> rows = {
        {1, {u"CREATE TABLE exchanges (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, "
             "direction TEXT NOT NULL, peer TEXT, method TEXT, url BLOB, request_headers BLOB, "
             "request_body BLOB, encoding TEXT, auth TEXT, client TEXT, project TEXT, event_id TEXT, "
             "message TEXT, level TEXT, event BLOB, findings TEXT, stored_event TEXT, status INTEGER, "
             "response_headers BLOB, response_body BLOB, fault TEXT, duration_ms INTEGER)"_s}},
        {2, {u"ALTER TABLE exchanges ADD COLUMN replay_of INTEGER"_s,
             u"ALTER TABLE exchanges ADD COLUMN refusal TEXT"_s,
             u"ALTER TABLE exchanges ADD COLUMN auth_source TEXT"_s,
             u"ALTER TABLE exchanges ADD COLUMN error TEXT"_s}},
        {3, {u"ALTER TABLE exchanges ADD COLUMN size INTEGER NOT NULL DEFAULT 0"_s,
             u"UPDATE exchanges SET size = COALESCE(length(url), 0) + COALESCE(length(request_body), 0) "
             "+ COALESCE(length(event), 0) + COALESCE(length(response_body), 0) + 256"_s,
             u"CREATE INDEX exchanges_at ON exchanges (at)"_s,
             u"CREATE INDEX exchanges_status ON exchanges (status)"_s,
             u"CREATE INDEX exchanges_client ON exchanges (client)"_s}},
        // The decoded event of a JSON body is the body itself: kept once (event NULL, this flag 1).
        {4, {u"ALTER TABLE exchanges ADD COLUMN event_is_body INTEGER NOT NULL DEFAULT 0"_s}},
        // findings and stored_event are written as CBOR blobs from version 5 on (rows written before,
        // and values with a lone surrogate, hold JSON text; the storage class tells which; empty is
        // NULL): no statement, but an older program must not read the blobs as text.
        {5, {}},
        // The client index served no search (`client LIKE ?` is case-insensitive, so SQLite scans;
        // EXPLAIN QUERY PLAN says so) and cost every insert a B-tree update: about an eighth of it.
        {6, {u"DROP INDEX IF EXISTS exchanges_client"_s}},
    };
    return rows;
}

const QString Columns = u"at, direction, peer, method, url, request_headers, request_body, encoding, "
                        "auth, client, project, event_id, message, level, event, findings, stored_event, "
                        "status, response_headers, response_body, fault, duration_ms, replay_of, refusal, "
                        "auth_source, error, size, event_is_body"_s;

// The insert's "?, ?, …": one per column, bound in Columns' order.
QByteArray insertStatement()
{
    const qsizetype columns = Columns.count(u',') + 1;
    QStringList marks(columns, u"?"_s);
    return u"INSERT INTO exchanges (%1) VALUES (%2)"_s.arg(Columns, marks.join(u", "_s)).toUtf8();
}

QByteArray headersBlob(const RawHeaders &headers)
{
    QByteArray blob;
    if (!headers.isEmpty()) // no headers stay NULL
        blob.reserve(std::accumulate(headers.cbegin(), headers.cend(), qsizetype(0), [](qsizetype size, const RawHeader &h) {
            return size + h.first.size() + h.second.size() + 4;
        })); // one allocation, not one growth per header
    for (const RawHeader &header : headers)
        blob += header.first + ": " + header.second + "\r\n";
    return blob;
}

RawHeaders headersFromBlob(const QByteArray &blob)
{
    RawHeaders headers;
    for (const QByteArray &line : blob.split('\n')) {
        const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        const qsizetype colon = trimmed.indexOf(':');
        if (colon > 0)
            headers.append({trimmed.left(colon), trimmed.mid(colon + 2)});
    }
    return headers;
}

// What QJsonDocument writes for authFieldsJson(fields), without building the objects.
QString authText(const QList<AuthHeader::Field> &fields)
{
    QByteArray text = "[";
    for (const AuthHeader::Field &field : fields) {
        JsonLine object(32 + size_t(field.name.size() + field.value.size()));
        object.add("name", field.name);
        object.add("value", field.value);
        text += (text.size() > 1 ? "," : "") + object.finish();
    }
    return QString::fromUtf8(text + ']');
}

// Whether a string holds half of a surrogate pair alone (a "\ud800" escape, or a text cut between
// the halves of a pair): UTF-8, and so CBOR text, cannot carry it.
bool textHasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isSurrogate())
            continue;
        if (!text.at(i).isHighSurrogate() || i + 1 == text.size() || !text.at(i + 1).isLowSurrogate())
            return true;
        ++i;
    }
    return false;
}

bool hasLoneSurrogate(const QJsonValue &value)
{
    if (value.isString())
        return textHasLoneSurrogate(value.toString());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &item) { return hasLoneSurrogate(item); });
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (textHasLoneSurrogate(it.key()) || hasLoneSurrogate(it.value()))
            return true;
    }
    return false;
}

// The device QCborValue::toCbor() writes through, minus its cost: toCbor() gives its writer a
// QBuffer, whose per-item bookkeeping and exact-size growth took a third of the encoding's
// instructions. Same encoder, same bytes, appended to a std::string (cheaper per small append than
// a QByteArray), copied once at the end.
class AppendDevice final : public QIODevice
{
public:
    AppendDevice()
    {
        m_out.reserve(1024); // a usual stored event fits: no regrowth on the way (6 of them cost 1.5 k)
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    QByteArray bytes() const { return QByteArray(m_out.data(), qsizetype(m_out.size())); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_out.append(data, size_t(size));
        return size;
    }

private:
    std::string m_out;
};

QByteArray cborOf(const QJsonValue &value)
{
    AppendDevice device;
    QCborStreamWriter writer(&device);
    QCborValue::fromJsonValue(value).toCbor(writer);
    return device.bytes();
}

// Whether CBOR text may have lost a lone surrogate: Qt's encoder writes '?' for one (U+FFFD in
// other versions). A plain search: QByteArray::contains() of a three-byte needle cost 7 k
// instructions per event.
bool mayHaveLostSurrogate(const QByteArray &cbor)
{
    const std::string_view text(cbor.constData(), size_t(cbor.size()));
    return text.find('?') != std::string_view::npos || text.find("\xef\xbf\xbd") != std::string_view::npos;
}

// Findings and the stored event as CBOR, straight from the JSON values' own storage (QCborMap
// shares it): under half the instructions of writing JSON text, which took 15% of the receiver's
// instructions per event. A value CBOR cannot carry exactly (a lone surrogate) keeps its JSON text;
// empty is NULL.
QVariant jsonColumn(const QJsonValue &value)
{
    if ((value.isArray() && value.toArray().isEmpty()) || (value.isObject() && value.toObject().isEmpty()))
        return QVariant(QMetaType(QMetaType::QByteArray));
    QByteArray cbor = cborOf(value);
    // Only a text that may have lost something is walked (the walk costs as much as the encoding).
    if (!mayHaveLostSurrogate(cbor) || !hasLoneSurrogate(value))
        return cbor;
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

// A column written as a CBOR blob (version 5 on) or as JSON text (before).
QJsonValue jsonFromColumn(const QVariant &column)
{
    if (column.typeId() == QMetaType::QByteArray)
        return QCborValue::fromCbor(column.toByteArray()).toJsonValue();
    const QJsonDocument document = QJsonDocument::fromJson(column.toString().toUtf8());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

// Binds a row's values one after another in Columns' order, as Qt's SQLite driver bound them (the
// rows earlier versions wrote): a null QString or QByteArray is NULL, a string TEXT, bytes a BLOB, a
// number an INTEGER. Texts go over as UTF-8, encoded into `utf8`, whose room is made once (a
// toUtf8() per text, an allocation and a shrink each, cost 3 k instructions a row), a text past that
// room into a buffer of its own. The encoder writes U+FFFD for a lone surrogate (SQLite's own
// conversion from UTF-16 garbled one together with the character after it). Every bound text and
// blob is held (in `utf8`, or in `keep`) until the step. Adds up the row's size as the retention limit counts it:
// 256, plus each text's UTF-16 length and each blob's bytes.
class RowBinder
{
public:
    RowBinder(sqlite3_stmt *statement, std::string &utf8, QStringEncoder &encoder, std::vector<QByteArray> &keep)
        : m_statement(statement), m_utf8(utf8), m_encoder(encoder), m_keep(keep)
    {
        m_utf8.clear(); // keeps its room: what was bound before is no longer read
        m_keep.clear();
    }

    void text(const QString &value)
    {
        if (value.isNull())
            return null();
        m_size += value.size();
        int length = 0;
        if (const char *utf8 = encode(value, &length))
            return check(sqlite3_bind_text(m_statement, next(), utf8, length, SQLITE_STATIC));
        QByteArray &utf8 = m_keep.emplace_back(m_encoder.requiredSpace(value.size()), Qt::Uninitialized);
        utf8.truncate(m_encoder.appendToBuffer(utf8.data(), value) - utf8.constData());
        check(sqlite3_bind_text(m_statement, next(), utf8.constData(), int(utf8.size()), SQLITE_STATIC));
    }
    void bytes(const QByteArray &value)
    {
        if (value.isNull())
            return null();
        m_size += value.size();
        const QByteArray &kept = m_keep.emplace_back(value);
        check(sqlite3_bind_blob(m_statement, next(), kept.constData(), int(kept.size()), SQLITE_STATIC));
    }
    void textOrBytes(const QVariant &value) // jsonColumn()'s result
    {
        if (value.typeId() == QMetaType::QString)
            text(*static_cast<const QString *>(value.constData()));
        else
            bytes(value.toByteArray());
    }
    void number(qint64 value) { check(sqlite3_bind_int64(m_statement, next(), value)); }
    void null() { check(sqlite3_bind_null(m_statement, next())); }

    qint64 size() const { return m_size; }
    bool ok() const { return m_result == SQLITE_OK; }

private:
    int next() { return ++m_index; }
    void check(int result)
    {
        if (m_result == SQLITE_OK)
            m_result = result;
    }
    // The text as UTF-8 in `utf8`, when there is room left for its longest form (so earlier texts
    // never move); nullptr otherwise.
    const char *encode(QStringView text, int *length)
    {
        const size_t from = m_utf8.size();
        const size_t longest = size_t(m_encoder.requiredSpace(text.size()));
        if (m_utf8.capacity() - from < longest)
            return nullptr;
        m_utf8.resize(from + longest); // within the capacity: no reallocation
        char *start = m_utf8.data() + from;
        char *end = m_encoder.appendToBuffer(start, text);
        m_utf8.resize(size_t(end - m_utf8.data()));
        *length = int(end - start);
        return start;
    }

    sqlite3_stmt *m_statement;
    std::string &m_utf8;
    QStringEncoder &m_encoder;
    std::vector<QByteArray> &m_keep;
    int m_index = 0;
    int m_result = SQLITE_OK;
    qint64 m_size = 256;
};

// Binds every column of the insert (Columns' order) and returns the row's size.
qint64 bindExchange(RowBinder &row, const Exchange &e)
{
    const bool eventIsBody = !e.eventJson.isEmpty() && e.eventJson == e.requestBody;
    row.number(e.at.toMSecsSinceEpoch());
    row.text(Exchange::directionName(e.direction));
    row.text(e.peer);
    row.text(QString::fromLatin1(e.method));
    row.bytes(e.url);
    row.bytes(headersBlob(e.requestHeaders));
    row.bytes(e.requestBody);
    row.text(e.encoding);
    row.text(authText(e.auth));
    row.text(e.client);
    row.text(e.project);
    row.text(e.eventId);
    row.text(e.message);
    row.text(e.level);
    if (eventIsBody)
        row.null(); // the body's bytes are stored once, in request_body
    else
        row.bytes(e.eventJson);
    row.textOrBytes(jsonColumn(e.findings));
    row.textOrBytes(jsonColumn(e.storedEvent));
    row.number(e.status);
    row.bytes(headersBlob(e.responseHeaders));
    row.bytes(e.responseBody);
    row.text(e.fault);
    row.number(e.durationMs);
    if (e.replayOf)
        row.number(e.replayOf);
    else
        row.null();
    row.text(e.refusal);
    row.text(e.authSource);
    row.text(e.error);
    const qint64 size = row.size();
    row.number(size);
    row.number(eventIsBody ? 1 : 0);
    return size;
}

// A statement prepared once and run many times; finalized before Qt closes the connection (SQLite
// refuses to close a connection with statements left).
class Statement
{
public:
    Statement() = default;
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool prepare(sqlite3 *db, const QByteArray &sql)
    {
        return sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                  &m_statement, nullptr) == SQLITE_OK;
    }
    sqlite3_stmt *get() const { return m_statement; }
    // Runs it to the end and makes it ready to run again (its bound values let go).
    bool run()
    {
        const int result = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        return result == SQLITE_DONE;
    }

private:
    sqlite3_stmt *m_statement = nullptr;
};

Exchange exchangeFromRow(const QSqlQuery &q)
{
    Exchange e;
    e.id = q.value(0).toLongLong();
    e.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    e.direction = q.value(2).toString() == "out"_L1 ? Exchange::Direction::Out : Exchange::Direction::In;
    e.peer = q.value(3).toString();
    e.method = q.value(4).toString().toLatin1();
    e.url = q.value(5).toByteArray();
    e.requestHeaders = headersFromBlob(q.value(6).toByteArray());
    e.requestBody = q.value(7).toByteArray();
    e.encoding = q.value(8).toString();
    e.auth = authFieldsFromJson(jsonFromColumn(q.value(9)).toArray());
    e.client = q.value(10).toString();
    e.project = q.value(11).toString();
    e.eventId = q.value(12).toString();
    e.message = q.value(13).toString();
    e.level = q.value(14).toString();
    e.eventJson = q.value(28).toBool() ? e.requestBody : q.value(15).toByteArray();
    e.findings = jsonFromColumn(q.value(16)).toArray();
    e.storedEvent = jsonFromColumn(q.value(17)).toObject();
    e.status = q.value(18).toInt();
    e.responseHeaders = headersFromBlob(q.value(19).toByteArray());
    e.responseBody = q.value(20).toByteArray();
    e.fault = q.value(21).toString();
    e.durationMs = q.value(22).toLongLong();
    e.replayOf = q.value(23).toLongLong();
    e.refusal = q.value(24).toString();
    e.authSource = q.value(25).toString();
    e.error = q.value(26).toString();
    return e;
}

QString newConnectionName()
{
    static QAtomicInteger<int> counter;
    return u"sentry-history-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

History::History() : m_connection(newConnectionName()) {}

History::~History()
{
    close();
}

QString History::fail(const QString &what, const QString &detail, QString *error) const
{
    if (error)
        *error = u"history %1: %2 (%3)"_s.arg(m_path, what, detail);
    return {};
}

bool History::open(const QString &path, QString *error)
{
    close();
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        fail(u"cannot create the folder %1"_s.arg(info.absolutePath()), u"check its permissions"_s, error);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        fail(u"cannot open the database"_s, db.lastError().text() + u"; is it a SQLite file you may write?"_s, error);
        return false;
    }
    QSqlQuery pragma(db);
    // WAL: readers (the GUI, `history`) never block the receiver's writer. NORMAL: a commit survives
    // the process being killed; only a power loss may lose the last transactions.
    // A checkpoint every 10 000 pages (about 40 MB of WAL) instead of 1 000: under load the
    // checkpoints took 5% of the receiver's time.
    for (const QString &statement : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                     u"PRAGMA busy_timeout=5000"_s, u"PRAGMA wal_autocheckpoint=10000"_s}) {
        if (!pragma.exec(statement)) {
            fail(u"cannot set up the database"_s, pragma.lastError().text(), error);
            return false;
        }
    }
    if (!migrate(error))
        return false;
    QSqlQuery totals(u"SELECT COUNT(*), COALESCE(SUM(size), 0) FROM exchanges"_s, db);
    totals.next();
    m_count = totals.value(0).toLongLong();
    m_bytes = totals.value(1).toLongLong();
    return true;
}

void History::close()
{
    m_statements.reset();
    if (!QSqlDatabase::contains(m_connection))
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool History::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

int History::currentVersion()
{
    return migrations().constLast().version;
}

QStringList History::schemaStatements(int fromVersion, int toVersion)
{
    QStringList statements;
    for (const Migration &migration : migrations()) {
        if (migration.version > fromVersion && migration.version <= toVersion)
            statements += migration.statements;
    }
    return statements;
}

int History::version() const
{
    QSqlQuery query(u"PRAGMA user_version"_s, QSqlDatabase::database(m_connection, false));
    return query.next() ? query.value(0).toInt() : -1;
}

bool History::migrate(QString *error)
{
    const int from = version();
    if (from > currentVersion()) {
        fail(u"the schema is version %1, newer than this program's %2"_s.arg(from).arg(currentVersion()),
             u"use a newer Sentry Harness or another --db file"_s, error);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    for (const Migration &migration : migrations()) {
        if (migration.version <= from)
            continue;
        db.transaction();
        QSqlQuery query(db);
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                db.rollback();
                fail(u"migrating to schema version %1 failed"_s.arg(migration.version),
                     query.lastError().text(), error);
                return false;
            }
        }
        query.exec(u"PRAGMA user_version = %1"_s.arg(migration.version));
        if (!db.commit()) {
            fail(u"committing schema version %1 failed"_s.arg(migration.version), db.lastError().text(), error);
            return false;
        }
    }
    return true;
}

// The rows go in through SQLite's C API, on the handle of the connection Qt SQL opened (Qt's
// plugin links the same system libsqlite3); everything else stays on Qt SQL. Through QSqlQuery an
// event cost about 50 k instructions besides SQLite's own work, an eighth of the receiver's: a
// QVariant and a name lookup per bound value, every text handed over in UTF-16 for SQLite to
// convert back to the file's UTF-8, and BEGIN and COMMIT parsed again for every batch.
struct History::Statements
{
    sqlite3 *db = nullptr;
    Statement insert;
    Statement begin;
    Statement commit;
    Statement rollback;
    std::string utf8;             // a row's texts, until its step (RowBinder)
    QStringEncoder encoder{QStringConverter::Utf8, QStringConverter::Flag::Stateless};
    std::vector<QByteArray> kept; // its other texts (as UTF-8) and its blobs

    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(db)); }
};

History::Statements *History::statements(QString *error)
{
    if (m_statements)
        return m_statements.get();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen()) {
        fail(u"the database is not open"_s, u"call open() first"_s, error);
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    sqlite3 *connection = qstrcmp(handle.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3 *const *>(handle.constData())
                                                                      : nullptr;
    if (!connection) {
        fail(u"the database has no SQLite connection"_s, u"Qt's QSQLITE driver gave none"_s, error);
        return nullptr;
    }
    // The handle is only ours to use when Qt's plugin runs the same SQLite library as this program
    // (Debian's links the system libsqlite3). A Qt built with its own copy of SQLite would hand over
    // a handle of that copy: refuse it, naming both, rather than mix two libraries on one connection.
    QSqlQuery source(u"SELECT sqlite_source_id()"_s, db);
    const QString qtSqlite = source.next() ? source.value(0).toString() : QString();
    const QString ours = QString::fromUtf8(sqlite3_sourceid());
    if (qtSqlite != ours) {
        fail(u"Qt's SQLite plugin runs another SQLite library (%1) than this program (%2)"_s.arg(
                 qtSqlite.left(19), ours.left(19)),
             u"build Qt against the system SQLite, as Debian does"_s, error);
        return nullptr;
    }
    auto statements = std::make_unique<Statements>();
    statements->db = connection;
    statements->utf8.reserve(8192); // a usual row's texts are a few hundred bytes
    statements->kept.reserve(32);
    if (!statements->insert.prepare(connection, insertStatement()) || !statements->begin.prepare(connection, "BEGIN")
        || !statements->commit.prepare(connection, "COMMIT") || !statements->rollback.prepare(connection, "ROLLBACK")) {
        fail(u"preparing the insert failed"_s, statements->lastError(), error);
        return nullptr;
    }
    m_statements = std::move(statements);
    return m_statements.get();
}

bool History::insert(QList<Exchange> &exchanges, QString *error)
{
    Statements *statements = this->statements(error);
    if (!statements)
        return false;
    if (!statements->begin.run()) {
        fail(u"starting a transaction failed"_s, statements->lastError(), error);
        return false;
    }
    const qint64 countBefore = m_count;
    const qint64 bytesBefore = m_bytes;
    const auto rollBack = [&] {
        statements->rollback.run();
        m_count = countBefore;
        m_bytes = bytesBefore;
        return false;
    };
    sqlite3_stmt *insert = statements->insert.get();
    for (Exchange &exchange : exchanges) {
        RowBinder row(insert, statements->utf8, statements->encoder, statements->kept);
        const qint64 size = bindExchange(row, exchange);
        if (!row.ok() || !statements->insert.run()) {
            fail(u"storing an exchange failed"_s, statements->lastError(), error);
            return rollBack();
        }
        exchange.id = sqlite3_last_insert_rowid(statements->db);
        m_bytes += size;
        ++m_count;
    }
    if (!applyRetention(error)) // it says why
        return rollBack();
    if (!statements->commit.run()) {
        fail(u"committing failed"_s, statements->lastError(), error);
        return rollBack();
    }
    return true;
}

bool History::applyRetention(QString *error)
{
    if (m_count <= m_retention.maxCount && m_bytes <= m_retention.maxBytes)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery oldest(db);
    // Drop the oldest tenth beyond the limit at once, so retention runs rarely under load.
    const qint64 excess = qMax<qint64>(m_count - m_retention.maxCount, 0) + m_retention.maxCount / 10 + 1;
    oldest.prepare(u"SELECT id, size FROM exchanges ORDER BY id LIMIT ?"_s);
    oldest.addBindValue(excess);
    oldest.exec();
    qint64 lastId = 0;
    qint64 count = m_count;
    qint64 bytes = m_bytes;
    while (oldest.next() && (count > m_retention.maxCount * 9 / 10 || bytes > m_retention.maxBytes * 9 / 10)) {
        lastId = oldest.value(0).toLongLong();
        bytes -= oldest.value(1).toLongLong();
        --count;
    }
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM exchanges WHERE id <= ?"_s);
    remove.addBindValue(lastId);
    if (!remove.exec()) {
        fail(u"applying the retention limit failed"_s, remove.lastError().text(), error);
        return false;
    }
    m_count = count;
    m_bytes = bytes;
    return true;
}

std::optional<Exchange> History::exchange(qint64 id, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT id, %1 FROM exchanges WHERE id = ?"_s.arg(Columns));
    query.addBindValue(id);
    if (!query.exec()) {
        fail(u"reading exchange %1 failed"_s.arg(id), query.lastError().text(), error);
        return std::nullopt;
    }
    if (!query.next()) {
        fail(u"there is no exchange %1"_s.arg(id), u"list them with `history`"_s, error);
        return std::nullopt;
    }
    return exchangeFromRow(query);
}

bool History::select(const QString &columns, const HistoryQuery &q, QSqlQuery *query, QString *error) const
{
    QStringList where;
    QVariantList values;
    const auto add = [&](const QString &condition, const QVariantList &bound) {
        where.append(condition);
        values += bound;
    };
    if (!q.text.isEmpty()) {
        const QString like = u'%' + q.text + u'%';
        add(u"(message LIKE ? OR url LIKE ? OR client LIKE ? OR event_id LIKE ? "
              "OR CAST(CASE WHEN event_is_body THEN request_body ELSE event END AS TEXT) LIKE ?)"_s,
            QVariantList{like, like, like, like, like});
    }
    if (!q.level.isEmpty())
        add(u"level = ?"_s, QVariantList{q.level});
    if (q.status >= 0)
        add(u"status = ?"_s, QVariantList{q.status});
    if (!q.client.isEmpty())
        add(u"client LIKE ?"_s, QVariantList{QString(q.client + u'%')});
    if (!q.project.isEmpty())
        add(u"project = ?"_s, QVariantList{q.project});
    if (q.direction)
        add(u"direction = ?"_s, QVariantList{Exchange::directionName(*q.direction)});
    if (q.since.isValid())
        add(u"at >= ?"_s, QVariantList{q.since.toMSecsSinceEpoch()});
    if (q.until.isValid())
        add(u"at < ?"_s, QVariantList{q.until.toMSecsSinceEpoch()});
    if (q.replayOf > 0)
        add(u"replay_of = ?"_s, QVariantList{q.replayOf});
    if (q.beforeId > 0)
        add(u"id < ?"_s, QVariantList{q.beforeId});
    if (q.afterId > 0)
        add(u"id > ?"_s, QVariantList{q.afterId});
    query->prepare(u"SELECT %1 FROM exchanges %2 ORDER BY id %3 LIMIT %4"_s.arg(
        columns, where.isEmpty() ? QString() : u"WHERE "_s + where.join(u" AND "_s),
        q.oldestFirst ? u"ASC"_s : u"DESC"_s).arg(qMax(q.limit, 0)));
    for (const QVariant &value : std::as_const(values))
        query->addBindValue(value);
    if (query->exec())
        return true;
    fail(u"searching failed"_s, query->lastError().text(), error);
    return false;
}

QList<Exchange> History::search(const HistoryQuery &q, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    QList<Exchange> found;
    if (!select(u"id, "_s + Columns, q, &query, error))
        return found;
    while (query.next())
        found.append(exchangeFromRow(query));
    return found;
}

QList<ExchangeSummary> History::summaries(const HistoryQuery &q, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    QList<ExchangeSummary> found;
    if (!select(u"id, at, direction, method, status, client, project, level, substr(message, 1, 300), event_id, fault, "
                "refusal, error, replay_of"_s, q, &query, error))
        return found;
    while (query.next()) {
        ExchangeSummary e;
        e.id = query.value(0).toLongLong();
        e.at = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        e.direction = query.value(2).toString() == "out"_L1 ? Exchange::Direction::Out : Exchange::Direction::In;
        e.method = query.value(3).toString().toLatin1();
        e.status = query.value(4).toInt();
        e.client = query.value(5).toString();
        e.project = query.value(6).toString();
        e.level = query.value(7).toString();
        e.message = query.value(8).toString();
        e.eventId = query.value(9).toString();
        e.fault = query.value(10).toString();
        e.refusal = query.value(11).toString();
        e.error = query.value(12).toString();
        e.replayOf = query.value(13).toLongLong();
        found.append(e);
    }
    return found;
}

qint64 History::maxId() const
{
    QSqlQuery query(u"SELECT COALESCE(MAX(id), 0) FROM exchanges"_s, QSqlDatabase::database(m_connection, false));
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 History::count() const
{
    return m_count;
}

QString History::defaultPath()
{
    // Not AppDataLocation itself: the GUI ("Sentry Harness") and the CLI ("sentry-harness-cli") have
    // different application names, hence different AppDataLocations; both use this folder.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/SentryHarness/history.sqlite"_s;
}

} // namespace Sentry
