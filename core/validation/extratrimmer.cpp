#include "extratrimmer.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// What the server kept of extra, read once from the rows.
struct ExtraLimits
{
    int keys = Rules::byId(u"extra.keys"_s).limit;
    int length = Rules::byId(u"extra.value.length"_s).limit;
    int depth = Rules::byId(u"extra.depth"_s).limit;
};

const ExtraLimits &limits()
{
    static const ExtraLimits table;
    return table;
}

} // namespace

QJsonObject ExtraTrimmer::trim(const QJsonObject &extra, const QString &path)
{
    QJsonObject result = extra;
    const int maxKeys = limits().keys;
    if (extra.size() > maxKeys && m_context.report(u"extra.keys"_s, path, {QString::number(extra.size())})) {
        // QJsonObject keeps keys sorted, so "the first 50" are the first 50 in that order.
        while (result.size() > maxKeys)
            result.erase(result.end() - 1);
        m_context.change(path, u"kept the first %1 keys"_s.arg(maxKeys), extra, result);
    }
    return members(result, path, 1);
}

std::optional<QJsonValue> ExtraTrimmer::value(const QJsonValue &value, const QString &path, int depth)
{
    if (value.isString()) {
        const QString text = value.toString();
        const int maxLength = limits().length;
        if (text.size() <= maxLength || !m_context.report(u"extra.value.length"_s, path, {QString::number(text.size())}))
            return std::nullopt;
        m_context.change(path, u"trimmed to %1 characters"_s.arg(maxLength), value, text.left(maxLength));
        return text.left(maxLength);
    }
    if (!value.isObject() && !value.isArray())
        return std::nullopt;
    if (depth > limits().depth) {
        m_context.report(u"extra.depth"_s, path);
        const QByteArray json = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        const QString text = QString::fromUtf8(json).left(limits().length);
        m_context.change(path, u"stored as text"_s, value, text);
        return text;
    }
    if (value.isArray()) {
        const QJsonArray input = value.toArray();
        QJsonArray list = input;
        bool changed = false;
        for (qsizetype i = 0; i < input.size(); ++i) {
            const auto after = this->value(input.at(i), pointerChild(path, i), depth + 1);
            if (after && *after != input.at(i)) {
                list.replace(i, *after);
                changed = true;
            }
        }
        return changed ? std::optional<QJsonValue>(list) : std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const QJsonObject trimmed = members(object, path, depth + 1);
    return trimmed != object ? std::optional<QJsonValue>(trimmed) : std::nullopt; // cheap: shared data
}

// Iterates without detaching: an object that needs no trimming stays shared with the input.
QJsonObject ExtraTrimmer::members(const QJsonObject &object, const QString &path, int depth)
{
    QList<QPair<QString, QJsonValue>> replaced;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue before = it.value();
        if (!before.isString() && !before.isObject() && !before.isArray())
            continue;
        if (before.isString() && before.toString().size() <= limits().length)
            continue; // the usual case, settled before building the member's path
        const auto after = value(before, pointerChild(path, it.key()), depth);
        if (after && *after != before)
            replaced.append({it.key(), *after});
    }
    QJsonObject result = object;
    for (const auto &[key, after] : std::as_const(replaced))
        result.insert(key, after);
    return result;
}

} // namespace Sentry
