// `replay [--db FILE] --id N --dsn DSN [--exact | --encoding json|base64-zlib] [--fresh-id]
// [--fresh-timestamp] [--timeout S] [--json]`: sends a stored exchange again, records the replay
// linked to its original, and compares the two.

#include "cliio.h"
#include "serveroptions.h"

#include "dsn.h"
#include "history.h"
#include "replayjob.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"id"_s, u"The exchange to replay (see `history`)."_s, u"N"_s},
        {u"dsn"_s, u"Where to send it."_s, u"DSN"_s},
        {u"exact"_s, u"Send the bytes as received: method, target, headers in order, body (default "
                     "unless --encoding, --fresh-id or --fresh-timestamp)."_s},
        {u"encoding"_s, u"Rebuild the request for the DSN in this encoding (json or base64-zlib)."_s, u"ENCODING"_s},
        {u"rebuild"_s, u"Rebuild the request for the DSN in its original encoding."_s},
        {u"fresh-id"_s, u"Rebuild with a new event_id."_s},
        {u"fresh-timestamp"_s, u"Rebuild with the current time as timestamp."_s},
        {u"timeout"_s, u"Seconds to wait for the answer (default 10)."_s, u"SECONDS"_s, u"10"_s},
        {u"json"_s, u"Print the replay and the comparison as JSON."_s},
    });
    addDbOption(parser);
}

std::optional<Sentry::ReplayOptions> optionsFrom(const QCommandLineParser &parser, QString *error)
{
    Sentry::ReplayOptions options;
    options.freshEventId = parser.isSet(u"fresh-id"_s);
    options.freshTimestamp = parser.isSet(u"fresh-timestamp"_s);
    if (parser.isSet(u"encoding"_s)) {
        options.encoding = Sentry::encodingFromName(parser.value(u"encoding"_s));
        if (!options.encoding)
            return (*error = u"--encoding must be json or base64-zlib, not '%1'"_s.arg(parser.value(u"encoding"_s)), std::nullopt);
    }
    const bool rebuild = parser.isSet(u"rebuild"_s) || options.encoding || options.freshEventId || options.freshTimestamp;
    if (parser.isSet(u"exact"_s) && rebuild)
        return (*error = u"--exact sends the bytes as received: it cannot be combined with --encoding, "
                         "--rebuild, --fresh-id or --fresh-timestamp"_s, std::nullopt);
    options.exact = !rebuild;
    return options;
}

void printResult(const Sentry::Exchange &original, const Sentry::Exchange &replayed, bool json)
{
    const QJsonObject comparison = Sentry::Replay::compare(original, replayed);
    if (json) {
        printJson({{u"replay"_s, replayed.toJson(false)}, {u"comparison"_s, comparison}});
        return;
    }
    out() << exchangeLine(replayed) << "\n\n";
    out() << "            original  replay\n";
    out() << "status      " << QString::number(original.status).leftJustified(10) << replayed.status << '\n';
    out() << "event id    " << original.eventId.leftJustified(10) << ' ' << replayed.eventId << '\n';
    out() << "encoding    " << original.encoding.leftJustified(10) << replayed.encoding << '\n';
    out() << "X-Sentry-Error: " << comparison[u"original"_s][u"x_sentry_error"_s].toString() << " | "
          << comparison[u"replay"_s][u"x_sentry_error"_s].toString() << '\n';
    out() << "same body bytes: " << (original.requestBody == replayed.requestBody ? "yes" : "no") << Qt::endl;
}

} // namespace

int runReplay(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Send a stored exchange to any DSN, exactly as received or rebuilt for that DSN, record the\n"
        "replay linked to its original, and compare the two answers.\n"
        "Exit codes: 0 the replay got a 200, 2 usage error, 3 no 200 (network or server failure).\n\n"
        "Examples:\n"
        "  sentry-harness-cli replay --id 42 --dsn http://public:secret@localhost:9000/2\n"
        "  sentry-harness-cli replay --id 42 --dsn \"$SENTRY_DSN\" --rebuild --fresh-id --json"_s);
    addOptions(parser);
    if (!parseOrExplain(parser, arguments, 0))
        return ExitUsage;
    QString error;
    bool ok = false;
    const qint64 id = parser.value(u"id"_s).toLongLong(&ok);
    const double timeout = parser.value(u"timeout"_s).toDouble();
    const auto options = optionsFrom(parser, &error);
    if (!ok || !parser.isSet(u"dsn"_s) || !options || timeout <= 0) {
        printError(!ok ? u"--id N is required: the exchange to replay (see `history`)"_s
                   : !parser.isSet(u"dsn"_s) ? u"--dsn is required: where to send the replay"_s
                   : !options ? error : u"--timeout must be a positive number of seconds"_s);
        return ExitUsage;
    }
    Sentry::History history;
    if (!openHistory(history, dbPathFrom(parser)))
        return ExitFailure;
    const auto original = history.exchange(id, &error);
    Sentry::ReplayJob job(&history);
    job.setTimeoutMs(int(timeout * 1000));
    QEventLoop loop;
    Sentry::ReplayOutcome outcome;
    QObject::connect(&job, &Sentry::ReplayJob::finished, &loop, [&](const Sentry::ReplayOutcome &o) {
        outcome = o;
        loop.quit();
    });
    if (!original || !job.start(*original, Sentry::Dsn::parse(parser.value(u"dsn"_s)), *options, &error)) {
        printError(error);
        return ExitUsage;
    }
    loop.exec();
    if (!outcome.historyError.isEmpty())
        printError(u"the replay was sent but not recorded: "_s + outcome.historyError);
    printResult(*original, outcome.replay, parser.isSet(u"json"_s));
    return outcome.replay.status == 200 ? ExitOk : ExitFailure;
}

} // namespace Cli
