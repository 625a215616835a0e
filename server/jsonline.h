#pragma once

// Writes one compact JSON object member by member, byte for byte as QJsonDocument::toJson(Compact)
// writes it (members must be added in sorted key order), without building a QJsonObject: the
// receiver writes one per request (the `serve --json` line, the answer's {"id": …}, the auth fields).
//
//     Sentry::JsonLine line;
//     line.add("id", eventId);
//     const QByteArray text = line.finish(); // {"id":"…"}

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>

namespace Sentry {

class JsonLine
{
public:
    explicit JsonLine(size_t reserve = 512) { m_text.reserve(reserve); } // room for a usual line

    void add(const char *key, const QString &value)
    {
        member(key);
        appendString(value);
    }
    void add(const char *key, qint64 value)
    {
        member(key);
        char digits[24];
        m_text.append(digits, size_t(std::to_chars(digits, digits + sizeof(digits), value).ptr - digits));
    }
    // Bytes that are all printable ASCII other than '"' and '\\' (a method, a usual request path),
    // copied as they are, with no QString made on the way; false, and nothing written, otherwise.
    bool addPrintableAscii(const char *key, QByteArrayView bytes)
    {
        if (!std::all_of(bytes.begin(), bytes.end(), [](char c) { return isPlain(static_cast<unsigned char>(c)); }))
            return false;
        member(key);
        m_text += '"';
        m_text.append(bytes.data(), size_t(bytes.size()));
        m_text += '"';
        return true;
    }
    void addNull(const char *key)
    {
        member(key);
        m_text += "null";
    }
    // The instant in UTC as QDateTime::toString(Qt::ISODateWithMs) writes it ("2025-12-06T05:46:40.123Z"),
    // written from the milliseconds (toString cost 3% of the receiver's instructions); "" when invalid.
    void addUtcTime(const char *key, const QDateTime &at);
    void addOrNull(const char *key, const QString &value) // an empty text is null
    {
        if (value.isEmpty())
            return addNull(key);
        add(key, value);
    }
    QByteArray finish()
    {
        m_text += '}';
        return QByteArray(m_text.data(), qsizetype(m_text.size()));
    }

private:
    // Written as it is inside a JSON string: printable ASCII other than '"' and '\\'.
    static constexpr bool isPlain(char16_t c) { return c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\'; }

    // ,"key": in one step (three appends per member cost 2.4 k instructions per line).
    void member(const char *key)
    {
        const bool first = m_text.size() == 1;
        const size_t length = std::strlen(key);
        const size_t from = m_text.size();
        m_text.resize(from + length + (first ? 3 : 4));
        char *out = m_text.data() + from;
        if (!first)
            *out++ = ',';
        *out++ = '"';
        std::memcpy(out, key, length);
        out[length] = '"';
        out[length + 1] = ':';
    }
    void appendString(const QString &value);
    void appendEscaped(char16_t c);

    // A std::string, not a QByteArray: appending a few bytes costs a third of QByteArray's
    // (this writer runs several times per request); one copy at finish().
    std::string m_text = "{";
};

} // namespace Sentry
