#pragma once

// The v4 rules as data (spec sections 5, 6, 9, 10): one row per thing the harness checks, with the
// JSON path, the expected type or constraint, the limit it compares with, and — per profile — the
// severity, the server's action and the message. Type, required and length rows are applied
// generically; "check" rows name a judgement made in code (timestamps, levels, tag pairs …) whose
// limit and verdict still come from the row. The tables below them hold the lists the judge walks:
// the level names and the top-level keys (the seven interfaces are a protocol fact: interfaces.h). Nothing the judge compares with is
// written anywhere else.
//
//     for (const Sentry::Rule &rule : Sentry::Rules::all())
//         list << rule.id << rule.path() << severityName(rule.verdict(profile).severity);

#include "finding.h"
#include "interfaces.h"
#include "validationtypes.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace Sentry {

enum JsonType : unsigned {
    NullType = 1u << 0,
    BoolType = 1u << 1,
    NumberType = 1u << 2,
    StringType = 1u << 3,
    ArrayType = 1u << 4,
    ObjectType = 1u << 5,
    AnyType = 0x3f,
};

QString jsonTypeNames(unsigned types); // "a string or a number"

enum class RuleKind {
    Type,      // the member must have one of `types`
    Required,  // the member must be present
    MaxLength, // a string member longer than `limit` characters
    Check,     // judged in code; the row holds the verdict
};

// The verdict of one rule under one profile. `message` may hold %1, %2 … for the details the
// check fills in (a length, a key, a value).
struct RuleVerdict
{
    Severity severity = Severity::Error;
    ServerAction action = ServerAction::None;
    QString message;
    bool applies = true; // false: the profile has no such rule
};

// The objects rules are about; an interface is named by its full v4 name.
namespace Owner {
inline constexpr char16_t Event[] = u"event";
inline constexpr const char16_t *Exception = InterfaceName::Exception;
inline constexpr char16_t ExceptionValue[] = u"exception value";
inline constexpr const char16_t *Stacktrace = InterfaceName::Stacktrace;
inline constexpr char16_t Frame[] = u"frame";
inline constexpr const char16_t *Http = InterfaceName::Http;
inline constexpr const char16_t *User = InterfaceName::User;
inline constexpr const char16_t *Template = InterfaceName::Template;
inline constexpr const char16_t *Message = InterfaceName::Message;
inline constexpr const char16_t *Query = InterfaceName::Query;
inline constexpr char16_t Extra[] = u"extra";
inline constexpr char16_t Tags[] = u"tags";
inline constexpr char16_t Body[] = u"body";
} // namespace Owner

struct Rule
{
    QString id;         // stable: "event.message.type"
    QString owner;      // one of Owner::*
    QString key;        // the member the rule is about; "" for the owner itself
    RuleKind kind = RuleKind::Check;
    QString constraint; // human: "a string", "≤ 2048 characters"
    unsigned types = 0; // RuleKind::Type: the accepted JSON types
    int limit = 0;      // MaxLength: characters; Check: what the check compares with (characters,
                        // keys, depth or seconds, as `constraint` says); 0: none
    bool ellipsis = false; // RuleKind::MaxLength: the server's cut ends in "..."
    RuleVerdict v4;
    RuleVerdict relay;      // empty message: the v4 message applies

    QString path() const; // "/message", "/sentry.interfaces.Exception/values/*/value"
    RuleVerdict verdict(Profile profile) const;
};

// A level name the v4 server knew, and its numeric form (the logging module's number).
struct LevelInfo
{
    QString name;
    int number = 0;
};

// How the judge handles a top-level key that is not an interface.
enum class KeyRole {
    EventId,
    Message,
    Timestamp,
    Level,
    Attribute,     // a plain value with Type/MaxLength rows (logger, culprit, site …)
    TimeSpent,     // time_spent: milliseconds, kept by the v4 server in a 32-bit column
    Project,
    Tags,
    Modules,
    Extra,
    LaterProtocol, // a key of a later protocol: v4 ignores it, Relay stores it
};

QString keyRoleName(KeyRole role); // "event-id", "attribute", "later-protocol" …

// One row of the top-level key table.
struct TopLevelKey
{
    QString key;
    KeyRole role = KeyRole::Attribute;
    QString missingRule;  // the rule reported when the key is absent (it is then defaulted); "" none
    QString defaultValue; // stored when absent; "" for a generated one (event_id, receipt time)
};

class Rules
{
public:
    static const QList<Rule> &all();
    static QList<Rule> all(Profile profile); // only the rules the profile applies
    static const Rule &byId(const QString &id); // the id must exist (programming error otherwise)
    // The Type and MaxLength rows of `owner`, by member key ("" for the owner itself), in table order.
    static const QHash<QString, QList<const Rule *>> &membersOf(const QString &owner);
    static const QList<const Rule *> &requiredOf(const QString &owner);

    static const QList<LevelInfo> &levels();
    // The level the v4 server resolved a numeric level to (40: "error"); nullptr for another number.
    static const LevelInfo *levelByNumber(double number);
    // Names today's intake reads as another level: {"critical", "fatal"}.
    static const QList<QPair<QString, QString>> &relayLevelAliases();
    static const QList<TopLevelKey> &topLevelKeys(); // in the order defaults are filled
    static const TopLevelKey *topLevelKey(const QString &key); // nullptr if none

    // The interfaces table is a protocol fact (interfaces.h); this reads it as `profile` does:
    // Relay's canonical names count only under the relay profile.
    static const InterfaceInfo *interface(const QString &key, Profile profile);
};

} // namespace Sentry
