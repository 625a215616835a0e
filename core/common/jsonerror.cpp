#include "jsonerror.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

bool isMissingComma(QJsonParseError::ParseError error)
{
    return error == QJsonParseError::UnterminatedObject || error == QJsonParseError::UnterminatedArray
           || error == QJsonParseError::MissingValueSeparator;
}

// Back over the token Qt stopped after and the whitespace before it. When that lands right after
// '{' or ',' no comma is missing: the token itself is not a "key" (*badKey), and it is the place.
qsizetype missingCommaOffset(const QByteArray &json, qsizetype offset, bool *badKey)
{
    while (offset > 0 && !QChar::isSpace(uchar(json.at(offset - 1))) && json.at(offset - 1) != ','
           && json.at(offset - 1) != '{')
        --offset;
    const qsizetype tokenStart = offset;
    while (offset > 0 && QChar::isSpace(uchar(json.at(offset - 1))))
        --offset;
    *badKey = offset > 0 && (json.at(offset - 1) == '{' || json.at(offset - 1) == ',');
    return *badKey ? tokenStart : offset;
}

} // namespace

JsonErrorLocation JsonError::locate(const QByteArray &json, const QJsonParseError &error)
{
    qsizetype offset = qBound(qsizetype(0), qsizetype(error.offset), json.size());
    QString hintText = hint(error.error);
    bool badKey = false;
    if (isMissingComma(error.error))
        offset = missingCommaOffset(json, offset, &badKey);
    if (badKey)
        hintText = u"expected a \"key\" in double quotes"_s;
    if (json.trimmed().isEmpty())
        hintText = u"the body is empty: send one event as a JSON object {…}"_s;
    return locate(json, offset, hintText, error.errorString());
}

JsonErrorLocation JsonError::locate(const QByteArray &json, qsizetype offset, const QString &hint,
                                    const QString &errorString)
{
    JsonErrorLocation at;
    at.offset = qBound(qsizetype(0), offset, json.size());
    at.hint = hint;
    at.errorString = errorString;
    // lastIndexOf(…, -1) would search from the end
    const qsizetype lineStart = at.offset > 0 ? json.lastIndexOf('\n', at.offset - 1) + 1 : 0;
    at.line = int(json.left(at.offset).count('\n')) + 1;
    at.column = int(QString::fromUtf8(json.mid(lineStart, at.offset - lineStart)).size()) + 1;
    at.textOffset = QString::fromUtf8(json.left(at.offset)).size();
    return at;
}

// How to fix each kind of JSON syntax error, in the words people use.
QString JsonError::hint(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return u"missing comma between members, or a missing '}'"_s;
    case QJsonParseError::MissingNameSeparator:
        return u"missing ':' between a key and its value"_s;
    case QJsonParseError::UnterminatedArray:
        return u"missing comma between list items, or a missing ']'"_s;
    case QJsonParseError::MissingValueSeparator:
        return u"missing comma between list items"_s;
    case QJsonParseError::IllegalValue:
        return u"not a JSON value: quote strings with \", write true/false/null in lower case, no trailing commas"_s;
    case QJsonParseError::TerminationByNumber:
    case QJsonParseError::IllegalNumber:
        return u"a malformed number"_s;
    case QJsonParseError::IllegalEscapeSequence:
        return u"a bad escape in a string: use \\\\, \\\", \\n, \\uXXXX"_s;
    case QJsonParseError::IllegalUTF8String:
        return u"the text is not valid UTF-8: save it as UTF-8"_s;
    case QJsonParseError::UnterminatedString:
        return u"a string is missing its closing quote"_s;
    case QJsonParseError::MissingObject:
        return u"a trailing comma: remove the ',' before '}' or add the next \"key\": value"_s;
    case QJsonParseError::DeepNesting:
        return u"nested too deeply"_s;
    case QJsonParseError::DocumentTooLarge:
        return u"the document is too large"_s;
    case QJsonParseError::GarbageAtEnd:
        return u"text after the closing '}': send one object"_s;
    case QJsonParseError::NoError:
        break;
    }
    return {};
}

} // namespace Sentry
