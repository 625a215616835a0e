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

} // namespace Sentry
