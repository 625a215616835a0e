#pragma once

// Internal to the normalizer: extra (spec section 5) as the v4 server kept it — 50 keys, string
// values trimmed to 2048 characters, containers below depth 3 stored as their text.

#include "normalizecontext.h"

#include <QJsonObject>

namespace Sentry {

class ExtraTrimmer
{
public:
    explicit ExtraTrimmer(NormalizeContext &context) : m_context(context) {}

    QJsonObject trim(const QJsonObject &extra, const QString &path);

private:
    QJsonValue value(const QJsonValue &value, const QString &path, int depth);
    QJsonObject members(const QJsonObject &object, const QString &path, int depth);

    NormalizeContext &m_context;
};

} // namespace Sentry
