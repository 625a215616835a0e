#pragma once

// Where a JSON syntax error is, in the terms people use: from the bytes and Qt's QJsonParseError
// to a line, a column in characters, the offsets and a hint how to fix it. The validator's
// finding, the JSON editor's marks and the composer's note all ask this one locator, so they
// agree on every position.
//
//     QJsonParseError error;
//     QJsonDocument::fromJson(bytes, &error);
//     if (error.error != QJsonParseError::NoError)
//         const Sentry::JsonErrorLocation at = Sentry::JsonError::locate(bytes, error); // at.line …

#include <QByteArray>
#include <QJsonParseError>
#include <QString>

namespace Sentry {

struct JsonErrorLocation
{
    int line = 0;              // 1-based
    int column = 0;            // 1-based, in characters (UTF-16 code units) from the line's start
    qsizetype offset = -1;     // in bytes of the input
    qsizetype textOffset = -1; // in characters: an index into the input decoded as a QString
    QString hint;              // how to fix it
    QString errorString;       // Qt's own words for the error
};

class JsonError
{
public:
    // Qt stops at the token after a missing comma; the error is placed where the comma belongs,
    // right after the previous value, where people look for it.
    static JsonErrorLocation locate(const QByteArray &json, const QJsonParseError &error);
    // An error found at a byte offset by other means (text Qt reads but strict JSON refuses).
    static JsonErrorLocation locate(const QByteArray &json, qsizetype offset, const QString &hint,
                                    const QString &errorString);
    static QString hint(QJsonParseError::ParseError error);
};

} // namespace Sentry
