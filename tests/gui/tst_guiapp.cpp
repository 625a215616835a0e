// Runs sentry-harness as a process, as the package check does: it starts on the offscreen
// platform and `--quit-after` closes it the way File > Quit does (the settings are saved, exit 0).

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestGuiApp : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // The program in a home of its own: settings and history land in m_home, never the user's.
    Run run(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SENTRY_GUI_PATH), arguments);
        if (!process.waitForStarted(10000))
            return {};
        // Waiting on the process itself: finished() or the 60 s guard, which then fails the test.
        if (!process.waitForFinished(60000))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QTemporaryDir m_home;

private Q_SLOTS:
    void quitAfter_closesAsQuitDoesAndExitsZero()
    {
        QVERIFY(m_home.isValid());
        const QString settings = m_home.filePath(u"config/SentryHarness/Sentry Harness.conf"_s);
        QVERIFY(!QFile::exists(settings));
        const Run result = run({u"--no-keyring"_s, u"--quit-after"_s, u"200"_s});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        // Closed through the window's close event, which saves the geometry as Quit does.
        QVERIFY2(QFile::exists(settings), qPrintable(settings));
    }

    void quitAfter_rejectsWhatIsNotMilliseconds_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("word") << u"soon"_s;
        QTest::newRow("negative") << u"-5"_s;
        QTest::newRow("fraction") << u"1.5"_s;
    }

    void quitAfter_rejectsWhatIsNotMilliseconds()
    {
        QFETCH(QString, value);
        const Run result = run({u"--no-keyring"_s, u"--quit-after"_s, value});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("--quit-after takes whole milliseconds"), result.err.constData());
        QVERIFY2(result.err.contains(value.toUtf8()), result.err.constData());
    }

    void version_namesTheProjectVersion()
    {
        const Run result = run({u"--version"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QByteArray("Sentry Harness " PROJECT_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestGuiApp)
#include "tst_guiapp.moc"
