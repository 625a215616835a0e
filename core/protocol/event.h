#pragma once

// An event: a value over the JSON object that keeps every key it was given, with typed access to
// the attributes of spec section 5 and builders for the two events people send by hand.
//
//     auto event = Sentry::Event::message(u"Disk full"_s, Sentry::Level::Error);
//     event.setTag(u"host"_s, u"db1"_s);
//     QByteArray json = event.toJson();

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace Sentry {

enum class Level { Debug, Info, Warning, Error, Fatal };

QString levelName(Level level);  // "debug" … "fatal"
int levelNumber(Level level);    // 10 … 50
std::optional<Level> levelFromName(const QString &name); // "warning" → Level::Warning

namespace EventKey {
inline constexpr char16_t EventId[] = u"event_id";
inline constexpr char16_t Message[] = u"message";
inline constexpr char16_t Timestamp[] = u"timestamp";
inline constexpr char16_t Level[] = u"level";
inline constexpr char16_t Logger[] = u"logger";
inline constexpr char16_t Platform[] = u"platform";
inline constexpr char16_t Culprit[] = u"culprit";
inline constexpr char16_t ServerName[] = u"server_name";
inline constexpr char16_t Tags[] = u"tags";
inline constexpr char16_t Extra[] = u"extra";
inline constexpr char16_t Modules[] = u"modules";
inline constexpr char16_t Exception[] = u"exception";
inline constexpr char16_t Stacktrace[] = u"stacktrace";
} // namespace EventKey

struct ExceptionValue
{
    QString type;
    QString value;
    QString module;
    QJsonObject stacktrace; // optional {"frames": [...]}
};

class Event
{
public:
    using IdGenerator = std::function<QString()>;

    Event() = default;
    explicit Event(const QJsonObject &object) : m_object(object) {}

    // New events get a fresh uuid4-hex id and the current UTC time; logger "root".
    static Event message(const QString &text, Level level = Level::Info,
                         const QDateTime &now = QDateTime::currentDateTimeUtc());
    static Event exception(const QList<ExceptionValue> &values, Level level = Level::Error,
                           const QDateTime &now = QDateTime::currentDateTimeUtc());

    static QString newEventId();                        // 32 lowercase hex chars, uuid4
    static QString formatTimestamp(const QDateTime &t); // "2011-05-02T17:41:36" (UTC, no zone)
    // The timestamp forms the v4 server parsed (ISO 8601 with or without a fraction and a Z, unix
    // seconds as a number or a numeric string); an invalid QDateTime when it could not.
    static QDateTime parseTimestamp(const QJsonValue &value);
    static bool isUnixTimeText(const QString &text); // "1329096377", "1329096377.25"

    QJsonObject object() const { return m_object; }
    QJsonValue value(const QString &key) const { return m_object.value(key); }
    void setValue(const QString &key, const QJsonValue &value);
    void remove(const QString &key) { m_object.remove(key); }

    QString eventId() const;
    void setEventId(const QString &id);
    QString messageText() const;
    void setMessage(const QString &text);
    QString timestamp() const;
    void setTimestamp(const QDateTime &utc);
    void setLevel(Level level);
    void setLogger(const QString &logger);
    void setTag(const QString &key, const QString &value); // into the map form of "tags"
    void setExtra(const QString &key, const QJsonValue &value);

    QByteArray toJson(bool indented = false) const;

    friend bool operator==(const Event &a, const Event &b) { return a.m_object == b.m_object; }

private:
    QJsonObject m_object;
};

} // namespace Sentry
