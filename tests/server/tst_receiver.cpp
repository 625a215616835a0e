// The receiver on a real loopback socket: each route, each fault, the size guards before Qt buffers
// (a declared 50 MB body and a decompression bomb, with the process's peak memory watched), and
// exchanges recorded in order with their headers as sent.

#include "rawhttp.h"
#include "receiverfixture.h"

#include "bodycodec.h"
#include "history.h"

#include <QElapsedTimer>
#include <QSet>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <zlib.h>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace Fixture;

namespace {

QByteArray store(const QByteArray &body = Event)
{
    return httpRequest("POST", "/api/1/store/", Auth, body);
}

// base64(zlib(json)) of {"message":"<n spaces>"} produced in a stream, so the test never holds the
// inflated text: n = 100 MB gives about 100 KB on the wire.
QByteArray deflatedBomb(qint64 inflatedBytes)
{
    z_stream stream{};
    deflateInit(&stream, Z_BEST_COMPRESSION);
    QByteArray out;
    QByteArray chunk(1 << 20, ' ');
    const QByteArray head = "{\"message\":\"";
    const auto feed = [&](const QByteArray &data, int flush) {
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        stream.avail_in = uInt(data.size());
        char buffer[65536];
        do {
            stream.next_out = reinterpret_cast<Bytef *>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, flush);
            out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0);
    };
    feed(head, Z_NO_FLUSH);
    for (qint64 sent = 0; sent < inflatedBytes; sent += chunk.size())
        feed(chunk, Z_NO_FLUSH);
    feed("\"}", Z_FINISH);
    deflateEnd(&stream);
    return out.toBase64();
}

} // namespace

class tst_Receiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void routes_data();
    void routes();
    void bindsLoopbackAndGivesDsn();
    void keepAlive_answersInOrderAndRecordsHeadersAsSent();
    void statusFaults_data();
    void statusFaults();
    void fault_delay();
    void fault_drop();
    void fault_hang();
    void fault_changedWhileRunning();
    void config_changedWhileRunning();
    void declared50MB_refusedBeforeBuffering();
    void chunkedBody_refused();
    void oversizedHead_refused();
    void decompressionBomb_refusedAtCap();
    void history_answers200OnlyAfterCommit();
    void history_lockedByAnotherProcess_answers503();
    void history_survivesRestart();
    void concurrent50Clients200Requests_allAcknowledgedStored();

private:
    QTemporaryDir m_dir;
};

void tst_Receiver::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_Receiver::routes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    const QByteArray beacon = "/api/1/store/?sentry_version=4&sentry_client=raven-js/1.1.0&sentry_key=pub&sentry_data="
        + QUrl::toPercentEncoding(QString::fromUtf8(Event));
    QTest::newRow("post") << store() << 200 << QByteArray("application/json");
    QTest::newRow("post-base64-zlib") << store(BodyCodec::encode(Event, BodyEncoding::Base64Zlib)) << 200 << QByteArray("application/json");
    QTest::newRow("legacy") << httpRequest("POST", "/api/store/", Auth, R"({"message":"x","project":"1"})") << 200 << QByteArray("application/json");
    QTest::newRow("get-beacon") << httpRequest("GET", beacon, {{"Referer", "http://localhost/page"}}) << 200 << QByteArray("image/gif");
    QTest::newRow("head-beacon") << httpRequest("HEAD", beacon, {{"Origin", "http://localhost"}}) << 200 << QByteArray("image/gif");
    QTest::newRow("options") << httpRequest("OPTIONS", "/api/1/store/", {{"Origin", "http://localhost"}}) << 200 << QByteArray("text/plain");
    QTest::newRow("crossdomain") << httpRequest("GET", "/crossdomain.xml", {}) << 200 << QByteArray("application/xml");
    QTest::newRow("project-crossdomain") << httpRequest("GET", "/api/1/crossdomain.xml", {}) << 200 << QByteArray("application/xml");
    QTest::newRow("not-found") << httpRequest("GET", "/favicon.ico", {}) << 404 << QByteArray("text/plain");
    QTest::newRow("put") << httpRequest("PUT", "/api/1/store/", Auth, Event) << 405 << QByteArray("text/plain");
    QTest::newRow("bad-key") << httpRequest("POST", "/api/1/store/", {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=a/1, sentry_key=x, sentry_secret=y"}}, Event) << 403 << QByteArray("text/plain");
}

void tst_Receiver::routes()
{
    QFETCH(QByteArray, request);
    ReceiverFixture fixture(config());
    QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const auto answer = client.exchange(request);
    QVERIFY(answer);
    QTEST(answer->status, "status");
    QTEST(answer->header("Content-Type"), "contentType");
    if (request.startsWith("HEAD"))
        QVERIFY(answer->body.isEmpty());
    else if (answer->status != 200)
        QVERIFY(!answer->header("X-Sentry-Error").isEmpty());
    QTRY_COMPARE(fixture.exchangeCount(), 1);
    QCOMPARE(fixture.exchanges().constFirst().status, answer->status);
}

void tst_Receiver::bindsLoopbackAndGivesDsn()
{
    ReceiverFixture fixture(config());
    QVERIFY(fixture.isOk());
    QCOMPARE(fixture.receiver()->address(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(fixture.receiver()->dsn(), u"http://pub:sec@127.0.0.1:%1/1"_s.arg(fixture.port()));
}

void tst_Receiver::keepAlive_answersInOrderAndRecordsHeadersAsSent()
{
    ReceiverFixture fixture(config());
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const QByteArray odd = "POST //api//1//store/ HTTP/1.1\r\nHost: 127.0.0.1\r\nx-custom: B\r\n"
                           "X-Sentry-Auth: " + Auth.first().second + "\r\nA-First: 1\r\nContent-Length: "
        + QByteArray::number(Event.size()) + "\r\n\r\n" + Event;
    for (int i = 0; i < 3; ++i) {
        const auto answer = client.exchange(odd);
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
    }
    QTRY_COMPARE(fixture.exchangeCount(), 3);
    const Exchange first = fixture.exchanges().constFirst();
    QCOMPARE(first.url, "//api//1//store/");
    QCOMPARE(first.requestHeaders.size(), 5);
    QCOMPARE(first.requestHeaders.at(1), RawHeader("x-custom", "B"));
    QCOMPARE(first.requestHeaders.at(3), RawHeader("A-First", "1"));
    QCOMPARE(first.requestBody, Event);
    QCOMPARE(first.eventId, u"0123456789abcdef0123456789abcdef"_s);
    QVERIFY(first.peer.startsWith(u"127.0.0.1:"_s));
}

void tst_Receiver::statusFaults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("sentryError");
    for (int status : {400, 401, 403, 413, 429, 500, 503})
        QTest::addRow("%d", status) << QString::number(status) << status << true;
    QTest::newRow("500-no-error") << u"500,no-error"_s << 500 << false;
    QTest::newRow("429-retry-after") << u"429,retry-after=7"_s << 429 << true;
}

void tst_Receiver::statusFaults()
{
    QFETCH(QString, spec);
    QFETCH(int, status);
    QFETCH(bool, sentryError);
    ReceiverFixture fixture(config());
    fixture.addFault(spec);
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const auto answer = client.exchange(store());
    QVERIFY(answer);
    QCOMPARE(answer->status, status);
    QCOMPARE(answer->headers.contains({"X-Sentry-Error", answer->header("X-Sentry-Error")}), sentryError);
    if (spec.contains(u"retry-after"_s))
        QCOMPARE(answer->header("Retry-After"), "7");
    QTRY_COMPARE(fixture.exchangeCount(), 1);
    const Exchange recorded = fixture.exchanges().constFirst();
    QCOMPARE(recorded.fault, spec);
    QCOMPARE(recorded.status, status);
    QCOMPARE(recorded.eventId, u"0123456789abcdef0123456789abcdef"_s); // still judged and recorded
}

void tst_Receiver::fault_delay()
{
    ReceiverFixture fixture(config());
    fixture.addFault(u"delay=300"_s);
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    QElapsedTimer timer;
    timer.start();
    const auto answer = client.exchange(store());
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
}

void tst_Receiver::fault_drop()
{
    ReceiverFixture fixture(config());
    fixture.addFault(u"drop,once"_s);
    RawClient dropped;
    QVERIFY(dropped.connectTo(fixture.port()));
    QVERIFY(!dropped.exchange(store())); // closed without an answer
    QTRY_COMPARE(fixture.exchangeCount(), 1);
    QCOMPARE(fixture.exchanges().constFirst().status, 0);
    QCOMPARE(fixture.exchanges().constFirst().fault, u"drop,once"_s);
    RawClient next; // once: the next request is answered
    QVERIFY(next.connectTo(fixture.port()));
    QCOMPARE(next.exchange(store())->status, 200);
}

void tst_Receiver::fault_hang()
{
    ReceiverFixture fixture(config());
    fixture.addFault(u"hang,once"_s);
    RawClient hung;
    QVERIFY(hung.connectTo(fixture.port()));
    hung.send(store());
    QTRY_COMPARE(fixture.exchangeCount(), 1);
    // A later request on another connection is answered; by then the hung one would have been too.
    RawClient other;
    QVERIFY(other.connectTo(fixture.port()));
    QCOMPARE(other.exchange(store())->status, 200);
    QCOMPARE(hung.socket().bytesAvailable(), 0);
    QCOMPARE(hung.socket().state(), QAbstractSocket::ConnectedState);
    QCOMPARE(fixture.exchanges().constFirst().fault, u"hang,once"_s);
}

void tst_Receiver::fault_changedWhileRunning()
{
    ReceiverFixture fixture(config());
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    QCOMPARE(client.exchange(store())->status, 200);
    fixture.addFault(u"503,client=raven-python"_s);
    QCOMPARE(client.exchange(store())->status, 503);
    fixture.clearFaults();
    QCOMPARE(client.exchange(store())->status, 200);
    int hits = -1;
    fixture.addFault(u"429,every=2"_s);
    QCOMPARE(client.exchange(store())->status, 200);
    QCOMPARE(client.exchange(store())->status, 429);
    fixture.onServer([&] { hits = fixture.receiver()->faults().hits().constFirst(); });
    QCOMPARE(hits, 1);
}

void tst_Receiver::config_changedWhileRunning()
{
    // Requests are judged on the judge's thread: a new configuration reaches it with the next batch.
    ReceiverFixture fixture(config());
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    QCOMPARE(client.exchange(store())->status, 200);
    ReceiverConfig rotated = config();
    rotated.projects.first().keys = {{u"newkey"_s, u"newsecret"_s}};
    fixture.onServer([&] { fixture.receiver()->setConfig(rotated); });
    const auto refused = client.exchange(store());
    QCOMPARE(refused->status, 403);
    QCOMPARE(refused->header("X-Sentry-Error"), "Invalid api key");
    fixture.onServer([&] { fixture.receiver()->setConfig(config()); });
    QCOMPARE(client.exchange(store())->status, 200);
    QTRY_COMPARE(fixture.exchangeCount(), 3);
    QCOMPARE(fixture.exchanges().at(1).refusal, u"auth.key"_s);
}

void tst_Receiver::declared50MB_refusedBeforeBuffering()
{
    resetPeakMemory();
    ReceiverFixture fixture(config());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, fixture.port());
    QVERIFY(client.waitForConnected(10000));
    const qint64 declared = 50LL * 1000 * 1000;
    client.write("POST /api/1/store/ HTTP/1.1\r\nHost: x\r\nX-Sentry-Auth: " + Auth.first().second
                 + "\r\nContent-Length: " + QByteArray::number(declared) + "\r\n\r\n");
    // Keep sending the declared body in 1 MB pieces while the server lets us, as a client would.
    const QByteArray piece(1 << 20, 'a');
    qint64 sent = 0;
    QByteArray received;
    while (sent < declared && client.state() == QAbstractSocket::ConnectedState && !received.contains("\r\n\r\n")) {
        if (client.bytesToWrite() < piece.size()) {
            client.write(piece);
            sent += piece.size();
        }
        client.waitForBytesWritten(1000);
        received += client.readAll();
    }
    while (!received.contains("\r\n\r\n") && client.waitForReadyRead(10000))
        received += client.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 413 "), received.left(200).constData());
    QVERIFY(received.contains("X-Sentry-Error: Request body too large: Content-Length 50000000 is over the 200000-byte limit"));
    QTRY_COMPARE(fixture.exchangeCount(), 1);
    QCOMPARE(fixture.exchanges().constFirst().status, 413);
    const qint64 peakKb = processMemoryKb("VmHWM");
    qInfo("sent %lld MB of a declared 50 MB body; process peak memory %lld MB", sent >> 20, peakKb >> 10);
    // Unguarded, Qt would read all 50 MB into the request (past 90 MB): the guard keeps the whole
    // process, client included, far below that.
    QVERIFY2(peakKb > 0 && peakKb < 64 * 1024, qPrintable(QString::number(peakKb)));
}

void tst_Receiver::chunkedBody_refused()
{
    ReceiverFixture fixture(config());
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const auto answer = client.exchange("POST /api/1/store/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    QVERIFY(answer);
    QCOMPARE(answer->status, 411);
    QVERIFY(answer->header("X-Sentry-Error").startsWith("Length Required"));
}

void tst_Receiver::oversizedHead_refused()
{
    ReceiverFixture fixture(config());
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const auto answer = client.exchange("GET / HTTP/1.1\r\nX-Long: " + QByteArray(70 * 1024, 'h'));
    QVERIFY(answer);
    QCOMPARE(answer->status, 431);
}

void tst_Receiver::decompressionBomb_refusedAtCap()
{
    resetPeakMemory();
    const QByteArray bomb = deflatedBomb(100LL * 1000 * 1000);
    QVERIFY2(bomb.size() < 200 * 1000, qPrintable(QString::number(bomb.size())));
    ReceiverFixture fixture(config());
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const auto answer = client.exchange(store(bomb));
    QVERIFY(answer);
    QCOMPARE(answer->status, 413);
    QVERIFY(answer->header("X-Sentry-Error").startsWith("Request body too large"));
    QTRY_COMPARE(fixture.exchangeCount(), 1);
    QCOMPARE(fixture.exchanges().constFirst().requestBody, bomb); // recorded as received
    const qint64 peakKb = processMemoryKb("VmHWM");
    qInfo("bomb: %lld KB on the wire, 100 MB inflated; process peak memory %lld MB", qint64(bomb.size()) >> 10, peakKb >> 10);
    QVERIFY2(peakKb > 0 && peakKb < 200 * 1024, qPrintable(QString::number(peakKb)));
}

void tst_Receiver::history_answers200OnlyAfterCommit()
{
    const QString path = m_dir.filePath(u"commit.sqlite"_s);
    ReceiverFixture fixture(config(), path);
    QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    History reader; // a second connection, as another process would read it
    QVERIFY(reader.open(path));
    for (int i = 0; i < 20; ++i) {
        const QByteArray id = QByteArray::number(i).rightJustified(32, '0');
        const auto answer = client.exchange(store(R"({"message":"m","event_id":")" + id + "\"}"));
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
        // The answer came, so the exchange is committed and visible to any reader.
        HistoryQuery query;
        query.text = QString::fromLatin1(id);
        QCOMPARE(reader.search(query).size(), 1);
    }
}

// Another process holding the database's write lock past the busy timeout (5 s): the exchange is
// not stored, so it is not acknowledged: a 503 saying why, which a v4 client retries; once the
// lock is gone the next one is stored and answered 200.
void tst_Receiver::history_lockedByAnotherProcess_answers503()
{
    const QString path = m_dir.filePath(u"locked.sqlite"_s);
    ReceiverFixture fixture(config(), path);
    QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-process"_s);
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
        RawClient client;
        QVERIFY(client.connectTo(fixture.port()));
        const auto refused = client.exchange(store());
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
        QVERIFY2(refused->header("X-Sentry-Error").contains("locked"), refused->header("X-Sentry-Error").constData());
        QVERIFY(lock.exec(u"COMMIT"_s));
        RawClient again;
        QVERIFY(again.connectTo(fixture.port()));
        QCOMPARE(again.exchange(store())->status, 200);
        other.close();
    }
    QSqlDatabase::removeDatabase(u"other-process"_s);
    History reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.count(), 1);
}

void tst_Receiver::history_survivesRestart()
{
    const QString path = m_dir.filePath(u"restart.sqlite"_s);
    for (int run = 0; run < 2; ++run) {
        ReceiverFixture fixture(config(), path);
        QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
        RawClient client;
        QVERIFY(client.connectTo(fixture.port()));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client.exchange(store())->status, 200);
    }
    History history;
    QVERIFY(history.open(path));
    QCOMPARE(history.count(), 10);
}

// 50 keep-alive clients on this thread, each sending 200 requests one after another; the receiver
// and its writer run on their own threads. Every request answered 200 must be in the database.
void tst_Receiver::concurrent50Clients200Requests_allAcknowledgedStored()
{
    constexpr int Clients = 50;
    constexpr int Requests = 200;
    const QString path = m_dir.filePath(u"load.sqlite"_s);
    QSet<QString> acknowledged;
    int failures = 0;
    {
        ReceiverFixture fixture(config(), path);
        QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
        struct Client
        {
            QTcpSocket socket;
            QByteArray buffer;
            int sent = 0;
            QString pendingId;
        };
        std::vector<std::unique_ptr<Client>> clients;
        const auto sendNext = [](Client *client, int index) {
            client->pendingId = u"%1%2"_s.arg(index, 16, 10, QChar(u'0')).arg(client->sent, 16, 10, QChar(u'0'));
            client->socket.write(store(R"({"message":"load","event_id":")" + client->pendingId.toLatin1() + "\"}"));
            ++client->sent;
        };
        for (int i = 0; i < Clients; ++i) {
            clients.push_back(std::make_unique<Client>());
            Client *client = clients.back().get();
            QObject::connect(&client->socket, &QTcpSocket::connected, &client->socket, [=] { sendNext(client, i); });
            QObject::connect(&client->socket, &QTcpSocket::readyRead, &client->socket, [&, client, i] {
                client->buffer += client->socket.readAll();
                while (auto answer = takeAnswer(client->buffer)) {
                    if (answer->status == 200
                        && QJsonDocument::fromJson(answer->body).object().value("id"_L1).toString() == client->pendingId)
                        acknowledged.insert(client->pendingId);
                    else
                        ++failures;
                    if (client->sent < Requests)
                        sendNext(client, i);
                }
            });
            client->socket.connectToHost(QHostAddress::LocalHost, fixture.port());
        }
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() + failures == Clients * Requests, 240000);
    }
    QCOMPARE(failures, 0);
    History history;
    QVERIFY(history.open(path));
    HistoryQuery all;
    all.limit = Clients * Requests + 1;
    QSet<QString> stored;
    for (const Exchange &exchange : history.search(all))
        stored.insert(exchange.eventId);
    QCOMPARE(acknowledged.size(), Clients * Requests);
    QVERIFY((acknowledged - stored).isEmpty());
}

QTEST_GUILESS_MAIN(tst_Receiver)
#include "tst_receiver.moc"
