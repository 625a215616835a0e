#include "loopbackserver.h"
#include "rawhttpsender.h"
#include "sendresult.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

// The raw sender (replay, and the Sender for requests Qt would change) reports how far an exchange
// got, as the Sender does, so a send that times out says "no answer" rather than guessing.
class TestRawHttpSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawSender_timeoutSaysTheRequestWentOut()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::neverAnswers());
        RawHttpSender sender;
        sender.setTimeoutMs(300);
        QSignalSpy finished(&sender, &RawHttpSender::finished);
        const QByteArray bytes = "POST /api/42/store/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}";
        sender.send(QUrl(u"http://127.0.0.1:%1/api/42/store/"_s.arg(server.port())), bytes);
        QVERIFY(finished.wait(5000));
        const auto response = finished.at(0).at(0).value<RawResponse>();
        QCOMPARE(stageName(response.stage), stageName(ExchangeStage::Waiting));
        const SendResult result = SendResult::classify(response, QDateTime::currentDateTimeUtc());
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Timeout));
        QVERIFY2(result.explanation.contains(u"sent the request, but no answer came within 300 ms"_s),
                 qPrintable(result.explanation));
    }

    void rawSender_completeAnswerIsDone()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::stored("abc"));
        RawHttpSender sender;
        QSignalSpy finished(&sender, &RawHttpSender::finished);
        const QByteArray bytes = "POST /api/42/store/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}";
        sender.send(QUrl(u"http://127.0.0.1:%1/api/42/store/"_s.arg(server.port())), bytes);
        QVERIFY(finished.wait(5000));
        const auto response = finished.at(0).at(0).value<RawResponse>();
        QCOMPARE(response.status, 200);
        QCOMPARE(stageName(response.stage), stageName(ExchangeStage::Done));
    }
};

QTEST_GUILESS_MAIN(TestRawHttpSender)
#include "tst_rawhttpsender.moc"
