#pragma once

// How a real v4 client shaped its events, as data (a ClientPreset row's `shape`), and the one pure
// function that reshapes an event to it: interface names (aliases or full names), the form of the
// timestamp and of the level, and the members the client always set. Every change comes back as
// an info finding, so `request --as` and the GUI's preview say what was changed and why.
//
//     Sentry::EventShape shape;
//     shape.client = u"raven-js 1.1.22"_s;
//     shape.names = Sentry::InterfaceNaming::Aliases;
//     const Sentry::ShapedEvent shaped = shape.apply(event, dsn.projectId());

#include "finding.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class QDateTime;

namespace Sentry {

enum class InterfaceNaming {
    AsGiven,
    Aliases,   // "exception", "stacktrace", "request", … where the interface has one
    FullNames, // "sentry.interfaces.Exception", …
};

enum class TimestampForm {
    AsGiven,
    Omitted,     // the client sent none: the server used the time it received the event
    IsoSeconds,  // "2013-12-06T18:45:08": UTC, no fraction, no zone
    IsoSecondsZ, // "2013-12-06T18:45:08Z"
};

enum class LevelForm {
    AsGiven,
    Omitted, // the client set none of its own: the server stored "error"
    Number,  // the logging module's number: 40 for "error"
};

struct ShapedEvent
{
    QJsonObject event;
    Findings notes; // Severity::Info, one per change, located by JSON pointer
};

struct EventShape
{
    QString client; // who shaped events this way, for the notes: "raven-node 0.6.3"
    InterfaceNaming names = InterfaceNaming::AsGiven;
    TimestampForm timestamp = TimestampForm::AsGiven;
    LevelForm level = LevelForm::AsGiven;
    bool setsProject = false; // "project": the DSN's project, when the event has none
    QJsonObject defaults;     // members the client always set, added when the event lacks them

    ShapedEvent apply(const QJsonObject &event, const QString &projectId = {}) const;
    // The same on an event's bytes: they come back unchanged, byte for byte, when nothing changes
    // or they are not a JSON object; otherwise the shaped event as compact JSON.
    QByteArray applyToJson(const QByteArray &json, const QString &projectId, Findings *notes) const;

    static QString formatTimestamp(const QDateTime &utc, TimestampForm form);
};

} // namespace Sentry
