#include "normalizecontext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// "%1 … %2" → args, without QString::arg's warnings for placeholders a message does not use.
QString fill(const QString &message, const QStringList &args)
{
    QString text = message;
    for (qsizetype i = args.size(); i > 0; --i)
        text.replace(u'%' + QString::number(i), args.at(i - 1));
    return text;
}

unsigned typeBit(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return NullType;
    case QJsonValue::Bool:
        return BoolType;
    case QJsonValue::Double:
        return NumberType;
    case QJsonValue::String:
        return StringType;
    case QJsonValue::Array:
        return ArrayType;
    case QJsonValue::Object:
        return ObjectType;
    case QJsonValue::Undefined:
        break;
    }
    return 0;
}

} // namespace

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return u"a number (%1)"_s.arg(value.toDouble());
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

QString pointerChild(const QString &parent, const QString &key)
{
    if (!key.contains(u'~') && !key.contains(u'/'))
        return parent + u'/' + key;
    QString token = key;
    token.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return parent + u'/' + token;
}

QString pointerChild(const QString &parent, qsizetype index)
{
    return parent + u'/' + QString::number(index);
}

QString truncated(const QString &text, int limit, bool ellipsis)
{
    if (text.size() <= limit)
        return text;
    return ellipsis ? text.left(limit - 3) + u"..."_s : text.left(limit);
}

bool NormalizeContext::report(const QString &ruleId, const QString &path, const QStringList &args)
{
    return report(Rules::byId(ruleId), path, args);
}

bool NormalizeContext::report(const Rule &rule, const QString &path, const QStringList &args)
{
    const RuleVerdict verdict = rule.verdict(m_profile);
    if (!verdict.applies)
        return false;
    m_findings.append({verdict.severity, path, fill(verdict.message, args), rule.id, verdict.action});
    return true;
}

void NormalizeContext::change(QString path, QString description, QJsonValue before, QJsonValue after)
{
    m_changes.append({std::move(path), std::move(description), std::move(before), std::move(after)});
}

bool NormalizeContext::checkMember(const QString &owner, const QString &key,
                                   const QJsonValue &value, const QString &parent,
                                   const QString &dropped, QJsonValue *stored, const QString *text,
                                   bool atParent)
{
    const auto &members = membersOf(owner);
    const auto it = members.constFind(key);
    return it == members.cend()
           || checkRows(*it, atParent ? QString() : key, value, parent, dropped, stored, text);
}

bool NormalizeContext::checkRows(const QList<const Rule *> &rows, const QString &key,
                                 const QJsonValue &value, const QString &parent,
                                 const QString &dropped, QJsonValue *stored, const QString *text)
{
    const auto path = [&] { return key.isEmpty() ? parent : pointerChild(parent, key); };
    for (const Rule *rule : rows) {
        if (rule->kind == RuleKind::Type && !(rule->types & typeBit(value))
            && report(*rule, path(), {jsonTypeName(value), dropped}))
            return false;
        if (rule->kind == RuleKind::MaxLength && value.isString()) {
            const QString string = text ? *text : value.toString();
            if (string.size() > rule->limit
                && report(*rule, path(), {QString::number(string.size())})) {
                const QString cut = truncated(string, rule->limit, rule->ellipsis);
                if (stored)
                    *stored = cut;
                change(path(), u"truncated to %1 characters"_s.arg(cut.size()), string, cut);
            }
        }
    }
    return true;
}

const QHash<QString, QList<const Rule *>> &NormalizeContext::membersOf(const QString &owner)
{
    // Shared data (the usual case: the same Owner constant) settles it without comparing text.
    const bool same = m_lastMembers && owner.size() == m_lastOwner.size()
        && (owner.constData() == m_lastOwner.constData() || owner == m_lastOwner);
    if (!same) {
        m_lastOwner = owner;
        m_lastMembers = &Rules::membersOf(owner);
    }
    return *m_lastMembers;
}

bool NormalizeContext::checkRequired(const QString &owner, const QJsonObject &object,
                                     const QString &path, const QString &dropped)
{
    bool complete = true;
    for (const Rule *rule : Rules::requiredOf(owner)) {
        if (!object.contains(rule->key) && report(*rule, path, {dropped}))
            complete = false;
    }
    return complete;
}

bool NormalizeContext::hasErrorSince(qsizetype findingCount) const
{
    for (qsizetype i = findingCount; i < m_findings.size(); ++i) {
        if (m_findings.at(i).severity == Severity::Error)
            return true;
    }
    return false;
}

} // namespace Sentry
