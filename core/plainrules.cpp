#include "plainrules.h"

#include "normalizecontext.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sentry::PlainEvent {

RowCheck RowCheck::of(const Rows &rows)
{
    RowCheck check;
    for (const Rule *rule : rows) {
        if (rule->v4.applies && rule->kind == RuleKind::Type)
            check.types &= rule->types;
        if (rule->v4.applies && rule->kind == RuleKind::MaxLength)
            check.maxLength = std::min(check.maxLength, qsizetype(rule->limit));
    }
    return check;
}

OwnerRows::OwnerRows(const QString &owner, const QList<QPair<QString, Check>> &checks)
{
    const auto &rows = Rules::membersOf(owner);
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (it.key().isEmpty())
            m_own = RowCheck::of(*it);
        else
            append({it.key().toUtf8(), RowCheck::of(*it), Check::None});
    }
    const auto add = [&](const QString &key, Check check) {
        const qsizetype index = find(key.toUtf8());
        if (index < 0)
            append({key.toUtf8(), RowCheck(), check});
        else if (check != Check::None)
            m_members[index].check = check;
    };
    for (const auto &[key, check] : checks)
        add(key, check);
    for (const Rule *rule : Rules::requiredOf(owner)) {
        if (rule->v4.applies) {
            add(rule->key, Check::None);
            m_required |= quint64(1) << find(rule->key.toUtf8());
        }
    }
    Q_ASSERT(m_members.size() <= 64);
}

const OwnerRows &ownerRows(const QString &owner)
{
    static const QHash<QString, OwnerRows> owners = [] {
        QHash<QString, OwnerRows> byName;
        const auto add = [&byName](const char16_t *name, const QList<QPair<QString, Check>> &checks) {
            byName.insert(QString::fromUtf16(name), OwnerRows(QString::fromUtf16(name), checks));
        };
        add(Owner::Exception, {});
        add(Owner::ExceptionValue, {{u"stacktrace"_s, Check::Stacktrace}});
        add(Owner::Stacktrace, {{u"frames"_s, Check::Frames}});
        add(Owner::Frame, {{u"filename"_s, Check::Location}, {u"function"_s, Check::Location},
                           {u"module"_s, Check::Location}, {u"lineno"_s, Check::Number},
                           {u"colno"_s, Check::Number}, {u"pre_context"_s, Check::Context},
                           {u"post_context"_s, Check::Context}});
        add(Owner::Http, {{u"url"_s, Check::Url}, {u"method"_s, Check::Method}});
        for (const char16_t *name : {Owner::User, Owner::Template, Owner::Message, Owner::Query})
            add(name, {});
        return byName;
    }();
    return *owners.constFind(owner);
}

const OwnerRows &ownerRows(const char16_t *owner)
{
    return ownerRows(QString::fromUtf16(owner));
}

namespace {

// `text` as a QString without a reference count: a copy shares the bytes and touches no counter
// (an atomic operation for every copy and every release). The change entries copy a table's path
// and description for every event. The bytes are kept until the process ends.
QString permanent(const QString &text)
{
    static QStringList *const storage = new QStringList; // never freed: copies may outlive any owner
    storage->append(text);
    return QString::fromRawData(storage->constLast().constData(), text.size());
}

} // namespace

// Every key the pass knows at the top level: the normalizer's handlers and the interfaces under
// their aliases and full names. The full walk reports any other key.
const QList<TopLevelKey> &topLevelKeys()
{
    static const QList<TopLevelKey> keys = [] {
        QList<TopLevelKey> table = {
            {"event_id", Handler::EventId, Bit::EventId},
            {"message", Handler::Message, Bit::Message},
            {"timestamp", Handler::Timestamp, Bit::Timestamp},
            {"level", Handler::Level, Bit::Level},
            {"logger", Handler::Plain, Bit::Logger},
            {"platform", Handler::Plain},
            {"culprit", Handler::Plain},
            {"server_name", Handler::Plain},
            {"site", Handler::Plain},
            {"checksum", Handler::Plain},
            {"time_spent", Handler::Plain},
            {"project", Handler::Project},
            {"tags", Handler::Tags},
            {"modules", Handler::Modules},
            {"extra", Handler::Extra},
        };
        const auto &rows = Rules::membersOf(QString::fromUtf16(Owner::Event));
        for (TopLevelKey &entry : table) {
            if (const auto it = rows.constFind(QString::fromUtf8(entry.key)); it != rows.cend())
                entry.rows = RowCheck::of(*it);
        }
        for (const InterfaceInfo &info : Rules::interfaces()) {
            if (!info.alias.isEmpty())
                table.append({info.alias.toUtf8(), Handler::Interface, 0, RowCheck(), &info, false, {},
                              info.fullName.toUtf8(), u"stored as \""_s + info.fullName + u'"'});
            table.append({info.fullName.toUtf8(), Handler::Interface, 0, RowCheck(), &info, true});
        }
        QList<QByteArray> sorted;
        for (TopLevelKey &entry : table) {
            if (entry.interface) {
                const QString &name = entry.interface->fullName;
                entry.judged = name == QStringView(Owner::Exception)    ? TopLevelKey::Judged::Exception
                               : name == QStringView(Owner::Stacktrace) ? TopLevelKey::Judged::Stacktrace
                                                                        : TopLevelKey::Judged::Plain;
                if (entry.judged == TopLevelKey::Judged::Plain)
                    entry.owner = &ownerRows(name);
            }
            entry.path = permanent(pointerChild(QString(), QString::fromUtf8(entry.key)));
            if (!entry.storedAs.isEmpty())
                entry.storedAs = permanent(entry.storedAs);
            sorted.append(entry.key);
        }
        std::sort(sorted.begin(), sorted.end());
        for (TopLevelKey &entry : table) {
            entry.rank = int(sorted.indexOf(entry.key));
            entry.storedRank = int(sorted.indexOf(entry.storedKey.isEmpty() ? entry.key : entry.storedKey));
        }
        Q_ASSERT(table.size() <= 64);
        return table;
    }();
    return keys;
}

const KeyIndex &topLevelIndex()
{
    static const KeyIndex index = [] {
        KeyIndex keys;
        for (const TopLevelKey &entry : topLevelKeys())
            keys.add(entry.key);
        return keys;
    }();
    return index;
}

qint64 utcMSecs(int year, int month, int day, int hour, int minute, int second)
{
    static constexpr int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (year < 1 || month < 1 || month > 12 || day < 1
        || day > monthDays[month - 1] + (month == 2 && leap) || hour > 23 || minute > 59 || second > 59)
        return InvalidTime;
    // Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
    const int y = year - (month <= 2);
    const int era = y / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = qint64(era) * 146097 + dayOfEra - 719468;
    return ((days * 24 + hour) * 60 + minute) * 60 * 1000 + second * 1000;
}

} // namespace Sentry::PlainEvent
