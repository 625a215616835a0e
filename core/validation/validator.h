#pragma once

// Judges an event as protocol v4 and the v4-era server did (spec sections 5–7, 9, 10) and shows
// what the server would have stored. The rules are data (see rules.h); this is the entry point.
//
//     const auto result = Sentry::Validator::validate(bytes);
//     for (const auto &f : result.findings) …;   // JSON pointer, rule, message, server action
//     result.normalized;                         // the event as the server would store it

#include "validationtypes.h"

#include <QByteArray>
#include <QJsonObject>

namespace Sentry {

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
