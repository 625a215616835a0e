#include "interfacenormalizer.h"

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

} // namespace

struct InterfaceNormalizer::FrameMember
{
    enum Check { None, Location, Number, Context }; // what frame() checks beyond the rows
    const QList<const Rule *> *rows = nullptr; // the member's Type and MaxLength rows
    Check check = None;
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
            members.insert(key, FrameMember {it == rows.cend() ? &noRows : &*it, check});
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

std::optional<QJsonObject> InterfaceNormalizer::normalize(const InterfaceInfo &info, const QString &key,
                                                          const QJsonValue &value, const QString &path)
{
    const QString &name = info.fullName;
    if (name == QStringView(Owner::Exception))
        return exception(value, path);
    if (name == QStringView(Owner::Stacktrace))
        return stacktrace(value, path, ThisInterface);
    QJsonObject object = value.toObject();
    QString passedAs;
    if (!value.isObject()) {
        m_context.report(u"interface.not-an-object"_s, path, {key, jsonTypeName(value), info.firstField});
        if (!m_context.isV4())
            return std::nullopt;
        passedAs = info.firstField;
        object = QJsonObject{{passedAs, value}};
        m_context.change(path, u"passed as the first field \"%1\""_s.arg(passedAs), value, object);
    }
    if (name == QStringView(Owner::Http))
        return http(object, path, passedAs);
    return plain(name, object, path, passedAs);
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
        const std::optional<QJsonObject> kept = exceptionValue(
            item, single ? path : pointerChild(valuesPath, i), WholeException, &changed);
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
    for (qsizetype i = 0; i < list.size(); ++i)
        ok = frame(list.at(i), pointerChild(framesPath, i), dropped) && ok;
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

std::optional<QJsonObject> InterfaceNormalizer::http(const QJsonObject &object, const QString &path,
                                                     const QString &passedAs)
{
    const auto stored = plain(HttpOwner, object, path, passedAs);
    if (!stored)
        return std::nullopt;
    QJsonObject result = *stored;
    httpUrl(result, path, passedAs);
    httpMethod(result, path);
    return result;
}

void InterfaceNormalizer::httpUrl(QJsonObject &object, const QString &path, const QString &passedAs)
{
    const QString url = object.value(u"url"_s).toString();
    const qsizetype question = url.indexOf(u'?');
    if (question < 0)
        return;
    const QString query = url.mid(question + 1);
    const QString at = passedAs == "url"_L1 ? path : pointerChild(path, u"url"_s);
    if (!m_context.report(u"http.url.query"_s, at, {query}))
        return;
    object.insert(u"url"_s, url.left(question));
    m_context.change(at, u"query moved to query_string"_s, url, url.left(question));
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
                                                      const QString &path, const QString &passedAs)
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
        ok = m_context.checkMember(owner, key, value, path, ThisInterface, &stored, nullptr,
                                   key == passedAs)
             && ok;
        if (!stored.isUndefined() && stored != value)
            result.insert(key, stored);
    }
    return ok ? std::optional<QJsonObject>(result) : std::nullopt;
}

} // namespace Sentry
