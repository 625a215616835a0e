// `history [--db FILE] [--search TEXT] [--direction in|out] [--status N] [--level L] [--client C]
// [--since ISO] [--limit N] [--json]` and `history show ID [--raw] [--json] [--timeline md|html]`:
// the recorded exchanges.

#include "cliio.h"
#include "serveroptions.h"

#include "history.h"
#include "timeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"search"_s, u"Text in the message, URL, client, event id or event."_s, u"TEXT"_s},
        {u"direction"_s, u"in (received) or out (sent by the harness)."_s, u"DIRECTION"_s},
        {u"status"_s, u"Only this HTTP status (0: no answer)."_s, u"N"_s},
        {u"level"_s, u"Only events of this level."_s, u"LEVEL"_s},
        {u"client"_s, u"Only clients whose name starts with this."_s, u"NAME"_s},
        {u"since"_s, u"Only exchanges at or after this time (ISO 8601, UTC)."_s, u"TIME"_s},
        {u"limit"_s, u"At most N exchanges, newest first (default 50)."_s, u"N"_s, u"50"_s},
        {u"raw"_s, u"show: print the request exactly as received or sent."_s},
        {u"json"_s, u"One JSON object per line (show: the whole exchange)."_s},
        {u"timeline"_s, u"show: the protocol timeline, DSN to verdict, as Markdown or one HTML page (md or html)."_s,
         u"md|html"_s},
    });
    addDbOption(parser);
    parser.addPositionalArgument(u"show ID"_s, u"Show one exchange in full."_s, u"[show ID]"_s);
}

std::optional<Sentry::HistoryQuery> queryFrom(const QCommandLineParser &parser, QString *error)
{
    Sentry::HistoryQuery query;
    query.text = parser.value(u"search"_s);
    query.level = parser.value(u"level"_s);
    query.client = parser.value(u"client"_s);
    bool ok = true;
    if (parser.isSet(u"status"_s))
        query.status = parser.value(u"status"_s).toInt(&ok);
    if (!ok || query.status < -1 || query.status > 999)
        return (*error = u"--status must be an HTTP status such as 200, not '%1'"_s.arg(parser.value(u"status"_s)), std::nullopt);
    query.limit = parser.value(u"limit"_s).toInt(&ok);
    if (!ok || query.limit < 1)
        return (*error = u"--limit must be a whole number of at least 1, not '%1'"_s.arg(parser.value(u"limit"_s)), std::nullopt);
    const QString direction = parser.value(u"direction"_s);
    if (direction == "in"_L1 || direction == "out"_L1)
        query.direction = direction == "in"_L1 ? Sentry::Exchange::Direction::In : Sentry::Exchange::Direction::Out;
    else if (!direction.isEmpty())
        return (*error = u"--direction must be in or out, not '%1'"_s.arg(direction), std::nullopt);
    if (parser.isSet(u"since"_s)) {
        query.since = QDateTime::fromString(parser.value(u"since"_s), Qt::ISODate);
        query.since.setTimeSpec(Qt::UTC);
        if (!query.since.isValid())
            return (*error = u"--since must be an ISO 8601 time such as 2026-12-06T18:00:00, not '%1'"_s.arg(parser.value(u"since"_s)), std::nullopt);
    }
    return query;
}

int show(const Sentry::History &history, const QString &idText, const QCommandLineParser &parser)
{
    bool ok = false;
    const qint64 id = idText.startsWith(u'#') ? idText.mid(1).toLongLong(&ok) : idText.toLongLong(&ok);
    QString error;
    const auto exchange = ok ? history.exchange(id, &error) : std::nullopt;
    if (!exchange) {
        printError(ok ? error : u"show needs an exchange id such as 12, not '%1'"_s.arg(idText));
        return ExitUsage;
    }
    if (parser.isSet(u"raw"_s)) {
        const QByteArray raw = exchange->rawRequest();
        std::fwrite(raw.constData(), 1, size_t(raw.size()), stdout);
        return ExitOk;
    }
    if (parser.isSet(u"timeline"_s)) {
        const bool html = parser.value(u"timeline"_s) == "html"_L1;
        out() << (html ? Sentry::Timeline::toHtml(*exchange) : Sentry::Timeline::toMarkdown(*exchange));
        out().flush();
        return ExitOk;
    }
    if (parser.isSet(u"json"_s)) {
        printJson(exchange->toJson());
        return ExitOk;
    }
    out() << exchangeLine(*exchange) << "\n\nRequest headers:\n";
    for (const auto &header : exchange->requestHeaders)
        out() << "  " << header.first << ": " << header.second << '\n';
    out() << "\nEvent:\n  " << QString::fromUtf8(exchange->eventJson) << "\n\nAnswer: " << exchange->status << '\n';
    for (const auto &header : exchange->responseHeaders)
        out() << "  " << header.first << ": " << header.second << '\n';
    out() << "  " << QString::fromUtf8(exchange->responseBody) << Qt::endl;
    return ExitOk;
}

} // namespace

int runHistory(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the recorded exchanges (received by `serve`, sent by `send` and `replay`), newest\n"
        "first, or show one in full with `history show ID`.\n\n"
        "Examples:\n"
        "  sentry-harness-cli history --direction in --limit 10\n"
        "  sentry-harness-cli history show 42 --raw\n"
        "  sentry-harness-cli history show 42 --timeline html > exchange-42.html"_s);
    addOptions(parser);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printError(parser.errorText() + u"\n(see --help)"_s);
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText().replace(QCoreApplication::arguments().constFirst(), u"sentry-harness-cli history"_s);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && (positional.size() != 2 || positional.first() != "show"_L1)) {
        printError(u"expected no argument, or 'show ID'; got '%1' (see --help)"_s.arg(positional.join(u' ')));
        return ExitUsage;
    }
    const QString timeline = parser.value(u"timeline"_s);
    if (parser.isSet(u"timeline"_s) && timeline != "md"_L1 && timeline != "html"_L1) {
        printError(u"--timeline must be md (Markdown) or html (one self-contained page), not '%1'"_s.arg(timeline));
        return ExitUsage;
    }
    if (parser.isSet(u"timeline"_s) && positional.isEmpty()) {
        printError(u"--timeline shows one exchange: add 'show ID' (the ids are in the list without it)"_s);
        return ExitUsage;
    }
    QString error;
    const auto query = queryFrom(parser, &error);
    if (!query) {
        printError(error);
        return ExitUsage;
    }
    Sentry::History history;
    if (!openHistory(history, dbPathFrom(parser)))
        return ExitFailure;
    if (!positional.isEmpty())
        return show(history, positional.at(1), parser);
    const auto found = history.search(*query, &error);
    if (!error.isEmpty()) {
        printError(error);
        return ExitFailure;
    }
    for (const Sentry::Exchange &exchange : found)
        printExchange(exchange, parser.isSet(u"json"_s));
    return ExitOk;
}

} // namespace Cli
