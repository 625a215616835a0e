#pragma once

// Raw bytes for people: a hex dump with offsets and the printable ASCII beside it, and the bytes
// as text where they are UTF-8, with each byte that is not (or is a control character other than
// tab and line breaks) written as \xNN, so a NUL or a broken sequence is seen, never swallowed.
//
//     view->setPlainText(Sentry::ByteText::readable(exchange.requestBody));

#include <QByteArray>
#include <QString>

namespace Sentry {

class ByteText
{
public:
    static constexpr qsizetype DefaultMaxDumpBytes = 256 * 1024;

    // "00000000  7b 22 6d 65 …  |{"me…|", 16 bytes a line; past maxBytes one last line says how
    // many bytes are not shown.
    static QString hexDump(const QByteArray &bytes, qsizetype maxBytes = DefaultMaxDumpBytes);
    static QString readable(const QByteArray &bytes);
    // How many bytes readable() wrote as \xNN (0: the bytes are plain UTF-8 text).
    static qsizetype escapedCount(const QByteArray &bytes);
};

} // namespace Sentry
