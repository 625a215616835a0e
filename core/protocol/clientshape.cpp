#include "clientshape.h"

#include "event.h"
#include "interfaces.h"
#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

const QString TimestampKey = QString::fromUtf16(EventKey::Timestamp);
const QString LevelKey = QString::fromUtf16(EventKey::Level);
const QString ProjectKey = u"project"_s;
constexpr char NoteRule[] = "preset.shape";

QString pointer(const QString &key)
{
    return u'/' + JsonPointer::escape(key);
}

QString shown(const QJsonValue &value)
{
    if (value.isString())
        return u'"' + value.toString() + u'"';
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// Applies one shape to one event, collecting a note per change.
class Shaper
{
public:
    Shaper(const EventShape &shape, const QJsonObject &event) : m_shape(shape), m_event(event) {}

    ShapedEvent run(const QString &projectId)
    {
        renameInterfaces();
        shapeTimestamp();
        shapeLevel();
        for (auto it = m_shape.defaults.constBegin(); it != m_shape.defaults.constEnd(); ++it)
            addIfAbsent(it.key(), it.value());
        if (m_shape.setsProject && !projectId.isEmpty())
            addIfAbsent(ProjectKey, projectId, u" (the DSN's project)"_s);
        return {m_event, m_notes};
    }

private:
    void note(const QString &key, const QString &message)
    {
        m_notes.append({Severity::Info, pointer(key), message, QString::fromLatin1(NoteRule)});
    }

    void renameInterfaces()
    {
        if (m_shape.names == InterfaceNaming::AsGiven)
            return;
        const bool toAlias = m_shape.names == InterfaceNaming::Aliases;
        for (const InterfaceInfo &info : Interfaces::all()) {
            if (info.alias.isEmpty())
                continue; // Message and Query have only their full names
            const QString &from = toAlias ? info.fullName : info.alias;
            const QString &to = toAlias ? info.alias : info.fullName;
            if (!m_event.contains(from) || m_event.contains(to))
                continue; // both present: the server read the full name; leave the choice visible
            m_event.insert(to, m_event.take(from));
            note(to, u"\"%1\" sent as \"%2\": %3 named this interface so"_s.arg(from, to, m_shape.client));
        }
    }

    void shapeTimestamp()
    {
        const QJsonValue value = m_event.value(TimestampKey);
        if (m_shape.timestamp == TimestampForm::AsGiven || value.isUndefined())
            return;
        if (m_shape.timestamp == TimestampForm::Omitted) {
            m_event.remove(TimestampKey);
            return note(TimestampKey, u"removed: %1 sent no timestamp (the server used the time it "
                                      "received the event)"_s.arg(m_shape.client));
        }
        const QDateTime time = Event::parseTimestamp(value);
        if (!time.isValid()) {
            return note(TimestampKey, u"%1 is not a timestamp the v4 server could read, so it is sent "
                                      "as given rather than in %2's form"_s.arg(shown(value), m_shape.client));
        }
        const QString text = EventShape::formatTimestamp(time, m_shape.timestamp);
        if (value == QJsonValue(text))
            return;
        m_event.insert(TimestampKey, text);
        note(TimestampKey, u"%1 sent as \"%2\", the form %3 wrote"_s.arg(shown(value), text, m_shape.client));
    }

    void shapeLevel()
    {
        const QJsonValue value = m_event.value(LevelKey);
        if (m_shape.level == LevelForm::AsGiven || value.isUndefined())
            return;
        if (m_shape.level == LevelForm::Omitted) {
            m_event.remove(LevelKey);
            return note(LevelKey, u"removed: %1 set no level of its own (the server stored \"error\"); "
                                  "choose another client to send a level"_s.arg(m_shape.client));
        }
        const std::optional<Level> level = value.isString() ? levelFromName(value.toString()) : std::nullopt;
        if (!level)
            return; // a number already, or a name no client of the time knew: the judge says so
        m_event.insert(LevelKey, levelNumber(*level));
        note(LevelKey, u"\"%1\" sent as %2, the logging module's number, as %3 sent levels"_s.arg(
                           value.toString()).arg(levelNumber(*level)).arg(m_shape.client));
    }

    void addIfAbsent(const QString &key, const QJsonValue &value, const QString &why = {})
    {
        if (m_event.contains(key))
            return;
        m_event.insert(key, value);
        note(key, u"added %1%2: %3 always sent it"_s.arg(shown(value), why, m_shape.client));
    }

    const EventShape &m_shape;
    QJsonObject m_event;
    Findings m_notes;
};

} // namespace

ShapedEvent EventShape::apply(const QJsonObject &event, const QString &projectId) const
{
    return Shaper(*this, event).run(projectId);
}

QByteArray EventShape::applyToJson(const QByteArray &json, const QString &projectId, Findings *notes) const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return json;
    const ShapedEvent shaped = apply(document.object(), projectId);
    if (notes)
        *notes = shaped.notes;
    if (shaped.event == document.object())
        return json;
    return QJsonDocument(shaped.event).toJson(QJsonDocument::Compact);
}

QString EventShape::formatTimestamp(const QDateTime &utc, TimestampForm form)
{
    const QString seconds = Event::formatTimestamp(utc);
    return form == TimestampForm::IsoSecondsZ ? seconds + u'Z' : seconds;
}

} // namespace Sentry
