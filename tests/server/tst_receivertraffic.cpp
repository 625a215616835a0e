// Real v4-era clients' requests (tests/data/traffic, captured from raven-node 0.6.3 and raven-js
// 1.1.x in Chromium) sent byte for byte to the receiver on loopback: each is accepted, answered as
// the client expects (200 {"id"} or the GIF), recorded exactly as it arrived, and stored as what the
// client meant (the event it encoded, with its id and message).

#include "rawhttp.h"
#include "receiverfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const QString TrafficDir = QStringLiteral(SENTRY_TEST_DATA_DIR "/traffic");

// The receiver configured for the capture's DSN: its key pair, its project (a slug gets an id).
ReceiverConfig configFor(const QJsonObject &capture, const QJsonObject &captures)
{
    const QString project = capture.value(u"project"_s).toString();
    bool numeric = false;
    project.toInt(&numeric);
    ReceiverConfig config;
    config.projects = {{numeric ? project : u"99"_s, numeric ? QString() : project,
                        {{captures.value(u"public_key"_s).toString(), captures.value(u"secret_key"_s).toString()}}}};
    return config;
}

// The event as the client encoded it: the body (POST) or the sentry_data parameter (GET).
QJsonObject meantEvent(const QByteArray &request)
{
    const qsizetype end = request.indexOf("\r\n\r\n");
    const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
    QByteArray wire = request.mid(end + 4);
    if (requestLine.first() == "GET") {
        const QByteArray query = requestLine.at(1).mid(requestLine.at(1).indexOf('?') + 1);
        for (const QByteArray &item : query.split('&')) {
            if (item.startsWith("sentry_data="))
                wire = QByteArray::fromPercentEncoding(item.mid(12));
        }
    }
    return QJsonDocument::fromJson(BodyCodec::decode(wire).json).object();
}

} // namespace

class tst_ReceiverTraffic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capture_data();
    void capture();
};

void tst_ReceiverTraffic::capture_data()
{
    QTest::addColumn<QJsonObject>("capture");
    QTest::addColumn<QJsonObject>("captures");
    QFile index(TrafficDir + u"/captures.json"_s);
    if (!index.open(QIODevice::ReadOnly))
        QSKIP("tests/data/traffic (the real clients' captures) is not in this tree yet");
    const QJsonObject captures = QJsonDocument::fromJson(index.readAll()).object();
    for (const QJsonValue &capture : captures.value(u"captures"_s).toArray())
        QTest::newRow(qPrintable(capture[u"file"_s].toString())) << capture.toObject() << captures;
}

void tst_ReceiverTraffic::capture()
{
    QFETCH(QJsonObject, capture);
    QFETCH(QJsonObject, captures);
    QFile file(TrafficDir + u'/' + capture.value(u"file"_s).toString());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray request = file.readAll();
    const QJsonObject meant = meantEvent(request);
    QVERIFY2(!meant.isEmpty(), "the capture's event could not be decoded");

    ReceiverFixture fixture(configFor(capture, captures));
    QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
    RawClient client;
    QVERIFY(client.connectTo(fixture.port()));
    const auto answer = client.exchange(request);
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    if (capture.value(u"method"_s).toString() == "GET"_L1)
        QCOMPARE(answer->body, RequestJudge::pixelGif());
    else
        QCOMPARE(QJsonDocument::fromJson(answer->body).object().value(u"id"_s).toString(),
                 meant.value(u"event_id"_s).toString());

    QTRY_COMPARE(fixture.exchangeCount(), 1);
    const Exchange recorded = fixture.exchanges().constFirst();
    const qsizetype end = request.indexOf("\r\n\r\n");
    QCOMPARE(recorded.requestBody, request.mid(end + 4)); // byte for byte
    QCOMPARE(recorded.url, request.left(request.indexOf("\r\n")).split(' ').at(1));
    QVERIFY(recorded.refusal.isEmpty());
    QCOMPARE(recorded.eventId, meant.value(u"event_id"_s).toString());
    QCOMPARE(recorded.storedEvent.value(u"event_id"_s).toString(), meant.value(u"event_id"_s).toString());
    const QString message = meant.value(u"message"_s).toString();
    QCOMPARE(recorded.storedEvent.value(u"message"_s).toString(), message.isEmpty() ? u"<no message value>"_s : message.left(2048));
    // "raven-node/0.6.3" for the folder raven-node-0.6.3: the client named itself.
    QVERIFY(recorded.client.startsWith(capture.value(u"client"_s).toString().section(u'-', 0, -2) + u'/'));
}

QTEST_GUILESS_MAIN(tst_ReceiverTraffic)
#include "tst_receivertraffic.moc"
