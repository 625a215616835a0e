#pragma once

// Real v4 clients' wire forms as rows of data (`request --as raven-node-0.6`, the GUI's client
// choice): endpoint, method, body encoding, sentry_client, auth field order and timestamp unit,
// the headers each sent, in order, and the shape of the events it sent (options.eventShape:
// interface names, timestamp and level forms, the members it always set). Each row names its
// source (release and file) and whether a capture in tests/data/traffic checks it.

#include "storerequest.h"

#include <QList>
#include <QString>

#include <optional>

namespace Sentry {

struct ClientPreset
{
    QString id;          // "raven-node-0.6"
    QString source;      // the release and file the row was read from; how it was checked
    StoreRequestOptions options; // everything but the clock, Origin and Referer

    // The event as this client would have sent it (the one shaping StoreRequest::build applies).
    ShapedEvent shapeEvent(const QJsonObject &event, const QString &projectId = {}) const
    {
        return options.eventShape.apply(event, projectId);
    }

    static const QList<ClientPreset> &all();
    static std::optional<ClientPreset> find(const QString &id);
    static QStringList ids();
};

} // namespace Sentry
