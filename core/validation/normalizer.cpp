#include "normalizer.h"

#include "asciiclass.h"
#include "event.h"
#include "interfacenormalizer.h"
#include "normalizecontext.h"
#include "rules.h"
#include "extratrimmer.h"
#include "tagnormalizer.h"

#include <QCborMap>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <set>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

const QString EventOwner = QString::fromUtf16(Owner::Event);
const QString ThisValue = u"this value"_s;

// What the event's own checks compare with, read once from their rows.
struct EventLimits
{
    int eventIdLength = Rules::byId(u"event.event_id.length"_s).limit;
    int hexIdLength = Rules::byId(u"event.event_id.not-hex"_s).limit;
    int messageLength = Rules::byId(u"event.message.length"_s).limit;
    int documentMessageLength = Rules::byId(u"event.message.document-length"_s).limit;
    int futureSeconds = Rules::byId(u"event.timestamp.future"_s).limit;
    QString defaultLevel = Rules::topLevelKey(u"level"_s)->defaultValue;
};

const EventLimits &limits()
{
    static const EventLimits table;
    return table;
}

// `text` is the value as a string (empty for other types).
bool isEmptyValue(const QJsonValue &value, const QString &text)
{
    return (value.isString() && text.isEmpty()) || (value.isArray() && value.toArray().isEmpty())
           || (value.isObject() && value.toObject().isEmpty());
}

QString emptyText(const QJsonValue &value)
{
    return value.isString() ? u"\"\""_s : value.isArray() ? u"[]"_s : u"{}"_s;
}


bool isHexId(const QString &id)
{
    return id.size() == limits().hexIdLength
           && std::all_of(id.cbegin(), id.cend(), [](QChar c) { return Ascii::isHexDigit(c.unicode()); });
}

bool isRelayUuid(const QString &id)
{
    return isHexId(id) || (id.size() == 36 && !QUuid::fromString(id).isNull());
}

bool isLaterProtocolKey(const QString &key)
{
    const TopLevelKey *row = Rules::topLevelKey(key);
    return row && row->role == KeyRole::LaterProtocol;
}

class EventNormalizer
{
public:
    explicit EventNormalizer(const NormalizeOptions &options)
        : m_options(options), m_context(options.profile), m_interfaces(m_context)
    {
        m_now = m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
    }

    NormalizeResult run(const QJsonObject &event);

private:
    using Handler = void (EventNormalizer::*)(const QString &key, const QJsonValue &value);
    struct Entry
    {
        Handler handler = nullptr;
        unsigned defaulted = 0; // the bit of an attribute fillDefaults() defaults when absent
        const QList<const Rule *> *rows = nullptr; // the event's Type and MaxLength rows about it
    };
    static const QHash<QString, Entry> &handlers();
    static Handler handlerFor(KeyRole role);
    struct Default
    {
        const TopLevelKey *row = nullptr;
        const Rule *missing = nullptr; // reported when the key is absent
        unsigned bit = 0;
    };
    static const QList<Default> &defaults();
    bool checkType(const QString &key, const QJsonValue &value, QJsonValue *stored = nullptr);

    void member(const QString &key, const QJsonValue &value, const Entry &entry);
    void eventId(const QString &key, const QJsonValue &value);
    void message(const QString &key, const QJsonValue &value);
    void timestamp(const QString &key, const QJsonValue &value);
    void level(const QString &key, const QJsonValue &value);
    void plain(const QString &key, const QJsonValue &value);
    void timeSpent(const QString &key, const QJsonValue &value);
    void project(const QString &key, const QJsonValue &value);
    void tags(const QString &key, const QJsonValue &value);
    void modules(const QString &key, const QJsonValue &value);
    void extra(const QString &key, const QJsonValue &value);
    void interface(const InterfaceInfo &info, const QString &key, const QJsonValue &value);
    void unknown(const QString &key, const QJsonValue &value);
    void removeDropped();
    void moveStacktraceIntoException();
    void fillDefaults();
    void fillDefault(const Default &row, const QJsonValue &value);

    void store(const QString &key, const QJsonValue &before, const QJsonValue &after,
               const QString &description = {});
    void drop(const QString &key, const QJsonValue &before, const QString &description);
    // drop(), for a value a finding already explained: fillDefaults() adds no second finding.
    void dropJudged(const QString &key, const QJsonValue &before, const QString &description);
    static QString path(const QString &key) { return pointerChild(QString(), key); }

    NormalizeOptions m_options;
    NormalizeContext m_context;
    InterfaceNormalizer m_interfaces;
    QDateTime m_now;
    QJsonObject m_out;
    // Keys dropped during the walk, removed from m_out once after it: a QJsonObject removes a key
    // by moving every key after it, so one remove per dropped key was quadratic in their number.
    // Ordered sets, not QSet: a QHash allocates its first span (128 buckets) on the first insert,
    // 4.2 k instructions for the one renamed interface of a usual event.
    std::set<QString> m_dropped;
    std::set<QString> m_judged; // defaulted attributes already explained by a finding
    // Which defaulted attributes are in m_out: set when met, cleared when dropped (cheaper than
    // looking each one up in the stored event again).
    unsigned m_present = 0;
    QString m_stacktraceInputKey; // the input key of the stored Stacktrace interface
    // The current member's value as a string (empty for other types): toString() copies the text,
    // so the handlers share one copy. And its rows, found once.
    QString m_text;
    const QList<const Rule *> *m_rows = nullptr;
};

NormalizeResult EventNormalizer::run(const QJsonObject &event)
{
    m_out = event; // shared until the first repair: unchanged values are never copied
    for (auto it = event.constBegin(); it != event.constEnd(); ++it) {
        const QString key = it.key();
        member(key, it.value(), handlers().value(key));
    }
    removeDropped();
    if (m_context.isV4())
        moveStacktraceIntoException();
    fillDefaults();
    return {m_out, m_context.takeChanges(), m_context.takeFindings()};
}

EventNormalizer::Handler EventNormalizer::handlerFor(KeyRole role)
{
    switch (role) {
    case KeyRole::EventId: return &EventNormalizer::eventId;
    case KeyRole::Message: return &EventNormalizer::message;
    case KeyRole::Timestamp: return &EventNormalizer::timestamp;
    case KeyRole::Level: return &EventNormalizer::level;
    case KeyRole::Attribute: return &EventNormalizer::plain;
    case KeyRole::TimeSpent: return &EventNormalizer::timeSpent;
    case KeyRole::Project: return &EventNormalizer::project;
    case KeyRole::Tags: return &EventNormalizer::tags;
    case KeyRole::Modules: return &EventNormalizer::modules;
    case KeyRole::Extra: return &EventNormalizer::extra;
    case KeyRole::LaterProtocol: break; // judged with the keys it does not know: see unknown()
    }
    return nullptr;
}

// The top-level key table (rules.h) as handlers; each defaulted attribute gets a bit of m_present.
const QHash<QString, EventNormalizer::Entry> &EventNormalizer::handlers()
{
    static const QHash<QString, Entry> table = [] {
        QHash<QString, Entry> entries;
        const auto &rows = Rules::membersOf(EventOwner);
        unsigned bit = 1;
        for (const TopLevelKey &key : Rules::topLevelKeys()) {
            const Handler handler = handlerFor(key.role);
            if (!handler)
                continue;
            Entry entry{handler};
            if (!key.missingRule.isEmpty()) {
                entry.defaulted = bit;
                bit <<= 1;
            }
            if (const auto found = rows.constFind(key.key); found != rows.cend())
                entry.rows = &*found;
            entries.insert(key.key, entry);
        }
        return entries;
    }();
    return table;
}

const QList<EventNormalizer::Default> &EventNormalizer::defaults()
{
    static const QList<Default> table = [] {
        QList<Default> rows;
        for (const TopLevelKey &key : Rules::topLevelKeys()) {
            if (!key.missingRule.isEmpty())
                rows.append({&key, &Rules::byId(key.missingRule), handlers().value(key.key).defaulted});
        }
        return rows;
    }();
    return table;
}

// The event's Type and MaxLength rows about the current member (see member()).
bool EventNormalizer::checkType(const QString &key, const QJsonValue &value, QJsonValue *stored)
{
    return !m_rows
           || m_context.checkRows(*m_rows, key, value, QString(), ThisValue, stored, &m_text);
}

void EventNormalizer::member(const QString &key, const QJsonValue &value, const Entry &entry)
{
    m_present |= entry.defaulted;
    m_text = value.isString() ? value.toString() : QString();
    m_rows = entry.rows;
    if (isEmptyValue(value, m_text)) {
        if (m_context.report(u"event.key.empty"_s, path(key), {key, emptyText(value)}) || entry.defaulted) {
            return dropJudged(key, value, u"ignored: empty"_s);
        }
    }
    if (entry.handler)
        return (this->*entry.handler)(key, value);
    if (const InterfaceInfo *info = Rules::interface(key, m_context.profile()))
        return interface(*info, key, value);
    unknown(key, value);
}

void EventNormalizer::eventId(const QString &key, const QJsonValue &value)
{
    if (!checkType(key, value)) {
        return dropJudged(key, value, u"not a string: replaced"_s);
    }
    if (value.isNull())
        return drop(key, value, u"null: generated"_s);
    const QString &id = m_text;
    if (m_context.isV4() && id.size() > limits().eventIdLength) {
        m_context.report(u"event.event_id.length"_s, path(key), {QString::number(id.size())});
        return dropJudged(key, value, u"longer than 32 characters: replaced"_s);
    }
    const bool accepted = m_context.isV4() ? isHexId(id) : isRelayUuid(id);
    if (!accepted && m_context.report(u"event.event_id.not-hex"_s, path(key), {id}) && !m_context.isV4()) {
        return dropJudged(key, value, u"not a UUID: replaced"_s);
    }
    if (!m_context.isV4()) { // Relay reads any UUID form and writes its own: 32 lowercase hex
        const QString relayForm = isHexId(id) ? id.toLower() : QUuid::fromString(id).toString(QUuid::Id128);
        if (relayForm != id)
            return store(key, value, relayForm, u"written as Relay writes an id"_s);
    }
    store(key, value, value);
}

void EventNormalizer::message(const QString &key, const QJsonValue &value)
{
    QJsonValue stored = QJsonValue::Undefined; // set only when truncated
    if (!checkType(key, value, &stored)) {
        return dropJudged(key, value, u"not a string"_s);
    }
    if (value.isNull())
        return drop(key, value, u"null: defaulted"_s);
    const qsizetype length = m_text.size();
    if (length > limits().documentMessageLength && length <= limits().messageLength)
        m_context.report(u"event.message.document-length"_s, path(key), {QString::number(length)});
    store(key, value, stored.isUndefined() ? value : std::as_const(stored));
}

void EventNormalizer::timestamp(const QString &key, const QJsonValue &value)
{
    if (!checkType(key, value)) {
        return dropJudged(key, value, u"wrong type: receipt time used"_s);
    }
    const QDateTime time
        = Event::parseTimestamp(value.isString() ? QJsonValue(m_text) : value);
    if (!time.isValid() || time > m_now.addSecs(limits().futureSeconds)) {
        const bool number = value.isDouble() || Event::isUnixTimeText(m_text);
        const double seconds = value.isDouble() ? value.toDouble() : m_text.toDouble();
        if (time.isValid())
            m_context.report(u"event.timestamp.future"_s, path(key),
                             {value.isString() ? m_text : QString::number(seconds, 'f', 3)});
        else if (number) // a number no date can hold
            m_context.report(u"event.timestamp.range"_s, path(key), {QString::number(seconds, 'g', 6)});
        else
            m_context.report(u"event.timestamp.unparsable"_s, path(key), {m_text});
        return dropJudged(key, value, u"dropped: receipt time used"_s);
    }
    store(key, value, value);
}

void EventNormalizer::level(const QString &key, const QJsonValue &value)
{
    if (!checkType(key, value)) {
        return dropJudged(key, value, u"wrong type: \"%1\" used"_s.arg(limits().defaultLevel));
    }
    if (value.isNull())
        return drop(key, value, u"null: defaulted"_s);
    const QString &name = m_text;
    for (const LevelInfo &level : Rules::levels()) {
        if (value.isString() && name == level.name)
            return;
    }
    if (const LevelInfo *level = value.isDouble() ? Rules::levelByNumber(value.toDouble()) : nullptr) {
        m_context.report(u"event.level.numeric"_s, path(key), {QString::number(level->number), level->name});
        return store(key, value, level->name, u"resolved to its name"_s);
    }
    for (const auto &[alias, stored] : m_context.isV4() ? QList<QPair<QString, QString>>() : Rules::relayLevelAliases()) {
        if (value.isString() && name == alias) {
            m_context.report(u"event.level.critical"_s, path(key), {alias, stored});
            return store(key, value, stored, u"%1 becomes %2"_s.arg(alias, stored));
        }
    }
    const QString shown = value.isString() ? u'"' + name + u'"' : jsonTypeName(value);
    m_context.report(u"event.level.unknown"_s, path(key), {shown});
    store(key, value, limits().defaultLevel, u"unknown level: \"%1\" used"_s.arg(limits().defaultLevel));
}

void EventNormalizer::plain(const QString &key, const QJsonValue &value)
{
    QJsonValue stored = QJsonValue::Undefined; // set only when truncated
    if (!checkType(key, value, &stored)) {
        return dropJudged(key, value, u"wrong type: not stored"_s);
    }
    if (value.isNull())
        return drop(key, value, u"null: not stored"_s);
    store(key, value, stored.isUndefined() ? value : std::as_const(stored));
}

void EventNormalizer::timeSpent(const QString &key, const QJsonValue &value)
{
    constexpr double MaxTimeSpent = 2147483647; // the v4 server's 32-bit column
    if (value.isDouble() && !(value.toDouble() >= 0 && value.toDouble() <= MaxTimeSpent))
        m_context.report(u"event.time_spent.range"_s, path(key), {QString::number(value.toDouble(), 'g', 17)});
    plain(key, value);
}

void EventNormalizer::project(const QString &key, const QJsonValue &value)
{
    m_context.report(u"event.project.legacy"_s, path(key));
    store(key, value, value);
}

void EventNormalizer::tags(const QString &key, const QJsonValue &value)
{
    if (!checkType(key, value))
        return drop(key, value, u"not a map or a list of pairs: all tags dropped"_s);
    if (value.isNull())
        return;
    const QJsonValue stored = TagNormalizer(m_context).normalize(value, path(key));
    store(key, value, stored, m_context.isV4() ? u"stored as [key, value] pairs"_s : u"stored as a map"_s);
}

void EventNormalizer::modules(const QString &key, const QJsonValue &value)
{
    if (!checkType(key, value))
        return drop(key, value, u"not a map: dropped"_s);
    if (value.isArray()) {
        m_context.report(u"event.modules.list"_s, path(key));
        return drop(key, value, u"a list, not a map: dropped"_s);
    }
    store(key, value, value);
}

void EventNormalizer::extra(const QString &key, const QJsonValue &value)
{
    if (!checkType(key, value))
        return drop(key, value, u"not a map: dropped"_s);
    if (value.isNull()) {
        m_context.report(u"event.extra.null"_s, path(key));
        return store(key, value, QJsonObject(), u"null: {} stored"_s);
    }
    if (!m_context.isV4())
        return store(key, value, value);
    store(key, value, ExtraTrimmer(m_context).trim(value.toObject(), path(key)));
}

void EventNormalizer::interface(const InterfaceInfo &info, const QString &key, const QJsonValue &value)
{
    const bool v4 = m_context.isV4();
    if (!v4 && info.relayName.isEmpty()) {
        m_context.report(u"interface.no-relay-name"_s, path(key), {key});
        return drop(key, value, u"no canonical name in Relay: dropped"_s);
    }
    const QString storedKey = v4 ? info.fullName : info.relayName;
    if (key == info.fullName && (!v4 || !info.alias.isEmpty()))
        m_context.report(u"interface.full-name"_s, path(key), {key, v4 ? info.alias : info.relayName});
    const QString at = path(key);
    const auto stored = m_interfaces.normalize(info, key, value, at);
    if (!stored)
        return drop(key, value, u"the interface fails validation: dropped"_s);
    if (storedKey != key) {
        m_context.change(at, u"stored as \""_s + storedKey + u'"', value, *stored);
        m_dropped.insert(key);
        m_dropped.erase(storedKey);
        m_out.insert(storedKey, *stored);
    } else if (!value.isObject() || *stored != value.toObject()) {
        m_dropped.erase(storedKey);
        m_out.insert(storedKey, *stored);
    }
    if (info.fullName == QStringView(Owner::Stacktrace))
        m_stacktraceInputKey = key;
}

void EventNormalizer::unknown(const QString &key, const QJsonValue &value)
{
    const bool v4 = m_context.isV4();
    if (key == "query"_L1) {
        m_context.report(u"interface.query-short-key"_s, path(key));
    } else if (key.startsWith("sentry.interfaces."_L1)) {
        QStringList names;
        for (const InterfaceInfo &info : Interfaces::all())
            names << info.fullName;
        m_context.report(u"event.key.interface-misspelled"_s, path(key), {key, names.join(u", "_s)});
    } else if (key.contains(u'.')) {
        m_context.report(u"event.key.dotted"_s, path(key), {key});
    } else if (isLaterProtocolKey(key)) {
        if (!v4)
            return store(key, value, value);
        m_context.report(u"event.key.later-protocol"_s, path(key), {key});
    } else {
        m_context.report(u"event.key.unknown"_s, path(key), {key});
    }
    drop(key, value, v4 ? u"ignored by the v4 server"_s : u"invalid_attribute: dropped"_s);
}

void EventNormalizer::removeDropped()
{
    if (m_dropped.size() < 16) { // the usual few: removed in place
        for (const QString &key : std::as_const(m_dropped))
            m_out.remove(key);
        return;
    }
    QJsonObject kept; // in key order, so each insert appends
    for (auto it = m_out.constBegin(); it != m_out.constEnd(); ++it) {
        if (m_dropped.count(it.key()) == 0)
            kept.insert(it.key(), it.value());
    }
    m_out = kept;
}

void EventNormalizer::moveStacktraceIntoException()
{
    if (m_stacktraceInputKey.isEmpty()) // no Stacktrace interface was stored
        return;
    const QString exceptionKey = QString::fromUtf16(Owner::Exception);
    const QString stacktraceKey = QString::fromUtf16(Owner::Stacktrace);
    if (!m_out.contains(exceptionKey) || !m_out.contains(stacktraceKey))
        return;
    QJsonObject exception = m_out.value(exceptionKey).toObject();
    QJsonArray values = exception.value(u"values"_s).toArray();
    if (values.isEmpty() || values.first().toObject().contains(u"stacktrace"_s))
        return;
    const QString target = path(exceptionKey) + u"/values/0/stacktrace"_s; // in the stored event
    const QString from = path(m_stacktraceInputKey);
    m_context.report(u"exception.stacktrace-moved"_s, from, {target});
    QJsonObject first = values.first().toObject();
    first.insert(u"stacktrace"_s, m_out.value(stacktraceKey));
    values.replace(0, first);
    exception.insert(u"values"_s, values);
    m_context.change(from, u"moved into the first exception value"_s, m_out.value(stacktraceKey), QJsonValue());
    m_out.insert(exceptionKey, exception);
    m_out.remove(stacktraceKey);
}

// The attributes the server filled in when absent, as the top-level key table lists them.
void EventNormalizer::fillDefaults()
{
    for (const Default &row : defaults()) {
        if ((m_present & row.bit) || !row.missing->verdict(m_context.profile()).applies)
            continue;
        if (row.row->role == KeyRole::EventId)
            fillDefault(row, m_options.idGenerator ? m_options.idGenerator() : Normalizer::newEventId());
        else if (row.row->role == KeyRole::Timestamp)
            fillDefault(row, Normalizer::formatTimestamp(m_now));
        else
            fillDefault(row, row.row->defaultValue);
    }
}

void EventNormalizer::fillDefault(const Default &row, const QJsonValue &value)
{
    const QString &key = row.row->key;
    Q_ASSERT(!m_out.contains(key));
    m_present |= row.bit;
    if (m_judged.count(key) == 0)
        m_context.report(*row.missing, path(key));
    m_out.insert(key, value);
    m_context.change(path(key), u"defaulted"_s, QJsonValue::Undefined, value);
}

void EventNormalizer::store(const QString &key, const QJsonValue &before, const QJsonValue &after,
                            const QString &description)
{
    // The handlers pass the input value itself when nothing changed; an unchanged container also
    // compares cheaply, by its shared data.
    if (&after == &before || after == before)
        return;
    m_dropped.erase(key);
    m_out.insert(key, after);
    m_context.change(path(key), description.isEmpty() ? u"repaired"_s : description, before, after);
}

void EventNormalizer::drop(const QString &key, const QJsonValue &before, const QString &description)
{
    m_present &= ~handlers().value(key).defaulted;
    m_dropped.insert(key);
    m_context.change(path(key), description, before, QJsonValue::Undefined);
}

void EventNormalizer::dropJudged(const QString &key, const QJsonValue &before, const QString &description)
{
    m_judged.insert(key);
    drop(key, before, description);
}

} // namespace

NormalizeResult Normalizer::normalize(const QJsonObject &event, const NormalizeOptions &options)
{
    return EventNormalizer(options).run(event);
}

QString Normalizer::newEventId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QString Normalizer::formatTimestamp(const QDateTime &utc)
{
    return Event::formatTimestamp(utc);
}


} // namespace Sentry
