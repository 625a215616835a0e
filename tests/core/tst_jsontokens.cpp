// Pins what Sentry::JsonTokens reads: which texts it accepts (RFC 8259, strict), the exact tokens
// it gives (kind, bytes, subtree end, string and number flags), its storage growth and depth limit,
// and that it is never laxer than QJsonDocument, the parser the full validation walk uses, but
// where it means to be: bytes inside strings (UTF-8 is not checked) and numbers beyond a double.

#include "jsontokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::Literals::StringLiterals;
using Sentry::JsonTokens;
using Kind = JsonTokens::Kind;

namespace {

// One token as a line: "String 1..4 >2 escaped ascii". The string flags are shown for strings and
// `integral` for numbers only: the other kinds' flags mean nothing.
QString describe(const JsonTokens::Token &t)
{
    static const char *const names[]
        = {"Object", "Array", "String", "Number", "true", "false", "null"};
    QString line = QLatin1StringView(names[int(t.kind)]) + u' ' + QString::number(t.begin) + u".."
                   + QString::number(t.end) + u" >" + QString::number(t.next);
    if (t.kind == Kind::String)
        line += QLatin1StringView(t.escaped ? " escaped" : "")
                + QLatin1StringView(t.ascii ? " ascii" : "");
    if (t.kind == Kind::Number && t.integral)
        line += u" integral"_s;
    return line;
}

QStringList describe(const JsonTokens &tokens)
{
    QStringList lines;
    for (qsizetype i = 0; i < tokens.size(); ++i)
        lines.append(describe(tokens.at(i)));
    return lines;
}

// The text for a failure message: printable ASCII as is, other bytes as \xNN.
QString printable(const QByteArray &text)
{
    QString out;
    for (const char c : text.left(300)) {
        if (uchar(c) >= 0x20 && uchar(c) < 0x7f)
            out += QLatin1Char(c);
        else
            out += u"\\x"_s + QString::number(uchar(c), 16).rightJustified(2, u'0');
    }
    if (text.size() > 300)
        out += u"..."_s;
    return out;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QByteArray trimmed(QByteArray bytes)
{
    while (!bytes.isEmpty() && isSpace(bytes.front()))
        bytes.remove(0, 1);
    while (!bytes.isEmpty() && isSpace(bytes.back()))
        bytes.chop(1);
    return bytes;
}

// Checks that the tokens of an accepted text form its tree: each token's bytes are its value's,
// children follow their container up to its `next`, and between neighbours lie only whitespace
// and the one separator the grammar puts there. Returns what is wrong, or an empty string.
class TreeCheck
{
public:
    TreeCheck(const QByteArray &text, const JsonTokens &tokens)
        : m_text(text)
        , m_tokens(tokens)
    {
    }

    QString problem()
    {
        if (m_tokens.size() == 0)
            return u"no tokens"_s;
        const qsizetype after = walk(0);
        if (!m_problem.isEmpty())
            return m_problem;
        if (after != m_tokens.size())
            return u"the top-level value ends at token %1 of %2"_s.arg(after).arg(m_tokens.size());
        const auto &top = m_tokens.at(0);
        if (!trimmed(m_text.left(top.begin)).isEmpty() || !trimmed(m_text.mid(top.end)).isEmpty())
            return u"more than whitespace around the top-level value"_s;
        return {};
    }

private:
    QByteArray slice(const JsonTokens::Token &t) const
    {
        return m_text.mid(t.begin, t.end - t.begin);
    }

    void fail(qsizetype index, const QString &what)
    {
        if (m_problem.isEmpty())
            m_problem = u"token %1 (%2): %3"_s.arg(index).arg(describe(m_tokens.at(index)), what);
    }

    // The bytes between two neighbours, less whitespace, must be `separator`.
    void gap(qsizetype index, qint32 from, qint32 to, const char *separator)
    {
        if (to < from || trimmed(m_text.mid(from, to - from)) != separator)
            fail(index, u"expected only whitespace and '%1' before it"_s.arg(
                            QLatin1StringView(separator)));
    }

    bool bytesFit(const JsonTokens::Token &t) const
    {
        const QByteArray bytes = slice(t);
        switch (t.kind) {
        case Kind::Object:
            return bytes.startsWith('{') && bytes.endsWith('}');
        case Kind::Array:
            return bytes.startsWith('[') && bytes.endsWith(']');
        case Kind::String:
            return bytes.size() >= 2 && bytes.startsWith('"') && bytes.endsWith('"');
        case Kind::Number:
            return !bytes.isEmpty() && std::all_of(bytes.begin(), bytes.end(), [](char c) {
                return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e'
                       || c == 'E';
            });
        case Kind::True:
            return bytes == "true";
        case Kind::False:
            return bytes == "false";
        case Kind::Null:
            return bytes == "null";
        }
        return false;
    }

    // Returns the index after the value at `index` and all inside it.
    qsizetype walk(qsizetype index)
    {
        if (index >= m_tokens.size()) {
            m_problem = u"a container's children run past the last token"_s;
            return m_tokens.size();
        }
        const auto &t = m_tokens.at(index);
        if (t.begin < 0 || t.end > m_text.size() || t.begin >= t.end || !bytesFit(t))
            fail(index, u"its bytes are not its value"_s);
        const bool container = t.kind == Kind::Object || t.kind == Kind::Array;
        if (t.next <= index || t.next > m_tokens.size() || (!container && t.next != index + 1))
            fail(index, u"wrong next"_s);
        if (!container || !m_problem.isEmpty())
            return index + 1;
        qint32 previousEnd = t.begin + 1;
        qsizetype i = index + 1;
        for (bool first = true; i < t.next && m_problem.isEmpty(); first = false) {
            if (t.kind == Kind::Object) {
                if (m_tokens.at(i).kind != Kind::String)
                    fail(i, u"an object member's key is not a string"_s);
                gap(i, previousEnd, m_tokens.at(i).begin, first ? "" : ",");
                previousEnd = m_tokens.at(i).end;
                ++i;
            }
            const char *separator = t.kind == Kind::Object ? ":" : first ? "" : ",";
            gap(i, previousEnd, i < m_tokens.size() ? m_tokens.at(i).begin : previousEnd,
                separator);
            const qsizetype child = i;
            i = walk(i);
            previousEnd = m_tokens.at(child).end;
        }
        if (m_problem.isEmpty() && i != t.next)
            fail(index, u"its children end at token %1"_s.arg(i));
        gap(index, previousEnd, t.end - 1, "");
        return t.next;
    }

    const QByteArray &m_text;
    const JsonTokens &m_tokens;
    QString m_problem;
};

QString treeProblem(const QByteArray &text, const JsonTokens &tokens)
{
    return TreeCheck(text, tokens).problem();
}

bool isValidUtf8(const QByteArray &text)
{
    return QString::fromUtf8(text).toUtf8() == text;
}

// Whether a number's text is out of a double's range: QJsonDocument refuses such a number.
bool outOfRange(const QByteArray &number)
{
    bool ok = false;
    const double value = number.toDouble(&ok);
    return !ok || !std::isfinite(value);
}

// QJsonDocument takes only an object or an array at the top level: a scalar is read inside [].
QJsonValue qtValue(const QByteArray &text, QJsonParseError *error)
{
    const QByteArray body = trimmed(text);
    const bool scalar = !body.startsWith('{') && !body.startsWith('[');
    const QJsonDocument document
        = QJsonDocument::fromJson(scalar ? QByteArray('[' + text + ']') : text, error);
    if (scalar)
        return document.array().at(0);
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

QString decodedString(const QByteArray &stringToken)
{
    return QJsonDocument::fromJson('[' + stringToken + ']').array().at(0).toString();
}

// Random valid JSON texts: every kind of value, every escape, multi-byte UTF-8, numbers of every
// shape, whitespace of every kind between tokens. Object keys are unique (each ends in "#<index>").
class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_random(seed)
    {
    }

    QByteArray text()
    {
        QByteArray out;
        space(out);
        if (below(4) == 0)
            value(out, 0);
        else
            container(out, 0, below(2));
        space(out);
        return out;
    }

    int below(int n) { return int(m_random.bounded(n)); }

private:
    void space(QByteArray &out)
    {
        if (below(3) != 0)
            return;
        for (int n = 1 + below(3); n > 0; --n)
            out += " \t\n\r"[below(4)];
    }

    void value(QByteArray &out, int depth)
    {
        switch (below(depth < 4 ? 8 : 5)) {
        case 0:
            return string(out, QByteArray());
        case 1:
        case 2:
            return number(out);
        case 3:
            out += below(2) ? "true" : "false";
            return;
        case 4:
            out += "null";
            return;
        case 5:
        case 6:
            return container(out, depth, false);
        default:
            return container(out, depth, true);
        }
    }

    void string(QByteArray &out, const QByteArray &suffix)
    {
        // clang-format off
        static const char *const pieces[] = {
            "a", "Zq", "hello world", "0", " ", "{}[],:", "\\\"", "\\\\", "\\/", "\\b", "\\f",
            "\\n", "\\r", "\\t", "\\u00e9", "\\u00C9", "\\uD83D\\uDE00", "\\u0041", "\\u0000",
            "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\x01", "\x7f", "\t",
            "abcdefghijklmnopqrstuvwxyz"};
        // clang-format on
        out += '"';
        for (int n = below(6); n > 0; --n)
            out += pieces[below(int(std::size(pieces)))];
        out += suffix + '"';
    }

    void digits(QByteArray &out, int most)
    {
        for (int n = below(most + 1); n > 0; --n)
            out += char('0' + below(10));
    }

    void number(QByteArray &out)
    {
        if (below(3) == 0)
            out += '-';
        if (below(4) == 0) {
            out += '0';
        } else {
            out += char('1' + below(9));
            digits(out, below(4) == 0 ? 19 : 4);
        }
        if (below(3) == 0) {
            out += '.' + QByteArray(1, char('0' + below(10)));
            digits(out, 6);
        }
        if (below(4) == 0) {
            out += below(2) ? 'e' : 'E';
            if (const int sign = below(3))
                out += sign == 1 ? '+' : '-';
            out += char('0' + below(10));
            digits(out, 1);
        }
    }

    void container(QByteArray &out, int depth, bool object)
    {
        out += object ? '{' : '[';
        space(out);
        const int count = below(depth == 0 ? 9 : 5);
        for (int i = 0; i < count; ++i) {
            if (i > 0) {
                out += ',';
                space(out);
            }
            if (object) {
                string(out, '#' + QByteArray::number(i));
                space(out);
                out += ':';
                space(out);
            }
            value(out, depth + 1);
            space(out);
        }
        out += object ? '}' : ']';
    }

    QRandomGenerator m_random;
};

// One random edit of one byte: deleted, inserted or replaced, mostly with a byte that matters to
// the grammar.
QByteArray mutated(QByteArray text, Generator &random)
{
    static const char bytes[] = "{}[],:\"\\ 0a-.eE1+9tfnul\t\n\r/xu\xc3\xa9\x80";
    const char byte = bytes[random.below(int(sizeof(bytes)) - 1)];
    const int at = random.below(int(text.size()) + 1);
    switch (random.below(3)) {
    case 0:
        return text.remove(at, 1);
    case 1:
        return text.insert(at, byte);
    default:
        return at < text.size() ? text.replace(at, 1, QByteArray(1, byte)) : text.append(byte);
    }
}

// Whether a number token should be `integral`: no fraction, no exponent, at most 15 digits (the
// minus sign not counted).
bool isShortInteger(const QByteArray &number)
{
    const QByteArray digits = number.startsWith('-') ? number.mid(1) : number;
    return !number.contains('.') && !number.contains('e') && !number.contains('E')
           && digits.size() <= 15;
}

// Walks the tokens from `index` alongside Qt's value of the same text. Returns what differs, or
// an empty string; advances `index` past the value.
QString differences(const QByteArray &text, const JsonTokens &tokens, qsizetype &index,
                    const QJsonValue &value)
{
    const JsonTokens::Token &t = tokens.at(index++);
    const QByteArray bytes = text.mid(t.begin, t.end - t.begin);
    const auto differ = [&t](const char *what) -> QString {
        return QLatin1StringView(what) + u" at byte "_s + QString::number(t.begin);
    };
    switch (t.kind) {
    case Kind::True:
    case Kind::False:
        return value.isBool() && value.toBool() == (t.kind == Kind::True) ? QString()
                                                                          : differ("bool");
    case Kind::Null:
        return value.isNull() ? QString() : differ("null");
    case Kind::Number:
        if (!value.isDouble() || bytes.toDouble() != value.toDouble())
            return differ("number");
        if (t.integral != isShortInteger(bytes))
            return differ("integral");
        return !t.integral || value.toDouble() == double(bytes.toLongLong())
                   ? QString()
                   : differ("integer value");
    case Kind::String: {
        if (!value.isString() || decodedString(bytes) != value.toString())
            return differ("string");
        const bool ascii
            = std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
        return t.escaped == bytes.contains('\\') && t.ascii == ascii ? QString()
                                                                     : differ("string flags");
    }
    case Kind::Array: {
        if (!value.isArray())
            return differ("array");
        const QJsonArray array = value.toArray();
        qsizetype count = 0;
        for (; index < t.next; ++count) {
            if (count >= array.size())
                return differ("array length");
            if (QString problem = differences(text, tokens, index, array.at(count));
                !problem.isEmpty())
                return problem;
        }
        return count == array.size() ? QString() : differ("array length");
    }
    case Kind::Object: {
        if (!value.isObject())
            return differ("object");
        const QJsonObject object = value.toObject();
        qsizetype count = 0;
        for (; index < t.next; ++count) {
            const JsonTokens::Token &key = tokens.at(index++);
            const QString name = decodedString(text.mid(key.begin, key.end - key.begin));
            if (key.kind != Kind::String || !object.contains(name))
                return differ("member");
            if (QString problem = differences(text, tokens, index, object.value(name));
                !problem.isEmpty())
                return problem;
        }
        return count == object.size() ? QString() : differ("member count");
    }
    }
    return differ("kind");
}

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

// Arrays and objects in turn: [{"k":[{"k":...}]}].
QByteArray nestedMixed(int depth, const QByteArray &inner)
{
    QByteArray open, close;
    for (int i = 0; i < depth; ++i) {
        open += i % 2 ? "{\"k\":" : "[";
        close.prepend(i % 2 ? '}' : ']');
    }
    return open + inner + close;
}

} // namespace

class TestJsonTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_acceptsOnlyJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        const auto valid = [](const char *tag, const QByteArray &text) {
            QTest::newRow(tag) << text << true;
        };
        const auto invalid = [](const char *tag, const QByteArray &text) {
            QTest::newRow(tag) << text << false;
        };

        valid("object", "{\"a\":1}"_ba);
        valid("array", "[1,2]"_ba);
        valid("string", "\"x\""_ba);
        valid("number", "7"_ba);
        valid("true", "true"_ba);
        valid("false", "false"_ba);
        valid("null", "null"_ba);
        valid("empty object", "{}"_ba);
        valid("empty array", "[]"_ba);
        valid("empty string", "\"\""_ba);
        valid("space in empty array", "[ \t]"_ba);
        valid("space in empty object", "{\n\r}"_ba);
        valid("nested", "{\"a\":[{\"b\":{\"c\":[[],{}]}}],\"d\":[null,true,false,\"\",0]}"_ba);
        valid("whitespace everywhere",
              " \t\n\r{ \t\n\r\"a\" \t\n\r: \t\n\r[ \t\n\r1 \t\n\r, \t\n\r\"b\" \t\n\r] \t\n\r, "
              "\t\n\r"
              "\"c\" \t\n\r: \t\n\r{ \t\n\r} \t\n\r, \t\n\r\"d\":[ \t\n\r] \t\n\r} \t\n\r"_ba);
        valid("space before", " 1"_ba);
        valid("tab before", "\t1"_ba);
        valid("newline before", "\n1"_ba);
        valid("return before", "\r1"_ba);
        valid("space after", "null "_ba);
        valid("tab after", "null\t"_ba);
        valid("newline after", "null\n"_ba);
        valid("return after", "null\r"_ba);
        valid("short escapes", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""_ba);
        valid("unicode escapes lower and upper hex",
              "\"\\u00e9\\u00E9\\uabcd\\uABCD\\u0000\\u09aF\""_ba);
        valid("surrogate pair escape", "\"\\uD83D\\uDE00\""_ba);
        valid("lone surrogate escape", "\"\\ud800\""_ba);
        valid("escape as key", "{\"\\n\\u0041\":\"\\\\\"}"_ba);
        valid("utf-8 in string", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\""_ba);
        valid("minus zero", "-0"_ba);
        valid("zero", "0"_ba);
        valid("minus zero fraction", "-0.0"_ba);
        valid("fraction and signed exponent", "0.5e+10"_ba);
        valid("upper exponent negative", "1E-2"_ba);
        valid("exponent", "1e5"_ba);
        valid("zero exponent", "0e0"_ba);
        valid("exponent leading zeros", "1e007"_ba);
        valid("fifteen digits", "123456789012345"_ba);
        valid("long integer", "12345678901234567890123"_ba);
        valid("negative fraction exponent", "-12.5e-3"_ba);
        valid("numbers in array", "[0,-1,10,1.25,0.001,2E+2]"_ba);
        valid("deep mixed", "[{\"a\":[{\"b\":[1]}]}]"_ba);
        valid("key with brackets", "{\"{[,:]}\":\"}\"}"_ba);
        // Let through on purpose (see jsontokens.h): bytes inside strings are not judged, and a
        // number out of a double's range is still a number here (QJsonDocument refuses it).
        valid("invalid utf-8 byte", "\"\xff\""_ba);
        valid("truncated utf-8", "\"\xc3\""_ba);
        valid("overlong utf-8", "\"\xc0\x80\""_ba);
        valid("utf-8 surrogate", "\"\xed\xa0\x80\""_ba);
        valid("raw control character", "\"\x01\x1f\""_ba);
        valid("raw tab and newline", "\"a\tb\nc\""_ba);
        valid("raw nul byte", "\"a\0b\""_ba);
        valid("raw DEL", "\"\x7f\""_ba);
        valid("number overflowing a double", "1e999"_ba);
        valid("negative number overflowing a double", "[-1e999]"_ba);
        valid("number underflowing a double", "1e-999"_ba);

        invalid("leading zero", "01"_ba);
        invalid("leading zero negative", "-01"_ba);
        invalid("double zero", "00"_ba);
        invalid("leading zero fraction", "01.5"_ba);
        invalid("minus alone", "-"_ba);
        invalid("minus space", "- 1"_ba);
        invalid("trailing dot", "1."_ba);
        invalid("dot exponent", "1.e5"_ba);
        invalid("leading dot", ".5"_ba);
        invalid("exponent without digits", "1e"_ba);
        invalid("exponent sign without digits", "1e+"_ba);
        invalid("fraction exponent without digits", "1.5E"_ba);
        invalid("plus sign", "+1"_ba);
        invalid("hex number", "0x10"_ba);
        invalid("Infinity", "Infinity"_ba);
        invalid("NaN", "NaN"_ba);
        invalid("escape x", "\"\\x\""_ba);
        invalid("escape a", "\"\\a\""_ba);
        invalid("escape single quote", "\"\\'\""_ba);
        invalid("escape upper U", "\"\\U00e9\""_ba);
        invalid("escape bad hex", "\"\\u12G4\""_ba);
        invalid("escape short hex", "\"\\u12\""_ba);
        invalid("escape short hex closed", "[\"\\u12\"]"_ba);
        invalid("escape u alone", "\"\\u\""_ba);
        invalid("backslash at end", "\"\\"_ba);
        invalid("escaped quote unterminated", "\"\\\""_ba);
        invalid("unterminated string", "\"abc"_ba);
        invalid("unterminated key", "{\"abc"_ba);
        invalid("unterminated array", "[1,2"_ba);
        invalid("unterminated nested array", "[[]"_ba);
        invalid("unterminated object", "{\"a\":1"_ba);
        invalid("open bracket", "["_ba);
        invalid("open brace", "{"_ba);
        invalid("trailing comma array", "[1,]"_ba);
        invalid("trailing comma object", "{\"a\":1,}"_ba);
        invalid("leading comma", "[,1]"_ba);
        invalid("comma alone in object", "{,}"_ba);
        invalid("missing colon", "{\"a\" 1}"_ba);
        invalid("comma for colon", "{\"a\",1}"_ba);
        invalid("missing value", "{\"a\":}"_ba);
        invalid("key alone", "{\"a\"}"_ba);
        invalid("missing comma array", "[1 2]"_ba);
        invalid("missing comma object", "{\"a\":1 \"b\":2}"_ba);
        invalid("mismatched close array", "[1}"_ba);
        invalid("mismatched close object", "{\"a\":1]"_ba);
        invalid("extra close", "[1]]"_ba);
        invalid("close alone", "]"_ba);
        invalid("garbage after value", "1 x"_ba);
        invalid("garbage after string", "\"a\"b"_ba);
        invalid("two values", "1 2"_ba);
        invalid("two arrays", "[] []"_ba);
        invalid("nul byte after value", "1\0"_ba);
        invalid("empty text", ""_ba);
        invalid("only spaces", " \t\n\r"_ba);
        invalid("vertical tab", "\v1"_ba);
        invalid("form feed", "1\f"_ba);
        invalid("no-break space", "\xc2\xa0"_ba + '1');
        invalid("byte order mark", "\xef\xbb\xbf{}"_ba);
        invalid("comment", "/**/1"_ba);
        invalid("tru", "tru"_ba);
        invalid("nul", "nul"_ba);
        invalid("fals", "fals"_ba);
        invalid("True", "True"_ba);
        invalid("NULL", "NULL"_ba);
        invalid("literal run on", "nulll"_ba);
        invalid("literal wrong last letter", "[nulx]"_ba);
        invalid("literal wrong middle letter", "[fakse]"_ba);
        invalid("literal then letter", "truex"_ba);
        invalid("number key", "{1:2}"_ba);
        invalid("bare key", "{a:1}"_ba);
        invalid("null key", "{null:1}"_ba);
        invalid("array key", "{[]:1}"_ba);
        invalid("single quotes", "'a'"_ba);
        invalid("single quoted key", "{'a':1}"_ba);
        invalid("colon alone", ":"_ba);
        invalid("colon in array", "[1:2]"_ba);
    }

    void read_acceptsOnlyJson()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        JsonTokens tokens;
        QCOMPARE(tokens.read(text), valid);
        if (valid)
            QCOMPARE(treeProblem(text, tokens), QString());
    }

    // The tree check used below catches tokens that are not the text's: read from one text,
    // checked against a slightly different one.
    void treeCheck_catchesWrongTokens_data()
    {
        QTest::addColumn<QByteArray>("read");
        QTest::addColumn<QByteArray>("checked");
        QTest::newRow("moved value") << "[1,2]"_ba
                                     << "[1 ,2]"_ba;
        QTest::newRow("wrong separator") << "[1,2]"_ba
                                         << "[1:2]"_ba;
        QTest::newRow("comma for colon") << "{\"a\":1}"_ba
                                         << "{\"a\",1}"_ba;
        QTest::newRow("literal bytes") << "[true]"_ba
                                       << "[tree]"_ba;
        QTest::newRow("garbage after") << "[1]"_ba
                                       << "[1]x"_ba;
        QTest::newRow("longer string") << "[\"a\"]"_ba
                                       << "[\"aa\"]"_ba;
    }

    void treeCheck_catchesWrongTokens()
    {
        QFETCH(QByteArray, read);
        QFETCH(QByteArray, checked);
        JsonTokens tokens;
        QVERIFY(tokens.read(read));
        QCOMPARE(treeProblem(read, tokens), QString());
        QVERIFY(!treeProblem(checked, tokens).isEmpty());
    }

    void tokens_areExact_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("spaced string")
            << "  \"abc\"  "_ba << QStringList {u"String 2..7 >1 ascii"_s};
        QTest::newRow("minus zero") << "-0"_ba << QStringList {u"Number 0..2 >1 integral"_s};
        QTest::newRow("zero") << "0"_ba << QStringList {u"Number 0..1 >1 integral"_s};
        QTest::newRow("15 digits")
            << "123456789012345"_ba << QStringList {u"Number 0..15 >1 integral"_s};
        QTest::newRow("16 digits") << "1234567890123456"_ba << QStringList {u"Number 0..16 >1"_s};
        // The minus sign is not counted among the 15 digits.
        QTest::newRow("-15 digits")
            << "-123456789012345"_ba << QStringList {u"Number 0..16 >1 integral"_s};
        QTest::newRow("-16 digits") << "-1234567890123456"_ba << QStringList {u"Number 0..17 >1"_s};
        QTest::newRow("fraction") << "1.0"_ba << QStringList {u"Number 0..3 >1"_s};
        QTest::newRow("exponent") << "1e2"_ba << QStringList {u"Number 0..3 >1"_s};
        QTest::newRow("fraction exponent") << "0.5e+10 "_ba << QStringList {u"Number 0..7 >1"_s};
        QTest::newRow("upper exponent") << "\t1E-2"_ba << QStringList {u"Number 1..5 >1"_s};
        QTest::newRow("literals") << "[true,false,null]"_ba
                                  << QStringList {u"Array 0..17 >4"_s, u"true 1..5 >2"_s,
                                                  u"false 6..11 >3"_s, u"null 12..16 >4"_s};
        QTest::newRow("empty array") << "[]"_ba << QStringList {u"Array 0..2 >1"_s};
        QTest::newRow("empty object spaced") << "{ }"_ba << QStringList {u"Object 0..3 >1"_s};
        QTest::newRow("empties in array")
            << "[[], {}]"_ba
            << QStringList {u"Array 0..8 >3"_s, u"Array 1..3 >2"_s, u"Object 5..7 >3"_s};
        QTest::newRow("event-like") << "{\"a\":[1,{\"b\":null}],\"c\":\"\\u00e9\",\"d\":false}"_ba
                                    << QStringList {u"Object 0..43 >11"_s,
                                                    u"String 1..4 >2 ascii"_s,
                                                    u"Array 5..19 >7"_s,
                                                    u"Number 6..7 >4 integral"_s,
                                                    u"Object 8..18 >7"_s,
                                                    u"String 9..12 >6 ascii"_s,
                                                    u"null 13..17 >7"_s,
                                                    u"String 20..23 >8 ascii"_s,
                                                    u"String 24..32 >9 escaped ascii"_s,
                                                    u"String 33..36 >10 ascii"_s,
                                                    u"false 37..42 >11"_s};
        QTest::newRow("utf-8 string")
            << "[ \"\xc3\xa9\" , true ]"_ba
            << QStringList {u"Array 0..15 >3"_s, u"String 2..6 >2"_s, u"true 9..13 >3"_s};
        QTest::newRow("escaped key, nested")
            << "{\"k\\\"\":{\"\":[]}}"_ba
            << QStringList {u"Object 0..15 >5"_s, u"String 1..6 >2 escaped ascii"_s,
                            u"Object 7..14 >5"_s, u"String 8..10 >4 ascii"_s, u"Array 11..13 >5"_s};
        QTest::newRow("escaped and utf-8")
            << "\"\\n\xc3\xa9\""_ba << QStringList {u"String 0..6 >1 escaped"_s};
        QTest::newRow("raw control is ascii")
            << "\"\x01\""_ba << QStringList {u"String 0..3 >1 ascii"_s};
    }

    void tokens_areExact()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        JsonTokens tokens;
        QVERIFY(tokens.read(text));
        QCOMPARE(describe(tokens), expected);
    }

    // Every string length 0..40 around the 16-byte blocks of the scan, with the piece at every
    // offset, and the string ending at every distance 0..17 from the end of the text, alone, in an
    // array, as a key, and followed by strings whose non-ASCII bytes or escapes share its block.
    void stringFlags_exactAtEveryOffset_data()
    {
        QTest::addColumn<QByteArray>("piece");
        QTest::addColumn<bool>("escaped");
        QTest::addColumn<bool>("ascii");
        QTest::newRow("plain") << QByteArray() << false << true;
        QTest::newRow("escaped quote") << "\\\""_ba << true << true;
        QTest::newRow("escaped backslash") << "\\\\"_ba << true << true;
        QTest::newRow("escaped slash") << "\\/"_ba << true << true;
        QTest::newRow("escaped n") << "\\n"_ba << true << true;
        QTest::newRow("escaped u lower") << "\\u00e9"_ba << true << true;
        QTest::newRow("escaped u upper") << "\\uABCD"_ba << true << true;
        QTest::newRow("two escapes") << "\\\\\\\""_ba << true << true;
        QTest::newRow("two-byte utf-8") << "\xc3\xa9"_ba << false << false;
        QTest::newRow("three-byte utf-8") << "\xe2\x82\xac"_ba << false << false;
        QTest::newRow("four-byte utf-8") << "\xf0\x9f\x98\x80"_ba << false << false;
        QTest::newRow("byte 0x80") << "\x80"_ba << false << false;
        QTest::newRow("byte 0xff") << "\xff"_ba << false << false;
        QTest::newRow("escape then utf-8") << "\\t\xc3\xa9"_ba << true << false;
        QTest::newRow("utf-8 then escape") << "\xc3\xa9\\t"_ba << true << false;
        QTest::newRow("raw control") << "\x01"_ba << false << true;
        QTest::newRow("raw DEL") << "\x7f"_ba << false << true;
    }

    void stringFlags_exactAtEveryOffset()
    {
        QFETCH(QByteArray, piece);
        QFETCH(bool, escaped);
        QFETCH(bool, ascii);
        // The other bytes of a string: none stops the scan.
        static const QByteArray filler = "abcdefghij {}[],:0123/ KLMNOPQRSTUVWXYZ"_ba;
        // Where the string stands: alone, in an array, as a key, before a string whose non-ASCII
        // bytes or escape lie in the same 16-byte block (its flags must not leak into ours).
        struct Context
        {
            QByteArray before, after;
            qsizetype index;
            bool followedByString, followerAscii;
        };
        const Context contexts[] = {
            {""_ba, ""_ba, 0, false, false},
            {" ["_ba, "]"_ba, 1, false, false},
            {"{"_ba, ":1}"_ba, 1, false, false},
            {"["_ba, ",\"\xc3\xa9\xc3\xa9\"]"_ba, 1, true, false},
            {"["_ba, ",\"\\n\"]"_ba, 1, true, true},
        };
        JsonTokens tokens;
        for (int length = 0; length <= 40; ++length) {
            for (int offset = 0; offset <= (piece.isEmpty() ? 0 : length); ++offset) {
                const QByteArray string
                    = '"' + filler.left(offset) + piece + filler.mid(offset, length - offset) + '"';
                for (const Context &context : contexts) {
                    for (int tail = 0; tail <= 17; ++tail) {
                        const QByteArray text
                            = context.before + string + context.after + QByteArray(tail, ' ');
                        const bool good = tokens.read(text) && tokens.size() > context.index;
                        const JsonTokens::Token *t = good ? &tokens.at(context.index) : nullptr;
                        const JsonTokens::Token *follower
                            = context.followedByString ? t + 1 : nullptr;
                        if (!t || t->kind != Kind::String || t->begin != context.before.size()
                            || t->end != context.before.size() + string.size()
                            || t->escaped != escaped || t->ascii != ascii
                            || t->next != context.index + 1
                            || (follower
                                && (follower->ascii != context.followerAscii
                                    || follower->escaped != context.followerAscii))) {
                            QFAIL(qPrintable(u"%1: %2 (the string: escaped %3, ascii %4)"_s
                                                 .arg(printable(text), describe(tokens).join(u", "))
                                                 .arg(escaped)
                                                 .arg(ascii)));
                        }
                    }
                }
            }
        }
    }

    // The scan stops at the end of the text, never after it: a string cut anywhere is refused.
    void string_refusesEveryCut()
    {
        const QByteArray string
            = "\"abcdefghijklmnopq\\\"rstuvwxyz\\u00e9\\\\0123456789\xc3\xa9 ABCDEFGH\""_ba;
        JsonTokens tokens;
        for (qsizetype cut = 1; cut < string.size(); ++cut) {
            QVERIFY2(!tokens.read(string.left(cut)), qPrintable(printable(string.left(cut))));
            QVERIFY2(!tokens.read('[' + string.left(cut)), qPrintable(printable(string.left(cut))));
            // The text ends with a closing bracket but inside the string.
            QVERIFY2(!tokens.read('[' + string.left(cut) + ']'),
                     qPrintable(printable(string.left(cut))));
        }
        QVERIFY(tokens.read(string));
        QCOMPARE(describe(tokens), QStringList {u"String 0..%1 >1 escaped"_s.arg(string.size())});
    }

    // More than the 256 tokens kept on the stack: 5 000 numbers, each at its place.
    void manyTokens_arrayOfNumbers()
    {
        QByteArray text = "[";
        QStringList expected {QString()};
        for (int i = 0; i < 5000; ++i) {
            if (i > 0)
                text += i % 3 ? "," : " ,\n";
            const bool sixteenDigits = i % 7 == 3;
            const QByteArray number = sixteenDigits ? QByteArray::number(1000000000000000LL + i)
                                      : i % 5 == 1  ? '-' + QByteArray::number(i) + ".5"
                                                    : QByteArray::number(i);
            const bool integral = !sixteenDigits && i % 5 != 1;
            expected.append(
                u"Number %1..%2 >%3"_s.arg(text.size()).arg(text.size() + number.size()).arg(i + 2)
                + (integral ? u" integral"_s : QString()));
            text += number;
        }
        text += ']';
        expected[0] = u"Array 0..%1 >5001"_s.arg(text.size());
        JsonTokens tokens;
        QVERIFY(tokens.read(text));
        QCOMPARE(tokens.size(), qsizetype(5001));
        QCOMPARE(describe(tokens), expected);
    }

    // A value's tokens are the same wherever the storage grows (at 256 and 512 tokens): after 0 to
    // 600 numbers, each snippet gives its own tokens, moved by its place.
    void manyTokens_growthKeepsEveryToken_data()
    {
        QTest::addColumn<QByteArray>("snippet");
        QTest::newRow("object") << "{\"k\":[true,\"s\\n\"],\"é\":{\"x\":null}}"_ba;
        QTest::newRow("nested arrays") << "[[[[]],[1]],[]]"_ba;
        QTest::newRow("strings") << "\"a\",\"\xc3\xa9\",\"\\\"\",\"\",\"0123456789abcdefghij\""_ba;
        QTest::newRow("literals and numbers") << "true,false,null,-0,1e5,123456789012345678"_ba;
        QTest::newRow("empty object") << "{}"_ba;
        QTest::newRow("object of objects") << "{\"a\":{\"b\":{\"c\":{}}},\"d\":{}}"_ba;
    }

    void manyTokens_growthKeepsEveryToken()
    {
        QFETCH(QByteArray, snippet);
        JsonTokens alone;
        QVERIFY(alone.read('[' + snippet + ']'));
        QCOMPARE(treeProblem('[' + snippet + ']', alone), QString());
        JsonTokens tokens;
        for (int fill = 0; fill <= 600; ++fill) {
            const QByteArray text = '[' + QByteArray("0,").repeated(fill) + snippet + ",0]";
            QVERIFY2(tokens.read(text), qPrintable(QString::number(fill)));
            QCOMPARE(tokens.size(), alone.size() + fill + 1);
            QCOMPARE(describe(tokens.at(0)),
                     u"Array 0..%1 >%2"_s.arg(text.size()).arg(tokens.size()));
            for (qsizetype i = 1; i < alone.size(); ++i) {
                JsonTokens::Token moved = alone.at(i);
                moved.begin += 2 * fill;
                moved.end += 2 * fill;
                moved.next += fill;
                QCOMPARE(describe(tokens.at(fill + i)), describe(moved));
            }
            QCOMPARE(describe(tokens.at(tokens.size() - 1)),
                     u"Number %1..%2 >%3 integral"_s.arg(text.size() - 2)
                         .arg(text.size() - 1)
                         .arg(tokens.size()));
        }
    }

    // An object of 3 000 members: keys and values stay paired through the growth.
    void manyTokens_objectMembers()
    {
        QByteArray text = "{";
        QStringList expected {QString()};
        for (int i = 0; i < 3000; ++i) {
            const QByteArray key = "\"key" + QByteArray::number(i) + (i % 4 == 0 ? "\\t\"" : "\"");
            const QByteArray value
                = i % 2 ? QByteArray("\"v\"") : QByteArray('[' + QByteArray::number(i) + ']');
            text += (i ? "," : "") + key + ':';
            const qsizetype index = expected.size();
            expected.append(u"String %1..%2 >%3"_s.arg(text.size() - 1 - key.size())
                                .arg(text.size() - 1)
                                .arg(index + 1)
                            + (i % 4 == 0 ? u" escaped ascii"_s : u" ascii"_s));
            if (i % 2) {
                expected.append(u"String %1..%2 >%3 ascii"_s.arg(text.size())
                                    .arg(text.size() + 3)
                                    .arg(index + 2));
            } else {
                expected.append(u"Array %1..%2 >%3"_s.arg(text.size())
                                    .arg(text.size() + value.size())
                                    .arg(index + 3));
                expected.append(u"Number %1..%2 >%3 integral"_s.arg(text.size() + 1)
                                    .arg(text.size() + value.size() - 1)
                                    .arg(index + 3));
            }
            text += value;
        }
        text += '}';
        expected[0] = u"Object 0..%1 >%2"_s.arg(text.size()).arg(expected.size());
        JsonTokens tokens;
        QVERIFY(tokens.read(text));
        QCOMPARE(describe(tokens), expected);
    }

    // read() starts over: the same text twice, a short text after a long one (the grown storage is
    // reused), a long one after that, and a good text after a refused one.
    void read_resetsBetweenTexts()
    {
        const QByteArray small = "{\"a\":[1,\"b\"],\"c\":null}"_ba;
        const QByteArray large
            = '[' + QByteArray("{\"x\":[1,2,\"\\u00e9\"]},").repeated(400) + "0]";
        JsonTokens fresh;
        QVERIFY(fresh.read(small));
        const QStringList smallTokens = describe(fresh);
        QVERIFY(fresh.read(large));
        const QStringList largeTokens = describe(fresh);
        QCOMPARE(largeTokens.size(), qsizetype(400 * 6 + 2));
        QCOMPARE(treeProblem(large, fresh), QString());

        JsonTokens tokens;
        QVERIFY(tokens.read(small));
        QVERIFY(tokens.read(small));
        QCOMPARE(describe(tokens), smallTokens);
        QVERIFY(tokens.read(large));
        QVERIFY(tokens.read(large));
        QCOMPARE(describe(tokens), largeTokens);
        QVERIFY(tokens.read(small));
        QCOMPARE(describe(tokens), smallTokens);
        QVERIFY(tokens.read(large.chopped(1) + ',' + large + ']')); // longer still: grows again
        QVERIFY(!tokens.read(large.chopped(1)));
        QVERIFY(tokens.read(small));
        QCOMPARE(describe(tokens), smallTokens);
        QVERIFY(tokens.read(large));
        QCOMPARE(describe(tokens), largeTokens);
    }

    void depth_upToMaxDepth()
    {
        const int max = JsonTokens::MaxDepth;
        QCOMPARE(max, 1024);
        JsonTokens tokens;
        QVERIFY(tokens.read(nestedArrays(max)));
        QCOMPARE(tokens.size(), qsizetype(max));
        for (int i = 0; i < max; ++i)
            QCOMPARE(describe(tokens.at(i)),
                     u"Array %1..%2 >%3"_s.arg(i).arg(2 * max - i).arg(max));
        QVERIFY(!tokens.read(nestedArrays(max + 1)));
        QVERIFY(!tokens.read(QByteArray(max, '[')));
        // A scalar inside the innermost container adds no depth.
        QVERIFY(tokens.read(QByteArray(max, '[') + "1" + QByteArray(max, ']')));
        QCOMPARE(tokens.size(), qsizetype(max + 1));
        QVERIFY(tokens.read(nestedMixed(max, "\"deep\"")));
        QCOMPARE(treeProblem(nestedMixed(max, "\"deep\""), tokens), QString());
        QCOMPARE(tokens.size(), qsizetype(max + max / 2 + 1)); // and a key per object
        QVERIFY(!tokens.read(nestedMixed(max + 1, "1")));
        QVERIFY(!tokens.read(nestedMixed(max + 1, "{}")));
        QVERIFY(!tokens.read(nestedMixed(max, "[]")));
        QVERIFY(tokens.read(nestedMixed(max - 1, "{}")));
        // Depth is the open containers, not all containers: closed ones are left.
        QVERIFY(tokens.read('[' + nestedArrays(max - 1) + ',' + nestedArrays(max - 1) + ']'));
        QVERIFY(!tokens.read('[' + nestedArrays(max - 1) + ',' + nestedArrays(max) + ']'));
        // As deep as QJsonDocument reads.
        QVERIFY(!QJsonDocument::fromJson(nestedArrays(max)).isNull());
        QVERIFY(QJsonDocument::fromJson(nestedArrays(max + 1)).isNull());
    }

    // Random valid texts: both accept them, and the tokens are Qt's values. Random one-byte edits
    // of them: what JsonTokens accepts (in valid UTF-8, its numbers in a double's range)
    // QJsonDocument accepts too.
    void differential_neverLaxerThanQJsonDocument()
    {
        Generator generator(20261129);
        JsonTokens tokens;
        int accepted = 0;
        for (int round = 0; round < 3000; ++round) {
            const QByteArray text = generator.text();
            QVERIFY2(tokens.read(text), qPrintable(printable(text)));
            QJsonParseError error;
            const QJsonValue value = qtValue(text, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(printable(text)));
            qsizetype index = 0;
            const QString difference = differences(text, tokens, index, value);
            QVERIFY2(difference.isEmpty(), qPrintable(difference + u" in "_s + printable(text)));
            QCOMPARE(index, tokens.size());
            for (int edit = 0; edit < 8; ++edit) {
                const QByteArray edited = mutated(text, generator);
                if (!tokens.read(edited))
                    continue;
                ++accepted;
                const QString problem = treeProblem(edited, tokens);
                QVERIFY2(problem.isEmpty(), qPrintable(problem + u" in "_s + printable(edited)));
                bool inRange = true;
                for (qsizetype i = 0; i < tokens.size(); ++i) {
                    const auto &t = tokens.at(i);
                    if (t.kind == Kind::Number && outOfRange(edited.mid(t.begin, t.end - t.begin)))
                        inRange = false;
                }
                if (!isValidUtf8(edited))
                    continue;
                qtValue(edited, &error);
                QVERIFY2((error.error == QJsonParseError::NoError) == inRange,
                         qPrintable(error.errorString() + u" in "_s + printable(edited)));
            }
        }
        QVERIFY(accepted > 3000); // the edits reach accepted texts often enough to matter
    }
};

QTEST_GUILESS_MAIN(TestJsonTokens)
#include "tst_jsontokens.moc"
