#include "jsontokens.h"

#include "asciiclass.h"

#include <QVarLengthArray>
#include <QtAlgorithms>

#include <algorithm>
#include <cstring>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Sentry {

namespace {

// The first quote or backslash from p on, or `end`. A string's other bytes need no stop: raw
// control characters pass (as QJsonDocument lets them) and non-ASCII bytes only clear *ascii.
Q_ALWAYS_INLINE const char *stringStop(const char *p, const char *end, bool *ascii)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const auto stops = quint32(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote),
                                                                  _mm_cmpeq_epi8(bytes, backslash))));
        const auto high = quint32(_mm_movemask_epi8(bytes)); // the bytes with their top bit set
        if (stops) {
            if (high & ((stops & (0u - stops)) - 1)) // below the first stop
                *ascii = false;
            return p + qCountTrailingZeroBits(stops);
        }
        if (high)
            *ascii = false;
    }
#endif
    for (; p < end && *p != '"' && *p != '\\'; ++p) {
        if (uchar(*p) >= 0x80)
            *ascii = false;
    }
    return p;
}

} // namespace

Q_ALWAYS_INLINE bool JsonTokens::skipSpace(const char *&p) const
{
    if (Q_LIKELY(p < m_end && uchar(*p) > ' ')) // compact JSON: the usual case
        return true;
    while (p < m_end && Ascii::isJsonSpace(*p))
        ++p;
    return p < m_end;
}

Q_ALWAYS_INLINE const char *JsonTokens::string(const char *p)
{
    Token &token = add(Kind::String, p);
    for (p = stringStop(p + 1, m_end, &token.ascii); p < m_end && *p == '\\';
         p = stringStop(p, m_end, &token.ascii)) {
        token.escaped = true;
        if (!(p = escape(p)))
            return nullptr;
    }
    if (p == m_end)
        return nullptr;
    token.end = offset(++p);
    return p;
}

// At a member: "key" and ':'. Returns the position after the ':', or nullptr.
Q_ALWAYS_INLINE const char *JsonTokens::key(const char *p)
{
    if (!skipSpace(p) || *p != '"' || !(p = string(p)))
        return nullptr;
    return skipSpace(p) && *p == ':' ? p + 1 : nullptr;
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
    if (c != 'u' || m_end - p < 4 || !std::all_of(p, p + 4, Ascii::isHexDigit))
        return nullptr;
    return p + 4;
}

const char *JsonTokens::literal(const char *p, const char *word, Kind kind)
{
    const auto length = qsizetype(std::strlen(word));
    if (m_end - p < length || std::memcmp(p, word, size_t(length)) != 0)
        return nullptr;
    add(kind, p).end = offset(p + length);
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
    Token &token = add(Kind::Number, begin);
    token.integral = integral;
    token.end = offset(p);
    return p;
}

// One pass without recursion. `current` is the innermost container not yet closed (-1: none),
// `outer` the ones around it; after each value, `current` expects a ',' or its closing bracket.
bool JsonTokens::read(const QByteArray &text)
{
    if (text.size() >= std::numeric_limits<qint32>::max())
        return false;
    m_begin = text.constData();
    m_end = m_begin + text.size();
    m_size = 0;
    QVarLengthArray<qint32, 32> outer;
    qint32 current = -1;
    bool inObject = false;
    const char *p = m_begin;
    for (;;) {
        if (!skipSpace(p))
            return false;
        switch (*p) {
        case '"':
            p = string(p);
            break;
        case '{':
        case '[': {
            if (current >= 0 && outer.size() + 1 >= MaxDepth) // containers around this one
                return false;
            const bool object = *p == '{';
            Token &token = add(object ? Kind::Object : Kind::Array, p);
            if (skipSpace(++p) && *p == (object ? '}' : ']')) { // empty
                token.end = offset(++p);
                break;
            }
            if (current >= 0)
                outer.append(current);
            current = m_size - 1;
            inObject = object;
            if (object && !(p = key(p)))
                return false;
            continue; // its first value
        }
        case 't':
            p = literal(p, "true", Kind::True);
            break;
        case 'f':
            p = literal(p, "false", Kind::False);
            break;
        case 'n':
            p = literal(p, "null", Kind::Null);
            break;
        default:
            p = number(p);
            break;
        }
        if (!p)
            return false;
        // A value is complete: the innermost open container continues or closes.
        for (;;) {
            if (current < 0)
                return !skipSpace(p); // nothing but whitespace after the value
            if (!skipSpace(p))
                return false;
            if (*p == ',') {
                if (inObject && !(p = key(p + 1)))
                    return false;
                if (!inObject)
                    ++p;
                break; // the next value
            }
            if (*p != (inObject ? '}' : ']'))
                return false;
            Token &container = m_tokens[current];
            container.end = offset(++p);
            container.next = m_size;
            // The container itself is a complete value of the one around it.
            current = -1;
            if (!outer.isEmpty()) {
                current = outer.last();
                outer.removeLast();
            }
            inObject = current >= 0 && m_tokens[current].kind == Kind::Object;
        }
    }
}

void JsonTokens::grow()
{
    // A token takes at least two bytes of the text (a value, then a separator or bracket) and
    // read() keeps the text under 2^31 bytes: no more than 2^30 are ever needed.
    const qint32 capacity = m_capacity * 2;
    // Not make_unique: that would zero the whole array, which is only ever written token by token.
    std::unique_ptr<Token[]> bigger(new Token[size_t(capacity)]);
    std::copy_n(m_tokens, m_size, bigger.get());
    m_heap = std::move(bigger);
    m_tokens = m_heap.get();
    m_capacity = capacity;
}

} // namespace Sentry
