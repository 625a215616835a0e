#include "event.h"

#include <QJsonArray>
#include <QJsonDocument>
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

} // namespace

QString levelName(Level level)
{
    return QString::fromLatin1(rowFor(level).name);
}

int levelNumber(Level level)
{
    return rowFor(level).number;
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
