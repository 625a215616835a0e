#pragma once

// What Qt's JSON parser hides from the walk, found in the text as sent: a key written twice in one
// object (the last wins, in Qt as in the v4 server's Python), an integer past 2^53 (a double keeps
// it rounded; Python kept every digit), and a number past a double, which Qt refuses and Python
// read as ±Infinity (or 0.0 below the smallest double) before going on (spec section 4); likewise
// the words NaN, Infinity and -Infinity, which are not JSON but which Python reads. And a
// U+FEFF written raw at the start of a string: Qt's reader drops it ("\xEF\xBB\xBFlevel" reads as
// "level", yet a QJsonObject cannot find that key again), where Python kept it. And the other
// way round, text Qt 6.4 reads that Python's json.loads (strict, as the server called it) and Relay
// refuse: a raw control character in a string ("a<U+001D>b", a raw tab), an escape JSON does not
// have ("\x", which Qt reads as "x"), and a number without a digit on each side of its point
// (".5", "-.5", "1.", "1.e5").
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
    enum class Kind { DuplicateKey, BigInteger, Overflow, Underflow, NonFinite, ControlCharacter, BadEscape, BareFraction };
    Kind kind = Kind::DuplicateKey;
    QString pointer; // JSON pointer of the value (of the key, for a duplicate)
    QString text;    // the number as written, the duplicated key, the character or escape refused
    int count = 0;   // how often the key appears in its object
    qsizetype offset = -1; // for what strict JSON refuses: where, in bytes of the text

    // Text that Python's json.loads and Relay refuse, though Qt read it.
    bool refused() const { return kind >= Kind::ControlCharacter; }
};

class JsonQuirks
{
public:
    // The text as Qt must read it to see what Python saw: each number past a double written as
    // Python read it (±1.7976931348623157e308 standing in for ±Infinity, 0 for an underflow), the
    // words Infinity and -Infinity written the same way and NaN as null, and
    // each U+FEFF that starts a string written as the escape \ufeff, which Qt keeps. The same
    // bytes when there is neither.
    static QByteArray readable(const QByteArray &json);
    // A quick look: true when a string may start with a raw U+FEFF (then parse readable()).
    static bool mayHaveStringMarks(const QByteArray &json);
    // A quick look at the bytes: false when the text surely has no quirk. `members` is the number
    // of object members Qt parsed: fewer than the text's keys means a key came twice. Text with a
    // byte below 0x20 (also a pretty-printed newline) always gets the full scan.
    static bool mayHaveQuirks(const QByteArray &json, qsizetype members);
    // Every quirk, in text order. Only for text Qt parsed (after readable()). When the text holds
    // something strict JSON refuses, only the first such quirk (JsonQuirk::refused()).
    static QList<JsonQuirk> scan(const QByteArray &json);
};

} // namespace Sentry
