// The text forms `serve` and the receiver panel share: HOST:PORT, PUBLIC[:SECRET] and ID[:SLUG],
// each refused with what it must be; and a receiver stopped and started again on another port.

#include "listenaddress.h"
#include "receiver.h"
#include "receiverconfig.h"

#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

class tst_ListenAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromText_data();
    void fromText();
    void keyAndProject_data();
    void keyAndProject();
    void receiver_stopsAndStartsAgainElsewhere();
};

void tst_ListenAddress::fromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // toText(), or the error
    QTest::addColumn<bool>("exposed");
    QTest::newRow("empty: loopback, free port") << QString() << u"127.0.0.1:0"_s << false;
    QTest::newRow("ipv4") << u"127.0.0.1:9000"_s << u"127.0.0.1:9000"_s << false;
    QTest::newRow("localhost") << u"localhost:9000"_s << u"127.0.0.1:9000"_s << false;
    QTest::newRow("ipv6") << u"[::1]:0"_s << u"[::1]:0"_s << false;
    QTest::newRow("all interfaces") << u"0.0.0.0:9000"_s << u"0.0.0.0:9000"_s << true;
    QTest::newRow("no port") << u"127.0.0.1"_s << u"must be HOST:PORT with an IP address (127.0.0.1:9000, [::1]:0), not '127.0.0.1'"_s << false;
    QTest::newRow("host name") << u"example.com:1"_s << u"must be HOST:PORT with an IP address (127.0.0.1:9000, [::1]:0), not 'example.com:1'"_s << false;
    QTest::newRow("port too big") << u"127.0.0.1:65536"_s << u"must be HOST:PORT with an IP address (127.0.0.1:9000, [::1]:0), not '127.0.0.1:65536'"_s << false;
}

void tst_ListenAddress::fromText()
{
    QFETCH(QString, text);
    QFETCH(bool, exposed);
    QString error;
    const auto listen = ListenAddress::fromText(text, &error);
    QTEST(listen ? listen->toText() : error, "expected");
    QCOMPARE(listen && listen->isExposed(), exposed);
}

void tst_ListenAddress::keyAndProject_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("keyResult");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("projectResult");
    QTest::newRow("pair, id") << u"pub:sec"_s << u"pub:sec"_s << u"1"_s << u"1"_s;
    QTest::newRow("public only, id:slug") << u"pub"_s << u"pub"_s << u"2:web"_s << u"2:web"_s;
    QTest::newRow("bad") << u"a=b"_s << u"must be PUBLIC or PUBLIC:SECRET without ',' or '=', not 'a=b'"_s
                         << u"1/2"_s << u"must be ID or ID:SLUG (e.g. 1 or 1:web), not '1/2'"_s;
    QTest::newRow("empty") << QString() << u"must be PUBLIC or PUBLIC:SECRET without ',' or '=', not ''"_s
                           << QString() << u"must be ID or ID:SLUG (e.g. 1 or 1:web), not ''"_s;
}

void tst_ListenAddress::keyAndProject()
{
    QFETCH(QString, key);
    QFETCH(QString, project);
    QString error;
    const auto parsedKey = ProjectKey::fromText(key, &error);
    QTEST(parsedKey ? parsedKey->toText() : error, "keyResult");
    const auto parsedProject = ReceiverProject::fromText(project, &error);
    QTEST(parsedProject ? parsedProject->toText() : error, "projectResult");
}

void tst_ListenAddress::receiver_stopsAndStartsAgainElsewhere()
{
    Receiver receiver(ReceiverConfig::withGeneratedKey());
    QString error;
    QVERIFY2(receiver.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(receiver.isListening());
    receiver.stop();
    QVERIFY(!receiver.isListening());
    QCOMPARE(receiver.port(), 0);
    QTcpServer taken; // a port in use: start() says so and how to fix it
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QVERIFY(!receiver.start(QHostAddress::LocalHost, taken.serverPort(), &error));
    QVERIFY2(error.contains(u"cannot listen on 127.0.0.1:%1"_s.arg(taken.serverPort()))
                 && error.contains(u"choose another port"_s), qPrintable(error));
    QVERIFY(!receiver.isListening());
    QVERIFY2(receiver.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(receiver.port() != 0);
    QVERIFY(receiver.dsn().contains(u":%1/1"_s.arg(receiver.port())));
}

QTEST_GUILESS_MAIN(tst_ListenAddress)
#include "tst_listenaddress.moc"
