#pragma once

// The event as the server would have stored it, with the findings that explain every difference.
// One walk over the parsed object judges and stores at once (values that need no repair are shared,
// not copied). v4 stores the full interface names (sentry.interfaces.*), an exception as
// {"values": [...]}, level names, and tags as [key, value] pairs, as the 6.x server kept them;
// the relay profile stores today's canonical names, a tag map and drops unknown attributes.
//
//     Sentry::NormalizeOptions options;
//     options.clock = [] { return fixedUtc; };
//     auto result = Sentry::Normalizer::normalize(event, options);

#include "finding.h"
#include "validationtypes.h"

#include <QDateTime>
#include <QJsonObject>

#include <functional>

namespace Sentry {

struct NormalizeOptions
{
    Profile profile = Profile::V4;
    std::function<QDateTime()> clock;     // receipt time (UTC); the current time when empty
    std::function<QString()> idGenerator; // new event ids; a uuid4 hex when empty
};

struct NormalizeResult
{
    QJsonObject event;
    QList<Change> changes;
    Findings findings;
};

class Normalizer
{
public:
    static NormalizeResult normalize(const QJsonObject &event, const NormalizeOptions &options = {});

    static QString newEventId(); // 32 lowercase hex characters (uuid4)
    static QString formatTimestamp(const QDateTime &utc); // Event::formatTimestamp()
};

} // namespace Sentry
