#include "event.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

QString keyName(const char16_t *name)
{
    return QString::fromUtf16(name);
}

struct LevelRow
{
    Level level;
    const char *name;
    int number;
};

// Spec section 5: the names and the Python logging numbers the server also accepted.
constexpr LevelRow LevelTable[] = {
    {Level::Debug, "debug", 10},  {Level::Info, "info", 20},   {Level::Warning, "warning", 30},
    {Level::Error, "error", 40},  {Level::Fatal, "fatal", 50},
};

const LevelRow &rowFor(Level level)
{
    for (const LevelRow &row : LevelTable) {
        if (row.level == level)
            return row;
    }
    return LevelTable[3]; // unreachable for a valid enum; the server's own default is "error"
}

QString messageFor(const QList<ExceptionValue> &values)
{
    if (values.isEmpty())
        return {};
    const ExceptionValue &last = values.constLast(); // the one that was raised
    return last.value.isEmpty() ? last.type : last.type + u": "_s + last.value;
}

QJsonObject exceptionToJson(const ExceptionValue &value)
{
    QJsonObject object{{u"type"_s, value.type}, {u"value"_s, value.value}};
    if (!value.module.isEmpty())
        object.insert(u"module"_s, value.module);
    if (!value.stacktrace.isEmpty())
        object.insert(keyName(EventKey::Stacktrace), value.stacktrace);
    return object;
}

Event baseEvent(const QString &message, Level level, const QDateTime &now)
{
    Event event;
    event.setEventId(Event::newEventId());
    event.setMessage(message);
    event.setTimestamp(now);
    event.setLevel(level);
    event.setLogger(u"root"_s);
    return event;
}

// The document's own form "2011-05-02T17:41:36", read without a regular expression (the common case).
QDateTime parsePlainIso(const QString &text)
{
    static const QString pattern = u"dddd-dd-ddTdd:dd:dd"_s;
    if (text.size() != pattern.size())
        return {};
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (pattern.at(i) == u'd' ? !text.at(i).isDigit() : text.at(i) != pattern.at(i))
            return {};
    }
    // ASCII digits add up in place (QStringView::toInt() costs more than the rest of the parse).
    const auto number = [&text](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9') // another script's digit: read as Qt reads it
                return QStringView(text).mid(from, length).toInt();
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2));
    return date.isValid() && time.isValid() ? QDateTime(date, time, Qt::UTC) : QDateTime();
}

// Python's datetime holds the years 1 to 9999: the v4 server's fromtimestamp() failed outside
// them, and it dropped the timestamp as an unparsable one. Checked before converting to
// milliseconds, which overflows a qint64 past 9.2e15 seconds (1e303 became a date in the past).
constexpr double MinUnixSeconds = -62135596800.0; // 0001-01-01T00:00:00
constexpr double MaxUnixSeconds = 253402300799.0; // 9999-12-31T23:59:59

QDateTime fromUnixSeconds(double seconds)
{
    if (!(seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds)) // NaN too
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), Qt::UTC);
}

const QRegularExpression &unixTimeText()
{
    static const QRegularExpression unix(u"^\\d+(?:\\.\\d+)?$"_s);
    return unix;
}

// The string forms Event::parseTimestamp() reads.
QDateTime parseTimestampText(const QString &text)
{
    static const QRegularExpression iso(
        u"^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,6}))?Z?$"_s);
    if (const QDateTime plain = parsePlainIso(text); plain.isValid())
        return plain;
    if (unixTimeText().match(text).hasMatch())
        return fromUnixSeconds(text.toDouble());
    const QRegularExpressionMatch match = iso.match(text);
    if (!match.hasMatch())
        return {};
    // Built from its parts in UTC: going through local time would consult the system time zone.
    const auto number = [&match](int group, qsizetype from, qsizetype length) {
        return match.capturedView(group).mid(from, length).toInt();
    };
    const QDate date(number(1, 0, 4), number(1, 5, 2), number(1, 8, 2));
    const QTime time(number(2, 0, 2), number(2, 3, 2), number(2, 6, 2),
                     match.captured(3).leftJustified(3, u'0').left(3).toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QString levelName(Level level)
{
    return QString::fromLatin1(rowFor(level).name);
}

int levelNumber(Level level)
{
    return rowFor(level).number;
}

std::optional<Level> levelFromName(const QString &name)
{
    for (const LevelRow &row : LevelTable) {
        if (name == QLatin1String(row.name))
            return row.level;
    }
    return std::nullopt;
}

Event Event::message(const QString &text, Level level, const QDateTime &now)
{
    return baseEvent(text, level, now);
}

Event Event::exception(const QList<ExceptionValue> &values, Level level, const QDateTime &now)
{
    Event event = baseEvent(messageFor(values), level, now);
    QJsonArray list;
    for (const ExceptionValue &value : values)
        list.append(exceptionToJson(value));
    event.setValue(keyName(EventKey::Exception), list); // the v4 form: a list of values
    return event;
}

QString Event::newEventId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QString Event::formatTimestamp(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss"_s);
}

QDateTime Event::parseTimestamp(const QJsonValue &value)
{
    if (value.isDouble())
        return fromUnixSeconds(value.toDouble());
    return parseTimestampText(value.toString());
}

bool Event::isUnixTimeText(const QString &text)
{
    return unixTimeText().match(text).hasMatch();
}

void Event::setValue(const QString &key, const QJsonValue &value)
{
    m_object.insert(key, value);
}

QString Event::eventId() const
{
    return m_object.value(keyName(EventKey::EventId)).toString();
}

void Event::setEventId(const QString &id)
{
    m_object.insert(keyName(EventKey::EventId), id);
}

QString Event::messageText() const
{
    return m_object.value(keyName(EventKey::Message)).toString();
}

void Event::setMessage(const QString &text)
{
    m_object.insert(keyName(EventKey::Message), text);
}

QString Event::timestamp() const
{
    return m_object.value(keyName(EventKey::Timestamp)).toString();
}

void Event::setTimestamp(const QDateTime &utc)
{
    m_object.insert(keyName(EventKey::Timestamp), formatTimestamp(utc));
}

void Event::setLevel(Level level)
{
    m_object.insert(keyName(EventKey::Level), levelName(level));
}

void Event::setLogger(const QString &logger)
{
    m_object.insert(keyName(EventKey::Logger), logger);
}

// The user's form of "tags" is kept: a pair list gets one more pair; anything else that is not a
// map (the server would drop it anyway) is replaced by a map.
void Event::setTag(const QString &key, const QString &value)
{
    const QString tagsKey = keyName(EventKey::Tags);
    const QJsonValue tags = m_object.value(tagsKey);
    if (tags.isArray()) {
        QJsonArray pairs = tags.toArray();
        pairs.append(QJsonArray{key, value});
        m_object.insert(tagsKey, pairs);
        return;
    }
    QJsonObject map = tags.toObject();
    map.insert(key, value);
    m_object.insert(tagsKey, map);
}

void Event::setExtra(const QString &key, const QJsonValue &value)
{
    const QString extraKey = keyName(EventKey::Extra);
    QJsonObject extra = m_object.value(extraKey).toObject();
    extra.insert(key, value);
    m_object.insert(extraKey, extra);
}

QByteArray Event::toJson(bool indented) const
{
    return QJsonDocument(m_object).toJson(indented ? QJsonDocument::Indented
                                                   : QJsonDocument::Compact);
}

} // namespace Sentry
