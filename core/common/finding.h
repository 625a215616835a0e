#pragma once

// A finding: one thing the harness has to say about a DSN, an auth header or an event —
// where it is, how bad it is, how to fix it, and what a v4-era server would do about it.

#include <QList>
#include <QMetaType>
#include <QString>

class QJsonArray;
class QJsonObject;

namespace Sentry {

enum class Severity {
    Info,    // a legacy form or alias worth knowing
    Warning, // the server repairs, replaces, truncates, defaults or ignores something
    Error,   // the server refuses, crashes, or drops a part the protocol defines
};

// What the server does with the value a finding is about.
enum class ServerAction { None, Accept, Default, Replace, Truncate, Discard, Refuse };

struct Finding
{
    Severity severity = Severity::Error;
    // Where: a DSN part ("scheme", "public key", "secret", "host", "port", "project"), an auth field
    // ("sentry_key"), or a JSON pointer into the event ("/exception/0/stacktrace/frames/3/lineno").
    QString location;
    QString message; // what is wrong and how to fix it
    QString rule;    // a stable rule id ("dsn.port.not-a-number"); empty where there is none
    ServerAction action = ServerAction::None;

    friend bool operator==(const Finding &a, const Finding &b)
    {
        return a.severity == b.severity && a.location == b.location && a.message == b.message
            && a.rule == b.rule && a.action == b.action;
    }
};

using Findings = QList<Finding>;

QString severityName(Severity severity);       // "info", "warning", "error"
QString actionName(ServerAction action);       // "accept", "default", …; "" for None
bool hasErrors(const Findings &findings);
int countSeverity(const Findings &findings, Severity severity);

// JSON form for the CLI and for saved results. `locationKey` is "part" for DSN and auth findings
// and "path" for event findings, as the CLI documents them.
QJsonObject toJson(const Finding &finding, const QString &locationKey);
QJsonArray toJson(const Findings &findings, const QString &locationKey);
// Back from that form (the history keeps findings so); an unknown severity reads as an error.
Findings findingsFromJson(const QJsonArray &array, const QString &locationKey);

} // namespace Sentry

// Its members are QStrings and enums, which move as plain bytes: a QList of them grows and
// inserts with memmove instead of a move constructor for each element.
Q_DECLARE_TYPEINFO(Sentry::Finding, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(Sentry::Finding)
