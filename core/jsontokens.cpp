#include "jsontokens.h"

#include <QtAlgorithms>
#include <QtEndian>

#include <cstring>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Sentry {

namespace {

constexpr quint64 Ones = 0x0101010101010101ULL;
constexpr quint64 Highs = 0x8080808080808080ULL;

// The high bit of each of the 8 bytes in `word` (read little-endian) that ends a run of plain
// string bytes: a quote, a backslash, a control character or a non-ASCII byte. Bits above the
// lowest may be false alarms (a borrow carries into the next byte); the lowest one is exact.
quint64 specialBytes(quint64 word)
{
    const auto zeroBytes = [](quint64 v) { return (v - Ones) & ~v & Highs; };
    const quint64 control = (word - Ones * 0x20) & ~word & Highs;
    return (word & Highs) | control | zeroBytes(word ^ (Ones * '"')) | zeroBytes(word ^ (Ones * '\\'));
}

bool isPlainByte(char c)
{
    const auto b = uchar(c);
    return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
}

// The first byte from p on that is not a plain string byte; `end` when there is none.
const char *skipPlainBytes(const char *p, const char *end)
{
#ifdef __SSE2__
    // 16 bytes at a time: a byte is special when it is '"' or '\\', at most 0x1f, or non-ASCII
    // (its high bit, which movemask reads directly).
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1f);
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(bytes, control), control);
        const __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote),
                                                        _mm_cmpeq_epi8(bytes, backslash)), low);
        if (const int special = _mm_movemask_epi8(marks) | _mm_movemask_epi8(bytes))
            return p + qCountTrailingZeroBits(quint32(special));
    }
#endif
    if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN) {
        for (; end - p >= 8; p += 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (const quint64 special = specialBytes(word))
                return p + qCountTrailingZeroBits(special) / 8;
        }
    }
    while (p < end && isPlainByte(*p))
        ++p;
    return p;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

} // namespace

inline const char *JsonTokens::skipSpace(const char *p) const
{
    if (p < m_end && uchar(*p) > ' ') // compact JSON: the usual case
        return p;
    while (p < m_end && isSpace(*p))
        ++p;
    return p;
}

// One pass without recursion: `open` holds the containers not yet closed. After each value the
// innermost one expects a ',' or its closing bracket.
bool JsonTokens::read(const QByteArray &text)
{
    if (text.size() >= std::numeric_limits<qint32>::max())
        return false;
    m_begin = text.constData();
    m_end = m_begin + text.size();
    m_tokens.clear();
    QVarLengthArray<qint32, 32> open;
    const char *p = m_begin;
    for (;;) {
        p = skipSpace(p);
        if (p == m_end)
            return false;
        const char c = *p;
        if (c == '{' || c == '[') {
            if (open.size() >= MaxDepth)
                return false;
            const Kind kind = c == '{' ? Kind::Object : Kind::Array;
            m_tokens.append({kind, false, true, false, offset(p), 0, 0});
            p = skipSpace(p + 1);
            if (p < m_end && *p == (c == '{' ? '}' : ']')) { // empty
                Token &token = m_tokens.last();
                token.end = offset(++p);
                token.next = qint32(m_tokens.size());
            } else {
                open.append(qint32(m_tokens.size() - 1));
                if (kind == Kind::Object && !(p = key(p)))
                    return false;
                continue; // its first value
            }
        } else if (!(p = c == '"' ? string(p) : c == 't' ? literal(p, "true", Kind::True)
                            : c == 'f' ? literal(p, "false", Kind::False)
                            : c == 'n' ? literal(p, "null", Kind::Null) : number(p))) {
            return false;
        }
        // A value is complete: the innermost open container continues or closes.
        for (;;) {
            if (open.isEmpty())
                return skipSpace(p) == m_end;
            Token &container = m_tokens[open.last()];
            p = skipSpace(p);
            if (p == m_end)
                return false;
            if (*p == ',') {
                ++p;
                if (container.kind == Kind::Object && !(p = key(p)))
                    return false;
                break; // the next value
            }
            if (*p != (container.kind == Kind::Object ? '}' : ']'))
                return false;
            container.end = offset(++p);
            container.next = qint32(m_tokens.size());
            open.removeLast(); // the container itself is a complete value of the one around it
        }
    }
}

// At a member: "key" and ':'. Returns the position after the ':', or nullptr.
const char *JsonTokens::key(const char *p)
{
    p = skipSpace(p);
    if (p == m_end || *p != '"' || !(p = string(p)))
        return nullptr;
    p = skipSpace(p);
    return p < m_end && *p == ':' ? p + 1 : nullptr;
}

const char *JsonTokens::string(const char *p)
{
    Token token{Kind::String, false, true, false, offset(p), 0, 0};
    ++p;
    for (;;) {
        p = skipPlainBytes(p, m_end);
        if (p >= m_end)
            return nullptr;
        const auto c = uchar(*p);
        if (c == '"')
            break;
        if (c == '\\') {
            token.escaped = true;
            if (!(p = escape(p)))
                return nullptr;
            continue;
        }
        token.ascii = token.ascii && c < 0x80;
        ++p; // non-ASCII (checked by whoever decodes it) or a raw control character
    }
    token.end = offset(++p);
    token.next = qint32(m_tokens.size()) + 1;
    m_tokens.append(token);
    return p;
}

// At a backslash: one of \" \\ \/ \b \f \n \r \t \uXXXX.
const char *JsonTokens::escape(const char *p) const
{
    if (m_end - p < 2)
        return nullptr;
    const char c = p[1];
    p += 2;
    if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't')
        return p;
    if (c != 'u' || m_end - p < 4 || !isHex(p[0]) || !isHex(p[1]) || !isHex(p[2]) || !isHex(p[3]))
        return nullptr;
    return p + 4;
}

const char *JsonTokens::literal(const char *p, const char *word, Kind kind)
{
    const auto length = qsizetype(std::strlen(word));
    if (m_end - p < length || std::memcmp(p, word, size_t(length)) != 0)
        return nullptr;
    m_tokens.append({kind, false, true, false, offset(p), offset(p + length), qint32(m_tokens.size()) + 1});
    return p + length;
}

const char *JsonTokens::number(const char *p)
{
    const char *begin = p;
    const auto digits = [&p, this] {
        const char *from = p;
        while (p < m_end && *p >= '0' && *p <= '9')
            ++p;
        return p - from;
    };
    const auto at = [&p, this](char c) { return p < m_end && *p == c; };
    if (at('-'))
        ++p;
    const bool leadingZero = at('0');
    const qsizetype whole = digits();
    if (whole == 0 || (leadingZero && whole > 1))
        return nullptr;
    bool integral = whole <= 15;
    if (at('.')) {
        ++p;
        integral = false;
        if (digits() == 0)
            return nullptr;
    }
    if (at('e') || at('E')) {
        ++p;
        integral = false;
        if (at('+') || at('-'))
            ++p;
        if (digits() == 0)
            return nullptr;
    }
    m_tokens.append({Kind::Number, false, true, integral, offset(begin), offset(p), qint32(m_tokens.size()) + 1});
    return p;
}

} // namespace Sentry
