#include "jsonhighlighter.h"

#include <QColor>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

// Blocks this long (a minified 1 MB event) are left plain: colouring them costs more than it helps.
constexpr qsizetype MaxHighlightedBlock = 200 * 1000;

QTextCharFormat colored(const char *light, const char *dark, bool isDark, bool bold = false)
{
    QTextCharFormat format;
    format.setForeground(QColor(QString::fromLatin1(isDark ? dark : light)));
    if (bold)
        format.setFontWeight(QFont::DemiBold);
    return format;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'+' || c == u'.';
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document, bool dark)
    : QSyntaxHighlighter(document)
{
    setDark(dark);
}

void JsonHighlighter::setDark(bool dark)
{
    m_dark = dark;
    m_formats = {
        colored("#0b5394", "#8cc4ff", dark, true), // Key
        colored("#a31515", "#ce9178", dark), // String
        colored("#098658", "#b5cea8", dark), // Number
        colored("#7a3e9d", "#c586c0", dark, true), // Literal
        colored("#5f6368", "#a0a0a0", dark), // Punctuation
    };
    rehighlight();
}

QTextCharFormat JsonHighlighter::tokenFormat(Token token) const
{
    return m_formats.at(size_t(token));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    if (text.size() > MaxHighlightedBlock)
        return;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"') {
            i = highlightString(text, i);
        } else if (u"{}[],:"_s.contains(c)) {
            setFormat(int(i), 1, tokenFormat(Token::Punctuation));
            ++i;
        } else if (isWordChar(c)) {
            i = highlightWord(text, i);
        } else {
            ++i;
        }
    }
}

// A string is a key when the next thing after it on the line is a colon.
qsizetype JsonHighlighter::highlightString(const QString &text, qsizetype start)
{
    qsizetype end = start + 1;
    while (end < text.size() && text.at(end) != u'"')
        end += text.at(end) == u'\\' ? 2 : 1;
    end = qMin(end + 1, text.size());
    qsizetype next = end;
    while (next < text.size() && text.at(next).isSpace())
        ++next;
    const bool isKey = next < text.size() && text.at(next) == u':';
    setFormat(int(start), int(end - start), tokenFormat(isKey ? Token::Key : Token::String));
    return end;
}

qsizetype JsonHighlighter::highlightWord(const QString &text, qsizetype start)
{
    qsizetype end = start;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    const QStringView word = QStringView(text).mid(start, end - start);
    if (word == u"true"_s || word == u"false"_s || word == u"null"_s)
        setFormat(int(start), int(end - start), tokenFormat(Token::Literal));
    else if (word.front().isDigit() || word.front() == u'-')
        setFormat(int(start), int(end - start), tokenFormat(Token::Number));
    return end;
}

} // namespace SentryUi
