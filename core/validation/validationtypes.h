#pragma once

// The values the validation layer shares: the profile an event is judged by, one step of
// normalization, the result of judging, and the options that make a result reproducible. The
// rules (rules.h), the normalizer and the entry point (validator.h) all speak in these.

#include "finding.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Sentry {

enum class Profile {
    V4,    // the document plus the v4-era server (6.0–6.3); the default
    Relay, // today's intake (spec section 10)
};

QString profileName(Profile profile); // "v4", "relay"
std::optional<Profile> profileFromName(const QString &name);

// One step of normalization, so a GUI can show a diff of input and stored event.
struct Change
{
    QString path;        // JSON pointer in the input
    QString description; // "defaulted level to \"error\"", "moved to sentry.interfaces.Exception"
    QJsonValue before;   // Undefined when the value was added
    QJsonValue after;    // Undefined when the value was removed
};

struct ValidationResult
{
    Profile profile = Profile::V4;
    Findings findings;
    QJsonObject normalized;  // empty when the input is not a JSON object
    QList<Change> changes;
    bool parsed = false;     // the input was a JSON object
    int errorLine = 0;       // for broken JSON: 1-based line and column of the parse error
    int errorColumn = 0;
    qsizetype errorOffset = -1; // and its byte offset

    bool isValid() const { return parsed && !hasErrors(findings); }
};

// The receipt time and new event ids are injectable so results are reproducible (tests, diffs).
struct ValidateOptions
{
    Profile profile = Profile::V4;
    std::function<QDateTime()> clock;     // receipt time (UTC); the current time when empty
    std::function<QString()> idGenerator; // generated event ids; uuid4 hex when empty
};

} // namespace Sentry

// Its members are QString and QJsonValue, which move as plain bytes: a QList of them grows and
// inserts with memmove instead of a move constructor for each element.
Q_DECLARE_TYPEINFO(Sentry::Change, Q_RELOCATABLE_TYPE);
