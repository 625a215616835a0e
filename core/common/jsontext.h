#pragma once

// The event's JSON as TEXT (what the editor shows), not as a parsed value: where a JSON pointer
// sits in the text, where a syntax error is as line and column, and format/minify that keep the key
// order and every value exactly as written.
//
//     if (auto span = Sentry::JsonText::locate(text, u"/exception/0/type"_s))
//         cursor.setPosition(span->valueStart);

#include <QString>

#include <optional>

namespace Sentry {

// Offsets are QString (UTF-16) indexes into the text.
struct JsonSpan
{
    qsizetype keyStart = -1; // the opening quote of the member's key; -1 for array elements/root
    qsizetype valueStart = 0;
    qsizetype valueEnd = 0; // one past the value
};

struct JsonSyntaxError
{
    int line = 0; // 1-based
    int column = 0; // 1-based, in characters
    qsizetype offset = 0;
    QString message; // what is wrong and how to fix it, in English
};

class JsonText
{
public:
    // nullopt when the pointer does not resolve (or the text is too broken to walk).
    static std::optional<JsonSpan> locate(const QString &text, const QString &pointer);
    // The span of the pointer, or of its deepest ancestor that exists; *exact tells which.
    static std::optional<JsonSpan> locateNearest(const QString &text, const QString &pointer,
                                                 bool *exact = nullptr);

    // nullopt when the text is a JSON object; otherwise where and why it is not. A syntax error
    // is placed by JsonError::locate(), as the validator places it.
    static std::optional<JsonSyntaxError> syntaxError(const QString &text);

    // Re-indents / strips whitespace outside strings; nullopt when the text is not valid JSON.
    static std::optional<QString> format(const QString &text, int indent = 4);
    static std::optional<QString> minify(const QString &text);

    static qsizetype offsetOf(const QString &text, int line, int column); // clamped to the text
    static void lineColumnOf(const QString &text, qsizetype offset, int *line, int *column);
};

} // namespace Sentry
