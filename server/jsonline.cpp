#include "jsonline.h"

namespace Sentry {

// QJsonDocument's escapes: the short ones, \u00XX for other controls, \uXXXX for a lone surrogate.
void JsonLine::appendEscaped(char16_t c)
{
    static const char hex[] = "0123456789abcdef";
    switch (c) {
    case u'"': m_text += "\\\""; return;
    case u'\\': m_text += "\\\\"; return;
    case u'\b': m_text += "\\b"; return;
    case u'\f': m_text += "\\f"; return;
    case u'\n': m_text += "\\n"; return;
    case u'\r': m_text += "\\r"; return;
    case u'\t': m_text += "\\t"; return;
    default: break;
    }
    m_text += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        m_text += hex[(c >> shift) & 0xf];
}

void JsonLine::appendString(const QString &value)
{
    const auto *at = reinterpret_cast<const char16_t *>(value.constData());
    const char16_t *end = at + value.size();
    // The usual case, printable ASCII, is written straight into room made once per string (this runs
    // about 19 times per request; copying run by run cost 410 instructions a string). The rest, byte
    // by byte after it.
    size_t out = m_text.size();
    m_text.resize(out + size_t(value.size()) + 2);
    char *text = m_text.data();
    text[out++] = '"';
    while (at < end && isPlain(*at))
        text[out++] = char(*at++);
    m_text.resize(out);
    while (at < end) {
        const char16_t c = *at;
        if (isPlain(c)) {
            m_text += char(c);
            ++at;
        } else if (c < 0x80 || (QChar::isSurrogate(c) && !(QChar::isHighSurrogate(c) && at + 1 < end
                                                            && QChar::isLowSurrogate(at[1])))) {
            appendEscaped(c);
            ++at;
        } else {
            const qsizetype length = QChar::isHighSurrogate(c) ? 2 : 1;
            const QByteArray utf8 = QStringView(at, length).toUtf8();
            m_text.append(utf8.constData(), size_t(utf8.size()));
            at += length;
        }
    }
    m_text += '"';
}

void JsonLine::addUtcTime(const char *key, const QDateTime &at)
{
    const QDateTime utc = at.toUTC();
    const QDate date = utc.date();
    if (!at.isValid() || date.year() < 0 || date.year() > 9999) // toString's own forms; never seen here
        return add(key, utc.toString(Qt::ISODateWithMs));
    const QTime time = utc.time();
    member(key);
    char text[] = "\"0000-00-00T00:00:00.000Z\"";
    const auto put = [&text](int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char('0' + value % 10);
    };
    put(1, date.year(), 4);
    put(6, date.month(), 2);
    put(9, date.day(), 2);
    put(12, time.hour(), 2);
    put(15, time.minute(), 2);
    put(18, time.second(), 2);
    put(21, time.msec(), 3);
    m_text.append(text, sizeof(text) - 1);
}

} // namespace Sentry
