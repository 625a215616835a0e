#pragma once

// Internal: where each value of a JSON text lies, found in one strict pass (the RFC 8259 grammar)
// that decodes and copies nothing. plainevent.cpp judges the usual event on these tokens.
//
//     Sentry::JsonTokens tokens;
//     if (tokens.read(text))
//         tokens.at(0).kind;   // the top-level value; its children follow it in document order,
//                              // up to tokens.at(0).next

#include <QByteArray>
#include <QVarLengthArray>

namespace Sentry {

class JsonTokens
{
public:
    enum class Kind : quint8 { Object, Array, String, Number, True, False, Null };

    struct Token
    {
        Kind kind = Kind::Null;
        bool escaped = false;  // String: has backslash escapes
        bool ascii = true;     // String: only ASCII bytes
        bool integral = false; // Number: an integer of at most 15 digits (so exact as a double)
        qint32 begin = 0;      // the first byte (the quote or bracket)
        qint32 end = 0;        // one past the last byte
        qint32 next = 0;       // the index of the token after this value and all inside it
    };                         // an object's children are its members: a key token, then the value

    // Nesting deeper than this is not read; Qt's own parser allows as much.
    static constexpr int MaxDepth = 1024;

    // Whether `text` is one JSON value with only JSON whitespace around it. Strings are not
    // checked for valid UTF-8 (a caller that keeps their bytes lets QJsonDocument judge that);
    // raw control characters in strings pass, as QJsonDocument lets them.
    bool read(const QByteArray &text);

    const Token &at(qsizetype index) const { return m_tokens[index]; }
    qsizetype size() const { return m_tokens.size(); }

private:
    // Each reads one thing at p and returns the position after it, or nullptr when it is malformed.
    const char *key(const char *p);
    const char *string(const char *p);
    const char *escape(const char *p) const;
    const char *literal(const char *p, const char *word, Kind kind);
    const char *number(const char *p);
    const char *skipSpace(const char *p) const;
    qint32 offset(const char *p) const { return qint32(p - m_begin); }

    const char *m_begin = nullptr;
    const char *m_end = nullptr;
    QVarLengthArray<Token, 256> m_tokens; // a ~1 KB event fits without a heap allocation
};

} // namespace Sentry
