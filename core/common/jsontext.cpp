#include "jsontext.h"

#include "jsonerror.h"
#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// A forgiving walker over JSON text: enough to find values, not to validate them.
class Walker
{
public:
    explicit Walker(const QString &text)
        : m_text(text)
    {
    }

    qsizetype pos = 0;

    bool atEnd() const { return pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(pos); }

    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++pos;
    }

    // At an opening quote: returns the decoded string and leaves pos after the closing quote.
    std::optional<QString> readString()
    {
        const qsizetype start = pos;
        if (!skipString())
            return std::nullopt;
        const QByteArray raw = m_text.mid(start, pos - start).toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson("[" + raw + "]");
        return doc.isArray() ? doc.array().at(0).toString()
                             : m_text.mid(start + 1, pos - start - 2);
    }

    bool skipString()
    {
        ++pos; // the opening quote
        while (!atEnd()) {
            const QChar c = m_text.at(pos++);
            if (c == u'\\')
                ++pos;
            else if (c == u'"')
                return true;
        }
        return false;
    }

    bool skipValue()
    {
        int depth = 0;
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u'"') {
                if (!skipString())
                    return false;
            } else if (c == u'{' || c == u'[') {
                ++depth;
                ++pos;
            } else if (c == u'}' || c == u']') {
                if (depth == 0)
                    return true;
                --depth;
                ++pos;
            } else if (depth == 0 && (c == u',' || c.isSpace())) {
                return true;
            } else {
                ++pos;
            }
            if (depth == 0 && (c == u'"' || c == u'}' || c == u']'))
                return true;
        }
        return depth == 0;
    }

    bool expect(QChar c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++pos;
        skipSpace();
        return true;
    }

    // Moves to the value of `key` in the object at pos; returns the key's start.
    std::optional<qsizetype> enterMember(const QString &key)
    {
        ++pos; // {
        skipSpace();
        while (peek() == u'"') {
            const qsizetype keyStart = pos;
            const auto name = readString();
            if (!name || !expect(u':'))
                return std::nullopt;
            if (*name == key)
                return keyStart;
            if (!skipValue() || !expect(u','))
                return std::nullopt;
        }
        return std::nullopt;
    }

    bool enterElement(const QString &token)
    {
        bool ok = false;
        const qsizetype index = token.toLongLong(&ok);
        if (!ok || index < 0)
            return false;
        ++pos; // [
        skipSpace();
        for (qsizetype i = 0; i < index; ++i) {
            if (peek() == u']' || !skipValue() || !expect(u','))
                return false;
        }
        return peek() != u']' && !atEnd();
    }

private:
    const QString &m_text;
};

void appendNewline(QString &out, int indent, int depth)
{
    out += u'\n';
    out += QString(qsizetype(indent) * depth, u' ');
}

// Rewrites whitespace outside strings; indent < 0 means minify.
QString rewrite(const QString &text, int indent)
{
    QString out;
    out.reserve(text.size());
    int depth = 0;
    const bool pretty = indent >= 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"') {
            const qsizetype start = i++;
            while (i < text.size() && text.at(i) != u'"')
                i += text.at(i) == u'\\' ? 2 : 1;
            out += QStringView(text).mid(start, i - start + 1);
        } else if (c.isSpace()) {
            continue;
        } else if (c == u'{' || c == u'[') {
            out += c;
            qsizetype next = i + 1;
            while (next < text.size() && text.at(next).isSpace())
                ++next;
            const bool empty
                = next < text.size() && (text.at(next) == u'}' || text.at(next) == u']');
            if (empty) {
                out += text.at(next);
                i = next;
            } else if (pretty) {
                appendNewline(out, indent, ++depth);
            }
        } else if (c == u'}' || c == u']') {
            if (pretty)
                appendNewline(out, indent, --depth);
            out += c;
        } else if (c == u',') {
            out += c;
            if (pretty)
                appendNewline(out, indent, depth);
        } else if (c == u':') {
            out += pretty ? u": "_s : u":"_s;
        } else {
            out += c;
        }
    }
    if (pretty)
        out += u'\n';
    return out;
}

bool isValidJson(const QString &text)
{
    QJsonParseError error;
    QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError;
}

} // namespace

std::optional<JsonSpan> JsonText::locate(const QString &text, const QString &pointer)
{
    Walker walker(text);
    walker.skipSpace();
    JsonSpan span;
    const QStringList tokens = JsonPointer::split(pointer);
    for (const QString &token : tokens) {
        if (walker.peek() == u'{') {
            const auto keyStart = walker.enterMember(token);
            if (!keyStart)
                return std::nullopt;
            span.keyStart = *keyStart;
        } else if (walker.peek() == u'[') {
            if (!walker.enterElement(token))
                return std::nullopt;
            span.keyStart = -1;
        } else {
            return std::nullopt;
        }
    }
    span.valueStart = walker.pos;
    if (walker.atEnd() || !walker.skipValue())
        return std::nullopt;
    span.valueEnd = walker.pos;
    return span;
}

std::optional<JsonSpan> JsonText::locateNearest(const QString &text, const QString &pointer,
                                                bool *exact)
{
    QStringList tokens = JsonPointer::split(pointer);
    for (bool first = true;; first = false) {
        if (auto span = locate(text, JsonPointer::join(tokens))) {
            if (exact)
                *exact = first;
            return span;
        }
        if (tokens.isEmpty())
            return std::nullopt;
        tokens.removeLast();
    }
}

std::optional<JsonSyntaxError> JsonText::syntaxError(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const JsonErrorLocation at = JsonError::locate(utf8, error);
        return JsonSyntaxError{at.line, at.column, at.textOffset,
                               at.hint + u" ("_s + at.errorString + u')'};
    }
    if (doc.isObject())
        return std::nullopt;
    Walker walker(text);
    walker.skipSpace();
    JsonSyntaxError result;
    result.offset = walker.pos;
    result.message = u"the event must be a JSON object ({…}), not an array or a value"_s;
    lineColumnOf(text, result.offset, &result.line, &result.column);
    return result;
}

std::optional<QString> JsonText::format(const QString &text, int indent)
{
    if (!isValidJson(text))
        return std::nullopt;
    return rewrite(text, qMax(0, indent));
}

std::optional<QString> JsonText::minify(const QString &text)
{
    if (!isValidJson(text))
        return std::nullopt;
    return rewrite(text, -1);
}

qsizetype JsonText::offsetOf(const QString &text, int line, int column)
{
    qsizetype offset = 0;
    for (int l = 1; l < line; ++l) {
        const qsizetype newline = text.indexOf(u'\n', offset);
        if (newline < 0)
            return text.size();
        offset = newline + 1;
    }
    const qsizetype lineEnd = text.indexOf(u'\n', offset);
    const qsizetype limit = lineEnd < 0 ? text.size() : lineEnd;
    return qMin(offset + qMax(0, column - 1), limit);
}

void JsonText::lineColumnOf(const QString &text, qsizetype offset, int *line, int *column)
{
    offset = qBound(qsizetype(0), offset, text.size());
    const QStringView before = QStringView(text).left(offset);
    *line = int(before.count(u'\n')) + 1;
    *column = int(offset - (before.lastIndexOf(u'\n') + 1)) + 1;
}

} // namespace Sentry
