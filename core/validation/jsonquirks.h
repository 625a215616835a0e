#pragma once

// What Qt's JSON parser hides from the walk, found in the text as sent: a key written twice in one
// object (the last wins, in Qt as in the v4 server's Python), an integer past 2^53 (a double keeps
// it rounded; Python kept every digit), and a number past a double, which Qt refuses and Python
// read as ±Infinity (or 0.0 below the smallest double) before going on (spec section 4). And a
// U+FEFF written raw at the start of a string: Qt's reader drops it ("\xEF\xBB\xBFlevel" reads as
// "level", yet a QJsonObject cannot find that key again), where Python kept it.
//
//     const QByteArray readable = Sentry::JsonQuirks::readable(json); // parse this
//     if (Sentry::JsonQuirks::mayHaveQuirks(json, memberCount))
//         for (const auto &quirk : Sentry::JsonQuirks::scan(json)) …;

#include <QByteArray>
#include <QList>
#include <QString>

namespace Sentry {

struct JsonQuirk
{
    enum class Kind { DuplicateKey, BigInteger, Overflow, Underflow };
    Kind kind = Kind::DuplicateKey;
    QString pointer; // JSON pointer of the value (of the key, for a duplicate)
    QString text;    // the number as written, or the duplicated key
    int count = 0;   // how often the key appears in its object
};

class JsonQuirks
{
public:
    // The text as Qt must read it to see what Python saw: each number past a double written as
    // Python read it (±1.7976931348623157e308 standing in for ±Infinity, 0 for an underflow), and
    // each U+FEFF that starts a string written as the escape \ufeff, which Qt keeps. The same
    // bytes when there is neither.
    static QByteArray readable(const QByteArray &json);
    // A quick look: true when a string may start with a raw U+FEFF (then parse readable()).
    static bool mayHaveStringMarks(const QByteArray &json);
    // A quick look at the bytes: false when the text surely has no quirk. `members` is the number
    // of object members Qt parsed: fewer than the text's keys means a key came twice.
    static bool mayHaveQuirks(const QByteArray &json, qsizetype members);
    // Every quirk, in text order. Only for text Qt parsed (after readable()).
    static QList<JsonQuirk> scan(const QByteArray &json);
};

} // namespace Sentry
