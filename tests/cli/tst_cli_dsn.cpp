#include "cliprocess.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

class TestCliDsn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dsn_exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("valid") << QStringList{u"dsn"_s, u"https://pub:sec@example.com/1"_s} << 0;
        QTest::addRow("valid with warning") << QStringList{u"dsn"_s, u"https://pub@example.com/1"_s} << 0;
        QTest::addRow("valid, json") << QStringList{u"dsn"_s, u"--json"_s, u"https://pub:sec@example.com/1"_s} << 0;
        QTest::addRow("invalid port") << QStringList{u"dsn"_s, u"https://pub:sec@example.com:x/1"_s} << 1;
        QTest::addRow("invalid, json") << QStringList{u"dsn"_s, u"--json"_s, u"ftp://pub:sec@example.com/1"_s} << 1;
        QTest::addRow("empty DSN") << QStringList{u"dsn"_s, QString()} << 1;
        QTest::addRow("no DSN") << QStringList{u"dsn"_s} << 2;
        QTest::addRow("two DSNs") << QStringList{u"dsn"_s, u"https://a@b/1"_s, u"https://a@b/2"_s} << 2;
        QTest::addRow("unknown option") << QStringList{u"dsn"_s, u"--frobnicate"_s, u"https://a@b/1"_s} << 2;
        QTest::addRow("help") << QStringList{u"dsn"_s, u"--help"_s} << 0;
    }
    void dsn_exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        verifyExitCode(arguments, exitCode);
    }

    void dsn_jsonHasEveryKey()
    {
        const CliRun run = runCli({u"dsn"_s, u"--json"_s, u"--show-secret"_s,
                                   u"threaded+https://p%2Bub:s%40ec@[::1]:9000/sentry/7?timeout=3&verify_ssl=0"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json[u"valid"_s].toBool(), true);
        QCOMPARE(json[u"scheme"_s].toString(), u"https"_s);
        QCOMPARE(json[u"transport"_s].toString(), u"threaded"_s);
        QCOMPARE(json[u"public_key"_s].toString(), u"p+ub"_s);
        QCOMPARE(json[u"secret_key"_s].toString(), u"s@ec"_s);
        QCOMPARE(json[u"host"_s].toString(), u"::1"_s);
        QCOMPARE(json[u"port"_s].toInt(), 9000);
        QCOMPARE(json[u"path"_s].toString(), u"/sentry/"_s);
        QCOMPARE(json[u"project_id"_s].toString(), u"7"_s);
        QCOMPARE(json[u"store_url"_s].toString(), u"https://[::1]:9000/sentry/api/7/store/"_s);
        QCOMPARE(json[u"legacy_store_url"_s].toString(), u"https://[::1]:9000/sentry/api/store/"_s);
        const QJsonObject options{{u"timeout"_s, u"3"_s}, {u"verify_ssl"_s, u"0"_s}};
        QCOMPARE(json[u"options"_s].toObject(), options);
        QVERIFY(json[u"findings"_s].isArray());
    }

    void dsn_jsonFindingsNameThePart()
    {
        const CliRun run = runCli({u"dsn"_s, u"--json"_s, u"https://pub:sec@example.com:notaport/12"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = run.json();
        QCOMPARE(json[u"valid"_s].toBool(), false);
        QJsonObject portError;
        for (const QJsonValue &finding : json[u"findings"_s].toArray()) {
            if (finding[u"severity"_s].toString() == "error"_L1)
                portError = finding.toObject();
        }
        QCOMPARE(portError[u"part"_s].toString(), u"port"_s);
        QVERIFY(portError[u"message"_s].toString().contains(u"notaport"_s));
    }

    void dsn_breakdownMasksSecretUnlessShown_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("secretShown");
        QTest::addRow("masked") << QStringList() << false;
        QTest::addRow("shown") << QStringList{u"--show-secret"_s} << true;
        QTest::addRow("json, masked") << QStringList{u"--json"_s} << false;
        QTest::addRow("json, shown") << QStringList{u"--json"_s, u"--show-secret"_s} << true;
    }
    void dsn_breakdownMasksSecretUnlessShown()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, secretShown);
        const QString secret = u"b7d80b520139450f903720eb7991bf3d"_s;
        const CliRun run = runCli(QStringList{u"dsn"_s} + options
                                  + QStringList{u"https://pub:"_s + secret + u"@example.com/1"_s});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QCOMPARE(text.contains(secret), secretShown);
        QCOMPARE(text.contains(u"********"_s), !secretShown);
        QVERIFY(text.contains(u"https://example.com/api/1/store/"_s));
    }

    // A 64-character label: QUrl drops such a host, and the store URL came out as http:///api/1/store/.
    void dsn_hostAUrlCannotCarryIsInvalid()
    {
        const CliRun run = runCli({u"dsn"_s, u"http://pub:sec@"_s + QString(64, u'a') + u".example.com/1"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("Valid:            no"), run.out.constData());
        QVERIFY2(run.out.contains("64 characters"), run.out.constData());
        QVERIFY(!run.out.contains("http:///"));
    }

    void dsn_breakdownListsFindingsWithSeverity()
    {
        const CliRun run = runCli({u"dsn"_s, u"https://pub@example.com/1"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QString::fromUtf8(run.out).contains(u"warning secret:"_s), run.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliDsn)
#include "tst_cli_dsn.moc"
