#pragma once

// Internal: where each value of a JSON text lies, found in one strict pass (the RFC 8259 grammar)
// that decodes and copies nothing. plainevent.cpp judges the usual event on these tokens.
//
//     Sentry::JsonTokens tokens;
//     if (tokens.read(text))
//         tokens.at(0).kind;   // the top-level value; its children follow it in document order,
//                              // up to tokens.at(0).next

#include <QByteArray>
#include <QtGlobal>

#include <memory>

namespace Sentry {

class JsonTokens
{
public:
    enum class Kind : quint8 { Object, Array, String, Number, True, False, Null };

    // Trivial on purpose: the tokens' storage is not written before a token is.
    struct Token
    {
        Kind kind;
        bool escaped;  // String: has backslash escapes
        bool ascii;    // String: only ASCII bytes
        bool integral; // Number: an integer of at most 15 digits (so exact as a double)
        qint32 begin;  // the first byte (the quote or bracket)
        qint32 end;    // one past the last byte
        qint32 next;   // the index of the token after this value and all inside it
    };                 // an object's children are its members: a key token, then the value

    JsonTokens() = default;
    Q_DISABLE_COPY_MOVE(JsonTokens)

    // Nesting deeper than this is not read; Qt's own parser allows as much.
    static constexpr int MaxDepth = 1024;

    // Whether `text` is one JSON value with only JSON whitespace around it. Strings are not
    // checked for valid UTF-8, nor numbers for a double's range (1e999): a caller that keeps their
    // bytes lets QJsonDocument judge those, as plainevent.cpp does. Raw control characters in
    // strings pass, as QJsonDocument lets them.
    bool read(const QByteArray &text);

    const Token &at(qsizetype index) const { return m_tokens[index]; }
    qsizetype size() const { return m_size; }

private:
    // Each reads one thing at p and returns the position after it, or nullptr when it is malformed.
    const char *key(const char *p);
    const char *string(const char *p);
    const char *escape(const char *p) const;
    const char *literal(const char *p, const char *word, Kind kind);
    const char *number(const char *p);
    bool skipSpace(const char *&p) const; // past whitespace; false at the end of the text
    qint32 offset(const char *p) const { return qint32(p - m_begin); }
    Token &add(Kind kind, const char *begin)
    {
        if (Q_UNLIKELY(m_size == m_capacity))
            grow();
        Token &token = m_tokens[m_size++];
        token = {kind, false, true, false, offset(begin), 0, m_size};
        return token;
    }
    void grow();

    const char *m_begin = nullptr;
    const char *m_end = nullptr;
    // A ~1 KB event fits on the stack. Not a QVarLengthArray: its append costs a fifth of the
    // tokenizing (bench/RESULTS.md).
    Token m_stack[256];
    std::unique_ptr<Token[]> m_heap;
    Token *m_tokens = m_stack;
    qint32 m_size = 0;
    qint32 m_capacity = 256;
};

} // namespace Sentry
