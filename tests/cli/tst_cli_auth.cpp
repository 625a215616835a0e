#include "cliprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString Accepted = u"Sentry sentry_version=4, sentry_client=raven-python/4.0.0, "
                         "sentry_timestamp=1329096377, sentry_key=pub, sentry_secret=sec"_s;
}

class TestCliAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void auth_exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("accepted") << QStringList{u"auth"_s, Accepted} << 0;
        QTest::addRow("accepted, json") << QStringList{u"auth"_s, u"--json"_s, Accepted} << 0;
        QTest::addRow("authorization prefix") << QStringList{u"auth"_s, u"Authorization: "_s + Accepted} << 0;
        QTest::addRow("trailing comma") << QStringList{u"auth"_s, Accepted + u","_s} << 1;
        QTest::addRow("version 4.0")
            << QStringList{u"auth"_s, u"Sentry sentry_version=4.0, sentry_client=x/1, sentry_key=pub, sentry_secret=s"_s}
            << 1;
        QTest::addRow("empty") << QStringList{u"auth"_s, QString()} << 1;
        QTest::addRow("no header") << QStringList{u"auth"_s} << 2;
        QTest::addRow("unknown option") << QStringList{u"auth"_s, u"--nope"_s, Accepted} << 2;
    }
    void auth_exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        verifyExitCode(arguments, exitCode);
    }

    void auth_jsonGivesFieldsAndFindings()
    {
        const CliRun run = runCli({u"auth"_s, u"--json"_s, u"--show-secret"_s,
                                   u"Sentry sentry_version=4, sentry_client=raven-node/0.6.2, "
                                   "sentry_timestamp=1395097600123, sentry_key=pub, sentry_secret=sec"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json[u"valid"_s].toBool(), true);
        QJsonArray fields; // in header order
        for (const auto &[name, value] : {std::pair{u"sentry_version"_s, u"4"_s},
                                          {u"sentry_client"_s, u"raven-node/0.6.2"_s},
                                          {u"sentry_timestamp"_s, u"1395097600123"_s},
                                          {u"sentry_key"_s, u"pub"_s}, {u"sentry_secret"_s, u"sec"_s}})
            fields.append(QJsonObject{{u"name"_s, name}, {u"value"_s, value}});
        QCOMPARE(json[u"fields"_s].toArray(), fields);
        const QJsonArray findings = json[u"findings"_s].toArray();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first()[u"severity"_s].toString(), u"warning"_s);
        QCOMPARE(findings.first()[u"part"_s].toString(), u"sentry_timestamp"_s);
    }

    void auth_jsonRejectedNamesTheField()
    {
        const CliRun run = runCli({u"auth"_s, u"--json"_s, u"Sentry sentry_version=4, sentry_client=x/1, sentry_secret=s"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = run.json();
        QCOMPARE(json[u"valid"_s].toBool(), false);
        bool keyError = false;
        for (const QJsonValue &finding : json[u"findings"_s].toArray())
            keyError |= finding[u"severity"_s].toString() == "error"_L1 && finding[u"part"_s].toString() == "sentry_key"_L1;
        QVERIFY2(keyError, run.out.constData());
    }

    void auth_readsStandardInput()
    {
        const CliRun run = runCli({u"auth"_s, u"--json"_s, u"--show-secret"_s, u"-"_s},
                                  "Sentry sentry_version=4, sentry_client=x/1,\n    sentry_key=pub,\n    sentry_secret=s\n");
        QCOMPARE(run.exitCode, 0);
        const QJsonArray fields = run.json()[u"fields"_s].toArray();
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields.at(3)[u"name"_s].toString(), u"sentry_secret"_s);
        QCOMPARE(fields.at(3)[u"value"_s].toString(), u"s"_s);
    }

    // Order and duplicates are what the crude parser cared about (the last one wins).
    void auth_jsonKeepsOrderAndDuplicates()
    {
        const CliRun run = runCli({u"auth"_s, u"--json"_s,
                                   u"Sentry sentry_key=b, sentry_version=4, sentry_client=x/1, sentry_key=a, "
                                   "sentry_secret=topsecret"_s});
        QStringList names;
        for (const QJsonValue &field : run.json()[u"fields"_s].toArray())
            names.append(field[u"name"_s].toString() + u'=' + field[u"value"_s].toString());
        QCOMPARE(names, (QStringList{u"sentry_key=b"_s, u"sentry_version=4"_s, u"sentry_client=x/1"_s,
                                     u"sentry_key=a"_s, u"sentry_secret=********"_s}));
    }

    // Each real client's credentials, wherever they were placed (tests/data/traffic): raven-node's
    // X-Sentry-Auth header, raven-js's query string (1.1.22 percent-encodes the '/').
    void auth_acceptsEveryCapturedClientsCredentials_data()
    {
        QTest::addColumn<QString>("credentials");
        QTest::addColumn<bool>("browser");
        const QDir root(QStringLiteral(SENTRY_TEST_DATA_DIR "/traffic"));
        for (const QString &client : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            for (const QString &name : QDir(root.filePath(client)).entryList({u"*.http"_s})) {
                QFile file(root.filePath(client + u'/' + name));
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QList<QByteArray> lines = file.readAll().split('\n');
                const bool beacon = lines.constFirst().startsWith("GET ");
                QString credentials = QString::fromLatin1(lines.constFirst().split(' ').value(1));
                for (const QByteArray &line : lines) {
                    if (line.startsWith("X-Sentry-Auth: "))
                        credentials = QString::fromUtf8(line.mid(15).trimmed());
                }
                QTest::addRow("%s", qPrintable(client + u'/' + name)) << credentials << beacon;
            }
        }
    }
    void auth_acceptsEveryCapturedClientsCredentials()
    {
        QFETCH(QString, credentials);
        QFETCH(bool, browser);
        const QStringList kind = browser ? QStringList{u"--browser"_s} : QStringList{};
        const CliRun run = runCli(QStringList{u"auth"_s, u"--json"_s} + kind + QStringList{credentials});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QString client;
        for (const QJsonValue &field : run.json()[u"fields"_s].toArray()) {
            if (field[u"name"_s].toString() == "sentry_client"_L1)
                client = field[u"value"_s].toString();
        }
        QVERIFY2(client.startsWith(u"raven-js/"_s) || client.startsWith(u"raven-node/"_s), qPrintable(client));
    }

    void auth_queryWithoutSentryParametersSaysSo()
    {
        const CliRun run = runCli({u"auth"_s, u"/api/3/store/?a=1&b=2"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("Unsupported client"), run.out.constData());
    }

    // The pasted secret was echoed in the fields and inside finding messages.
    void auth_masksTheSecretUnlessShown_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("shown");
        QTest::addRow("text") << QStringList() << false;
        QTest::addRow("json") << QStringList{u"--json"_s} << false;
        QTest::addRow("text, shown") << QStringList{u"--show-secret"_s} << true;
        QTest::addRow("json, shown") << QStringList{u"--json"_s, u"--show-secret"_s} << true;
    }
    void auth_masksTheSecretUnlessShown()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, shown);
        // Quoted, and sent twice: both findings quote the value.
        const CliRun run = runCli(QStringList{u"auth"_s} + options
                                  + QStringList{u"Sentry sentry_version=4, sentry_client=x/1, sentry_key=pub, "
                                                "sentry_secret=\"b7d80b5201\", sentry_secret=\"b7d80b5201\""_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("sentry_secret"), run.out.constData());
        QCOMPARE(run.out.contains("b7d80b5201"), shown);
        QCOMPARE(run.out.contains("********"), !shown);
    }

    void auth_browserOptionWarnsAboutSecret()
    {
        const CliRun server = runCli({u"auth"_s, Accepted});
        const CliRun browser = runCli({u"auth"_s, u"--browser"_s, Accepted});
        QCOMPARE(server.exitCode, 0);
        QCOMPARE(browser.exitCode, 0);
        QVERIFY(!server.out.contains("warning sentry_secret"));
        QVERIFY2(browser.out.contains("warning sentry_secret"), browser.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliAuth)
#include "tst_cli_auth.moc"
