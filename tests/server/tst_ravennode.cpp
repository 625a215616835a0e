// raven-node 0.6.3 itself, run by node, against a receiver on loopback: each scenario of the
// capture script (scripts/capture/raven-node-app.js) sends one event, which raven must see
// acknowledged (its 'logged' event, exit code 0) and the history must hold as raven meant it.
//
// Needs `node` and raven@0.6.3. The package is looked for in $SENTRY_RAVEN_NODE_MODULES (a
// node_modules folder), else in BUILD/raven-node/node_modules; get it with
//     npm install --prefix build/raven-node --no-audit --no-fund raven@0.6.3
// or point the variable at the folder `scripts/capture-clients.sh --keep` leaves
// (WORK/app/node_modules).
// Without them the test skips and says so.

#include "history.h"
#include "receiverfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const QString AppScript = QStringLiteral(SENTRY_SOURCE_DIR "/scripts/capture/raven-node-app.js");

QString ravenModules()
{
    const QString fromEnv = qEnvironmentVariable("SENTRY_RAVEN_NODE_MODULES");
    return fromEnv.isEmpty() ? QStringLiteral(SENTRY_BUILD_DIR "/raven-node/node_modules")
                             : fromEnv;
}

// raven-node sends the whole process environment in its events: give it a small one.
QProcessEnvironment nodeEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"NODE_ENV"_s, u"test"_s);
    env.insert(u"NODE_PATH"_s, ravenModules()); // require('raven') from the script's folder
    return env;
}

ReceiverConfig ravenConfig()
{
    ReceiverConfig config;
    config.projects = {{u"2"_s, QString(), {{u"pub"_s, u"sec"_s}}}};
    return config;
}

} // namespace

class tst_RavenNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scenario_data();
    void scenario();

private:
    QString m_node;
};

void tst_RavenNode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_node = QStandardPaths::findExecutable(u"node"_s);
    if (m_node.isEmpty())
        QSKIP("node is not installed (Debian: apt-get install nodejs); raven-node cannot run");
    if (!QFileInfo::exists(ravenModules() + u"/raven/package.json"_s))
        QSKIP(qPrintable(u"raven@0.6.3 is not in %1: npm install --prefix build/raven-node "
                         "raven@0.6.3, or set SENTRY_RAVEN_NODE_MODULES to a node_modules folder "
                         "that has it"_s.arg(ravenModules())));
}

void tst_RavenNode::scenario_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("message"); // what the stored event's message starts with
    QTest::addRow("captureMessage") << u"message"_s << u"Cache warm-up took longer"_s;
    QTest::addRow("captureError") << u"error"_s << u"Error: Amount must be positive"_s;
    QTest::addRow("TypeError") << u"type-error"_s << u"TypeError: "_s;
    QTest::addRow("thrown string") << u"thrown-string"_s << u"Error: something awesome"_s;
    QTest::addRow("captureQuery") << u"query"_s << QString();
}

void tst_RavenNode::scenario()
{
    QFETCH(QString, scenario);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"history.sqlite"_s);
    {
        ReceiverFixture fixture(ravenConfig(), db);
        QVERIFY2(fixture.isOk(), qPrintable(fixture.error()));
        QProcess node;
        node.setProcessEnvironment(nodeEnvironment());
        node.setWorkingDirectory(dir.path());
        const QString dsn = u"http://pub:sec@127.0.0.1:%1/2"_s.arg(fixture.port());
        node.start(m_node, {AppScript, scenario, dsn});
        QVERIFY2(node.waitForStarted(), qPrintable(node.errorString()));
        QVERIFY2(node.waitForFinished(60000), "raven-node did not finish within 60 s");
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
                 qPrintable(u"raven-node failed: "_s
                            + QString::fromUtf8(node.readAllStandardError())));
    } // the fixture's writer has committed everything it acknowledged

    History history;
    QString error;
    QVERIFY2(history.open(db, &error), qPrintable(error));
    const QList<Exchange> stored = history.search({}, &error);
    QCOMPARE(stored.size(), 1);
    const Exchange &exchange = stored.constFirst();
    QCOMPARE(exchange.status, 200);
    QCOMPARE(exchange.method, QByteArray("POST"));
    QCOMPARE(exchange.url, QByteArray("/api/store/")); // raven-node 0.6 posts to the legacy route
    QCOMPARE(exchange.encoding, u"base64-zlib"_s);
    QVERIFY2(exchange.client.startsWith(u"raven-node/0.6.3"_s), qPrintable(exchange.client));
    QCOMPARE(exchange.project, u"2"_s);
    QVERIFY(exchange.refusal.isEmpty());
    QCOMPARE(exchange.eventId.size(), 32);
    QVERIFY2(exchange.message.startsWith(message), qPrintable(exchange.message));
    QVERIFY(!exchange.storedEvent.isEmpty());
    QCOMPARE(BodyCodec::decode(exchange.requestBody).json, exchange.eventJson); // the bytes as sent
}

QTEST_GUILESS_MAIN(tst_RavenNode)
#include "tst_ravennode.moc"
