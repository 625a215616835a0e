#include "jsonline.h"

#include <algorithm>

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
    m_text += '"';
    const auto *at = reinterpret_cast<const char16_t *>(value.utf16());
    const char16_t *end = at + value.size();
    while (at < end) {
        // A run of printable ASCII is copied as it is, in one step (most of a line).
        const char16_t *run = at;
        while (at < end && *at >= 0x20 && *at < 0x80 && *at != u'"' && *at != u'\\')
            ++at;
        if (at > run) {
            const size_t from = m_text.size();
            m_text.resize(from + size_t(at - run));
            std::copy(run, at, m_text.data() + from);
        }
        if (at == end)
            break;
        const char16_t c = *at;
        if (c < 0x80 || (QChar::isSurrogate(c) && !(QChar::isHighSurrogate(c) && at + 1 < end
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
