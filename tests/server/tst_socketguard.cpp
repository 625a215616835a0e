// The socket guard's framing: RequestHead::parse, one table of heads (what the receiver records and
// what it refuses before Qt reads a body), and heads that arrive pipelined or in parts on a real
// loopback socket.

#include "rawhttp.h"
#include "receiverfixture.h"
#include "socketguard.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace Fixture;

class tst_SocketGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void frames_pipelinedRequestsAndAHeadInParts();
};

void tst_SocketGuard::parse_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<qint64>("contentLength");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<QString>("error");
    const QString requestLine = u"the request line is not 'METHOD TARGET HTTP/1.1'"_s;
    QTest::addRow("plain") << QByteArray("POST /api/1/store/ HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n\r\n")
                           << true << QByteArray("/api/1/store/") << RawHeaders{{"Host", "a"}, {"Content-Length", "12"}}
                           << qint64(12) << false << QString();
    QTest::addRow("names kept, values trimmed, order kept")
        << QByteArray("GET //x?q=1 HTTP/1.0\r\nx-B:  two words \t\r\nA:1\r\nEmpty:\r\n\r\n") << true
        << QByteArray("//x?q=1") << RawHeaders{{"x-B", "two words"}, {"A", "1"}, {"Empty", ""}} << qint64(0) << false << QString();
    QTest::addRow("bare LF and no blank line") << QByteArray("GET / HTTP/1.1\nHost: a\nX: y") << true << QByteArray("/")
                                               << RawHeaders{{"Host", "a"}, {"X", "y"}} << qint64(0) << false << QString();
    QTest::addRow("stops at the blank line") << QByteArray("GET / HTTP/1.1\r\nA: 1\r\n\r\nB: 2\r\n") << true << QByteArray("/")
                                             << RawHeaders{{"A", "1"}} << qint64(0) << false << QString();
    QTest::addRow("an empty target between two spaces") << QByteArray("GET  HTTP/1.1\r\n\r\n") << true << QByteArray()
                                                        << RawHeaders{} << qint64(0) << false << QString();
    QTest::addRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n") << true
                             << QByteArray("/") << RawHeaders{{"Transfer-Encoding", "gzip, Chunked"}} << qint64(0) << true << QString();
    QTest::addRow("Content-Length padded") << QByteArray("POST / HTTP/1.1\r\ncontent-length:  7 \r\n\r\n") << true
                                           << QByteArray("/") << RawHeaders{{"content-length", "7"}} << qint64(7) << false << QString();
    QTest::addRow("four parts") << QByteArray("GET / x HTTP/1.1\r\n\r\n") << false << QByteArray() << RawHeaders{}
                                << qint64(0) << false << requestLine;
    QTest::addRow("two parts") << QByteArray("GET HTTP/1.1\r\n\r\n") << false << QByteArray() << RawHeaders{}
                               << qint64(0) << false << requestLine;
    QTest::addRow("not HTTP") << QByteArray("GET / FTP/1\r\n\r\n") << false << QByteArray() << RawHeaders{}
                              << qint64(0) << false << requestLine;
    QTest::addRow("empty") << QByteArray() << false << QByteArray() << RawHeaders{} << qint64(0) << false << requestLine;
    QTest::addRow("header without a colon") << QByteArray("GET / HTTP/1.1\r\nA: 1\r\nnocolon\r\n\r\n") << false
                                            << QByteArray() << RawHeaders{} << qint64(0) << false
                                            << u"header line 3 has no 'Name: value'"_s;
    QTest::addRow("header without a name") << QByteArray("GET / HTTP/1.1\r\n: v\r\n\r\n") << false << QByteArray()
                                           << RawHeaders{} << qint64(0) << false << u"header line 2 has no 'Name: value'"_s;
    QTest::addRow("Content-Length not a number") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n") << false
                                                 << QByteArray() << RawHeaders{} << qint64(0) << false
                                                 << u"Content-Length '1e3' is not a number of bytes"_s;
    QTest::addRow("Content-Length negative") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << false
                                             << QByteArray() << RawHeaders{} << qint64(0) << false
                                             << u"Content-Length '-1' is not a number of bytes"_s;
}

void tst_SocketGuard::parse()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, ok);
    QFETCH(QByteArray, target);
    QFETCH(RawHeaders, headers);
    QFETCH(qint64, contentLength);
    QFETCH(bool, chunked);
    QFETCH(QString, error);
    QString message;
    const auto parsed = RequestHead::parse(head, &message);
    QCOMPARE(parsed.has_value(), ok);
    QCOMPARE(message, error);
    if (!ok)
        return;
    QCOMPARE(parsed->target, target);
    QCOMPARE(parsed->headers, headers);
    QCOMPARE(parsed->contentLength, contentLength);
    QCOMPARE(parsed->chunked, chunked);
    QVERIFY(parsed->version.startsWith("HTTP/"));
}

void tst_SocketGuard::frames_pipelinedRequestsAndAHeadInParts()
{
    // Two requests and half of a third's head in one write (the guard parses the first two heads
    // where they lie and keeps the partial one), then the rest of the third.
    ReceiverFixture fixture(config());
    QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const auto request = [](const QByteArray &marker) {
        return httpRequest("POST", "/api/1/store/?n=" + marker, Auth + QList<QPair<QByteArray, QByteArray>>{{"X-Marker", marker}}, Event);
    };
    const QByteArray third = request("3");
    const qsizetype split = third.indexOf("X-Marker") + 4; // inside a header line
    client.send(request("1") + request("2") + third.left(split));
    for (int i = 0; i < 2; ++i) {
        const auto answer = client.answer();
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
    }
    client.send(third.mid(split));
    const auto answer = client.answer();
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QTRY_COMPARE(fixture.exchangeCount(), 3);
    const QList<Exchange> exchanges = fixture.exchanges();
    for (int i = 0; i < 3; ++i) {
        const QByteArray marker = QByteArray::number(i + 1);
        QCOMPARE(exchanges.at(i).url, "/api/1/store/?n=" + marker);
        QCOMPARE(headerValue(exchanges.at(i).requestHeaders, "X-Marker"), marker);
        QCOMPARE(exchanges.at(i).requestBody, Event);
    }
}

QTEST_GUILESS_MAIN(tst_SocketGuard)
#include "tst_socketguard.moc"
