#pragma once

// Judges an event as protocol v4 and the v4-era server did (spec sections 5–7, 9, 10) and shows
// what the server would have stored. The rules are data (see rules.h); this is the entry point.
//
//     const auto result = Sentry::Validator::validate(bytes);
//     for (const auto &f : result.findings) …;   // JSON pointer, rule, message, server action
//     result.normalized;                         // the event as the server would store it

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

class Validator
{
public:
    // From the bytes as they would be sent (the JSON text): also checks size limits.
    static ValidationResult validate(const QByteArray &json, Profile profile = Profile::V4);
    static ValidationResult validate(const QJsonObject &event, Profile profile = Profile::V4);
    static ValidationResult validate(const QByteArray &json, const ValidateOptions &options);
    static ValidationResult validate(const QJsonObject &event, const ValidateOptions &options);

    // The JSON form the CLI prints: valid, profile, findings (severity, path, rule, message,
    // action), normalized; plus parse error details when the JSON is broken.
    static QJsonObject toJson(const ValidationResult &result);

    // Base64(zlib) is 4/3 of the deflated size, and deflate grows data by a few bytes per block
    // at worst, so JSON under 150 KB cannot exceed the 200 KB compressed limit: the (costly)
    // compressed size is only computed above this threshold.
    static constexpr qsizetype CompressCheckThreshold = 150 * 1000;
    static constexpr qsizetype MaxCompressed = 200 * 1000;
    static constexpr qsizetype MaxDecompressed = 1000 * 1000;
};

} // namespace Sentry

// Its members are QString and QJsonValue, which move as plain bytes: a QList of them grows and
// inserts with memmove instead of a move constructor for each element.
Q_DECLARE_TYPEINFO(Sentry::Change, Q_RELOCATABLE_TYPE);
