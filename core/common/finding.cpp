#include "finding.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Error:
        return u"error"_s;
    }
    return {};
}

QString actionName(ServerAction action)
{
    switch (action) {
    case ServerAction::None:
        return {};
    case ServerAction::Accept:
        return u"accept"_s;
    case ServerAction::Default:
        return u"default"_s;
    case ServerAction::Replace:
        return u"replace"_s;
    case ServerAction::Truncate:
        return u"truncate"_s;
    case ServerAction::Discard:
        return u"discard"_s;
    case ServerAction::Refuse:
        return u"refuse"_s;
    }
    return {};
}

bool hasErrors(const Findings &findings)
{
    return countSeverity(findings, Severity::Error) > 0;
}

int countSeverity(const Findings &findings, Severity severity)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [severity](const Finding &f) { return f.severity == severity; }));
}

QJsonObject toJson(const Finding &finding, const QString &locationKey)
{
    QJsonObject object{
        {u"severity"_s, severityName(finding.severity)},
        {locationKey, finding.location},
        {u"message"_s, finding.message},
    };
    if (!finding.rule.isEmpty())
        object.insert(u"rule"_s, finding.rule);
    if (finding.action != ServerAction::None)
        object.insert(u"action"_s, actionName(finding.action));
    return object;
}

QJsonArray toJson(const Findings &findings, const QString &locationKey)
{
    QJsonArray array;
    for (const Finding &finding : findings)
        array.append(toJson(finding, locationKey));
    return array;
}

Findings findingsFromJson(const QJsonArray &array, const QString &locationKey)
{
    static const Severity severities[] = {Severity::Info, Severity::Warning, Severity::Error};
    static const ServerAction actions[] = {ServerAction::Accept,  ServerAction::Default,
                                           ServerAction::Replace, ServerAction::Truncate,
                                           ServerAction::Discard, ServerAction::Refuse};
    Findings findings;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Finding finding;
        const QString severity = object.value("severity"_L1).toString();
        for (Severity candidate : severities) {
            if (severityName(candidate) == severity)
                finding.severity = candidate;
        }
        const QString action = object.value("action"_L1).toString();
        for (ServerAction candidate : actions) {
            if (actionName(candidate) == action)
                finding.action = candidate;
        }
        finding.location = object.value(locationKey).toString();
        finding.message = object.value("message"_L1).toString();
        finding.rule = object.value("rule"_L1).toString();
        findings.append(finding);
    }
    return findings;
}

} // namespace Sentry
