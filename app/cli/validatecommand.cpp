// `validate [--json] [--profile v4|relay] [--scrub] FILE|-`: judge an event as the v4-era server
// (or today's Relay) would, one finding per line, and show what would be stored.
// `validate --list-rules [--json] [--profile …]` lists the rules (with their limits) and the tables
// the judge walks (levels, top-level keys, interfaces) instead.

#include "cliio.h"

#include "bodycodec.h"
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

// A body as sent is judged as the server judged it: decoded first, and said so.
void printEncoding(const Sentry::EventInput &event)
{
    if (event.form != Sentry::BodyForm::Json)
        out() << "body   " << Sentry::formDescription(event.form)
              << " (a body as sent), decoded before judging\n";
}

int printRefused(const Sentry::EventInput &event, bool json)
{
    if (json) {
        printJson({{u"valid"_s, false},
                   {u"encoding"_s, Sentry::formName(event.form)},
                   {u"refused"_s, event.refusal}});
    } else {
        out() << "error  (body)  " << event.refusal << '\n'
              << "invalid: the body could not be decoded, so the event was never read" << Qt::endl;
    }
    return ExitInvalid;
}

QString limitText(const Sentry::Rule &rule)
{
    return rule.limit > 0 ? QString::number(rule.limit) : u"-"_s;
}

QJsonValue limitJson(const Sentry::Rule &rule)
{
    return rule.limit > 0 ? QJsonValue(rule.limit) : QJsonValue();
}

QString defaultText(const Sentry::TopLevelKey &key)
{
    if (key.missingRule.isEmpty())
        return {};
    return key.defaultValue.isEmpty() ? u"generated"_s : u'"' + key.defaultValue + u'"';
}

// The level names, the top-level keys and the interfaces: the lists the judge walks.
void printTables(Sentry::Profile profile)
{
    out() << '\n';
    for (const Sentry::LevelInfo &level : Sentry::Rules::levels())
        out() << "level  " << level.name << "  " << level.number << '\n';
    if (profile == Sentry::Profile::Relay) {
        for (const auto &[alias, stored] : Sentry::Rules::relayLevelAliases())
            out() << "level  " << alias << "  stored as " << stored << '\n';
    }
    for (const Sentry::TopLevelKey &key : Sentry::Rules::topLevelKeys()) {
        out() << "key  " << key.key << "  " << Sentry::keyRoleName(key.role);
        if (!key.missingRule.isEmpty())
            out() << "  default " << defaultText(key) << " (" << key.missingRule << ')';
        out() << '\n';
    }
    for (const Sentry::InterfaceInfo &info : Sentry::Interfaces::all())
        out() << "interface  " << (info.alias.isEmpty() ? u"-"_s : info.alias) << "  " << info.fullName
              << "  relay " << (info.relayName.isEmpty() ? u"-"_s : info.relayName) << "  first field "
              << info.firstField << '\n';
}

QJsonObject tablesJson(Sentry::Profile profile)
{
    QJsonArray levels;
    for (const Sentry::LevelInfo &level : Sentry::Rules::levels())
        levels.append(QJsonObject{{u"name"_s, level.name}, {u"number"_s, level.number}});
    if (profile == Sentry::Profile::Relay) {
        for (const auto &[alias, stored] : Sentry::Rules::relayLevelAliases())
            levels.append(QJsonObject{{u"name"_s, alias}, {u"stored_as"_s, stored}});
    }
    QJsonArray keys;
    for (const Sentry::TopLevelKey &key : Sentry::Rules::topLevelKeys()) {
        QJsonObject row{{u"key"_s, key.key}, {u"role"_s, Sentry::keyRoleName(key.role)}};
        if (!key.missingRule.isEmpty()) {
            row.insert(u"missing_rule"_s, key.missingRule);
            row.insert(u"default"_s, key.defaultValue.isEmpty() ? QJsonValue() : QJsonValue(key.defaultValue));
        }
        keys.append(row);
    }
    QJsonArray interfaces;
    for (const Sentry::InterfaceInfo &info : Sentry::Interfaces::all())
        interfaces.append(QJsonObject{{u"alias"_s, info.alias}, {u"name"_s, info.fullName},
                                      {u"relay_name"_s, info.relayName}, {u"first_field"_s, info.firstField}});
    return {{u"levels"_s, levels}, {u"keys"_s, keys}, {u"interfaces"_s, interfaces}};
}

// The rules the profile checks, one per line (or a JSON array), then the tables they walk: what
// the GUI lists too.
int listRules(Sentry::Profile profile, bool json)
{
    QJsonArray rows;
    for (const Sentry::Rule &rule : Sentry::Rules::all(profile)) {
        const Sentry::RuleVerdict verdict = rule.verdict(profile);
        if (!json) {
            out() << rule.id << "  " << where(rule.path()) << "  " << Sentry::severityName(verdict.severity)
                  << "  " << Sentry::actionName(verdict.action) << "  " << limitText(rule) << "  "
                  << rule.constraint << '\n';
            continue;
        }
        rows.append(QJsonObject{{u"id"_s, rule.id}, {u"path"_s, rule.path()},
                                {u"severity"_s, Sentry::severityName(verdict.severity)},
                                {u"action"_s, Sentry::actionName(verdict.action)},
                                {u"limit"_s, limitJson(rule)},
                                {u"constraint"_s, rule.constraint}, {u"message"_s, verdict.message}});
    }
    if (json) {
        QJsonObject object = tablesJson(profile);
        object.insert(u"profile"_s, Sentry::profileName(profile));
        object.insert(u"rules"_s, rows);
        printJson(object);
    } else {
        printTables(profile);
    }
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
        "A body as sent (raw JSON, base64(JSON) or base64(zlib(JSON)), e.g. raven-node's) is\n"
        "decoded first and the encoding named; a broken encoding gets the server's answer.\n"
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
    parser.addPositionalArgument(u"FILE"_s, u"The event as JSON, or a body as sent (base64(JSON), base64(zlib(JSON))); - reads standard input."_s);
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
    const Sentry::EventInput event = Sentry::BodyCodec::readEvent(*input);
    if (event.isRefused())
        return printRefused(event, parser.isSet(json));
    Scrubbed scrubbed{event.json, {}};
    if (parser.isSet(scrubOption)) {
        Sentry::ScrubOptions options;
        options.removeCookies = !parser.isSet(keepCookies);
        options.removePostData = !parser.isSet(keepPostData);
        scrubbed = scrub(event.json, options);
    }
    const Sentry::ValidationResult result = Sentry::Validator::validate(scrubbed.json, *chosen);
    if (parser.isSet(json)) {
        QJsonObject object = Sentry::Validator::toJson(result);
        object.insert(u"encoding"_s, Sentry::formName(event.form));
        if (parser.isSet(scrubOption))
            object.insert(u"scrubbed"_s, scrubJson(scrubbed.entries));
        printJson(object);
    } else {
        printEncoding(event);
        printHuman(result, scrubbed.entries);
    }
    return result.isValid() ? ExitOk : ExitInvalid;
}

} // namespace Cli
