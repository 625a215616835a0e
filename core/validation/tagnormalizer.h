#pragma once

// Internal to the normalizer: tags (spec section 5) as the server kept them — v4 as [key, value]
// pairs of strings, Relay as a map — with over-long pairs dropped (the rows tags.key.length and
// tags.value.length of rules.cpp).

#include "normalizecontext.h"

#include <QJsonValue>

namespace Sentry {

class TagNormalizer
{
public:
    explicit TagNormalizer(NormalizeContext &context) : m_context(context) {}

    // `tags` is a map or a list (the caller checked the type); `path` is its input pointer.
    QJsonValue normalize(const QJsonValue &tags, const QString &path);

private:
    // `index` is the entry's position in a pair list, or -1 for a map (the path then ends in the key).
    void pair(const QJsonValue &key, const QJsonValue &value, const QString &parent, qsizetype index);
    // The same with the key as its text (a map's key is one already: no QJsonValue built for it).
    void pair(const QString &keyText, bool keyIsString, const QJsonValue &value, const QString &parent,
              qsizetype index);
    QString text(const QJsonValue &value) const; // as the v4 server's str() wrote it

    NormalizeContext &m_context;
    QList<QPair<QString, QString>> m_pairs;
    bool m_modified = false; // a pair list that needed no repair is returned as it came
};

} // namespace Sentry
