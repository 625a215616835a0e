#pragma once

// Writes one compact JSON object member by member, byte for byte as QJsonDocument::toJson(Compact)
// writes it (members must be added in sorted key order), without building a QJsonObject: the
// receiver writes one per request (the `serve --json` line, the answer's {"id": …}, the auth fields).
//
//     Sentry::JsonLine line;
//     line.add("id", eventId);
//     const QByteArray text = line.finish(); // {"id":"…"}

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <string>

namespace Sentry {

class JsonLine
{
public:
    JsonLine() { m_text.reserve(512); }

    void add(const char *key, const QString &value)
    {
        member(key);
        appendString(value);
    }
    void add(const char *key, qint64 value)
    {
        member(key);
        m_text += std::to_string(value);
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
    void member(const char *key)
    {
        m_text += m_text.size() > 1 ? ",\"" : "\"";
        m_text += key;
        m_text += "\":";
    }
    void appendString(const QString &value);
    void appendEscaped(char16_t c);

    // A std::string, not a QByteArray: appending a few bytes costs a third of QByteArray's
    // (this writer runs several times per request); one copy at finish().
    std::string m_text = "{";
};

} // namespace Sentry
