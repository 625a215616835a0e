#include "sendresult.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QDateTime fixedNow = QDateTime(QDate(2026, 11, 28), QTime(12, 0, 0), QTimeZone::utc());

RawResponse answer(int status, const Headers &headers, const QByteArray &body = {})
{
    RawResponse response;
    response.status = status;
    response.headers = headers;
    response.body = body;
    response.host = u"127.0.0.1"_s;
    response.port = 9000;
    return response;
}

RawResponse timedOut(ExchangeStage stage, qint64 deadlineMs)
{
    RawResponse response;
    response.failure = TransportFailure::Timeout;
    response.stage = stage;
    response.host = u"127.0.0.1"_s;
    response.port = 9000;
    response.deadlineMs = deadlineMs;
    response.elapsedMs = deadlineMs + 1;
    return response;
}

RawResponse failure(TransportFailure kind, const QString &error = {})
{
    RawResponse response;
    response.failure = kind;
    response.errorString = error;
    response.host = u"sentry.invalid"_s;
    response.port = 9000;
    response.elapsedMs = 300;
    return response;
}

} // namespace

class TestSendResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_namesVerdictAndDsnPart_data()
    {
        QTest::addColumn<RawResponse>("response");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<QString>("explanationPart");

        const Headers json{{"Content-Type", "application/json"}};
        QTest::addRow("200 with id") << answer(200, json, R"({"id": "abc123"})")
                                     << Verdict::Accepted << u"abc123"_s;
        QTest::addRow("200 without id") << answer(200, json, "{}")
                                        << Verdict::ServerError << u"did not confirm storage"_s;
        QTest::addRow("200 html") << answer(200, {{"Content-Type", "text/html"}}, "<html><body>hi</body></html>")
                                  << Verdict::ServerError << u"not a Sentry server"_s;
        QTest::addRow("400 missing secret")
            << answer(400, {{"X-Sentry-Error", "Missing required attribute in authentication header: sentry_secret"}})
            << Verdict::AuthFailed << u"the DSN has no secret"_s;
        QTest::addRow("400 invalid message") << answer(400, {{"X-Sentry-Error", "Invalid value for message"}})
                                             << Verdict::InvalidData << u"message is not a string"_s;
        QTest::addRow("400 project mismatch") << answer(400, {{"X-Sentry-Error", "Project ID mismatch"}})
                                              << Verdict::AuthFailed << u"DSN's key and project id"_s;
        QTest::addRow("401") << answer(401, {{"X-Sentry-Error", "bad key"}})
                             << Verdict::AuthFailed << u"public key"_s;
        QTest::addRow("403 invalid api key") << answer(403, {{"x-sentry-error", "Invalid api key"}})
                                             << Verdict::AuthFailed << u"secret key of the DSN"_s;
        QTest::addRow("403 bad data") << answer(403, {{"X-Sentry-Error", "Bad data decoding request (x)"}})
                                      << Verdict::InvalidData << u"gzip"_s;
        QTest::addRow("405") << answer(405, {{"X-Sentry-Error", ""}})
                             << Verdict::RateLimited << u"Sentry 6.0"_s;
        QTest::addRow("429") << answer(429, {{"X-Sentry-Error", "Creation of this event was denied"}})
                             << Verdict::RateLimited << u"Retry-After"_s;
        QTest::addRow("500 empty error") << answer(500, {{"X-Sentry-Error", ""}})
                                         << Verdict::ServerError << u"wrong type"_s;
        QTest::addRow("500 no header") << answer(500, {}) << Verdict::ServerError << u"wrong type"_s;
        QTest::addRow("502 without header") << answer(502, {})
                                            << Verdict::ServerError << u"a proxy"_s;
        QTest::addRow("302 redirect") << answer(302, {{"Location", "https://x/"}})
                                      << Verdict::ServerError << u"https://x/"_s;
        QTest::addRow("refused") << failure(TransportFailure::ConnectionRefused)
                                 << Verdict::Unreachable << u"Could not connect to sentry.invalid:9000: the "
                                                            "connection was refused"_s;
        QTest::addRow("host not found") << failure(TransportFailure::HostNotFound)
                                        << Verdict::Unreachable << u"host 'sentry.invalid' not found"_s;
        QTest::addRow("timeout while connecting") << timedOut(ExchangeStage::Connecting, 3000)
                                                  << Verdict::Unreachable
                                                  << u"Could not connect to 127.0.0.1:9000 within 3 s"_s;
        QTest::addRow("timeout while sending") << timedOut(ExchangeStage::Sending, 3000)
                                               << Verdict::Timeout
                                               << u"the request could not be sent completely within 3 s"_s;
        QTest::addRow("timeout waiting for the answer") << timedOut(ExchangeStage::Waiting, 3000)
                                                        << Verdict::Timeout
                                                        << u"Connected to 127.0.0.1:9000 and sent the "
                                                           "request, but no answer came within 3 s"_s;
        QTest::addRow("timeout with a stalled answer") << timedOut(ExchangeStage::Receiving, 500)
                                                       << Verdict::Timeout
                                                       << u"the answer started, then stalled: it was not "
                                                          "complete within 500 ms"_s;
        QTest::addRow("timeout, stage not recorded") << timedOut(ExchangeStage::Unknown, 3000)
                                                     << Verdict::Timeout
                                                     << u"No complete answer from 127.0.0.1:9000 within 3 s"_s;
        QTest::addRow("fractional deadline") << timedOut(ExchangeStage::Waiting, 2500) << Verdict::Timeout
                                             << u"no answer came within 2.5 s"_s;
        QTest::addRow("closed, not resent") << failure(TransportFailure::ConnectionClosed)
                                            << Verdict::Unreachable << u"not resent"_s;
        RawResponse huge = answer(200, {{"Content-Type", "text/html"}});
        huge.body = QByteArray(SendResult::MaxBodyBytes, 'x');
        huge.bodyTruncated = true;
        QTest::addRow("body past the cap") << huge << Verdict::ServerError << u"stopped reading"_s;
        QTest::addRow("tls") << failure(TransportFailure::Tls, u"self-signed"_s)
                             << Verdict::TlsError << u"self-signed"_s;
        QTest::addRow("cancelled") << failure(TransportFailure::Cancelled)
                                   << Verdict::Cancelled << u"Cancelled"_s;
    }
    void classify_namesVerdictAndDsnPart()
    {
        QFETCH(RawResponse, response);
        QFETCH(Verdict, verdict);
        QFETCH(QString, explanationPart);
        const SendResult result = SendResult::classify(response, fixedNow);
        QCOMPARE(verdictName(result.verdict), verdictName(verdict));
        QVERIFY2(result.explanation.contains(explanationPart), qPrintable(result.explanation));
    }

    void classify_proxyNoteOnlyWithoutSentryErrorHeader()
    {
        const auto withHeader = SendResult::classify(answer(503, {{"X-Sentry-Error", "down"}}), fixedNow);
        QVERIFY(withHeader.hasServerError);
        QCOMPARE(withHeader.serverError, u"down"_s);
        QVERIFY(!withHeader.explanation.contains(u"proxy"_s));
        const auto without = SendResult::classify(answer(503, {}), fixedNow);
        QVERIFY(!without.hasServerError);
        QVERIFY(without.explanation.contains(u"proxy"_s));
    }

    void classify_parsesIdRetryAfterAndRateLimits()
    {
        const auto result = SendResult::classify(
            answer(429, {{"Retry-After", "17"}, {"X-Sentry-Rate-Limits", "60:error;default:key, 5::organization"}}),
            fixedNow);
        QCOMPARE(result.retryAfterSeconds, std::optional<qint64>(17));
        QCOMPARE(result.rateLimits.size(), 2);
        QCOMPARE(result.rateLimits.at(0).categories, QStringList({u"error"_s, u"default"_s}));
        QVERIFY(result.rateLimits.at(1).categories.isEmpty());
        QCOMPARE(result.rateLimits.at(1).scope, u"organization"_s);
        QCOMPARE(SendResult::classify(answer(200, {}, R"({"id":"e1"})"), fixedNow).eventId, u"e1"_s);
    }

    void classify_capsBody()
    {
        const QByteArray big(SendResult::MaxBodyBytes + 10, 'x');
        const auto result = SendResult::classify(answer(500, {}, big), fixedNow);
        QCOMPARE(result.body.size(), SendResult::MaxBodyBytes);
        QVERIFY(result.bodyTruncated);
        QVERIFY(!SendResult::classify(answer(500, {}, "small"), fixedNow).bodyTruncated);
    }

    void parseRetryAfter_secondsOrHttpDate_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1: nullopt
        QTest::addRow("seconds") << QByteArray("120") << qint64(120);
        QTest::addRow("padded seconds") << QByteArray(" 5 ") << qint64(5);
        QTest::addRow("http date") << QByteArray("Sat, 28 Nov 2026 12:01:30 GMT") << qint64(90);
        QTest::addRow("date in the past") << QByteArray("Fri, 27 Nov 2026 12:00:00 GMT") << qint64(0);
        QTest::addRow("negative") << QByteArray("-3") << qint64(-1);
        QTest::addRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::addRow("absent") << QByteArray() << qint64(-1);
    }
    void parseRetryAfter_secondsOrHttpDate()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const auto parsed = parseRetryAfter(value, fixedNow);
        QCOMPARE(parsed.value_or(-1), expected);
    }

    void parseRateLimits_skipsBrokenEntries()
    {
        const auto limits = parseRateLimits("2700:default;error;security:organization:quota, x:y, 10");
        QCOMPARE(limits.size(), 2);
        QCOMPARE(limits.at(0), (RateLimit{2700, {u"default"_s, u"error"_s, u"security"_s},
                                          u"organization"_s, u"quota"_s}));
        QCOMPARE(limits.at(1).retryAfterSeconds, 10);
    }
};

QTEST_GUILESS_MAIN(TestSendResult)
#include "tst_sendresult.moc"
