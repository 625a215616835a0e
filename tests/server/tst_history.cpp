// The history: every exchange field round-trips, the schema migrates from every earlier version,
// search by text, level, status, client, direction and time, retention by count and bytes, a
// restart keeps everything, and the writer's callbacks come only after the commit.

#include "history.h"
#include "historywriter.h"

#include <QCborValue>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

Exchange sample(const QString &message, int status = 200, const QString &level = u"error"_s)
{
    Exchange e;
    e.at = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    e.direction = Exchange::Direction::In;
    e.peer = u"127.0.0.1:5000"_s;
    e.method = "POST";
    e.url = "//api/1/store/?x=1";
    e.requestHeaders = {{"X-Sentry-Auth", "Sentry sentry_key=pub"}, {"content-type", "a/b"}};
    e.requestBody = QByteArray("\x00\x01 binary \xff", 12);
    e.encoding = u"base64-zlib"_s;
    e.authSource = u"x-sentry-auth"_s;
    e.auth = {{u"sentry_key"_s, u"pub"_s}, {u"sentry_secret"_s, u"s\u00e9c"_s}};
    e.client = u"raven-node/0.6.3"_s;
    e.project = u"1"_s;
    e.eventId = u"abc"_s;
    e.message = message;
    e.level = level;
    e.eventJson = R"({"message":"m"})";
    e.findings = QJsonArray{QJsonObject{{u"rule"_s, u"r"_s}}};
    e.storedEvent = {{u"message"_s, message}};
    e.status = status;
    e.responseHeaders = {{"Content-Type", "application/json"}};
    e.responseBody = R"({"id":"abc"})";
    e.refusal = status == 200 ? QString() : u"auth.key"_s;
    e.fault = u"429,once"_s;
    e.durationMs = 3;
    e.replayOf = 7;
    return e;
}

// Builds a database file as an earlier version of the program left it, with one exchange in it.
void createAtVersion(const QString &path, int version)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &statement : History::schemaStatements(0, version))
            QVERIFY2(query.exec(statement), qPrintable(statement));
        QVERIFY(query.exec(u"PRAGMA user_version = %1"_s.arg(version)));
        if (version >= 1)
            QVERIFY(query.exec(u"INSERT INTO exchanges (at, direction, method, url, request_body, message, status) "
                               "VALUES (1000, 'in', 'POST', '/api/1/store/', 'body', 'old message', 200)"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old"_s);
}

// Runs `use` on a connection of its own to the file, as another process would open it, and closes it.
template <typename Use>
void onAnotherConnection(const QString &path, Use use)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        use(db);
    }
    QSqlDatabase::removeDatabase(u"peek"_s);
}

} // namespace

class tst_History : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void insert_roundTripsEveryField();
    void insert_keepsAJsonBodyOnceAndFindsItsEvent();
    void migrate_fromEveryEarlierVersion_data();
    void migrate_fromEveryEarlierVersion();
    void open_refusesNewerSchemaWithHowToFix();
    void open_reportsUnwritablePath();
    void search_data();
    void search();
    void summaries_pageByIdWithNoGap();
    void writer_waitsForAnotherWritersLockAndReadersNeverBlock();
    void search_replaysOfOneExchange();
    void retention_byCountAndBytes();
    void restart_keepsEverything();
    void writer_callsBackAfterCommitInBatches();
    void writer_batchIsOneCallbackAfterItsCommit();
    void insert_keepsWhatCborCannotCarry();
    void insert_writesQtsOwnCbor();
    void insert_writesEachColumnsTypeAsQtSqlDid();
    void insert_textWithALoneSurrogateKeepsItsNeighbours();
    void insert_failedBatchLeavesNothing();
    void insert_textsOfEveryLengthAndKindRoundTrip();
    void defaultPath_isInTheTestDataFolder();

private:
    QString newPath() { return m_dir.filePath(u"h%1.sqlite"_s.arg(++m_files)); }
    QTemporaryDir m_dir;
    int m_files = 0;
};

void tst_History::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_History::insert_roundTripsEveryField()
{
    History history;
    QString error;
    QVERIFY2(history.open(newPath(), &error), qPrintable(error));
    QCOMPARE(history.version(), History::currentVersion());
    QList<Exchange> batch = {sample(u"one"_s), sample(u"two"_s)};
    QVERIFY2(history.insert(batch, &error), qPrintable(error));
    QVERIFY(batch.at(0).id > 0 && batch.at(1).id == batch.at(0).id + 1);
    const auto read = history.exchange(batch.at(1).id);
    QVERIFY(read);
    const Exchange expected = batch.at(1);
    QCOMPARE(read->toJson(), expected.toJson());
    QCOMPARE(read->requestBody, expected.requestBody);
    QCOMPARE(read->requestHeaders, expected.requestHeaders);
    QCOMPARE(read->at, expected.at);
    QVERIFY(!history.exchange(999, &error));
    QVERIFY(error.contains(u"there is no exchange 999"_s));
}

void tst_History::insert_keepsAJsonBodyOnceAndFindsItsEvent()
{
    History history;
    QString error;
    const QString path = newPath();
    QVERIFY2(history.open(path, &error), qPrintable(error));
    Exchange json = sample(u"json body"_s);
    json.encoding = u"json"_s;
    json.requestBody = R"({"message":"needle in the body"})";
    json.eventJson = json.requestBody;
    QList<Exchange> batch = {json, sample(u"other"_s)};
    QVERIFY2(history.insert(batch, &error), qPrintable(error));
    const auto read = history.exchange(batch.at(0).id);
    QVERIFY(read);
    QCOMPARE(read->eventJson, json.requestBody);
    QCOMPARE(read->requestBody, json.requestBody);
    QCOMPARE(history.exchange(batch.at(1).id)->eventJson, sample(u"other"_s).eventJson);
    HistoryQuery query;
    query.text = u"needle"_s;
    QCOMPARE(history.search(query).size(), 1);
    onAnotherConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery peek(u"SELECT event IS NULL, event_is_body FROM exchanges ORDER BY id"_s, db);
        QVERIFY(peek.next());
        QCOMPARE(peek.value(0).toInt(), 1); // the body's bytes are stored once
        QCOMPARE(peek.value(1).toInt(), 1);
        QVERIFY(peek.next());
        QCOMPARE(peek.value(0).toInt(), 0);
        QCOMPARE(peek.value(1).toInt(), 0);
    });
}

void tst_History::migrate_fromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 0; version < History::currentVersion(); ++version)
        QTest::addRow("from-v%d", version) << version;
}

void tst_History::migrate_fromEveryEarlierVersion()
{
    QFETCH(int, version);
    const QString path = newPath();
    createAtVersion(path, version);
    History history;
    QString error;
    QVERIFY2(history.open(path, &error), qPrintable(error));
    QCOMPARE(history.version(), History::currentVersion());
    {
        // The indexes a search uses, and no other (each costs every insert a B-tree update).
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery indexes(u"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"_s, db);
        QStringList names;
        while (indexes.next())
            names.append(indexes.value(0).toString());
        QCOMPARE(names, (QStringList{u"exchanges_at"_s, u"exchanges_status"_s}));
    }
    QSqlDatabase::removeDatabase(u"peek"_s);
    if (version >= 1) {
        const auto old = history.exchange(1);
        QVERIFY(old);
        QCOMPARE(old->message, u"old message"_s);
        QCOMPARE(old->requestBody, "body");
    }
    QList<Exchange> batch = {sample(u"new"_s)};
    QVERIFY2(history.insert(batch, &error), qPrintable(error));
    QCOMPARE(history.count(), version >= 1 ? 2 : 1);
    HistoryQuery query;
    query.text = u"new"_s;
    QCOMPARE(history.search(query).size(), 1);
}

void tst_History::open_refusesNewerSchemaWithHowToFix()
{
    const QString path = newPath();
    createAtVersion(path, History::currentVersion());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(u"PRAGMA user_version = 99"_s, db);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bump"_s);
    History history;
    QString error;
    QVERIFY(!history.open(path, &error));
    QVERIFY2(error.contains(path) && error.contains(u"newer"_s) && error.contains(u"--db"_s), qPrintable(error));
}

void tst_History::open_reportsUnwritablePath()
{
    History history;
    QString error;
    QVERIFY(!history.open(u"/proc/no-such-dir/history.sqlite"_s, &error));
    QVERIFY2(error.contains(u"/proc/no-such-dir"_s), qPrintable(error));
}

void tst_History::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("level");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("client");
    QTest::addColumn<int>("direction"); // -1 any, 0 in, 1 out
    QTest::addColumn<int>("sinceHour");
    QTest::addColumn<QStringList>("messages");
    QTest::newRow("all") << QString() << QString() << -1 << QString() << -1 << -1 << QStringList{u"gamma out"_s, u"beta"_s, u"alpha disk"_s};
    QTest::newRow("text") << u"disk"_s << QString() << -1 << QString() << -1 << -1 << QStringList{u"alpha disk"_s};
    QTest::newRow("level") << QString() << u"warning"_s << -1 << QString() << -1 << -1 << QStringList{u"beta"_s};
    QTest::newRow("status") << QString() << QString() << 403 << QString() << -1 << -1 << QStringList{u"beta"_s};
    QTest::newRow("client-prefix") << QString() << QString() << -1 << u"sentry-harness"_s << -1 << -1 << QStringList{u"gamma out"_s};
    QTest::newRow("direction-out") << QString() << QString() << -1 << QString() << 1 << -1 << QStringList{u"gamma out"_s};
    QTest::newRow("direction-in") << QString() << QString() << -1 << QString() << 0 << -1 << QStringList{u"beta"_s, u"alpha disk"_s};
    QTest::newRow("since") << QString() << QString() << -1 << QString() << -1 << 11 << QStringList{u"gamma out"_s, u"beta"_s};
    QTest::newRow("combined-none") << u"alpha"_s << u"warning"_s << -1 << QString() << -1 << -1 << QStringList{};
}

void tst_History::search()
{
    QFETCH(QString, text);
    QFETCH(QString, level);
    QFETCH(int, status);
    QFETCH(QString, client);
    QFETCH(int, direction);
    QFETCH(int, sinceHour);
    History history;
    QVERIFY(history.open(newPath()));
    QList<Exchange> rows = {sample(u"alpha disk"_s), sample(u"beta"_s, 403, u"warning"_s), sample(u"gamma out"_s)};
    for (int i = 0; i < rows.size(); ++i)
        rows[i].at = QDateTime(QDate(2026, 1, 2), QTime(10 + i, 0), Qt::UTC);
    rows[2].direction = Exchange::Direction::Out;
    rows[2].client = u"sentry-harness/0.1.0"_s;
    QVERIFY(history.insert(rows));
    HistoryQuery query;
    query.text = text;
    query.level = level;
    query.status = status;
    query.client = client;
    if (direction >= 0)
        query.direction = direction == 0 ? Exchange::Direction::In : Exchange::Direction::Out;
    if (sinceHour >= 0)
        query.since = QDateTime(QDate(2026, 1, 2), QTime(sinceHour, 0), Qt::UTC);
    QStringList messages;
    for (const Exchange &e : history.search(query))
        messages.append(e.message);
    QTEST(messages, "messages");
    QStringList summaries; // the list's rows: the same query, the same rows
    for (const ExchangeSummary &e : history.summaries(query))
        summaries.append(e.message);
    QTEST(summaries, "messages");
}

void tst_History::summaries_pageByIdWithNoGap()
{
    History history;
    QVERIFY(history.open(newPath()));
    QList<Exchange> rows;
    for (int i = 0; i < 10; ++i)
        rows.append(sample(u"m%1"_s.arg(i)));
    rows[3].project = u"web"_s;
    QVERIFY(history.insert(rows));
    QCOMPARE(history.maxId(), rows.last().id);
    const auto ids = [](const QList<ExchangeSummary> &list) {
        QList<qint64> result;
        for (const ExchangeSummary &e : list)
            result.append(e.id);
        return result;
    };
    const qint64 first = rows.first().id;
    HistoryQuery page;
    page.limit = 4;
    QCOMPARE(ids(history.summaries(page)), (QList<qint64>{first + 9, first + 8, first + 7, first + 6}));
    page.beforeId = first + 6;
    QCOMPARE(ids(history.summaries(page)), (QList<qint64>{first + 5, first + 4, first + 3, first + 2}));
    HistoryQuery newer; // forward from a known id, oldest first: a burst larger than a page leaves no gap
    newer.afterId = first + 5;
    newer.oldestFirst = true;
    newer.limit = 2;
    QCOMPARE(ids(history.summaries(newer)), (QList<qint64>{first + 6, first + 7}));
    HistoryQuery project;
    project.project = u"web"_s;
    QCOMPARE(ids(history.summaries(project)), (QList<qint64>{first + 3}));
    const ExchangeSummary summary = history.summaries(project).constFirst();
    QCOMPARE(summary.client, u"raven-node/0.6.3"_s);
    QCOMPARE(summary.status, 200);
    QCOMPARE(summary.fault, u"429,once"_s);
    QCOMPARE(summary.replayOf, 7);
    QCOMPARE(summary.method, QByteArray("POST"));
}

// WAL: another process reading (the GUI's list, `history`) never blocks the receiver's writer, and
// one holding the write lock for a moment (a CLI `send` committing) only delays the commit.
void tst_History::writer_waitsForAnotherWritersLockAndReadersNeverBlock()
{
    const QString path = newPath();
    HistoryWriter writer;
    QVERIFY(writer.open(path));
    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-process"_s);
    other.setDatabaseName(path);
    QVERIFY(other.open());
    {
        QSqlQuery lock(other);
        QVERIFY(lock.exec(u"BEGIN"_s));
        QVERIFY(lock.exec(u"SELECT COUNT(*) FROM exchanges"_s)); // a read transaction stays open
        QVERIFY(lock.next());
        QString readError = u"not called"_s;
        writer.record(sample(u"while read"_s), this,
                      [&readError](const Exchange &, const QString &e) { readError = e; });
        QTRY_COMPARE_WITH_TIMEOUT(readError, QString(), 4000); // well within the 5 s busy timeout
        QVERIFY(lock.exec(u"COMMIT"_s));

        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s)); // the write lock, as another writer holds it
        QString error = u"not called"_s;
        writer.record(sample(u"while locked"_s), this,
                      [&error](const Exchange &, const QString &e) { error = e; });
        QTimer::singleShot(300, this, [&lock] { lock.exec(u"COMMIT"_s); });
        QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 5000); // committed once the lock went
    }
    other.close();
    other = {};
    QSqlDatabase::removeDatabase(u"other-process"_s);
    History reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.count(), 2);
}

void tst_History::search_replaysOfOneExchange()
{
    History history;
    QVERIFY(history.open(newPath()));
    QList<Exchange> originals = {sample(u"first"_s), sample(u"second"_s)};
    originals[0].replayOf = 0;
    originals[1].replayOf = 0;
    QVERIFY(history.insert(originals));
    QList<Exchange> replays = {sample(u"r1"_s), sample(u"other"_s), sample(u"r2"_s)};
    replays[0].replayOf = originals[0].id;
    replays[1].replayOf = originals[1].id;
    replays[2].replayOf = originals[0].id;
    QVERIFY(history.insert(replays));
    HistoryQuery query;
    query.replayOf = originals[0].id;
    QStringList messages;
    for (const Exchange &e : history.search(query))
        messages.append(e.message);
    QCOMPARE(messages, (QStringList{u"r2"_s, u"r1"_s})); // newest first
}

void tst_History::retention_byCountAndBytes()
{
    History byCount;
    QVERIFY(byCount.open(newPath()));
    byCount.setRetention({100, 1LL << 40});
    for (int i = 0; i < 25; ++i) {
        QList<Exchange> batch(10, sample(u"m%1"_s.arg(i)));
        QVERIFY(byCount.insert(batch));
    }
    QVERIFY2(byCount.count() <= 100 && byCount.count() >= 80, qPrintable(QString::number(byCount.count())));
    HistoryQuery newest;
    newest.limit = 1;
    QCOMPARE(byCount.search(newest).constFirst().message, u"m24"_s); // the oldest go first

    History byBytes;
    QVERIFY(byBytes.open(newPath()));
    // A row of this sample costs a few hundred bytes of text and blobs: 20 KB holds some dozens.
    byBytes.setRetention({1000000, 20 * 1000});
    for (int i = 0; i < 40; ++i) {
        QList<Exchange> batch(5, sample(u"x"_s.repeated(100)));
        QVERIFY(byBytes.insert(batch));
    }
    QVERIFY2(byBytes.count() <= 30 && byBytes.count() > 0, qPrintable(QString::number(byBytes.count())));
}

void tst_History::restart_keepsEverything()
{
    const QString path = newPath();
    {
        History history;
        QVERIFY(history.open(path));
        QList<Exchange> batch(30, sample(u"kept"_s));
        QVERIFY(history.insert(batch));
    }
    History again;
    QVERIFY(again.open(path));
    QCOMPARE(again.count(), 30);
    HistoryQuery query;
    query.limit = 100;
    QCOMPARE(again.search(query).size(), 30);
}

void tst_History::writer_callsBackAfterCommitInBatches()
{
    const QString path = newPath();
    HistoryWriter writer;
    QString error;
    QVERIFY2(writer.open(path, &error), qPrintable(error));
    QSignalSpy committed(&writer, &HistoryWriter::committed);
    QList<qint64> ids;
    History reader;
    QVERIFY(reader.open(path));
    int visibleAtCallback = 0;
    for (int i = 0; i < 200; ++i) {
        writer.record(sample(u"w%1"_s.arg(i)), this, [&](const Exchange &stored, const QString &e) {
            QVERIFY(e.isEmpty());
            ids.append(stored.id);
            visibleAtCallback += reader.exchange(stored.id).has_value() ? 1 : 0;
        });
    }
    QTRY_COMPARE(ids.size(), 200);
    QCOMPARE(visibleAtCallback, 200); // committed before the callback, visible to another connection
    int total = 0;
    for (const QList<QVariant> &signal : std::as_const(committed))
        total += signal.constFirst().toInt();
    QCOMPARE(total, 200);
    QVERIFY(committed.size() < 200); // grouped into fewer transactions
    QCOMPARE(writer.pending(), 0);
}

void tst_History::writer_batchIsOneCallbackAfterItsCommit()
{
    const QString path = newPath();
    HistoryWriter writer;
    QString error;
    QVERIFY2(writer.open(path, &error), qPrintable(error));
    History reader;
    QVERIFY(reader.open(path));
    QList<Exchange> batch;
    for (int i = 0; i < 25; ++i)
        batch.append(sample(u"b%1"_s.arg(i)));
    QList<Exchange> stored;
    int callbacks = 0;
    int visibleAtCallback = 0;
    writer.record(batch, this, [&](const QList<Exchange> &exchanges, const QString &e) {
        QVERIFY(e.isEmpty());
        ++callbacks;
        stored = exchanges;
        for (const Exchange &exchange : exchanges)
            visibleAtCallback += reader.exchange(exchange.id).has_value() ? 1 : 0;
    });
    QTRY_COMPARE(callbacks, 1);
    QCOMPARE(stored.size(), batch.size());
    QCOMPARE(visibleAtCallback, 25); // committed before the callback
    for (qsizetype i = 0; i < stored.size(); ++i) {
        QCOMPARE(stored.at(i).message, batch.at(i).message); // in order, each with its own id
        if (i > 0)
            QCOMPARE(stored.at(i).id, stored.at(i - 1).id + 1);
        QCOMPARE(reader.exchange(stored.at(i).id)->toJson(), stored.at(i).toJson());
    }
    QCOMPARE(writer.pending(), 0);
}

void tst_History::insert_keepsWhatCborCannotCarry()
{
    // A lone surrogate (a "\ud800" escape, or a text cut between the halves of a pair) has no UTF-8
    // form, so such a stored event or finding is kept as JSON text; a pair is fine as CBOR.
    History history;
    QVERIFY(history.open(newPath()));
    QList<Exchange> batch = {sample(u"lone"_s), sample(u"pair"_s)};
    const QString lone = u"cut \xd83d"_s;
    batch[0].storedEvent = QJsonObject{{u"message"_s, lone}, {u"k\xdc00"_s, 1}};
    batch[0].findings = QJsonArray{QJsonObject{{u"message"_s, lone}}};
    batch[1].storedEvent = QJsonObject{{u"message"_s, u"smile \xd83d\xde00"_s}};
    QVERIFY(history.insert(batch));
    for (const Exchange &stored : std::as_const(batch)) {
        const auto read = history.exchange(stored.id);
        QVERIFY(read);
        QCOMPARE(read->storedEvent, stored.storedEvent);
        QCOMPARE(read->findings, stored.findings);
    }
}

void tst_History::insert_writesQtsOwnCbor()
{
    // The columns are written through a cheaper device than QCborValue::toCbor()'s QBuffer: the
    // bytes must be the ones toCbor() writes, for every kind of JSON value and a text past the
    // device's first reservation.
    const QString path = newPath();
    History history;
    QVERIFY(history.open(path));
    Exchange e = sample(u"cbor"_s);
    e.storedEvent = QJsonObject{
        {u"int"_s, 42}, {u"negative"_s, -70000}, {u"big"_s, qint64(1) << 53}, {u"double"_s, 0.1},
        {u"true"_s, true}, {u"false"_s, false}, {u"null"_s, QJsonValue()},
        {u"text"_s, u"Gr\u00f6\u00dfe \U0001F4A5"_s}, {u"long"_s, QString(3000, u'x')},
        {u"nested"_s, QJsonObject{{u"list"_s, QJsonArray{1, u"two"_s, QJsonArray{}, QJsonObject{}}}}}};
    e.findings = QJsonArray{QJsonObject{{u"rule"_s, u"r"_s}}, 2.5};
    QList<Exchange> batch = {e};
    QVERIFY(history.insert(batch));
    onAnotherConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery peek(u"SELECT stored_event, findings FROM exchanges"_s, db);
        QVERIFY(peek.next());
        QCOMPARE(peek.value(0).toByteArray(), QCborValue::fromJsonValue(e.storedEvent).toCbor());
        QCOMPARE(peek.value(1).toByteArray(), QCborValue::fromJsonValue(e.findings).toCbor());
    });
    QCOMPARE(history.exchange(batch.at(0).id)->storedEvent, e.storedEvent);
}

void tst_History::insert_writesEachColumnsTypeAsQtSqlDid()
{
    // The rows go in through SQLite's C API; each value keeps the type Qt's driver gave it (files
    // written before are read by the same code): a null string or byte array is NULL, an empty
    // string '' and empty bytes X'', a string TEXT, bytes a BLOB, a number an INTEGER.
    const QString path = newPath();
    History history;
    QVERIFY(history.open(path));
    Exchange e = sample(u"types"_s);
    e.project = u""_s;       // empty, not null
    e.responseBody = "";     // empty, not null
    e.refusal = QString();   // null
    e.replayOf = 0;          // none: NULL
    e.error = QString();
    e.eventJson = e.requestBody; // stored once: event NULL, event_is_body 1
    Exchange bare;               // every field its default
    QList<Exchange> batch = {e, bare};
    QVERIFY(history.insert(batch));
    onAnotherConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery peek(u"SELECT typeof(at), typeof(direction), typeof(method), typeof(url), typeof(request_body), "
                       "quote(project), quote(response_body), typeof(refusal), typeof(replay_of), typeof(event), "
                       "event_is_body, typeof(status), typeof(duration_ms), typeof(size), typeof(stored_event), "
                       "typeof(message), typeof(error) FROM exchanges ORDER BY id"_s, db);
        QList<QStringList> rows;
        while (peek.next()) {
            QStringList row;
            for (int i = 0; i < 17; ++i)
                row.append(peek.value(i).toString());
            rows.append(row);
        }
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0), (QStringList{u"integer"_s, u"text"_s, u"text"_s, u"blob"_s, u"blob"_s, u"''"_s, u"X''"_s,
                                          u"null"_s, u"null"_s, u"null"_s, u"1"_s, u"integer"_s, u"integer"_s,
                                          u"integer"_s, u"blob"_s, u"text"_s, u"null"_s}));
        QCOMPARE(rows.at(1), (QStringList{u"integer"_s, u"text"_s, u"null"_s, u"null"_s, u"null"_s, u"NULL"_s, u"NULL"_s,
                                          u"null"_s, u"null"_s, u"null"_s, u"0"_s, u"integer"_s, u"integer"_s,
                                          u"integer"_s, u"null"_s, u"null"_s, u"null"_s}));
    });
    const auto read = history.exchange(batch.at(0).id);
    QVERIFY(read);
    QCOMPARE(read->toJson(), batch.at(0).toJson());
    QVERIFY(!read->project.isNull() && read->project.isEmpty());
    QVERIFY(read->refusal.isNull());
}

void tst_History::insert_textWithALoneSurrogateKeepsItsNeighbours()
{
    // UTF-8 has no form for half a surrogate pair: the half becomes U+FFFD, and the characters
    // around it stay (SQLite's own UTF-16 conversion, used before, swallowed the next one into it).
    // Also in a text too long for the shared buffer.
    History history;
    QVERIFY(history.open(newPath()));
    Exchange e = sample(u"lone "_s + QChar(0xdc00) + u" low, pair \U0001F600, \u00e9"_s);
    e.client = u"raven"_s + QChar(0xd83d) + u"x/1.0"_s;
    e.level = u"error"_s + QChar(0xd83d); // at the very end
    e.error = QString(9000, u'x') + QChar(0xdc00);
    QList<Exchange> batch = {e};
    QVERIFY(history.insert(batch));
    const auto read = history.exchange(batch.at(0).id);
    QVERIFY(read);
    QCOMPARE(read->message, u"lone \ufffd low, pair \U0001F600, \u00e9"_s);
    QCOMPARE(read->client, u"raven\ufffdx/1.0"_s);
    QCOMPARE(read->level, u"error\ufffd"_s);
    QCOMPARE(read->error, QString(9000, u'x') + u"\ufffd"_s);
}

void tst_History::insert_failedBatchLeavesNothing()
{
    // A row SQLite refuses (here a trigger refuses it) rolls the whole batch back, says why, and
    // the next batch goes in as if nothing happened.
    const QString path = newPath();
    History history;
    QVERIFY(history.open(path));
    onAnotherConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery trigger(db);
        QVERIFY(trigger.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON exchanges WHEN NEW.message = 'refused' "
                             "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s));
    });
    QList<Exchange> batch = {sample(u"first"_s), sample(u"refused"_s)};
    QString error;
    QVERIFY(!history.insert(batch, &error));
    QVERIFY2(error.contains(u"storing an exchange failed"_s) && error.contains(u"refused by the test"_s),
             qPrintable(error));
    QCOMPARE(history.count(), 0);
    QCOMPARE(history.search(HistoryQuery()).size(), 0); // "first" went back with it
    QList<Exchange> next = {sample(u"second"_s)};
    QVERIFY2(history.insert(next, &error), qPrintable(error));
    QCOMPARE(history.count(), 1);
    QCOMPARE(history.exchange(next.at(0).id)->message, u"second"_s);
}

void tst_History::insert_textsOfEveryLengthAndKindRoundTrip()
{
    // Texts are encoded into one buffer with room for 8 KB, those past its room one by one: a row
    // mixing short, non-ASCII and texts past that room, and rows after it, come back whole.
    History history;
    QVERIFY(history.open(newPath()));
    Exchange mixed = sample(QString(9000, u'm'));
    mixed.client = u"h\u00f4te/1.0"_s;
    mixed.error = QString(3000, u'e') + u"\u00e9"_s;
    mixed.fault = QString(3000, u'f');
    mixed.peer = u""_s;
    Exchange shortOnes = sample(u"short"_s);
    QList<Exchange> batch = {mixed, shortOnes, mixed};
    QVERIFY(history.insert(batch));
    for (const Exchange &stored : std::as_const(batch)) {
        const auto read = history.exchange(stored.id);
        QVERIFY(read);
        QCOMPARE(read->toJson(), stored.toJson());
    }
}

void tst_History::defaultPath_isInTheTestDataFolder()
{
    const QString path = History::defaultPath();
    QVERIFY(path.endsWith(u"/SentryHarness/history.sqlite"_s));
    QVERIFY2(path.contains(u"qttest"_s), qPrintable(path)); // test mode: never the user's own folder
}

QTEST_GUILESS_MAIN(tst_History)
#include "tst_history.moc"
