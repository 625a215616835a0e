#include "serveroptions.h"

#include "cliio.h"

#include "exchange.h"
#include "history.h"
#include "receiverconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

void addReceiverOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"key"_s, u"A key the receiver accepts, PUBLIC[:SECRET] (repeatable)."_s, u"PUBLIC[:SECRET]"_s},
        {u"project"_s, u"The project, ID[:SLUG] (default 1)."_s, u"ID[:SLUG]"_s, u"1"_s},
        {u"origin"_s, u"An allowed Origin, e.g. https://app.example (repeatable; default any)."_s, u"ORIGIN"_s},
        {u"profile"_s, u"v4 (judge as the v4 server, the default) or relay (as today's intake)."_s, u"PROFILE"_s, u"v4"_s},
    });
}

std::optional<Sentry::ReceiverConfig> receiverConfigFrom(const QCommandLineParser &parser, bool generateKey,
                                                         QString *error)
{
    Sentry::ReceiverConfig config;
    const auto profile = Sentry::profileFromName(parser.value(u"profile"_s));
    if (!profile) {
        *error = u"--profile must be v4 or relay, not '%1'"_s.arg(parser.value(u"profile"_s));
        return std::nullopt;
    }
    config.profile = *profile;
    auto project = Sentry::ReceiverProject::fromText(parser.value(u"project"_s), error);
    if (!project) {
        *error = u"--project "_s + *error;
        return std::nullopt;
    }
    for (const QString &text : parser.values(u"key"_s)) {
        const auto key = Sentry::ProjectKey::fromText(text, error);
        if (!key) {
            *error = u"--key "_s + *error;
            return std::nullopt;
        }
        project->keys.append(*key);
    }
    if (project->keys.isEmpty() && generateKey)
        project->keys.append({Sentry::ReceiverConfig::generateKey(), Sentry::ReceiverConfig::generateKey()});
    if (parser.isSet(u"origin"_s))
        project->origins = parser.values(u"origin"_s);
    config.projects.append(*project);
    return config;
}

void addDbOption(QCommandLineParser &parser)
{
    parser.addOption({u"db"_s, u"The history database (default: %1)."_s.arg(Sentry::History::defaultPath()),
                      u"FILE"_s});
}

QString dbPathFrom(const QCommandLineParser &parser)
{
    return parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Sentry::History::defaultPath();
}

bool openHistory(Sentry::History &history, const QString &path)
{
    QString error;
    if (history.open(path, &error))
        return true;
    printError(error + u"; give another file with --db FILE"_s);
    return false;
}

QString exchangeLine(const Sentry::Exchange &e)
{
    QString line = u"#%1 %2 %3 %4 %5 %6"_s.arg(e.id).arg(e.at.toString(Qt::ISODateWithMs),
                                                  Sentry::Exchange::directionName(e.direction),
                                                  QString::fromLatin1(e.method), QString::fromUtf8(e.url))
                       .arg(e.status ? QString::number(e.status) : u"no-answer"_s);
    if (!e.client.isEmpty())
        line += u' ' + e.client;
    if (!e.encoding.isEmpty())
        line += u' ' + e.encoding;
    if (!e.eventId.isEmpty())
        line += u" event " + e.eventId;
    if (!e.level.isEmpty())
        line += u' ' + e.level;
    if (!e.message.isEmpty())
        line += u" \"" + e.message.left(80) + u'"';
    if (!e.findings.isEmpty())
        line += u" (%1 finding(s))"_s.arg(e.findings.size());
    if (!e.refusal.isEmpty() && e.refusal != "fault"_L1)
        line += u" refused: " + e.refusal;
    if (!e.fault.isEmpty())
        line += u" fault: " + e.fault;
    if (!e.error.isEmpty())
        line += u" error: " + e.error;
    if (e.replayOf)
        line += u" replays #%1"_s.arg(e.replayOf);
    return line;
}

void printJsonLine(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

void printExchange(const Sentry::Exchange &exchange, bool json)
{
    writeOut(json ? exchange.summaryJson() : exchangeLine(exchange).toUtf8());
    writeOut("\n"); // not appended to the line: that copied it
    // One write per turn of the event loop, not per line: under load many lines share it.
    static bool flushPosted = false;
    if (!flushPosted) {
        flushPosted = true;
        QTimer::singleShot(0, QCoreApplication::instance(), [] {
            flushPosted = false;
            flushOut();
        });
    }
}

} // namespace Cli
