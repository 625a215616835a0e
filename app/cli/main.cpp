#include "cliio.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Cli {
int runDsn(const QStringList &arguments);
int runAuth(const QStringList &arguments);
int runRequest(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runSend(const QStringList &arguments);
int runServe(const QStringList &arguments);
int runInspect(const QStringList &arguments);
int runHistory(const QStringList &arguments);
int runReplay(const QStringList &arguments);
} // namespace Cli

static const QList<Cli::Command> &commands()
{
    static const QList<Cli::Command> table = {
        // COMMANDS: one row per command, in the order --help lists them
        {u"dsn"_s, u"Break a DSN down and check it"_s, Cli::runDsn},
        {u"auth"_s, u"Judge an X-Sentry-Auth header as the v4 server would"_s, Cli::runAuth},
        {u"request"_s, u"Build the store request for an event: raw HTTP, JSON or curl"_s, Cli::runRequest},
        {u"validate"_s, u"Judge an event as protocol v4 (or Relay) and show what is stored"_s, Cli::runValidate},
        {u"send"_s, u"Validate an event, send it, and explain the server's answer"_s, Cli::runSend},
        {u"serve"_s, u"Run a local v4 receiver: see what clients send, inject faults"_s, Cli::runServe},
        {u"inspect"_s, u"Judge a raw HTTP request saved in a file as the receiver would"_s, Cli::runInspect},
        {u"history"_s, u"List or show recorded exchanges (received, sent, replayed)"_s, Cli::runHistory},
        {u"replay"_s, u"Send a recorded exchange again, exactly or rebuilt, and compare"_s, Cli::runReplay},
    };
    return table;
}

static QString usage()
{
    QString text = u"Usage: sentry-harness-cli <command> [options]\n\n"
                   "Sentry Harness on the command line: check DSNs and auth headers, build, validate\n"
                   "and send protocol v4 store requests; receive them, record them and replay them.\n\nCommands:\n"_s;
    for (const Cli::Command &command : commands())
        text += u"  %1  %2\n"_s.arg(command.name, -10).arg(command.summary);
    text += u"\nRun 'sentry-harness-cli <command> --help' for a command's options.\n"
            "Exit codes: 0 ok, 1 input judged invalid, 2 usage error, 3 network or server failure.\n"_s;
    return text;
}

int main(int argc, char *argv[])
{
    // A command-line tool has no desktop main loop to share, so Qt's own poll() dispatcher is
    // enough. Unlike the GLib one, it wakes a thread once per batch of posted events instead of
    // writing its eventfd for each: about 27 fewer system calls per request `send` makes.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sentry-harness-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == "--help"_L1 || first == "-h"_L1 || first == "help"_L1) {
        (first.isEmpty() ? Cli::err() : Cli::out()) << usage();
        return first.isEmpty() ? Cli::ExitUsage : Cli::ExitOk;
    }
    if (first == "--version"_L1 || first == "-v"_L1) {
        Cli::out() << "sentry-harness-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Cli::ExitOk;
    }
    for (const Cli::Command &command : commands()) {
        if (command.name == first) {
            arguments.removeAt(1);
            arguments[0] += u' ' + first;
            return command.run(arguments);
        }
    }
    Cli::printError(u"unknown command '%1'\n\n"_s.arg(first) + usage());
    return Cli::ExitUsage;
}
