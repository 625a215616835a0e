// `validate [--json] [--profile v4|relay] [--scrub] FILE|-`: judge an event as the v4-era server
// (or today's Relay) would, one finding per line, and show what would be stored.
// `validate --list-rules [--json] [--profile …]` lists the rules instead.

#include "cliio.h"

#include "rules.h"
#include "scrubber.h"
#include "validator.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

struct Scrubbed
{
    QByteArray json;
    QList<Sentry::ScrubEntry> entries;
};

// Scrubs a JSON object; anything else is left for the validator to explain.
Scrubbed scrub(const QByteArray &json, const Sentry::ScrubOptions &options)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return {json, {}};
    const Sentry::ScrubResult result = Sentry::Scrubber::scrub(document.object(), options);
    return {QJsonDocument(result.event).toJson(QJsonDocument::Compact), result.entries};
}

QJsonArray scrubJson(const QList<Sentry::ScrubEntry> &entries)
{
    QJsonArray array;
    for (const Sentry::ScrubEntry &entry : entries)
        array.append(QJsonObject{{u"path"_s, entry.path},
                                 {u"action"_s, Sentry::scrubKindName(entry.kind)},
                                 {u"processor"_s, entry.processor}});
    return array;
}

QString where(const QString &path)
{
    return path.isEmpty() ? u"(document)"_s : path;
}

void printHuman(const Sentry::ValidationResult &result, const QList<Sentry::ScrubEntry> &scrubbed)
{
    for (const Sentry::ScrubEntry &entry : scrubbed)
        out() << "scrubbed  " << entry.path << "  " << Sentry::scrubKindName(entry.kind) << " ("
              << entry.processor << ")\n";
    printFindings(out(), result.findings, FindingsLayout::Columns);
    const auto count = [&result](Sentry::Severity severity) {
        return Sentry::countSeverity(result.findings, severity);
    };
    out() << (result.isValid() ? "valid" : "invalid") << " (" << Sentry::profileName(result.profile)
          << "): " << count(Sentry::Severity::Error) << " error(s), " << count(Sentry::Severity::Warning)
          << " warning(s), " << count(Sentry::Severity::Info) << " note(s)" << Qt::endl;
}

// The rules the profile checks, one per line (or a JSON array): what the GUI lists too.
int listRules(Sentry::Profile profile, bool json)
{
    QJsonArray rows;
    for (const Sentry::Rule &rule : Sentry::Rules::all(profile)) {
        const Sentry::Verdict verdict = rule.verdict(profile);
        if (!json) {
            out() << rule.id << "  " << where(rule.path()) << "  " << Sentry::severityName(verdict.severity)
                  << "  " << Sentry::actionName(verdict.action) << "  " << rule.constraint << '\n';
            continue;
        }
        rows.append(QJsonObject{{u"id"_s, rule.id}, {u"path"_s, rule.path()},
                                {u"severity"_s, Sentry::severityName(verdict.severity)},
                                {u"action"_s, Sentry::actionName(verdict.action)},
                                {u"constraint"_s, rule.constraint}, {u"message"_s, verdict.message}});
    }
    if (json)
        printJson(QJsonObject{{u"profile"_s, Sentry::profileName(profile)}, {u"rules"_s, rows}});
    out().flush();
    return ExitOk;
}

} // namespace

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Judge an event as protocol v4 and the v4-era server did (or today's Relay), one finding per "
        "line, and show what the server would have stored (--json: \"normalized\").\n"
        "Exit code 0 when valid, 1 when not, 2 for usage errors.\n\n"
        "Examples:\n"
        "  sentry-harness-cli validate event.json\n"
        "  sentry-harness-cli validate --profile relay --scrub --json event.json\n"
        "  sentry-harness-cli validate --list-rules"_s);
    const QCommandLineOption json(u"json"_s, u"Print valid, profile, findings and normalized as JSON."_s);
    const QCommandLineOption profile(u"profile"_s, u"v4 (the default) or relay."_s, u"name"_s, u"v4"_s);
    const QCommandLineOption scrubOption(u"scrub"_s, u"Scrub first (passwords, card numbers, cookies, POST data) and report what was scrubbed."_s);
    const QCommandLineOption keepCookies(u"keep-cookies"_s, u"With --scrub: keep cookies."_s);
    const QCommandLineOption keepPostData(u"keep-post-data"_s, u"With --scrub: keep POST data."_s);
    const QCommandLineOption rulesOption(u"list-rules"_s, u"List the rules the profile checks instead (no FILE)."_s);
    parser.addOptions({json, profile, scrubOption, keepCookies, keepPostData, rulesOption});
    parser.addPositionalArgument(u"FILE"_s, u"The event as JSON; - reads standard input."_s);
    const bool listing = arguments.contains(u"--list-rules"_s);
    if (!parseOrExplain(parser, arguments, listing ? 0 : 1))
        return ExitUsage;
    const auto chosen = Sentry::profileFromName(parser.value(profile));
    if (!chosen) {
        printError(u"unknown profile '%1': use v4 or relay"_s.arg(parser.value(profile)));
        return ExitUsage;
    }
    if (listing)
        return listRules(*chosen, parser.isSet(json));
    const auto input = readInput(parser.positionalArguments().constFirst());
    if (!input)
        return ExitUsage;
    Scrubbed scrubbed{*input, {}};
    if (parser.isSet(scrubOption)) {
        Sentry::ScrubOptions options;
        options.removeCookies = !parser.isSet(keepCookies);
        options.removePostData = !parser.isSet(keepPostData);
        scrubbed = scrub(*input, options);
    }
    const Sentry::ValidationResult result = Sentry::Validator::validate(scrubbed.json, *chosen);
    if (parser.isSet(json)) {
        QJsonObject object = Sentry::Validator::toJson(result);
        if (parser.isSet(scrubOption))
            object.insert(u"scrubbed"_s, scrubJson(scrubbed.entries));
        printJson(object);
    } else {
        printHuman(result, scrubbed.entries);
    }
    return result.isValid() ? ExitOk : ExitInvalid;
}

} // namespace Cli
