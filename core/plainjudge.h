#pragma once

// Internal to plainevent.cpp and plaininterfaces.cpp: the judge of the byte pass (plainevent.h),
// which applies the rule tables (plainrules.h) to the tokens of one event and writes the stored
// event as text. Its member functions are split by what they judge: the event's attributes and the
// run in plainevent.cpp, the interfaces in plaininterfaces.cpp.

#include "jsontokens.h"
#include "normalizecontext.h"
#include "plainrules.h"
#include "validator.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QVarLengthArray>

#include <cstring>
#include <optional>

namespace Sentry::PlainEvent {

using Kind = JsonTokens::Kind;
using Token = JsonTokens::Token;

inline unsigned typeBit(Kind kind)
{
    switch (kind) {
    case Kind::Null:
        return NullType;
    case Kind::True:
    case Kind::False:
        return BoolType;
    case Kind::Number:
        return NumberType;
    case Kind::String:
        return StringType;
    case Kind::Array:
        return ArrayType;
    case Kind::Object:
        return ObjectType;
    }
    return 0;
}

// How the stored event gets one member's value as text.
enum class Emit : quint8 {
    Raw,        // the input's text
    Text,       // Member::text
    TagPairs,   // a tag map as [["key", "value"], ...] in the stored (sorted) key order
    WrapList,   // an exception list as {"values": [...]}
    WrapSingle, // one exception object as {"values": [{...}]}
};

// A change whose values are read from the stored event once it has parsed.
struct PendingChange
{
    enum From : quint8 { Added, Stored, StoredValues, StoredFirstValue, Input, NewId };
    const QString *path;        // both point into static tables: no reference count to touch
    const QString *description;
    From before = Added;
    From after = Stored;
    int stored = 0; // the stored event's member the values are in, by its rank (TopLevelKey)
    qsizetype token = -1; // Input: the input's value
    qsizetype input = 0;  // Input: its index in m_inputs
};

struct Member
{
    qsizetype key = 0;   // the key token
    qsizetype value = 0; // the value token
    QByteArrayView storedKey; // empty: the input's key
    Emit emit = Emit::Raw;
    QByteArrayView text; // Emit::Text
};

// The stored event's text, on the stack for a usual event (QJsonDocument reads it in place).
class TextWriter
{
public:
    explicit TextWriter(qsizetype expected)
    {
        if (expected > qsizetype(sizeof(m_stack)))
            grow(expected);
    }
    TextWriter(const TextWriter &) = delete;
    TextWriter &operator=(const TextWriter &) = delete;

    TextWriter &operator<<(QByteArrayView text)
    {
        if (m_end - m_pos < text.size())
            grow(2 * (m_end - m_begin) + text.size());
        std::memcpy(m_pos, text.data(), size_t(text.size()));
        m_pos += text.size();
        return *this;
    }
    TextWriter &operator<<(char c) { return *this << QByteArrayView(&c, 1); }
    QByteArray text() const { return QByteArray::fromRawData(m_begin, m_pos - m_begin); }

private:
    // Out of line and cold: a usual event never grows the buffer. Inlined at every write, it spread
    // the hot code over more cache lines: 2.6% more I1 misses per validate (bench/RESULTS.md).
    Q_DECL_COLD_FUNCTION Q_NEVER_INLINE void grow(qsizetype capacity);

    char m_stack[4096];
    QByteArray m_heap;
    char *m_begin = m_stack;
    char *m_pos = m_stack;
    char *m_end = m_stack + sizeof(m_stack);
};

class Judge
{
public:
    Judge(const QByteArray &text, const JsonTokens &tokens, qint64 now)
        : m_text(text), m_tokens(tokens), m_context(Profile::V4), m_now(now), m_latest(now + 60 * 1000)
    {
    }

    // Fills *result and returns true, or returns false (and leaves it) when the walk must decide.
    bool run(const ValidateOptions &options, ValidationResult *result);

private:
    const Token &token(qsizetype index) const { return m_tokens.at(index); }
    Kind kind(qsizetype index) const { return token(index).kind; }
    // A string's or key's text between its quotes, as written; a value's whole text.
    QByteArrayView inner(qsizetype index) const
    {
        const Token &t = token(index);
        return QByteArrayView(m_text.constData() + t.begin + 1, t.end - t.begin - 2);
    }
    QByteArrayView raw(qsizetype index) const
    {
        const Token &t = token(index);
        return QByteArrayView(m_text.constData() + t.begin, t.end - t.begin);
    }
    bool isEmptyValue(qsizetype index) const;
    qsizetype utf16Length(qsizetype index) const;
    bool rowsPass(const RowCheck &rows, qsizetype value) const;
    template<typename Visit> bool members(qsizetype object, Visit visit) const;
    template<typename Visit> bool items(qsizetype array, Visit visit) const;
    template<typename Visit> bool judgedMembers(const OwnerRows &owner, qsizetype object, Visit visit) const;

    bool member(Member &member, const TopLevelKey &entry);
    bool eventId(qsizetype value) const;
    bool message(qsizetype value, const TopLevelKey &entry);
    bool timestamp(qsizetype value) const;
    bool level(Member &member, const TopLevelKey &entry);
    bool tags(Member &member, const TopLevelKey &entry);
    bool extra(qsizetype value) const;
    bool interface(Member &member, const TopLevelKey &entry);
    bool exception(Member &member, const TopLevelKey &entry, PendingChange::From *input);
    bool exceptionValue(qsizetype value) const;
    bool stacktrace(qsizetype value) const;
    bool frame(qsizetype value) const;
    bool plainInterface(const OwnerRows &owner, qsizetype value) const;

    void writeValue(TextWriter &out, const Member &member) const;
    using Order = QVarLengthArray<std::pair<const TopLevelKey *, Member>, 16>; // the input's known members
    void writeEvent(TextWriter &out, const Order &order);
    void fillDefaults(TextWriter &out, bool *first);
    void resolveChanges(const QJsonObject &stored, QList<Change> *changes);

    const QByteArray &m_text;
    const JsonTokens &m_tokens;
    NormalizeContext m_context;
    qint64 m_now; // the receipt time, milliseconds since 1970 (UTC)
    qint64 m_latest; // the latest timestamp the server took: a minute past the receipt time
    unsigned m_present = 0;
    QVarLengthArray<PendingChange, 8> m_changes;
    bool m_stacktrace = false;
    bool m_exception = false;
    int m_inputCount = 0;
    QJsonValue m_newId; // a generated event id, made only once the pass is sure
    quint64 m_storedMask = 0; // the stored event's keys as written, by their rank (TopLevelKey)
    QVarLengthArray<std::pair<QByteArrayView, qsizetype>, 16> m_tagPairs; // key, value token; sorted
    QVarLengthArray<QJsonValue, 2> m_inputs; // input values the change entries show (see run())
};

// visit(key token, value token) for each member, in the order written, while it returns true.
template<typename Visit>
bool Judge::members(qsizetype object, Visit visit) const
{
    const qsizetype end = token(object).next;
    for (qsizetype key = object + 1; key < end; key = token(key + 1).next) {
        if (!visit(key, key + 1))
            return false;
    }
    return true;
}

template<typename Visit>
bool Judge::items(qsizetype array, Visit visit) const
{
    const qsizetype end = token(array).next;
    for (qsizetype item = array + 1; item < end; item = token(item).next) {
        if (!visit(item))
            return false;
    }
    return true;
}

// An object whose members the full walk judges by owner's rows: each member with rows passes them
// and visit(its row, value token) agrees; the Required rows are present; no judged key repeats.
// An escaped key may spell a judged one: not sure.
template<typename Visit>
bool Judge::judgedMembers(const OwnerRows &owner, qsizetype object, Visit visit) const
{
    if (kind(object) != Kind::Object)
        return false;
    quint64 seen = 0;
    const bool ok = members(object, [&](qsizetype key, qsizetype value) {
        if (token(key).escaped)
            return false;
        const qsizetype index = owner.find(inner(key));
        if (index < 0)
            return true; // no rows: it passes
        const quint64 bit = quint64(1) << index;
        if (seen & bit)
            return false;
        seen |= bit;
        const OwnerRows::Member &row = owner.member(index);
        return rowsPass(row.rows, value) && visit(row, value);
    });
    return ok && (seen & owner.required()) == owner.required();
}

} // namespace Sentry::PlainEvent
