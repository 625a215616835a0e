#pragma once

// Judge options that make a decision reproducible: a fixed receipt time (2013-05-02 17:42 UTC, a
// minute after the test events' timestamps) and a fixed id for events that come without one.

#include "requestjudge.h"

inline Sentry::JudgeOptions fixedClock()
{
    Sentry::JudgeOptions options;
    options.clock = [] { return QDateTime(QDate(2013, 5, 2), QTime(17, 42), Qt::UTC); };
    options.idGenerator = [] { return QStringLiteral("ffffffffffffffffffffffffffffffff"); };
    return options;
}
