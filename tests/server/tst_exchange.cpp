// Exchange::summaryJson, the line `serve --json` prints per request, is written without a
// QJsonObject: it must be exactly what QJsonDocument writes for the same members.

#include "exchange.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

class tst_Exchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summaryJson_isWhatQJsonDocumentWrites_data();
    void summaryJson_isWhatQJsonDocumentWrites();
    void rawRequest_isTheBytesInWireOrder();
    void withMaskedSecret_masksFieldsHeadersAndUrl();
    void summaryJson_receivedAtIsIsoUtcWithMs_data();
    void summaryJson_receivedAtIsIsoUtcWithMs();
};

void tst_Exchange::rawRequest_isTheBytesInWireOrder()
{
    Exchange exchange;
    exchange.method = "POST";
    exchange.url = "/api/1/store/";
    exchange.requestHeaders = {{"Host", "h"}, {"X-A", "1"}, {"X-A", "2"}};
    exchange.requestBody = QByteArray("{\0}", 3);
    QCOMPARE(exchange.rawRequest(),
             QByteArray("POST /api/1/store/ HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nX-A: 2\r\n\r\n") + QByteArray("{\0}", 3));
}

void tst_Exchange::withMaskedSecret_masksFieldsHeadersAndUrl()
{
    Exchange exchange;
    exchange.url = "/api/1/store/?sentry_key=k&sentry_secret=qs";
    exchange.requestHeaders = {{"X-Sentry-Auth", "Sentry sentry_key=k, sentry_secret=hs"},
                               {"Authorization", "Sentry sentry_secret=as"}};
    exchange.auth = {{u"sentry_key"_s, u"k"_s}, {u"sentry_secret"_s, u"hs"_s}};
    exchange.requestBody = "sentry_secret=body"; // the body is the event: not an auth carrier
    const Exchange masked = exchange.withMaskedSecret();
    QCOMPARE(masked.url, QByteArray("/api/1/store/?sentry_key=k&sentry_secret=********"));
    QCOMPARE(masked.requestHeaders.at(0).second, QByteArray("Sentry sentry_key=k, sentry_secret=********"));
    QCOMPARE(masked.requestHeaders.at(1).second, QByteArray("Sentry sentry_secret=********"));
    QCOMPARE(masked.auth.at(0).value, u"k"_s);
    QCOMPARE(masked.auth.at(1).value, u"********"_s);
    QCOMPARE(masked.requestBody, exchange.requestBody);
    QCOMPARE(exchange.auth.at(1).value, u"hs"_s); // the original is untouched
}

void tst_Exchange::summaryJson_isWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("withOptional");
    QTest::addRow("plain") << u"Disk full"_s << true;
    QTest::addRow("empty fields are null") << QString() << false;
    QTest::addRow("quotes and backslashes") << u"say \"hi\" to C:\\temp"_s << true;
    QTest::addRow("control characters") << u"a\tb\nc\rd\be\ff\u0001g\u001fh\u007f"_s << true;
    QTest::addRow("non-ASCII") << u"Größe überschritten — ошибка 错误"_s << true;
    QTest::addRow("non-ASCII first (in the method too)") << u"\u00c9clair \u00e0 la cr\u00e8me"_s << true;
    QTest::addRow("outside the BMP") << u"crash \U0001F4A5 here"_s << true;
    QTest::addRow("a lone surrogate") << QString(QChar(0xd800)) + u"x"_s << true;
}

void tst_Exchange::summaryJson_isWhatQJsonDocumentWrites()
{
    QFETCH(QString, text);
    QFETCH(bool, withOptional);
    Exchange exchange;
    exchange.id = 1234567890123;
    exchange.at = QDateTime::fromMSecsSinceEpoch(1'765'000'000'123, Qt::UTC);
    exchange.direction = withOptional ? Exchange::Direction::Out : Exchange::Direction::In;
    exchange.peer = u"127.0.0.1:5555"_s;
    // A method and a path of plain ASCII are copied as bytes; any other goes through a QString.
    exchange.method = text.isEmpty() || text.front().unicode() < 0x80 ? QByteArray("POST") : text.toLatin1();
    exchange.url = "/api/1/store/?q=" + text.toUtf8();
    exchange.client = text;
    exchange.project = u"1"_s;
    exchange.encoding = u"json"_s;
    exchange.eventId = withOptional ? u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s : QString();
    exchange.message = text;
    exchange.level = withOptional ? u"error"_s : QString();
    exchange.findings = {QJsonObject(), QJsonObject()};
    exchange.status = 200;
    exchange.refusal = withOptional ? text : QString();
    exchange.fault = withOptional ? u"429,retry-after=30"_s : QString();
    exchange.error = withOptional ? text : QString();
    exchange.durationMs = 17;
    exchange.replayOf = withOptional ? 42 : 0;

    const QByteArray line = exchange.summaryJson();
    QJsonParseError error;
    const QJsonObject parsed = QJsonDocument::fromJson(line, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + u": "_s + QString::fromUtf8(line)));
    QCOMPARE(QJsonDocument(parsed).toJson(QJsonDocument::Compact), line);
    if (!text.contains(QChar(0xd800))) // a lone surrogate cannot come back from UTF-8
        QCOMPARE(parsed.value(u"message"_s).toString(), text);
    QCOMPARE(parsed.value(u"findings"_s).toInt(), 2);
    QCOMPARE(parsed.value(u"id"_s).toInteger(), 1234567890123);
    QCOMPARE(parsed.value(u"received_at"_s).toString(), u"2025-12-06T05:46:40.123Z"_s);
    QCOMPARE(parsed.contains(u"error"_s), withOptional);
    QCOMPARE(parsed.value(u"replay_of"_s).isNull(), !withOptional);
}

// received_at is written from the milliseconds, not through QDateTime::toString: the same text for
// every instant (in UTC, whatever the time spec it was kept in).
void tst_Exchange::summaryJson_receivedAtIsIsoUtcWithMs_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("expected");
    QTest::addRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC) << u"1970-01-01T00:00:00.000Z"_s;
    QTest::addRow("before the epoch") << QDateTime::fromMSecsSinceEpoch(-1, Qt::UTC) << u"1969-12-31T23:59:59.999Z"_s;
    QTest::addRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 7), Qt::UTC) << u"2024-02-29T23:59:59.007Z"_s;
    QTest::addRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC) << u"0001-01-01T00:00:00.000Z"_s;
    QTest::addRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC) << u"9999-12-31T23:59:59.999Z"_s;
    QTest::addRow("an offset is written in UTC")
        << QDateTime(QDate(2025, 12, 6), QTime(7, 46, 40, 123), Qt::OffsetFromUTC, 2 * 3600) << u"2025-12-06T05:46:40.123Z"_s;
    // Outside what ISO 8601's four digits hold, and no time at all: toString's own answer.
    const QDateTime far(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::addRow("year 10000") << far << far.toString(Qt::ISODateWithMs);
    QTest::addRow("invalid") << QDateTime() << QString();
}

void tst_Exchange::summaryJson_receivedAtIsIsoUtcWithMs()
{
    QFETCH(QDateTime, at);
    QFETCH(QString, expected);
    Exchange exchange;
    exchange.at = at;
    const QByteArray line = exchange.summaryJson();
    const QJsonObject parsed = QJsonDocument::fromJson(line).object();
    QCOMPARE(parsed.value(u"received_at"_s).toString(), expected);
    QCOMPARE(expected, at.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(QJsonDocument(parsed).toJson(QJsonDocument::Compact), line);
}

QTEST_GUILESS_MAIN(tst_Exchange)
#include "tst_exchange.moc"
