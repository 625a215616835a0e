#include "plainjudge.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sentry::PlainEvent {

// exceptionValue() keeps the value as it came: an object with its Required rows, "type" and
// "module" passing their rows, a usual stacktrace. It judges no other member.
bool Judge::exceptionValue(qsizetype value) const
{
    static const OwnerRows &owner = ownerRows(Owner::ExceptionValue);
    return judgedMembers(owner, value, [this](const OwnerRows::Member &row, qsizetype member) {
        return row.check != Check::Stacktrace || stacktrace(member);
    });
}

// stacktrace() keeps it as it came: an object whose rows pass, with a list of usual frames.
bool Judge::stacktrace(qsizetype value) const
{
    static const OwnerRows &owner = ownerRows(Owner::Stacktrace);
    if (!rowsPass(owner.own(), value))
        return false;
    bool framed = false;
    return judgedMembers(owner, value, [&](const OwnerRows::Member &row, qsizetype member) {
        if (row.check != Check::Frames)
            return true;
        framed = token(member).next > member + 1;
        return framed && items(member, [this](qsizetype item) { return frame(item); });
    }) && framed;
}

// frame() passes it: every member with rows passes them, lineno and colno are whole numbers (or
// null, or digits in a string), context lines are strings or null, and a filename, function or
// module is a string.
bool Judge::frame(qsizetype value) const
{
    static const OwnerRows &owner = ownerRows(Owner::Frame);
    const auto digits = [](QByteArrayView text) { // what QString::toLongLong() surely reads
        const QByteArrayView number = text.startsWith('-') ? text.sliced(1) : text;
        return !number.isEmpty() && number.size() <= 15
               && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    bool located = false;
    return judgedMembers(owner, value, [&](const OwnerRows::Member &row, qsizetype member) {
        const Token &t = token(member);
        switch (row.check) {
        case Check::Location:
            located = located || t.kind == Kind::String;
            return true;
        case Check::Number:
            return t.kind == Kind::Null || (t.kind == Kind::Number && t.integral)
                   || (t.kind == Kind::String && !t.escaped && digits(inner(member)));
        case Check::Context:
            return t.kind != Kind::Array || items(member, [this](qsizetype line) {
                return kind(line) == Kind::String || kind(line) == Kind::Null;
            });
        default:
            return true;
        }
    }) && located;
}

// InterfaceNormalizer::plain() keeps it as it came; for Http, also a url without a query and a
// method that is a string already in upper case.
bool Judge::plainInterface(const OwnerRows &owner, qsizetype value) const
{
    bool method = false;
    const bool ok = judgedMembers(owner, value, [&](const OwnerRows::Member &row, qsizetype member) {
        const Token &t = token(member);
        if (row.check == Check::Url)
            return t.kind == Kind::String && !t.escaped && !inner(member).contains('?');
        if (row.check == Check::Method) {
            const QByteArrayView text = inner(member);
            method = t.kind == Kind::String && !t.escaped && t.ascii
                     && std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        }
        return true;
    });
    static const OwnerRows *const http = &ownerRows(Owner::Http);
    return ok && (method || &owner != http);
}

// exception(): a list of usual values (stored as {"values": [...]}), {"values": [...]} (stored as it
// came) or one usual value (the legacy form: reported and wrapped). *input: where the input's
// value is in the stored event, for the change entries.
// The change entries go under the stored Exception's rank (entry.storedRank: an alias's full name).
bool Judge::exception(Member &member, const TopLevelKey &entry, PendingChange::From *input)
{
    static const OwnerRows &owner = ownerRows(Owner::Exception);
    const qsizetype value = member.value;
    if (!rowsPass(owner.own(), value))
        return false;
    const auto allValues = [this](qsizetype list) {
        return items(list, [this](qsizetype item) { return exceptionValue(item); });
    };
    if (kind(value) == Kind::Array) {
        if (!allValues(value))
            return false;
        member.emit = Emit::WrapList;
        *input = PendingChange::StoredValues;
    } else {
        qsizetype list = -1;
        const bool keys = members(value, [&](qsizetype key, qsizetype item) {
            const bool values = same(inner(key), "values");
            if (token(key).escaped || (values && list >= 0))
                return false;
            if (values)
                list = item;
            return true;
        });
        if (!keys)
            return false;
        if (list >= 0) // stored as it came
            return rowsPass(owner.member(owner.find("values")).rows, list) && allValues(list);
        if (!exceptionValue(value))
            return false;
        m_context.report(u"exception.single-object"_s, entry.path);
        member.emit = Emit::WrapSingle;
        *input = PendingChange::StoredFirstValue;
    }
    static const QString wrapped = u"stored as {\"values\": [...]}"_s;
    m_changes.append({&entry.path, &wrapped, *input, PendingChange::Stored, entry.storedRank});
    return true;
}

bool Judge::interface(Member &member, const TopLevelKey &entry)
{
    const InterfaceInfo &info = *entry.interface;
    if (entry.fullName && !info.alias.isEmpty())
        m_context.report(u"interface.full-name"_s, entry.path, {info.fullName, info.alias});
    PendingChange::From input = PendingChange::Stored;
    bool ok = false;
    switch (entry.judged) {
    case TopLevelKey::Judged::Exception:
        ok = exception(member, entry, &input);
        m_exception = true;
        break;
    case TopLevelKey::Judged::Stacktrace:
        ok = stacktrace(member.value);
        m_stacktrace = true;
        break;
    case TopLevelKey::Judged::Plain:
        ok = plainInterface(*entry.owner, member.value);
        break;
    }
    if (!ok)
        return false;
    if (!entry.fullName) {
        member.storedKey = entry.storedKey;
        m_changes.append({&entry.path, &entry.storedAs, input, PendingChange::Stored, entry.storedRank});
    }
    return true;
}

} // namespace Sentry::PlainEvent
