#pragma once

// Internal to the normalizer: extra (spec section 5) as the v4 server kept it — so many keys,
// string values trimmed, containers nested too deep stored as their text; the limits are the
// rows extra.keys, extra.value.length and extra.depth of rules.cpp.

#include "normalizecontext.h"

#include <QJsonObject>

#include <optional>

namespace Sentry {

class ExtraTrimmer
{
public:
    explicit ExtraTrimmer(NormalizeContext &context) : m_context(context) {}

    QJsonObject trim(const QJsonObject &extra, const QString &path);

private:
    // nullopt when the value is stored as it came (saves comparing it with itself).
    std::optional<QJsonValue> value(const QJsonValue &value, const QString &path, int depth);
    QJsonObject members(const QJsonObject &object, const QString &path, int depth);

    NormalizeContext &m_context;
};

} // namespace Sentry
