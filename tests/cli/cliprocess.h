#pragma once

// Runs sentry-harness-cli as a process for the CLI tests.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

// The environment every CLI process of a test runs in: the data, config and cache folders are in
// a temporary directory, so the history's default database never lands in the user's home.
inline QProcessEnvironment isolatedEnvironment()
{
    static QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
        environment.insert(QString::fromLatin1(name), home.path() + u'/' + QString::fromLatin1(name));
    return environment;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CliRun runCli(const QStringList &arguments, const QByteArray &stdinData = {})
{
    QProcess process;
    process.setProcessEnvironment(isolatedEnvironment());
    process.start(QStringLiteral(SENTRY_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    // Waiting on the process itself (not a sleep): finished() or the 60 s guard.
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// The CLI exits with `exitCode` for `arguments`; a usage error (2) also says what is wrong on stderr.
inline void verifyExitCode(const QStringList &arguments, int exitCode)
{
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == exitCode, QByteArray(run.out + run.err).constData());
    if (exitCode == 2)
        QVERIFY(!run.err.isEmpty());
}
