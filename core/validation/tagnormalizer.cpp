#include "tagnormalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

QString compactJson(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isString())
        return u'"' + value.toString() + u'"';
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return value.isNull() ? u"null"_s : value.toBool() ? u"true"_s : u"false"_s;
}

void appendJsonString(QByteArray &json, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const auto ascii = [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x80 && c != u'"' && c != u'\\'; };
    if (std::all_of(text.cbegin(), text.cend(), ascii)) { // the usual case: written in place, no UTF-8 copy
        const qsizetype at = json.size();
        json.resize(at + text.size() + 2);
        char *out = json.data() + at;
        *out++ = '"';
        for (const QChar c : text)
            *out++ = char(c.unicode());
        *out = '"';
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    const auto plain = [](char c) { return c != '"' && c != '\\' && uchar(c) >= 0x20; };
    json += '"';
    if (std::all_of(utf8.cbegin(), utf8.cend(), plain)) { // the usual case: nothing to escape
        json += utf8;
        json += '"';
        return;
    }
    for (const char c : utf8) {
        const auto byte = uchar(c);
        if (c == '"' || c == '\\') {
            json += '\\';
            json += c;
        } else if (byte < 0x20) {
            json += "\\u00";
            json += hex[byte >> 4];
            json += hex[byte & 0xf];
        } else {
            json += c;
        }
    }
    json += '"';
}

// [[key, value], …] as v4 stored tags. Each QJsonArray/QJsonValue built in code is a separate
// allocation (three per string), which made this the costliest part of a small event; the parser
// builds the same arrays from their text in one go. Text that is not valid UTF-16 (a lone
// surrogate would not survive UTF-8) takes the slow way, so the stored strings are always exact.
QJsonArray pairArray(const QList<QPair<QString, QString>> &pairs)
{
    QByteArray json;
    json.reserve(2 + pairs.size() * 48);
    json += '[';
    for (const auto &[key, value] : pairs) {
        if (!QStringView(key).isValidUtf16() || !QStringView(value).isValidUtf16()) {
            QJsonArray slow;
            for (const auto &[k, v] : pairs)
                slow.append(QJsonArray{k, v});
            return slow;
        }
        json += json.size() == 1 ? "[" : ",[";
        appendJsonString(json, key);
        json += ',';
        appendJsonString(json, value);
        json += ']';
    }
    json += ']';
    return QJsonDocument::fromJson(json).array();
}

// The longest tag key and value the server kept, read once from their rows.
struct TagLimits
{
    int key = Rules::byId(u"tags.key.length"_s).limit;
    int value = Rules::byId(u"tags.value.length"_s).limit;
};

const TagLimits &limits()
{
    static const TagLimits table;
    return table;
}

} // namespace

QJsonValue TagNormalizer::normalize(const QJsonValue &tags, const QString &path)
{
    m_pairs.clear();
    if (tags.isObject()) {
        const QJsonObject map = tags.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            pair(it.key(), true, it.value(), path, -1);
    } else {
        m_context.report(u"tags.pair-form"_s, path);
        const QJsonArray list = tags.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonArray entry = list.at(i).toArray();
            if (!list.at(i).isArray() || entry.size() != 2) {
                m_context.report(u"tags.entry.not-a-pair"_s, pointerChild(path, i), {compactJson(list.at(i))});
                m_modified = true;
            } else {
                pair(entry.at(0), entry.at(1), path, i);
            }
        }
    }
    if (m_context.isV4() && tags.isArray() && !m_modified)
        return tags; // already the server's form: shared, not rebuilt
    if (m_context.isV4())
        return pairArray(m_pairs);
    QJsonObject map;
    for (const auto &[key, value] : std::as_const(m_pairs))
        map.insert(key, value);
    return map;
}

void TagNormalizer::pair(const QJsonValue &key, const QJsonValue &value, const QString &parent, qsizetype index)
{
    pair(text(key), key.isString(), value, parent, index);
}

void TagNormalizer::pair(const QString &keyText, bool keyIsString, const QJsonValue &value,
                         const QString &parent, qsizetype index)
{
    const QString valueText = text(value);
    const auto path = [&] { return index < 0 ? pointerChild(parent, keyText) : pointerChild(parent, index); };
    if (!keyIsString || !value.isString())
        m_modified = true;
    if (!value.isString())
        m_context.report(u"tags.value.not-a-string"_s, path(), {keyText, jsonTypeName(value), valueText});
    const bool longKey = keyText.size() > limits().key;
    if ((longKey || valueText.size() > limits().value)
        && m_context.report(longKey ? u"tags.key.length"_s : u"tags.value.length"_s, path(),
                            {keyText, QString::number(longKey ? keyText.size() : valueText.size())})) {
        m_context.change(path(), u"tag pair dropped"_s, value, QJsonValue::Undefined);
        m_modified = true;
        return;
    }
    m_pairs.append({keyText, valueText});
}

QString TagNormalizer::text(const QJsonValue &value) const
{
    if (value.isString())
        return value.toString();
    if (value.isNull())
        return u"None"_s;
    if (value.isBool())
        return value.toBool() ? u"True"_s : u"False"_s;
    return compactJson(value);
}

} // namespace Sentry
