#include "interfacenormalizer.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

const QString ThisInterface = u"this interface"_s;
const QString WholeException = u"the whole exception interface"_s;
const QString ValuesKey = u"values"_s;
const QString StacktraceKey = u"stacktrace"_s;
const QString FramesKey = u"frames"_s;
const QString ExceptionOwner = QString::fromUtf16(Owner::Exception);
const QString ExceptionValueOwner = QString::fromUtf16(Owner::ExceptionValue);
const QString StacktraceOwner = QString::fromUtf16(Owner::Stacktrace);
const QString FrameOwner = QString::fromUtf16(Owner::Frame);
const QString HttpOwner = QString::fromUtf16(Owner::Http);

bool isInteger(const QJsonValue &value)
{
    if (value.isDouble())
        return std::isfinite(value.toDouble()) && value.toDouble() == std::floor(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        value.toString().trimmed().toLongLong(&ok);
        return ok;
    }
    return value.isNull();
}

// The JsonType bit of a value in the CBOR form a QJsonObject shares; 0 for a type JSON has not.
unsigned typeBit(QCborValue::Type type)
{
    switch (type) {
    case QCborValue::Null:
        return NullType;
    case QCborValue::False:
    case QCborValue::True:
        return BoolType;
    case QCborValue::Integer:
    case QCborValue::Double:
        return NumberType;
    case QCborValue::String:
        return StringType;
    case QCborValue::Array:
        return ArrayType;
    case QCborValue::Map:
        return ObjectType;
    default:
        return 0;
    }
}

bool allStringsOrNull(const QCborArray &lines)
{
    return std::all_of(lines.cbegin(), lines.cend(), [](const QCborValueConstRef &line) {
        return line.isString() || line.isNull();
    });
}

// The keys the Required rows of `owner` ask for.
QStringList requiredKeys(const QString &owner)
{
    QStringList keys;
    for (const Rule *rule : Rules::requiredOf(owner))
        keys.append(rule->key);
    return keys;
}

// The types every Type row of owner/key accepts; 0 when a MaxLength row would measure strings
// (the quick checks below leave those to the full walk).
unsigned acceptedTypes(const QString &owner, const QString &key)
{
    unsigned types = AnyType;
    for (const Rule *rule : Rules::membersOf(owner).value(key)) {
        if (rule->kind == RuleKind::Type)
            types &= rule->types;
        if (rule->kind == RuleKind::MaxLength)
            types &= ~unsigned(StringType);
    }
    return types;
}

} // namespace

struct InterfaceNormalizer::FrameMember
{
    enum Check { None, Location, Number, Context }; // what frame() checks beyond the rows
    const QList<const Rule *> *rows = nullptr; // the member's Type and MaxLength rows
    Check check = None;
    unsigned types = AnyType; // the types every Type row accepts
    bool lengthRows = false; // a string is measured against MaxLength rows
};

// The frame members with rows or a check of their own, by key, so a frame's members are told apart
// by one hash lookup each (comparing key text per check cost as much as the checks).
const QHash<QString, InterfaceNormalizer::FrameMember> &InterfaceNormalizer::frameMembers()
{
    static const QHash<QString, FrameMember> table = [] {
        static const QList<const Rule *> noRows;
        const auto &rows = Rules::membersOf(FrameOwner);
        const auto add = [&rows](QHash<QString, FrameMember> &members, const QString &key,
                                 FrameMember::Check check) {
            const auto it = rows.constFind(key);
            FrameMember member {it == rows.cend() ? &noRows : &*it, check};
            for (const Rule *rule : *member.rows) {
                if (rule->kind == RuleKind::Type)
                    member.types &= rule->types;
                member.lengthRows = member.lengthRows || rule->kind == RuleKind::MaxLength;
            }
            members.insert(key, member);
        };
        QHash<QString, FrameMember> members;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            add(members, it.key(), FrameMember::None);
        for (const QString &key : {u"filename"_s, u"function"_s, u"module"_s})
            add(members, key, FrameMember::Location);
        for (const QString &key : {u"lineno"_s, u"colno"_s})
            add(members, key, FrameMember::Number);
        for (const QString &key : {u"pre_context"_s, u"post_context"_s})
            add(members, key, FrameMember::Context);
        return members;
    }();
    return table;
}

// The quick checks below tell whether the full walk would report nothing about a value and keep
// it as it came: the usual case, judged on the CBOR form a QJsonObject shares
// (QCborMap::fromJsonObject() copies nothing), where keys compare and value types read without
// building a QString or a QJsonValue per member. Whatever they are not sure of (a type outside a
// row's, a number that is not a plain integer, a string under a length row, a key out of order)
// is left to the full walk, which then decides and reports exactly as it always did.

// frame() would pass `frame` without a finding.
bool InterfaceNormalizer::isPlainFrame(const QCborMap &frame)
{
    static const KnownKeys keys(frameMembers().keys());
    static const QList<const FrameMember *> members = [] {
        QList<const FrameMember *> byIndex;
        for (qsizetype i = 0; i < keys.size(); ++i)
            byIndex.append(&*frameMembers().constFind(keys.text(i)));
        return byIndex;
    }();
    bool located = false;
    qsizetype next = 0;
    for (auto it = frame.constBegin(); it != frame.constEnd(); ++it) {
        const qsizetype index = keys.find(it.key(), &next);
        if (index == KnownKeys::OutOfOrder)
            return false;
        if (index == KnownKeys::Unknown)
            continue; // a member without rows: frame() lets it pass too
        const FrameMember &member = *members.at(index);
        const QCborValue::Type type = it.value().type();
        if (!(member.types & typeBit(type)) || (member.lengthRows && type == QCborValue::String))
            return false;
        if (member.check == FrameMember::Location)
            located = located || type == QCborValue::String;
        else if (member.check == FrameMember::Number && type != QCborValue::Integer
                 && type != QCborValue::Null)
            return false;
        else if (member.check == FrameMember::Context && type == QCborValue::Array
                 && !allStringsOrNull(it.value().toArray()))
            return false;
    }
    return located;
}

// stacktrace() would return `stacktrace` (an object) as it came, without a finding.
bool InterfaceNormalizer::isPlainStacktrace(const QCborMap &stacktrace)
{
    static const QStringList required = requiredKeys(StacktraceOwner);
    static const KnownKeys keys(required + QStringList {FramesKey});
    static const bool usual = (acceptedTypes(StacktraceOwner, {}) & ObjectType)
                              && (acceptedTypes(StacktraceOwner, FramesKey) & ArrayType);
    if (!usual)
        return false;
    qsizetype next = 0;
    qsizetype present = 0;
    bool hasFrames = false;
    for (auto it = stacktrace.constBegin(); it != stacktrace.constEnd(); ++it) {
        const qsizetype index = keys.find(it.key(), &next);
        if (index == KnownKeys::OutOfOrder)
            return false;
        if (index == KnownKeys::Unknown)
            continue;
        present += required.contains(keys.text(index));
        if (keys.text(index) != FramesKey)
            continue;
        hasFrames = true;
        const QCborValueConstRef frames = it.value();
        if (!frames.isArray())
            return false;
        const QCborArray list = frames.toArray();
        const auto plain = [](const QCborValueConstRef &frame) {
            return frame.isMap() && isPlainFrame(frame.toMap());
        };
        if (list.isEmpty() || !std::all_of(list.cbegin(), list.cend(), plain))
            return false;
    }
    return hasFrames && present == required.size();
}

// exceptionValue() would keep `value` as it came, without a finding.
bool InterfaceNormalizer::isPlainExceptionValue(const QJsonValue &value)
{
    static const QStringList required = requiredKeys(ExceptionValueOwner);
    static const QStringList typed
        = {u"type"_s, u"module"_s}; // the members exceptionValue() checks
    static const KnownKeys keys(required + typed + QStringList {StacktraceKey});
    if (!value.isObject())
        return false;
    const QCborMap map = QCborMap::fromJsonObject(value.toObject());
    qsizetype next = 0;
    qsizetype present = 0;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const qsizetype index = keys.find(it.key(), &next);
        if (index == KnownKeys::OutOfOrder)
            return false;
        if (index == KnownKeys::Unknown)
            continue;
        const QString &key = keys.text(index);
        present += required.contains(key);
        const QCborValueConstRef member = it.value();
        if (typed.contains(key)
            && !(acceptedTypes(ExceptionValueOwner, key) & typeBit(member.type())))
            return false;
        if (key == StacktraceKey && !(member.isMap() && isPlainStacktrace(member.toMap())))
            return false;
    }
    return present == required.size();
}

std::optional<QJsonObject> InterfaceNormalizer::normalize(const InterfaceInfo &info, const QString &key,
                                                          const QJsonValue &value, const QString &path)
{
    const QString &name = info.fullName;
    if (name == QStringView(Owner::Exception))
        return exception(value, path);
    if (name == QStringView(Owner::Stacktrace))
        return stacktrace(value, path, ThisInterface);
    QJsonObject object = value.toObject();
    if (!value.isObject()) {
        m_context.report(u"interface.not-an-object"_s, path, {key, jsonTypeName(value), info.firstField});
        if (!m_context.isV4())
            return std::nullopt;
        object = QJsonObject{{info.firstField, value}};
        m_context.change(path, u"passed as the first field \"%1\""_s.arg(info.firstField), value, object);
    }
    if (name == QStringView(Owner::Http))
        return http(object, path);
    return plain(name, object, path);
}

std::optional<QJsonObject> InterfaceNormalizer::exception(const QJsonValue &value, const QString &path)
{
    if (!m_context.checkMember(ExceptionOwner, {}, value, path, WholeException))
        return std::nullopt;
    QJsonArray values = value.toArray();
    QString valuesPath = path;
    const QJsonObject object = value.toObject();
    const QJsonValue list = object.value(ValuesKey);
    const bool single = value.isObject() && list.isUndefined();
    bool listForm = false; // {"values": [...]}: stored as it came when its values all stay
    if (single) {
        m_context.report(u"exception.single-object"_s, path);
        values = {object};
    } else if (value.isObject()) {
        if (!m_context.checkMember(ExceptionOwner, ValuesKey, list, path, WholeException))
            return std::nullopt;
        values = list.toArray();
        valuesPath = pointerChild(path, ValuesKey);
        listForm = list.isArray();
    }
    const qsizetype mark = m_context.findingCount();
    bool unchanged = true; // every value stays as it came: `values` itself is stored
    QJsonArray stored; // built only once a value differs from the input's
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QJsonValue item = values.at(i);
        bool changed = false;
        std::optional<QJsonObject> kept;
        if (m_context.quickChecks() && isPlainExceptionValue(item)) // kept as it came, nothing to report
            kept = item.toObject();
        else
            kept = exceptionValue(item, single ? path : pointerChild(valuesPath, i), WholeException,
                                  &changed);
        if (unchanged && kept && !changed)
            continue;
        for (qsizetype j = 0; unchanged && j < i; ++j)
            stored.append(values.at(j));
        unchanged = false;
        if (kept)
            stored.append(*kept);
    }
    if (m_context.hasErrorSince(mark))
        return std::nullopt;
    if (listForm && unchanged)
        return object;
    // Replacing the member of a one-member template costs less than inserting a new key.
    static const QJsonObject wrapper {{ValuesKey, QJsonArray()}};
    QJsonObject result = value.isObject() && !single ? object : wrapper;
    result.insert(ValuesKey, unchanged ? values : stored);
    if (!value.isObject() || single)
        m_context.change(path, u"stored as {\"values\": [...]}"_s, value, result);
    return result;
}

std::optional<QJsonObject> InterfaceNormalizer::exceptionValue(const QJsonValue &value,
                                                               const QString &path, const QString &dropped,
                                                               bool *changed)
{
    if (!value.isObject()) {
        m_context.report(u"exception.value.not-an-object"_s, path, {jsonTypeName(value), dropped});
        return std::nullopt;
    }
    QJsonObject object = value.toObject();
    const QString &owner = ExceptionValueOwner;
    bool ok = m_context.checkRequired(owner, object, path, dropped);
    for (const QString &key : {u"type"_s, u"module"_s}) {
        if (const QJsonValue member = object.value(key); !member.isUndefined())
            ok = m_context.checkMember(owner, key, member, path, dropped) && ok;
    }
    if (const QJsonValue input = object.value(StacktraceKey); !input.isUndefined()) {
        const auto trace = stacktrace(input, pointerChild(path, StacktraceKey), dropped);
        if (!trace)
            return std::nullopt;
        if (*trace != input.toObject()) { // cheap when unchanged: the same shared data
            object.insert(StacktraceKey, *trace);
            *changed = true;
        }
    }
    return ok ? std::optional<QJsonObject>(object) : std::nullopt;
}

std::optional<QJsonObject> InterfaceNormalizer::stacktrace(const QJsonValue &value, const QString &path,
                                                           const QString &dropped)
{
    const QString &owner = StacktraceOwner;
    if (!m_context.checkMember(owner, {}, value, path, dropped))
        return std::nullopt;
    QJsonObject object = value.toObject();
    if (value.isArray()) {
        m_context.report(u"interface.not-an-object"_s, path, {StacktraceKey, jsonTypeName(value), FramesKey});
        if (!m_context.isV4())
            return std::nullopt;
        object = QJsonObject{{FramesKey, value}};
        m_context.change(path, u"passed as the first field \"frames\""_s, value, object);
    }
    if (!m_context.checkRequired(owner, object, path, dropped))
        return std::nullopt;
    const QJsonValue frames = object.value(FramesKey);
    const QString framesPath = value.isArray() ? path : pointerChild(path, FramesKey);
    if (!m_context.checkMember(owner, FramesKey, frames, path, dropped))
        return std::nullopt;
    const QJsonArray list = frames.toArray();
    if (list.isEmpty()) {
        m_context.report(u"stacktrace.frames.empty"_s, framesPath, {dropped});
        return std::nullopt;
    }
    bool ok = true;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue item = list.at(i);
        const bool plain = m_context.quickChecks() && item.isObject()
            && isPlainFrame(QCborMap::fromJsonObject(item.toObject()));
        if (!plain) // the usual frame needs neither frame() nor its path
            ok = frame(item, pointerChild(framesPath, i), dropped) && ok;
    }
    return ok ? std::optional<QJsonObject>(object) : std::nullopt;
}

bool InterfaceNormalizer::frame(const QJsonValue &value, const QString &path, const QString &dropped)
{
    if (!value.isObject()) {
        m_context.report(u"frame.not-an-object"_s, path, {jsonTypeName(value), dropped});
        return false;
    }
    const QHash<QString, FrameMember> &members = frameMembers();
    const QJsonObject object = value.toObject();
    bool ok = true;
    bool located = false;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const auto row = members.constFind(key);
        if (row == members.cend()) // a member without rows passes (and does not locate the frame)
            continue;
        const QJsonValue member = it.value(); // each it.value() builds a new QJsonValue
        ok = frameMember(*row, key, member, path, dropped) && ok;
        located = located || (row->check == FrameMember::Location && member.isString());
    }
    if (!located) {
        m_context.report(u"frame.location"_s, path, {dropped});
        return false;
    }
    return ok;
}

bool InterfaceNormalizer::frameMember(const FrameMember &row, const QString &key,
                                      const QJsonValue &value, const QString &path,
                                      const QString &dropped)
{
    if (!m_context.checkRows(*row.rows, key, value, path, dropped))
        return false;
    if (row.check == FrameMember::Number && !isInteger(value)) {
        m_context.report(u"frame.number.integer"_s, pointerChild(path, key), {key, value.isString() ? value.toString() : QString::number(value.toDouble()), dropped});
        return false;
    }
    if (row.check == FrameMember::Context && value.isArray()) {
        const QJsonArray lines = value.toArray();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonValue line = lines.at(i);
            if (!line.isString() && !line.isNull()) {
                m_context.report(u"frame.context.item"_s, pointerChild(pointerChild(path, key), i),
                                 {jsonTypeName(line), dropped});
                return false;
            }
        }
    }
    return true;
}

std::optional<QJsonObject> InterfaceNormalizer::http(const QJsonObject &object, const QString &path)
{
    const auto stored = plain(HttpOwner, object, path);
    if (!stored)
        return std::nullopt;
    QJsonObject result = *stored;
    httpUrl(result, path);
    httpMethod(result, path);
    return result;
}

void InterfaceNormalizer::httpUrl(QJsonObject &object, const QString &path)
{
    const QString url = object.value(u"url"_s).toString();
    const qsizetype question = url.indexOf(u'?');
    if (question < 0)
        return;
    const QString query = url.mid(question + 1);
    if (!m_context.report(u"http.url.query"_s, pointerChild(path, u"url"_s), {query}))
        return;
    object.insert(u"url"_s, url.left(question));
    m_context.change(pointerChild(path, u"url"_s), u"query moved to query_string"_s, url, url.left(question));
    if (object.value(u"query_string"_s).toString().isEmpty() && !object.value(u"query_string"_s).isObject())
        object.insert(u"query_string"_s, query);
}

void InterfaceNormalizer::httpMethod(QJsonObject &object, const QString &path)
{
    const QJsonValue method = object.value(u"method"_s);
    if (!method.isString()) {
        m_context.report(u"http.method.missing"_s, path);
        return;
    }
    const QString text = method.toString();
    const auto asciiUpper = [](QChar c) {
        return c.unicode() < 0x80 && !(c >= u'a' && c <= u'z');
    };
    if (std::all_of(text.cbegin(), text.cend(), asciiUpper))
        return; // "POST": toUpper() would leave it as it is
    const QString upper = text.toUpper();
    if (upper != text
        && m_context.report(u"http.method.case"_s, pointerChild(path, u"method"_s),
                            {text, upper})) {
        object.insert(u"method"_s, upper);
        m_context.change(pointerChild(path, u"method"_s), u"upper-cased"_s, method, upper);
    }
}

std::optional<QJsonObject> InterfaceNormalizer::plain(const QString &owner, const QJsonObject &object,
                                                      const QString &path)
{
    if (!m_context.checkRequired(owner, object, path, ThisInterface))
        return std::nullopt;
    QJsonObject result = object;
    bool ok = true;
    // Walks the object's members rather than the rule rows: an interface carries fewer members than
    // it has rows (keys without rows pass), and a QJsonObject lookup by key (a binary search with
    // UTF-8 comparisons) costs more than visiting a member.
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        if (key.isEmpty()) // "" would name the owner's own rows
            continue;
        const QJsonValue value = it.value();
        QJsonValue stored = QJsonValue::Undefined; // set only when truncated
        ok = m_context.checkMember(owner, key, value, path, ThisInterface, &stored) && ok;
        if (!stored.isUndefined() && stored != value)
            result.insert(key, stored);
    }
    return ok ? std::optional<QJsonObject>(result) : std::nullopt;
}

} // namespace Sentry
