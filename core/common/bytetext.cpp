#include "bytetext.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

constexpr int BytesPerLine = 16;

bool isContinuation(char byte)
{
    return (uchar(byte) & 0xc0) == 0x80;
}

// The length of the valid UTF-8 sequence at `at`, or 0 when the byte there starts none (or is a
// control character that should be seen).
qsizetype sequenceLength(const QByteArray &bytes, qsizetype at)
{
    const uchar lead = uchar(bytes.at(at));
    if (lead < 0x80)
        return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r' ? 1 : 0;
    const qsizetype length = lead >= 0xc2 && lead <= 0xdf ? 2
                             : lead >= 0xe0 && lead <= 0xef ? 3
                             : lead >= 0xf0 && lead <= 0xf4 ? 4
                                                            : 0;
    if (length == 0 || at + length > bytes.size())
        return 0;
    for (qsizetype i = 1; i < length; ++i) {
        if (!isContinuation(bytes.at(at + i)))
            return 0;
    }
    // Overlong forms, surrogates and code points past U+10FFFF decode to U+FFFD.
    const QString decoded = QString::fromUtf8(bytes.constData() + at, length);
    return decoded.contains(QChar::ReplacementCharacter) && lead != 0xef ? 0 : length;
}

template<typename Escape, typename Text>
void walk(const QByteArray &bytes, Escape escape, Text text)
{
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const qsizetype length = sequenceLength(bytes, i);
        if (length > 0) {
            i += length;
            continue;
        }
        text(runStart, i);
        escape(uchar(bytes.at(i)));
        runStart = ++i;
    }
    text(runStart, i);
}

} // namespace

QString ByteText::hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    const qsizetype shown = qMin(bytes.size(), maxBytes);
    QString out;
    out.reserve(shown / BytesPerLine * 80 + 80);
    for (qsizetype line = 0; line < shown; line += BytesPerLine) {
        out += u"%1 "_s.arg(line, 8, 16, QChar(u'0'));
        QString ascii;
        for (qsizetype i = line; i < line + BytesPerLine; ++i) {
            if (i % 8 == 0)
                out += u' ';
            if (i >= shown) {
                out += u"   "_s;
                continue;
            }
            const uchar byte = uchar(bytes.at(i));
            out += u"%1 "_s.arg(byte, 2, 16, QChar(u'0'));
            ascii += byte >= 0x20 && byte < 0x7f ? QChar(char16_t(byte)) : QChar(u'.');
        }
        out += u" |"_s + ascii + u"|\n"_s;
    }
    if (shown < bytes.size())
        out += u"… %1 more bytes not shown\n"_s.arg(bytes.size() - shown);
    return out;
}

QString ByteText::readable(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    walk(
        bytes, [&out](uchar byte) { out += u"\\x%1"_s.arg(byte, 2, 16, QChar(u'0')); },
        [&out, &bytes](qsizetype from, qsizetype to) {
            out += QString::fromUtf8(bytes.constData() + from, to - from);
        });
    return out;
}

qsizetype ByteText::escapedCount(const QByteArray &bytes)
{
    qsizetype count = 0;
    walk(bytes, [&count](uchar) { ++count; }, [](qsizetype, qsizetype) {});
    return count;
}

} // namespace Sentry
