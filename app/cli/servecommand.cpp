// `serve [--listen HOST:PORT] [--key PUBLIC[:SECRET]]… [--project ID[:SLUG]] [--origin ORIGIN]…
// [--db FILE] [--no-history] [--profile v4|relay] [--fault SPEC]… [--json]`: the local v4 receiver.

#include "cliio.h"
#include "serveroptions.h"

#include "faults.h"
#include "historywriter.h"
#include "listenaddress.h"
#include "receiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT and SIGTERM end the event loop through a self-pipe: a handler may only write a byte.
void installStopSignals(QObject *context, std::function<void()> stop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, stop = std::move(stop)] {
        notifier->setEnabled(false);
        stop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"listen"_s, u"Address and port (default 127.0.0.1:0, a free port). Another address than "
                      "loopback only when given here."_s, u"HOST:PORT"_s},
        {u"fault"_s, u"Inject a fault (repeatable; see below)."_s, u"SPEC"_s},
        {u"no-history"_s, u"Do not record exchanges (answer at once)."_s},
        {u"json"_s, u"One JSON object per line: the address first, then one per exchange."_s},
    });
    addReceiverOptions(parser);
    addDbOption(parser);
}

class ServeRun
{
public:
    ServeRun(const Sentry::ReceiverConfig &config, bool json) : m_receiver(config), m_json(json) {}

    bool setUp(const QCommandLineParser &parser, QString *error);
    bool start(const Sentry::ListenAddress &listen, QString *error);
    void printAddress(bool generatedKey) const;
    void stop();

private:
    void finishWhenAnswered();

    Sentry::Receiver m_receiver;
    std::unique_ptr<Sentry::HistoryWriter> m_writer;
    bool m_json = false;
};

bool ServeRun::setUp(const QCommandLineParser &parser, QString *error)
{
    for (const QString &spec : parser.values(u"fault"_s)) {
        const auto fault = Sentry::Fault::parse(spec, error);
        if (!fault)
            return false;
        m_receiver.faults().add(*fault);
    }
    if (!parser.isSet(u"no-history"_s)) {
        m_writer = std::make_unique<Sentry::HistoryWriter>();
        if (!m_writer->open(dbPathFrom(parser), error)) {
            *error += u"; give another file with --db FILE, or --no-history"_s;
            return false;
        }
        m_receiver.setHistory(m_writer.get());
    }
    QObject::connect(&m_receiver, &Sentry::Receiver::exchangeFinished, &m_receiver,
                     [this](const Sentry::Exchange &exchange) { printExchange(exchange, m_json); });
    return true;
}

bool ServeRun::start(const Sentry::ListenAddress &listen, QString *error)
{
    if (!m_receiver.start(listen.address, listen.port, error)) {
        *error += u" with --listen HOST:PORT"_s;
        return false;
    }
    if (listen.isExposed())
        err() << "warning: listening on " << listen.address.toString()
              << ", which is not loopback: other machines can send to this receiver" << Qt::endl;
    return true;
}

void ServeRun::printAddress(bool generatedKey) const
{
    const QString url = m_receiver.url().toString();
    const QString db = m_writer ? m_writer->path() : QString();
    if (m_json) {
        printJsonLine({{u"listening"_s, url}, {u"dsn"_s, m_receiver.dsn()},
                                 {u"db"_s, db.isEmpty() ? QJsonValue() : QJsonValue(db)}});
        return;
    }
    out() << "Listening on " << url << "  DSN: " << m_receiver.dsn() << Qt::endl;
    if (generatedKey)
        out() << "(no --key given: generated the key pair in the DSN above)" << Qt::endl;
    out() << (db.isEmpty() ? u"History: off"_s : u"History: "_s + db) << Qt::endl;
}

void ServeRun::stop()
{
    // Stop accepting, answer what was acknowledged or is waiting for its commit, then exit 0.
    for (QTcpServer *server : m_receiver.servers())
        server->close();
    finishWhenAnswered();
}

void ServeRun::finishWhenAnswered()
{
    if (m_receiver.unanswered() == 0)
        return QCoreApplication::exit(ExitOk);
    QObject::connect(&m_receiver, &Sentry::Receiver::allAnswered, &m_receiver,
                     [] { QCoreApplication::exit(ExitOk); });
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Run a local receiver that speaks protocol v4 as the v4-era server did: point any v4 client\n"
        "at the DSN it prints, and see each request as it was judged. Runs until SIGINT/SIGTERM.\n\n"_s
        + Sentry::Fault::syntaxHelp()
        + u"\nExamples:\n"
          "  sentry-harness-cli serve --key public:secret --project 2\n"
          "  sentry-harness-cli serve --fault 429,retry-after=30 --json"_s);
    addOptions(parser);
    if (!parseOrExplain(parser, arguments, 0))
        return ExitUsage;
    QString error;
    const auto config = receiverConfigFrom(parser, true, &error);
    const auto listen = config ? Sentry::ListenAddress::fromText(parser.value(u"listen"_s), &error) : std::nullopt;
    if (config && !listen)
        error = u"--listen "_s + error;
    if (!config || !listen) {
        printError(error);
        return ExitUsage;
    }
    ServeRun run(*config, parser.isSet(u"json"_s));
    if (!run.setUp(parser, &error)) {
        printError(error);
        return ExitUsage;
    }
    if (!run.start(*listen, &error)) {
        printError(error);
        return ExitFailure;
    }
    run.printAddress(!parser.isSet(u"key"_s));
    installStopSignals(QCoreApplication::instance(), [&run] { run.stop(); });
    return QCoreApplication::exec();
}

} // namespace Cli
