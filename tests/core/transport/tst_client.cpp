#include "client.h"
#include "loopbackserver.h"
#include "outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

QJsonObject sentEvent(const LoopbackServer &server, qsizetype index = 0)
{
    return QJsonDocument::fromJson(LoopbackServer::body(server.requests().value(index))).object();
}

} // namespace

class TestClient : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_manager;
    LoopbackServer m_server;

    ClientOptions optionsFor(const LoopbackServer &server)
    {
        ClientOptions options;
        options.dsn = server.dsn();
        return options;
    }
    // Expects the "enabled" line, then builds the client.
    std::unique_ptr<Client> enabledClient(const ClientOptions &options)
    {
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^Sentry client enabled"_s));
        return std::make_unique<Client>(options, &m_manager);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void construct_logsWhyDisabled_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty") << QString() << int(QtInfoMsg) << u"DSN is empty"_s;
        QTest::addRow("invalid") << u"http://127.0.0.1/1"_s << int(QtWarningMsg) << u"is invalid \\("_s;
        QTest::addRow("garbage") << u"not a dsn"_s << int(QtWarningMsg) << u"is invalid \\("_s;
    }
    void construct_logsWhyDisabled()
    {
        QFETCH(QString, dsn);
        QFETCH(int, type);
        QFETCH(QString, message);
        QTest::ignoreMessage(QtMsgType(type), QRegularExpression(u"^Sentry client disabled: .*"_s + message));
        ClientOptions options;
        options.dsn = dsn;
        Client client(options, &m_manager);
        QVERIFY(!client.isEnabled());
        QVERIFY(client.captureMessage(u"ignored"_s).isEmpty());
        QVERIFY(client.outbox()->isEmpty());
    }

    void construct_logsEnabledWithStoreUrl()
    {
        const QString url = u"http://127.0.0.1:%1/api/42/store/"_s.arg(m_server.port());
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^Sentry client enabled: events go to "_s
                                                           + QRegularExpression::escape(url)));
        Client client(optionsFor(m_server), &m_manager);
        QVERIFY(client.isEnabled());
        QVERIFY(client.statusMessage().contains(url));
    }

    void captureMessage_returnsIdAtOnceAndSendsWithDefaults()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        ClientOptions options = optionsFor(server);
        options.tags = {{u"release"_s, u"1.2"_s}, {u"site"_s, u"default"_s}};
        options.extra = QJsonObject{{u"build"_s, 7}};
        options.logger = u"app"_s;
        options.serverName = u"db1"_s;
        options.platform = u"qt"_s;
        const auto client = enabledClient(options);
        QSignalSpy finished(client.get(), &Client::eventFinished);

        const QString id = client->captureMessage(u"Disk full"_s, Level::Error);
        QCOMPARE(id.size(), 32);
        QCOMPARE(server.requests().size(), 0); // returned before anything went out
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toString(), id);
        QVERIFY(finished.at(0).at(1).value<SendResult>().isAccepted());

        const QJsonObject event = sentEvent(server);
        QCOMPARE(event.value(u"event_id"_s).toString(), id);
        QCOMPARE(event.value(u"message"_s).toString(), u"Disk full"_s);
        QCOMPARE(event.value(u"level"_s).toString(), u"error"_s);
        QCOMPARE(event.value(u"logger"_s).toString(), u"app"_s);
        QCOMPARE(event.value(u"server_name"_s).toString(), u"db1"_s);
        QCOMPARE(event.value(u"platform"_s).toString(), u"qt"_s);
        QCOMPARE(event.value(u"tags"_s).toObject().value(u"release"_s).toString(), u"1.2"_s);
        QCOMPARE(event.value(u"extra"_s).toObject().value(u"build"_s).toInt(), 7);
    }

    void captureEvent_ownTagsAndExtraWinOverDefaults()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        ClientOptions options = optionsFor(server);
        options.tags = {{u"site"_s, u"default"_s}, {u"release"_s, u"1.2"_s}};
        options.extra = QJsonObject{{u"build"_s, 7}};
        const auto client = enabledClient(options);
        QSignalSpy finished(client.get(), &Client::eventFinished);
        Event event = Event::message(u"m"_s);
        event.setTag(u"site"_s, u"eu"_s);
        event.setExtra(u"build"_s, 8);
        QVERIFY(!client->captureEvent(event).isEmpty());
        QVERIFY(finished.wait(5000));
        const QJsonObject sent = sentEvent(server);
        QCOMPARE(sent.value(u"tags"_s).toObject().value(u"site"_s).toString(), u"eu"_s);
        QCOMPARE(sent.value(u"tags"_s).toObject().value(u"release"_s).toString(), u"1.2"_s);
        QCOMPARE(sent.value(u"extra"_s).toObject().value(u"build"_s).toInt(), 8);
    }

    void captureException_sendsExceptionInterface()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        const auto client = enabledClient(optionsFor(server));
        QSignalSpy finished(client.get(), &Client::eventFinished);
        const QString id = client->captureException(u"ValueError"_s, u"bad value"_s);
        QVERIFY(finished.wait(5000));
        const QJsonObject sent = sentEvent(server);
        QCOMPARE(sent.value(u"event_id"_s).toString(), id);
        const QString dump = QString::fromUtf8(QJsonDocument(sent).toJson(QJsonDocument::Compact));
        QVERIFY2(dump.contains(u"ValueError"_s) && dump.contains(u"bad value"_s), qPrintable(dump));
    }

    void processors_runInOrderBeforeSending()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        const auto client = enabledClient(optionsFor(server));
        client->addProcessor([](QJsonObject event) {
            QJsonObject extra = event.value(u"extra"_s).toObject();
            extra.insert(u"password"_s, u"********"_s);
            event.insert(u"extra"_s, extra);
            return event;
        });
        client->addProcessor([](QJsonObject event) {
            event.insert(u"message"_s, QString(event.value(u"message"_s).toString() + u" (seen)"_s));
            return event;
        });
        QSignalSpy finished(client.get(), &Client::eventFinished);
        Event event = Event::message(u"login"_s);
        event.setExtra(u"password"_s, u"hunter2"_s);
        client->captureEvent(event);
        QVERIFY(finished.wait(5000));
        QVERIFY(!server.requests().constFirst().contains("hunter2"));
        QCOMPARE(sentEvent(server).value(u"message"_s).toString(), u"login (seen)"_s);
    }

    void scrub_masksSecretsAndDropsCookiesByDefault_data()
    {
        QTest::addColumn<bool>("scrub");
        QTest::addRow("default chain") << true;
        QTest::addRow("scrubbing off") << false;
    }
    void scrub_masksSecretsAndDropsCookiesByDefault()
    {
        QFETCH(bool, scrub);
        LoopbackServer server;
        QVERIFY(server.listen());
        ClientOptions options = optionsFor(server);
        if (!scrub)
            options.scrub.reset();
        const auto client = enabledClient(options);
        QSignalSpy finished(client.get(), &Client::eventFinished);
        Event event = Event::message(u"login"_s);
        event.setExtra(u"password"_s, u"hunter2"_s);
        event.setValue(u"request"_s, QJsonObject{{u"url"_s, u"http://x/"_s}, {u"cookies"_s, u"sid=abc"_s}});
        client->captureEvent(event);
        QVERIFY(finished.wait(5000));
        const QByteArray raw = server.requests().value(0);
        QCOMPARE(raw.contains("hunter2"), !scrub);
        QCOMPARE(raw.contains("sid=abc"), !scrub);
    }

    void messageHandler_capturesAtOrAboveThreshold()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        const auto client = enabledClient(optionsFor(server));
        QSignalSpy finished(client.get(), &Client::eventFinished);
        client->installMessageHandler(QtWarningMsg);
        QVERIFY(client->hasMessageHandler());
        QTest::ignoreMessage(QtInfoMsg, "only info");
        QTest::ignoreMessage(QtWarningMsg, "disk almost full");
        QTest::ignoreMessage(QtCriticalMsg, "disk full");
        qInfo("only info");
        qWarning("disk almost full");
        qCritical("disk full");
        QTRY_COMPARE(finished.size(), 2);
        client->uninstallMessageHandler();
        QVERIFY(!client->hasMessageHandler());
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(sentEvent(server, 0).value(u"message"_s).toString(), u"disk almost full"_s);
        QCOMPARE(sentEvent(server, 0).value(u"level"_s).toString(), u"warning"_s);
        QCOMPARE(sentEvent(server, 1).value(u"level"_s).toString(), u"error"_s);
    }

    void messageHandler_doesNotRecurseWhenCapturingLogs()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sentryError(500, "")); // sending fails: sentry.errors logs it
        const auto client = enabledClient(optionsFor(server));
        client->addProcessor([](const QJsonObject &event) {
            qWarning("processor speaking"); // logged while capturing
            return event;
        });
        QSignalSpy attempts(client->outbox(), &Outbox::attemptFinished);
        client->installMessageHandler(QtWarningMsg);
        QTest::ignoreMessage(QtWarningMsg, "first");
        // Qt itself sends a message logged inside a handler straight to stderr; the client's own guard
        // covers handlers that log from elsewhere. Either way it must not become a second event.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^event not delivered"_s));
        qWarning("first");
        QVERIFY(attempts.wait(5000));
        client->uninstallMessageHandler();
        QCOMPARE(client->outbox()->size(), 1); // only "first", waiting for its retry
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(sentEvent(server).value(u"message"_s).toString(), u"first"_s);
    }

    void flush_waitsUntilEveryEventIsDelivered()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        const auto client = enabledClient(optionsFor(server));
        QVERIFY(client->flush(10)); // nothing queued
        client->captureMessage(u"one"_s);
        client->captureMessage(u"two"_s);
        QCOMPARE(server.requests().size(), 0);
        QVERIFY(client->flush(5000));
        QCOMPARE(server.requests().size(), 2);
    }

    void flush_givesUpAfterTimeout()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::neverAnswers());
        const auto client = enabledClient(optionsFor(server));
        client->captureMessage(u"stuck"_s);
        QVERIFY(!client->flush(200));
        QCOMPARE(client->outbox()->size(), 1);
    }

    // The DSN's ?timeout= was accepted and ignored: a client configured by DSN alone waited 3 s.
    void send_honoursTheDsnsTimeout()
    {
        LoopbackServer server;
        QVERIFY(server.listen());
        server.setDefaultResponse(ScriptedResponse::neverAnswers());
        ClientOptions options = optionsFor(server);
        options.dsn += u"?timeout=0.2"_s;
        options.timeoutMs = 60000; // only for a DSN without one
        const auto client = enabledClient(options);
        QSignalSpy attempts(client->outbox(), &Outbox::attemptFinished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^event not delivered"_s));
        client->captureMessage(u"slow"_s);
        QVERIFY(attempts.wait(10000));
        const auto result = attempts.at(0).at(1).value<SendResult>();
        QCOMPARE(verdictName(result.verdict), verdictName(Verdict::Timeout));
        QVERIFY2(result.explanation.contains(u"no answer came within 200 ms"_s), qPrintable(result.explanation));
    }

    void eventFromMessage_usesCategoryAndContext()
    {
        const QMessageLogContext context("main.cpp", 12, "void f()", "app.net");
        const Event event = Client::eventFromMessage(QtCriticalMsg, context, u"lost"_s);
        QCOMPARE(event.value(u"logger"_s).toString(), u"app.net"_s);
        QCOMPARE(event.value(u"culprit"_s).toString(), u"void f()"_s);
        QCOMPARE(event.value(u"level"_s).toString(), u"error"_s);
        QCOMPARE(event.value(u"extra"_s).toObject().value(u"line"_s).toInt(), 12);
    }
};

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
