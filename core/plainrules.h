#pragma once

// Internal to plainevent.cpp: the rule rows (rules.h) folded into tables the pass reads per token,
// keyed by the bytes of a key as it is written.

#include "jsontokens.h"
#include "rules.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QVarLengthArray>

#include <array>
#include <cstring>
#include <limits>

namespace Sentry::PlainEvent {

using Rows = QList<const Rule *>;

// QByteArrayView's operator== calls out of line; keys are short: compared in two overlapping
// words (or a few bytes) rather than byte by byte.
inline bool same(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = a.size();
    if (n != b.size())
        return false;
    const auto word = [](const char *p, auto *value) {
        std::memcpy(value, p, sizeof(*value));
        return *value;
    };
    if (n >= 8) {
        quint64 x, y;
        for (qsizetype i = 0; i + 8 <= n; i += 8) {
            if (word(a.data() + i, &x) != word(b.data() + i, &y))
                return false;
        }
        return word(a.data() + n - 8, &x) == word(b.data() + n - 8, &y);
    }
    if (n >= 4) {
        quint32 x, y;
        return word(a.data(), &x) == word(b.data(), &y) && word(a.data() + n - 4, &x) == word(b.data() + n - 4, &y);
    }
    for (qsizetype i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// A few known keys, found by their length first: a key token is compared with the one or two
// known keys of its length instead of all of them.
class KeyIndex
{
public:
    void add(QByteArrayView key)
    {
        // The tables are fixed at build time; a key that does not fit is a programming error.
        if (key.size() >= MaxLength || m_count >= MaxKeys
            || m_byLength[size_t(key.size())].count >= qsizetype(Bucket().index.size()))
            qFatal("KeyIndex: key \"%s\" does not fit the table", key.toByteArray().constData());
        Entry &entry = m_keys[size_t(m_count)];
        std::memcpy(entry.bytes, key.data(), size_t(key.size()));
        entry.size = qint8(key.size());
        Bucket &bucket = m_byLength[size_t(key.size())];
        bucket.index[size_t(bucket.count++)] = qint8(m_count++);
    }
    // Not inlined: called from every judged object's loop, one copy of it is less code to fetch
    // per event than one in each (bench/RESULTS.md).
    Q_NEVER_INLINE qsizetype find(QByteArrayView key) const
    {
        if (key.size() >= MaxLength)
            return -1;
        const Bucket &bucket = m_byLength[size_t(key.size())];
        for (qsizetype i = 0; i < bucket.count; ++i) {
            const Entry &entry = m_keys[size_t(bucket.index[size_t(i)])];
            if (same(QByteArrayView(entry.bytes, entry.size), key))
                return bucket.index[size_t(i)];
        }
        return -1;
    }
    qsizetype size() const { return m_count; }

private:
    // Flat arrays, no pointers to chase: a lookup reads the bucket and the key's own bytes.
    static constexpr qsizetype MaxLength = 32; // the longest known key is 28 bytes
    static constexpr qsizetype MaxKeys = 64;
    struct Entry
    {
        char bytes[MaxLength];
        qint8 size = 0;
    };
    struct Bucket
    {
        std::array<qint8, 8> index{};
        qsizetype count = 0;
    };
    std::array<Entry, MaxKeys> m_keys{};
    std::array<Bucket, MaxLength> m_byLength{};
    qsizetype m_count = 0;
};

// What NormalizeContext::checkRows() asks of a value under v4, folded once from the rows: the
// types every Type row v4 applies accepts, and the shortest MaxLength v4 applies.
struct RowCheck
{
    unsigned types = AnyType;
    qsizetype maxLength = std::numeric_limits<qsizetype>::max();

    static RowCheck of(const Rows &rows);
};

// What the full walk checks about a member beyond its rows.
enum class Check : quint8 {
    None,
    Location,   // frame: filename, function, module (one must be a string)
    Number,     // frame: lineno, colno (an integer)
    Context,    // frame: pre_context, post_context (strings or null)
    Stacktrace, // exception value: stacktrace
    Frames,     // stacktrace: frames
    Url,        // Http: url (no query)
    Method,     // Http: method (a string in upper case)
};

// The rows of one owner by key, as UTF-8 (rule keys are ASCII) to compare with a key token's bytes.
// A key's index is its bit in a mask of the keys seen, which finds duplicates: the full walk sees
// only the last of them, so the pass is not sure of an object that repeats a key it judges.
class OwnerRows
{
public:
    struct Member
    {
        QByteArray key;
        RowCheck rows;
        Check check;
    };

    explicit OwnerRows(const QString &owner, const QList<QPair<QString, Check>> &checks = {});

    qsizetype find(QByteArrayView key) const { return m_index.find(key); }
    const Member &member(qsizetype index) const { return m_members[index]; }
    const RowCheck &own() const { return m_own; }
    quint64 required() const { return m_required; } // the mask of the Required rows v4 applies

private:
    void append(const Member &member)
    {
        m_members.append(member);
        m_index.add(member.key);
    }

    QList<Member> m_members;
    KeyIndex m_index; // of m_members' keys
    RowCheck m_own; // the rows about the owner itself (key "")
    quint64 m_required = 0;
};

// The rows of an owner (an Owner:: name), with the checks the walk makes in code.
const OwnerRows &ownerRows(const QString &owner);
const OwnerRows &ownerRows(const char16_t *owner);

// The attributes the server defaults when absent, as bits of a mask.
namespace Bit {
constexpr unsigned EventId = 1, Message = 2, Timestamp = 4, Level = 8, Logger = 16;
} // namespace Bit

enum class Handler : quint8 { EventId, Message, Timestamp, Level, Plain, Project, Tags, Modules, Extra, Interface };

struct TopLevelKey
{
    QByteArray key;
    Handler handler;
    unsigned defaulted = 0;
    RowCheck rows;
    const InterfaceInfo *interface = nullptr;
    bool fullName = false; // an interface under its full name
    QString path;          // "/key"
    QByteArray storedKey;  // an interface under its alias: the full name
    QString storedAs;      // and the change's description
    // The place of the key, and of the key it is stored under, in the order of the bytes of all
    // these keys: a QJsonObject's order of ASCII keys, without comparing text per event.
    int rank = 0;
    int storedRank = 0;
    // An interface: how the pass judges it, and for a plain one (Http, User, ...) its rows.
    enum class Judged : quint8 { Plain, Exception, Stacktrace } judged = Judged::Plain;
    const OwnerRows *owner = nullptr;
};

// Milliseconds since 1970 of a UTC time, as QDateTime(QDate(...), QTime(...), Qt::UTC) gives them;
// InvalidTime where QDate or QTime would be invalid (there is no year 0, and no leap second).
constexpr qint64 InvalidTime = std::numeric_limits<qint64>::min();
qint64 utcMSecs(int year, int month, int day, int hour, int minute, int second);

// Every key the pass knows at the top level, and an index of them.
const QList<TopLevelKey> &topLevelKeys();
const KeyIndex &topLevelIndex();

} // namespace Sentry::PlainEvent
