#include "jsonpointer.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

bool arrayIndex(const QString &token, qsizetype size, bool allowAppend, qsizetype *index)
{
    bool ok = false;
    const qsizetype i = token.toLongLong(&ok);
    *index = i;
    return ok && i >= 0 && (i < size || (allowAppend && i == size));
}

// Returns the node with `value` stored at tokens[at…]; *ok false when an index is out of range.
QJsonValue withValue(const QJsonValue &node, const QStringList &tokens, qsizetype at,
                     const QJsonValue &value, bool *ok)
{
    if (at == tokens.size())
        return value;
    const QString &token = tokens.at(at);
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        qsizetype i = 0;
        if (!arrayIndex(token, array.size(), true, &i)) {
            *ok = false;
            return node;
        }
        if (i == array.size())
            array.append(withValue(QJsonValue::Undefined, tokens, at + 1, value, ok));
        else
            array[i] = withValue(array.at(i), tokens, at + 1, value, ok);
        return array;
    }
    QJsonObject object = node.toObject();
    object.insert(token, withValue(object.value(token), tokens, at + 1, value, ok));
    return object;
}

bool isEmptyObject(const QJsonValue &value)
{
    return value.isObject() && value.toObject().isEmpty();
}

// Returns the node without tokens[at…]; *removed tells whether anything was removed.
QJsonValue without(const QJsonValue &node, const QStringList &tokens, qsizetype at, bool prune,
                   bool *removed)
{
    const QString &token = tokens.at(at);
    const bool last = at + 1 == tokens.size();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        qsizetype i = 0;
        if (!arrayIndex(token, array.size(), false, &i))
            return node;
        if (last) {
            array.removeAt(i);
            *removed = true;
        } else {
            array[i] = without(array.at(i), tokens, at + 1, prune, removed);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (!object.contains(token))
        return node;
    if (last) {
        object.remove(token);
        *removed = true;
        return object;
    }
    const QJsonValue child = without(object.value(token), tokens, at + 1, prune, removed);
    if (prune && isEmptyObject(child))
        object.remove(token);
    else
        object.insert(token, child);
    return object;
}

} // namespace

QStringList JsonPointer::split(const QString &pointer)
{
    if (pointer.isEmpty())
        return {};
    QStringList tokens = pointer.mid(pointer.startsWith(u'/') ? 1 : 0).split(u'/');
    for (QString &token : tokens)
        token = token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
    return tokens;
}

QString JsonPointer::escape(const QString &token)
{
    QString escaped = token;
    return escaped.replace(u"~"_s, u"~0"_s).replace(u"/"_s, u"~1"_s);
}

QString JsonPointer::join(const QStringList &tokens)
{
    QString pointer;
    for (const QString &token : tokens)
        pointer += u'/' + escape(token);
    return pointer;
}

QJsonValue JsonPointer::value(const QJsonValue &root, const QString &pointer)
{
    QJsonValue node = root;
    const QStringList tokens = split(pointer);
    for (const QString &token : tokens) {
        if (node.isObject()) {
            node = node.toObject().value(token);
        } else if (node.isArray()) {
            const QJsonArray array = node.toArray();
            qsizetype i = 0;
            if (!arrayIndex(token, array.size(), false, &i))
                return QJsonValue::Undefined;
            node = array.at(i);
        } else {
            return QJsonValue::Undefined;
        }
    }
    return node;
}

bool JsonPointer::setValue(QJsonObject &root, const QString &pointer, const QJsonValue &value)
{
    const QStringList tokens = split(pointer);
    if (tokens.isEmpty())
        return false;
    bool ok = true;
    const QJsonValue updated = withValue(root, tokens, 0, value, &ok);
    if (ok)
        root = updated.toObject();
    return ok;
}

bool JsonPointer::remove(QJsonObject &root, const QString &pointer, bool pruneEmpty)
{
    const QStringList tokens = split(pointer);
    if (tokens.isEmpty())
        return false;
    bool removed = false;
    const QJsonValue updated = without(root, tokens, 0, pruneEmpty, &removed);
    if (removed)
        root = updated.toObject();
    return removed;
}

} // namespace Sentry
