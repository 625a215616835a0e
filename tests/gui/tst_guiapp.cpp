// Runs sentry-harness as a process, as the package check does: it starts on the offscreen
// platform and `--quit-after` closes it the way File > Quit does (the settings are saved, exit 0).

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
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

    enum class Display { Offscreen, None };

    // The program in a home of its own: settings and history land in m_home, never the user's.
    // Display::None: no platform chosen and no display to connect to, as on a headless machine.
    Run run(const QStringList &arguments, Display display = Display::Offscreen,
            const QString &program = QStringLiteral(SENTRY_GUI_PATH))
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
            environment.remove(name);
        if (display == Display::Offscreen)
            environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
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

    // The GUI records into the history database the CLI reads and writes by default.
    void history_isTheOneTheCliUses()
    {
        QVERIFY(m_home.isValid());
        const QString database = m_home.filePath(u"data/SentryHarness/history.sqlite"_s);
        QFile::remove(database);
        const Run gui = run({u"--no-keyring"_s, u"--quit-after"_s, u"200"_s});
        QVERIFY2(gui.exitCode == 0, gui.err.constData());
        QVERIFY2(QFile::exists(database), qPrintable(database));
        const Run cli = run({u"history"_s, u"--help"_s}, Display::None, QStringLiteral(SENTRY_CLI_PATH));
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        // The help wraps long lines: compared without the white space.
        const QString help = QString::fromUtf8(cli.out).remove(QRegularExpression(u"\\s+"_s));
        QVERIFY2(help.contains(u"(default:"_s + database + u")"_s), qPrintable(help));
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

    // The package check found `sentry-harness --version` aborting with no display: the
    // application was a QApplication before the command line was read.
    void versionAndHelp_needNoDisplay()
    {
        const Run version = run({u"--version"_s}, Display::None);
        QVERIFY2(version.exitCode == 0, version.err.constData());
        QCOMPARE(version.out.trimmed(), QByteArray("Sentry Harness " PROJECT_VERSION));
        const Run help = run({u"--help"_s}, Display::None);
        QVERIFY2(help.exitCode == 0, help.err.constData());
        QVERIFY2(help.out.contains("--quit-after <ms>"), help.out.constData());
    }

    void withoutADisplay_theWindowDoesNotStart()
    {
        // The other side of the line, and proof that Display::None has no display: the window
        // itself still needs a platform.
        const Run result = run({u"--no-keyring"_s, u"--quit-after"_s, u"0"_s}, Display::None);
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("platform plugin"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestGuiApp)
#include "tst_guiapp.moc"
