#include "rules.h"

#include "serverrefusals.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// RuleVerdict builders: the severity names what the server does in words of the issue (error: refuse,
// crash or drop a defined part; warning: repair, default, ignore; info: legacy form or alias).
RuleVerdict err(ServerAction action, const QString &message) { return {Severity::Error, action, message}; }
RuleVerdict warn(ServerAction action, const QString &message) { return {Severity::Warning, action, message}; }
RuleVerdict info(ServerAction action, const QString &message) { return {Severity::Info, action, message}; }
RuleVerdict none() { return {Severity::Info, ServerAction::None, {}, false}; }
RuleVerdict asV4() { return {}; }

using A = ServerAction;

// "{limit}" in a row's constraint and messages is its limit, so the number is written once.
QString withLimit(QString text, const QString &limit)
{
    return text.replace(u"{limit}"_s, limit);
}

Rule limited(Rule rule, const QString &limitText)
{
    rule.constraint = withLimit(rule.constraint, limitText);
    rule.v4.message = withLimit(rule.v4.message, limitText);
    rule.relay.message = withLimit(rule.relay.message, limitText);
    return rule;
}

Rule typeRow(const QString &id, const QString &owner, const QString &key, unsigned types,
             const RuleVerdict &v4, const RuleVerdict &relay = asV4())
{
    return {id, owner, key, RuleKind::Type, jsonTypeNames(types), types, 0, false, v4, relay};
}

Rule requiredRow(const QString &id, const QString &owner, const QString &key, const RuleVerdict &v4,
                 const RuleVerdict &relay = asV4())
{
    return {id, owner, key, RuleKind::Required, u"required"_s, 0, 0, false, v4, relay};
}

Rule lengthRow(const QString &id, const QString &owner, const QString &key, int limit, bool ellipsis,
               const RuleVerdict &v4, const RuleVerdict &relay = asV4())
{
    return limited({id, owner, key, RuleKind::MaxLength, u"at most {limit} characters"_s, 0, limit,
                    ellipsis, v4, relay},
                   QString::number(limit));
}

Rule checkRow(const QString &id, const QString &owner, const QString &key, const QString &constraint,
              const RuleVerdict &v4, const RuleVerdict &relay = asV4())
{
    return {id, owner, key, RuleKind::Check, constraint, 0, 0, false, v4, relay};
}

// A check that compares with a limit; `limitText` shows it ("1 minute"), the number by default.
Rule limitRow(const QString &id, const QString &owner, const QString &key, int limit,
              const QString &constraint, const RuleVerdict &v4, const RuleVerdict &relay = asV4(),
              const QString &limitText = {})
{
    return limited({id, owner, key, RuleKind::Check, constraint, 0, limit, false, v4, relay},
                   limitText.isEmpty() ? QString::number(limit) : limitText);
}

QString duration(int seconds)
{
    if (seconds % 60 != 0)
        return u"%1 seconds"_s.arg(seconds);
    return seconds == 60 ? u"1 minute"_s : u"%1 minutes"_s.arg(seconds / 60);
}

// The level table in the words the messages use: "debug, info, warning, error or fatal".
QString levelNames(const QString &separator, const QString &last)
{
    QStringList names;
    for (const LevelInfo &level : Rules::levels())
        names << level.name;
    const QString tail = names.takeLast();
    return names.join(separator) + last + tail;
}

QString levelNumbers(const QString &separator)
{
    QStringList numbers;
    for (const LevelInfo &level : Rules::levels())
        numbers << QString::number(level.number);
    return numbers.join(separator);
}

// "10–50"
QString levelRange()
{
    return QString::number(Rules::levels().constFirst().number) + u'–'
           + QString::number(Rules::levels().constLast().number);
}

QString defaultOf(const QString &key)
{
    const TopLevelKey *row = Rules::topLevelKey(key);
    Q_ASSERT(row);
    return row ? row->defaultValue : QString();
}

const QString crash = u"the v4 server crashes on it (500)"_s;
const QString relayDrops = u"Relay drops the value and records invalid_data in the event's _meta"_s;

QList<Rule> bodyRules()
{
    const QString B = QString::fromUtf16(Owner::Body);
    return {
        checkRow(u"body.json.broken"_s, B, {}, u"valid JSON"_s,
                 err(A::Refuse, u"broken JSON at line %1, column %2: %3 (%4); the server refuses the request (403 %5)"_s),
                 err(A::Refuse, u"broken JSON at line %1, column %2: %3 (%4); Relay refuses the request (400)"_s)),
        checkRow(u"body.not-an-object"_s, B, {}, u"a JSON object"_s,
                 err(A::Refuse, u"the event must be a JSON object {…}, not %1; the server refuses it (403 Bad data reconstructing object). Send one event per request."_s),
                 err(A::Refuse, u"the event must be a JSON object {…}, not %1; Relay refuses it (400)."_s)),
        checkRow(u"body.leading-whitespace"_s, B, {}, u"first byte is {"_s,
                 err(A::Refuse, u"the body starts with %1: the v4 server only took JSON whose first byte is '{' and answered "_s + ServerRefusals::quoted("body.decode") + u". Remove it."_s),
                 info(A::Accept, u"the body starts with %1: Relay accepts it (⚠ the v4 server answered "_s + ServerRefusals::quoted("body.decode") + u")."_s)),
        checkRow(u"body.size.decompressed"_s, B, {}, u"at most 1 MB of JSON"_s,
                 err(A::Refuse, u"the JSON is %1 bytes, over the 1 MB (1,000,000 bytes) decompressed store limit: the request is refused. Trim extra, frame vars and context lines."_s)),
        checkRow(u"body.json.duplicate-key"_s, B, {}, u"each key once per object"_s,
                 warn(A::Accept, u"\"%1\" appears %2 times in this object: the v4 server's Python kept the last value, as this harness does. Send the key once."_s),
                 warn(A::Accept, u"\"%1\" appears %2 times in this object: Relay keeps the last value. Send the key once."_s)),
        checkRow(u"body.json.big-integer"_s, B, {}, u"integers within ±2^53"_s,
                 info(A::Accept, u"%1 is beyond 2^53 (9007199254740992), the largest integer every JSON reader keeps exactly (a double): the v4 server's Python kept every digit, while this harness keeps it only up to 2^63 and rounds it to %2 beyond that or where it turns the number into text (a tag value). Send it as a string if every digit matters."_s),
                 info(A::Accept, u"%1 is beyond what Relay keeps exactly (64-bit integers, else a double: %2). Send it as a string if every digit matters."_s)),
        checkRow(u"body.json.number-range"_s, B, {}, u"numbers a double holds"_s,
                 warn(A::Accept, u"%1 is beyond a double: the v4 server's Python json read it as %2 and went on (spec section 4), where this harness stands in %3. Write a number within ±1.7e308 (or 0)."_s),
                 err(A::Refuse, u"%1 is beyond a double: Relay's JSON parser refuses the request (400). Write a number within ±1.7e308 (or 0)."_s)),
        checkRow(u"body.json.non-finite"_s, B, {}, u"numbers, not NaN or Infinity"_s,
                 warn(A::Accept, u"%1 is not JSON, but the v4 server's Python json read it as %2 and went on (spec section 4), where this harness stands in %3. Write a number, or null."_s),
                 err(A::Refuse, u"%1 is not JSON: Relay's JSON parser refuses the request (400). Write a number, or null."_s)),
        checkRow(u"body.size.compressed"_s, B, {}, u"at most 200 KB as base64(zlib)"_s,
                 err(A::Refuse, u"compressed as base64(zlib) the body is %1 bytes, over the 200 KB (200,000 bytes) store limit: the request is refused. Trim extra, frame vars and context lines."_s)),
    };
}

QList<Rule> eventIdAndMessageRules()
{
    const QString E = QString::fromUtf16(Owner::Event);
    // The server cut messages at 2048 characters; the document says 2048 in one place, 1000 in another.
    const int serverLimit = 2048;
    const int documentLimit = 1000;
    const QString server = QString::number(serverLimit);
    const QString document = QString::number(documentLimit);
    return {
        typeRow(u"event.event_id.type"_s, E, u"event_id"_s, StringType | NullType,
                err(A::Refuse, u"event_id must be a string of 32 hex characters (a uuid4), not %1: "_s + crash + u"."_s),
                warn(A::Replace, u"event_id must be a UUID string, not %1: Relay replaces it with a new id."_s)),
        checkRow(u"event.event_id.missing"_s, E, u"event_id"_s, u"present"_s,
                 warn(A::Default, u"no event_id: the server generates one, so the client cannot refer to the event. The document requires a uuid4 as 32 hex characters."_s)),
        limitRow(u"event.event_id.length"_s, E, u"event_id"_s, 32, u"at most {limit} characters"_s,
                  warn(A::Replace, u"event_id has %1 characters, over {limit}: the v4 server silently replaces it with a new id. Send uuid4().hex ({limit} hex characters, no dashes)."_s),
                  none()),
        limitRow(u"event.event_id.not-hex"_s, E, u"event_id"_s, 32, u"{limit} hex characters"_s,
                 warn(A::Accept, u"event_id \"%1\" is not {limit} hex characters as the document requires (a uuid4): ⚠ the v4 server never checked and stored it as is."_s),
                 warn(A::Replace, u"event_id \"%1\" is not a UUID: Relay replaces it with a new id."_s)),
        typeRow(u"event.message.type"_s, E, u"message"_s, StringType | NullType,
                err(A::Refuse, u"message must be a string, not %1: the v4 server refuses the event (400 Invalid value for message). Put structured text in sentry.interfaces.Message."_s),
                err(A::Discard, u"message must be a string, not %1: "_s + relayDrops + u"."_s)),
        checkRow(u"event.message.missing"_s, E, u"message"_s, u"present"_s,
                 warn(A::Default, u"no message: the server stores \""_s + defaultOf(u"message"_s) + u"\". The document requires a user-readable message."_s),
                 none()),
        lengthRow(u"event.message.length"_s, E, u"message"_s, serverLimit, true,
                  warn(A::Truncate, u"message has %1 characters: the v4 server cuts it to {limit} ending in \"...\" (⚠ the document says {limit} here and "_s + document + u" elsewhere)."_s),
                  none()),
        limitRow(u"event.message.document-length"_s, E, u"message"_s, documentLimit, u"at most {limit} characters (document)"_s,
                 info(A::Accept, u"message has %1 characters: ⚠ the document limits messages to {limit} in one place, but the v4 server kept up to "_s + server + u", so it is stored whole."_s),
                 none()),
    };
}

QList<Rule> timeAndLevelRules()
{
    const QString E = QString::fromUtf16(Owner::Event);
    return {
        typeRow(u"event.timestamp.type"_s, E, u"timestamp"_s, StringType | NumberType,
                err(A::Refuse, u"timestamp must be an ISO 8601 string in UTC without zone (2011-05-02T17:41:36) or a unix number, not %1: "_s + crash + u"."_s),
                warn(A::Replace, u"timestamp must be a string or a number, not %1: Relay drops it and uses the receipt time (⚠ the v4 server crashed on it, 500)."_s)),
        checkRow(u"event.timestamp.missing"_s, E, u"timestamp"_s, u"present"_s,
                 warn(A::Default, u"no timestamp: the server uses the time it received the event. The document requires one (ISO 8601, UTC, no zone)."_s)),
        checkRow(u"event.timestamp.unparsable"_s, E, u"timestamp"_s, u"ISO 8601 or unix time"_s,
                 warn(A::Replace, u"timestamp \"%1\" cannot be parsed by the v4 server (offsets, a space separator and a date alone are not understood): it drops it and uses the receipt time. Send 2011-05-02T17:41:36 in UTC."_s),
                 warn(A::Replace, u"timestamp \"%1\" cannot be parsed: Relay drops it and uses the receipt time. Send 2011-05-02T17:41:36 in UTC."_s)),
        checkRow(u"event.timestamp.range"_s, E, u"timestamp"_s, u"years 1 to 9999"_s,
                 warn(A::Replace, u"timestamp %1 is outside the years 1 to 9999 a Python datetime holds: the v4 server cannot read it, drops it and uses the receipt time. Send unix seconds (or 2011-05-02T17:41:36 in UTC)."_s),
                 warn(A::Replace, u"timestamp %1 is outside the years a date can hold: Relay drops it and uses the receipt time. Send unix seconds (or 2011-05-02T17:41:36 in UTC)."_s)),
        limitRow(u"event.timestamp.future"_s, E, u"timestamp"_s, 60, u"at most {limit} ahead"_s,
                 warn(A::Replace, u"timestamp %1 is more than {limit} in the future: the server drops it and uses the receipt time. Check the client's clock and that it sends UTC."_s),
                 asV4(), duration(60)),
        typeRow(u"event.level.type"_s, E, u"level"_s, StringType | NumberType | BoolType | NullType,
                err(A::Refuse, u"level must be "_s + levelNames(u", "_s, u" or "_s) + u" (or "_s + levelRange() + u"), not %1: "_s + crash + u"."_s),
                warn(A::Default, u"level must be a name, not %1: Relay drops it and uses \""_s + defaultOf(u"level"_s) + u"\" (⚠ the v4 server crashed on it, 500)."_s)),
        checkRow(u"event.level.missing"_s, E, u"level"_s, u"present"_s,
                 warn(A::Default, u"no level: the server uses \""_s + defaultOf(u"level"_s) + u"\". The document requires one of "_s + levelNames(u", "_s, u", "_s) + u"."_s)),
        checkRow(u"event.level.unknown"_s, E, u"level"_s, levelNames(u"|"_s, u"|"_s) + u'|' + levelRange(),
                 warn(A::Default, u"level %1 is not one of "_s + levelNames(u", "_s, u", "_s) + u" or "_s + levelNumbers(u", "_s) + u": the v4 server stores \""_s + defaultOf(u"level"_s) + u"\" instead."_s),
                 warn(A::Default, u"level %1 is not one Relay knows: it stores \""_s + defaultOf(u"level"_s) + u"\" instead."_s)),
        checkRow(u"event.level.numeric"_s, E, u"level"_s, u"a name"_s, none(),
                 info(A::Replace, u"level %1 is the v4 numeric form: Relay stores it as \"%2\"."_s)),
        checkRow(u"event.level.critical"_s, E, u"level"_s, u"a v4 name"_s, none(),
                 info(A::Replace, u"level \""_s + Rules::relayLevelAliases().constFirst().first + u"\": Relay stores it as \""_s + Rules::relayLevelAliases().constFirst().second + u"\" (⚠ the v4 server did not know it and stored \""_s + defaultOf(u"level"_s) + u"\")."_s)),
    };
}

QList<Rule> plainAttributeRules()
{
    const QString E = QString::fromUtf16(Owner::Event);
    const auto ignored = [](const QString &what) {
        return warn(A::Discard, what + u" must be a string, not %1: the server does not store it."_s);
    };
    return {
        typeRow(u"event.logger.type"_s, E, u"logger"_s, StringType | NullType, ignored(u"logger"_s)),
        checkRow(u"event.logger.missing"_s, E, u"logger"_s, u"present"_s,
                 warn(A::Default, u"no logger: the server uses \""_s + defaultOf(u"logger"_s) + u"\". The document requires one."_s), none()),
        lengthRow(u"event.logger.length"_s, E, u"logger"_s, 64, false,
                  warn(A::Truncate, u"logger has %1 characters: the server stores the first {limit}."_s)),
        typeRow(u"event.platform.type"_s, E, u"platform"_s, StringType | NullType, ignored(u"platform"_s)),
        lengthRow(u"event.platform.length"_s, E, u"platform"_s, 64, false,
                  warn(A::Truncate, u"platform has %1 characters: the server stores the first {limit}."_s)),
        typeRow(u"event.culprit.type"_s, E, u"culprit"_s, StringType | NullType,
                err(A::Refuse, u"culprit must be a string (the function to blame), not %1: "_s + crash + u"."_s),
                err(A::Discard, u"culprit must be a string, not %1: "_s + relayDrops + u"."_s)),
        lengthRow(u"event.culprit.length"_s, E, u"culprit"_s, 200, true,
                  warn(A::Truncate, u"culprit has %1 characters: the server cuts it to {limit} ending in \"...\"."_s)),
        typeRow(u"event.server_name.type"_s, E, u"server_name"_s, StringType | NullType, ignored(u"server_name"_s)),
        lengthRow(u"event.server_name.length"_s, E, u"server_name"_s, 128, false,
                  warn(A::Truncate, u"server_name has %1 characters: the server stores the first {limit}."_s)),
        typeRow(u"event.site.type"_s, E, u"site"_s, StringType | NullType, ignored(u"site"_s)),
        lengthRow(u"event.site.length"_s, E, u"site"_s, 128, false,
                  warn(A::Truncate, u"site has %1 characters: the server stores the first {limit}."_s)),
        typeRow(u"event.checksum.type"_s, E, u"checksum"_s, StringType | NullType, ignored(u"checksum"_s)),
        lengthRow(u"event.checksum.length"_s, E, u"checksum"_s, 32, false,
                  warn(A::Truncate, u"checksum has %1 characters: the server keeps a grouping key of {limit}."_s)),
        typeRow(u"event.time_spent.type"_s, E, u"time_spent"_s, NumberType | NullType,
                warn(A::Discard, u"time_spent must be a number of milliseconds, not %1: the server does not store it."_s)),
        checkRow(u"event.time_spent.range"_s, E, u"time_spent"_s, u"0 to 2147483647"_s,
                 warn(A::Accept, u"time_spent %1 is not a number of milliseconds the v4 server can keep: its column is a 32-bit integer (0 to 2147483647), so the event may fail to be saved. Send whole milliseconds in that range."_s)),
        checkRow(u"event.project.legacy"_s, E, u"project"_s, u"the key's project"_s,
                 info(A::Accept, u"project is read on the legacy endpoint /api/store/ only: it must equal the key's project id or slug, else 403 Invalid credentials."_s),
                 info(A::Accept, u"project in the body: Relay takes the project from the URL and the key."_s)),
    };
}

QList<Rule> mapAttributeRules()
{
    const QString E = QString::fromUtf16(Owner::Event);
    const QString T = QString::fromUtf16(Owner::Tags);
    const QString X = QString::fromUtf16(Owner::Extra);
    return {
        typeRow(u"event.tags.type"_s, E, u"tags"_s, ObjectType | ArrayType | NullType,
                err(A::Discard, u"tags must be a map {\"key\": \"value\"} or a list of [key, value] pairs, not %1: the server drops all tags."_s)),
        checkRow(u"tags.entry.not-a-pair"_s, T, u"*"_s, u"[key, value]"_s,
                 err(A::Refuse, u"tag entry %1 is not a [key, value] pair: "_s + crash + u". Send [\"key\", \"value\"]."_s),
                 err(A::Discard, u"tag entry %1 is not a [key, value] pair: "_s + relayDrops + u"."_s)),
        limitRow(u"tags.key.length"_s, T, u"*"_s, 32, u"key at most {limit} characters"_s,
                 err(A::Discard, u"tag key \"%1\" has %2 characters, over {limit}: the server drops this pair."_s)),
        limitRow(u"tags.value.length"_s, T, u"*"_s, 200, u"value at most {limit} characters"_s,
                 err(A::Discard, u"the value of tag \"%1\" has %2 characters, over {limit}: the server drops this pair."_s)),
        checkRow(u"tags.value.not-a-string"_s, T, u"*"_s, u"a string"_s,
                 warn(A::Replace, u"the value of tag \"%1\" is %2: the server stores its text \"%3\". Send strings."_s)),
        checkRow(u"tags.pair-form"_s, T, {}, u"a map"_s, none(),
                 info(A::Replace, u"tags as [key, value] pairs: Relay stores them as a map (a duplicate key keeps the last value)."_s)),
        typeRow(u"event.modules.type"_s, E, u"modules"_s, ObjectType | ArrayType,
                err(A::Discard, u"modules must be a map {\"package\": \"version\"}, not %1: the server drops it."_s)),
        checkRow(u"event.modules.list"_s, E, u"modules"_s, u"a map"_s,
                 err(A::Discard, u"modules is a list: ⚠ the document's own example is a list of maps, but the v4 server kept modules only as one map {\"package\": \"version\"} and dropped this. Send a map."_s),
                 err(A::Discard, u"modules is a list: Relay expects a map {\"package\": \"version\"} and drops it (⚠ the v4 document's own example is a list of maps)."_s)),
        typeRow(u"event.extra.type"_s, E, u"extra"_s, ObjectType | NullType,
                err(A::Discard, u"extra must be a map of your own keys, not %1: the server drops it."_s)),
        checkRow(u"event.extra.null"_s, E, u"extra"_s, u"a map"_s,
                 warn(A::Default, u"extra is null: the server stores an empty map {}."_s)),
        limitRow(u"extra.keys"_s, X, {}, 50, u"at most {limit} keys"_s,
                 warn(A::Truncate, u"extra has %1 keys: the server keeps the first {limit} (the document: mappings of {limit} pairs)."_s), none()),
        limitRow(u"extra.value.length"_s, X, u"*"_s, 2048, u"at most {limit} characters"_s,
                 warn(A::Truncate, u"this extra value has %1 characters: the server trims extra values to {limit}."_s), none()),
        limitRow(u"extra.depth"_s, X, u"*"_s, 3, u"nested at most {limit} deep"_s,
                 warn(A::Truncate, u"extra is nested deeper than {limit} levels here: the server stores this level as text."_s), none()),
    };
}

QList<Rule> keyRules()
{
    const QString E = QString::fromUtf16(Owner::Event);
    return {
        checkRow(u"event.key.unknown"_s, E, u"*"_s, u"a v4 attribute"_s,
                 warn(A::Discard, u"\"%1\" is not a v4 attribute: the v4 server ignores it. Put custom data in extra."_s),
                 warn(A::Discard, u"\"%1\" is not an attribute Relay knows: it drops it and records an invalid_attribute error in the event's _meta. Put custom data in extra."_s)),
        checkRow(u"event.key.later-protocol"_s, E, u"*"_s, u"a v4 attribute"_s,
                 warn(A::Discard, u"\"%1\" belongs to a later protocol (Sentry 7 and newer): the v4 server ignores it."_s), none()),
        checkRow(u"event.key.dotted"_s, E, u"*"_s, u"one of the 7 interfaces"_s,
                 warn(A::Discard, u"\"%1\" is not one of the seven v4 interfaces: the server drops it."_s),
                 warn(A::Discard, u"\"%1\" is not an attribute Relay knows: it drops it and records an invalid_attribute error in the event's _meta."_s)),
        checkRow(u"event.key.interface-misspelled"_s, E, u"*"_s, u"one of the 7 interfaces"_s,
                 err(A::Discard, u"\"%1\" is not one of the seven v4 interfaces (%2): the server drops it. Check the spelling."_s)),
        checkRow(u"event.key.empty"_s, E, u"*"_s, u"not empty"_s,
                 warn(A::Discard, u"\"%1\" is empty (%2): the server ignores empty values. Leave the key out."_s)),
        checkRow(u"interface.full-name"_s, E, u"*"_s, u"the alias"_s,
                 info(A::Accept, u"\"%1\" is the full interface name; since v4 the alias \"%2\" means the same (the server stores the full name)."_s),
                 info(A::Replace, u"\"%1\": Relay stores it under its canonical name \"%2\"."_s)),
        checkRow(u"interface.not-an-object"_s, E, u"*"_s, u"an object"_s,
                 info(A::Replace, u"\"%1\" is %2, not an object: the v4 server passes it as the interface's first field \"%3\"."_s),
                 err(A::Discard, u"\"%1\" is %2, not an object: Relay drops the interface (invalid_data in _meta)."_s)),
        checkRow(u"interface.query-short-key"_s, E, u"query"_s, u"sentry.interfaces.Query"_s,
                 warn(A::Discard, u"\"query\" is not an alias: the v4 server ignores it. Send \"sentry.interfaces.Query\": {\"query\": …, \"engine\": …}."_s),
                 warn(A::Discard, u"\"query\" is not an attribute Relay knows: it drops it and records an invalid_attribute error in the event's _meta."_s)),
        checkRow(u"interface.no-relay-name"_s, E, u"*"_s, u"an interface Relay knows"_s, none(),
                 warn(A::Discard, u"\"%1\" has no canonical name in Relay: it drops it and records an invalid_attribute error in the event's _meta."_s)),
    };
}

QList<Rule> exceptionRules()
{
    const QString X = QString::fromUtf16(Owner::Exception);
    const QString V = QString::fromUtf16(Owner::ExceptionValue);
    return {
        typeRow(u"exception.type"_s, X, {}, ArrayType | ObjectType,
                err(A::Discard, u"exception must be a list of exception objects, {\"values\": [...]} or one exception object, not %1: the server drops %2."_s)),
        checkRow(u"exception.single-object"_s, X, {}, u"a list"_s,
                 info(A::Replace, u"one exception object is the v3 form: the v4 server still accepts it and stores {\"values\": [it]}. The v4 document asks for a list, but the v4-era clients (raven-python 4, raven-node 0.6, raven-js 1.1) all sent one object."_s),
                 info(A::Replace, u"one exception object: Relay wraps it as {\"values\": [it]}."_s)),
        typeRow(u"exception.values.type"_s, X, u"values"_s, ArrayType,
                err(A::Discard, u"values must be a list of exception objects, not %1: the server drops %2."_s)),
        checkRow(u"exception.value.not-an-object"_s, V, {}, u"an object"_s,
                 err(A::Discard, u"each exception value must be an object {\"type\", \"value\", \"module\", \"stacktrace\"}, not %1: the server drops %2."_s)),
        requiredRow(u"exception.value.required"_s, V, u"value"_s,
                    err(A::Discard, u"an exception needs \"value\" (its message; null is allowed): the server drops %1."_s),
                    none()),
        typeRow(u"exception.type.type"_s, V, u"type"_s, StringType | NullType,
                err(A::Discard, u"type must be a string (the exception class), not %1: the server drops %2."_s)),
        typeRow(u"exception.module.type"_s, V, u"module"_s, StringType | NullType,
                err(A::Discard, u"module must be a string, not %1: the server drops %2."_s)),
        checkRow(u"exception.stacktrace-moved"_s, X, u"stacktrace"_s, u"inside the exception"_s,
                 info(A::Replace, u"a top-level stacktrace sent with an exception: the v4 server moves it into the first exception value (%1)."_s),
                 none()),
    };
}

QList<Rule> stacktraceRules()
{
    const QString S = QString::fromUtf16(Owner::Stacktrace);
    const QString F = QString::fromUtf16(Owner::Frame);
    const auto badFrame = [](const QString &what) {
        return err(A::Discard, what + u": one bad frame drops %2."_s);
    };
    return {
        typeRow(u"stacktrace.type"_s, S, {}, ObjectType | ArrayType,
                err(A::Discard, u"a stacktrace must be {\"frames\": [...]}, not %1: the server drops %2."_s)),
        requiredRow(u"stacktrace.frames.required"_s, S, u"frames"_s,
                    err(A::Discard, u"a stacktrace needs \"frames\", a list of frames, oldest call first: the server drops %1."_s)),
        typeRow(u"stacktrace.frames.type"_s, S, u"frames"_s, ArrayType,
                err(A::Discard, u"frames must be a list of frame objects (oldest call first), not %1: the server drops %2."_s)),
        checkRow(u"stacktrace.frames.empty"_s, S, u"frames"_s, u"at least one frame"_s,
                 err(A::Discard, u"frames is empty: the server drops %1. Leave the stacktrace out instead."_s)),
        checkRow(u"frame.not-an-object"_s, F, {}, u"an object"_s,
                 err(A::Discard, u"a frame must be an object, not %1: one bad frame drops %2."_s)),
        checkRow(u"frame.location"_s, F, {}, u"filename, function or module"_s,
                 err(A::Discard, u"a frame needs at least one of filename, function, module: one bad frame drops %1."_s)),
        typeRow(u"frame.filename.type"_s, F, u"filename"_s, StringType | NullType, badFrame(u"filename must be a string, not %1"_s)),
        typeRow(u"frame.function.type"_s, F, u"function"_s, StringType | NullType, badFrame(u"function must be a string, not %1"_s)),
        typeRow(u"frame.module.type"_s, F, u"module"_s, StringType | NullType, badFrame(u"module must be a string, not %1"_s)),
        typeRow(u"frame.abs_path.type"_s, F, u"abs_path"_s, StringType | NullType, badFrame(u"abs_path must be a string, not %1"_s)),
        typeRow(u"frame.context_line.type"_s, F, u"context_line"_s, StringType | NullType, badFrame(u"context_line must be a string, not %1"_s)),
        typeRow(u"frame.lineno.type"_s, F, u"lineno"_s, NumberType | StringType | NullType, badFrame(u"lineno must be an integer, not %1"_s)),
        typeRow(u"frame.colno.type"_s, F, u"colno"_s, NumberType | StringType | NullType, badFrame(u"colno must be an integer, not %1"_s)),
        checkRow(u"frame.number.integer"_s, F, u"lineno"_s, u"an integer or integer string"_s,
                 err(A::Discard, u"%1 \"%2\" is not an integer: one bad frame drops %3. Send a number such as 10."_s)),
        typeRow(u"frame.in_app.type"_s, F, u"in_app"_s, BoolType | NullType, badFrame(u"in_app must be true, false or null, not %1"_s)),
        typeRow(u"frame.pre_context.type"_s, F, u"pre_context"_s, ArrayType | NullType, badFrame(u"pre_context must be a list of strings, not %1"_s)),
        typeRow(u"frame.post_context.type"_s, F, u"post_context"_s, ArrayType | NullType, badFrame(u"post_context must be a list of strings, not %1"_s)),
        checkRow(u"frame.context.item"_s, F, u"pre_context"_s, u"strings"_s,
                 err(A::Discard, u"context lines must be strings, not %1: one bad frame drops %2."_s)),
        typeRow(u"frame.vars.type"_s, F, u"vars"_s, ObjectType | NullType, badFrame(u"vars must be a map, not %1"_s)),
    };
}

QList<Rule> httpAndUserRules()
{
    const QString H = QString::fromUtf16(Owner::Http);
    const QString U = QString::fromUtf16(Owner::User);
    const auto dropped = [](const QString &what) { return err(A::Discard, what + u": the server drops %2."_s); };
    return {
        typeRow(u"http.type"_s, H, {}, ObjectType, dropped(u"the Http interface must be an object, not %1"_s)),
        requiredRow(u"http.url.required"_s, H, u"url"_s,
                    err(A::Discard, u"the server drops this interface: \"url\" is required (the full URL of the request)"_s)),
        typeRow(u"http.url.type"_s, H, u"url"_s, StringType, dropped(u"url must be a string, not %1"_s)),
        checkRow(u"http.url.query"_s, H, u"url"_s, u"no query"_s,
                 info(A::Replace, u"the query of url moves to query_string (\"%1\"), as the v4 server stored it."_s), none()),
        typeRow(u"http.method.type"_s, H, u"method"_s, StringType | NullType, dropped(u"method must be a string, not %1"_s)),
        checkRow(u"http.method.missing"_s, H, u"method"_s, u"present (docstring)"_s,
                 info(A::Accept, u"no method: ⚠ the Http interface's docstring says it is required, its code does not; add \"method\": \"GET\"."_s), none()),
        checkRow(u"http.method.case"_s, H, u"method"_s, u"upper case"_s,
                 warn(A::Replace, u"method \"%1\" is stored upper-cased (\"%2\")."_s), none()),
        typeRow(u"http.query_string.type"_s, H, u"query_string"_s, StringType | ObjectType | NullType,
                dropped(u"query_string must be a string, not %1"_s)),
        typeRow(u"http.cookies.type"_s, H, u"cookies"_s, StringType | ObjectType | NullType,
                dropped(u"cookies must be a string or a map, not %1"_s)),
        typeRow(u"http.headers.type"_s, H, u"headers"_s, ObjectType | NullType, dropped(u"headers must be a map, not %1"_s)),
        typeRow(u"http.env.type"_s, H, u"env"_s, ObjectType | NullType, dropped(u"env must be a map, not %1"_s)),
        typeRow(u"user.type"_s, U, {}, ObjectType, dropped(u"the User interface must be an object, not %1"_s)),
    };
}

QList<Rule> templateMessageQueryRules()
{
    const QString T = QString::fromUtf16(Owner::Template);
    const QString M = QString::fromUtf16(Owner::Message);
    const QString Q = QString::fromUtf16(Owner::Query);
    const auto required = [](const QString &key, const QString &what) {
        return err(A::Discard, u"the server drops this interface: \""_s + key + u"\" is required ("_s + what + u")"_s);
    };
    const auto dropped = [](const QString &what) { return err(A::Discard, what + u": the server drops %2."_s); };
    return {
        requiredRow(u"template.filename.required"_s, T, u"filename"_s, required(u"filename"_s, u"the template's file"_s)),
        requiredRow(u"template.context_line.required"_s, T, u"context_line"_s, required(u"context_line"_s, u"the line that failed"_s)),
        requiredRow(u"template.lineno.required"_s, T, u"lineno"_s, required(u"lineno"_s, u"the line number"_s)),
        typeRow(u"template.filename.type"_s, T, u"filename"_s, StringType, dropped(u"filename must be a string, not %1"_s)),
        typeRow(u"template.context_line.type"_s, T, u"context_line"_s, StringType, dropped(u"context_line must be a string, not %1"_s)),
        typeRow(u"template.lineno.type"_s, T, u"lineno"_s, NumberType | StringType, dropped(u"lineno must be an integer, not %1"_s)),
        typeRow(u"template.pre_context.type"_s, T, u"pre_context"_s, ArrayType | NullType, dropped(u"pre_context must be a list of strings, not %1"_s)),
        typeRow(u"template.post_context.type"_s, T, u"post_context"_s, ArrayType | NullType, dropped(u"post_context must be a list of strings, not %1"_s)),
        requiredRow(u"message.message.required"_s, M, u"message"_s, required(u"message"_s, u"the format string, e.g. \"Hello %s\""_s)),
        typeRow(u"message.message.type"_s, M, u"message"_s, StringType, dropped(u"message must be a string, not %1"_s)),
        lengthRow(u"message.message.length"_s, M, u"message"_s, 5000, false,
                  warn(A::Truncate, u"message has %1 characters: the server keeps {limit}."_s), none()),
        typeRow(u"message.params.type"_s, M, u"params"_s, ArrayType | ObjectType | NullType, dropped(u"params must be a list or a map, not %1"_s)),
        requiredRow(u"query.query.required"_s, Q, u"query"_s, required(u"query"_s, u"the query text"_s)),
        typeRow(u"query.query.type"_s, Q, u"query"_s, StringType, dropped(u"query must be a string, not %1"_s)),
        typeRow(u"query.engine.type"_s, Q, u"engine"_s, StringType | NullType, dropped(u"engine must be a string, not %1"_s)),
    };
}

QList<Rule> buildTable()
{
    QList<Rule> table = bodyRules();
    for (const auto &part : {eventIdAndMessageRules(), timeAndLevelRules(), plainAttributeRules(),
                             mapAttributeRules(), keyRules(), exceptionRules(), stacktraceRules(),
                             httpAndUserRules(), templateMessageQueryRules()})
        table += part;
    return table;
}

QString ownerPath(const QString &owner)
{
    static const QHash<QString, QString> paths = {
        {QString::fromUtf16(Owner::Body), QString()},
        {QString::fromUtf16(Owner::Event), QString()},
        {QString::fromUtf16(Owner::Tags), u"/tags"_s},
        {QString::fromUtf16(Owner::Extra), u"/extra"_s},
        {QString::fromUtf16(Owner::ExceptionValue), u"/sentry.interfaces.Exception/values/*"_s},
        {QString::fromUtf16(Owner::Frame), u"/sentry.interfaces.Stacktrace/frames/*"_s},
    };
    return paths.value(owner, u'/' + owner);
}

} // namespace

QString jsonTypeNames(unsigned types)
{
    static const QList<QPair<unsigned, QString>> names = {
        {StringType, u"a string"_s}, {NumberType, u"a number"_s}, {BoolType, u"a boolean"_s},
        {ArrayType, u"a list"_s},    {ObjectType, u"an object"_s}, {NullType, u"null"_s},
    };
    if (types == AnyType)
        return u"any value"_s;
    QStringList parts;
    for (const auto &[bit, name] : names) {
        if (types & bit)
            parts << name;
    }
    return parts.join(u" or "_s);
}

QString Rule::path() const
{
    const QString prefix = ownerPath(owner);
    return key.isEmpty() ? prefix : prefix + u'/' + key;
}

RuleVerdict Rule::verdict(Profile profile) const
{
    if (profile == Profile::V4 || (relay.applies && relay.message.isEmpty()))
        return v4;
    return relay;
}

const QList<Rule> &Rules::all()
{
    static const QList<Rule> table = buildTable();
    return table;
}

QList<Rule> Rules::all(Profile profile)
{
    QList<Rule> rules;
    for (const Rule &rule : all()) {
        if (rule.verdict(profile).applies)
            rules << rule;
    }
    return rules;
}

const Rule &Rules::byId(const QString &id)
{
    static const QHash<QString, const Rule *> index = [] {
        QHash<QString, const Rule *> byId;
        for (const Rule &rule : all())
            byId.insert(rule.id, &rule);
        return byId;
    }();
    const Rule *rule = index.value(id);
    Q_ASSERT_X(rule, "Rules::byId", qPrintable(id));
    return rule ? *rule : all().constFirst();
}

const QHash<QString, QList<const Rule *>> &Rules::membersOf(const QString &owner)
{
    using Members = QHash<QString, QList<const Rule *>>;
    static const QHash<QString, Members> index = [] {
        QHash<QString, Members> byOwner;
        for (const Rule &rule : all()) {
            if (rule.kind == RuleKind::Type || rule.kind == RuleKind::MaxLength)
                byOwner[rule.owner][rule.key].append(&rule);
        }
        return byOwner;
    }();
    static const Members empty;
    const auto it = index.constFind(owner);
    return it == index.cend() ? empty : *it;
}

const QList<const Rule *> &Rules::requiredOf(const QString &owner)
{
    static const QHash<QString, QList<const Rule *>> index = [] {
        QHash<QString, QList<const Rule *>> byOwner;
        for (const Rule &rule : all()) {
            if (rule.kind == RuleKind::Required)
                byOwner[rule.owner].append(&rule);
        }
        return byOwner;
    }();
    static const QList<const Rule *> none;
    const auto it = index.constFind(owner);
    return it == index.cend() ? none : *it;
}

QString keyRoleName(KeyRole role)
{
    switch (role) {
    case KeyRole::EventId: return u"event-id"_s;
    case KeyRole::Message: return u"message"_s;
    case KeyRole::Timestamp: return u"timestamp"_s;
    case KeyRole::Level: return u"level"_s;
    case KeyRole::Attribute: return u"attribute"_s;
    case KeyRole::TimeSpent: return u"time-spent"_s;
    case KeyRole::Project: return u"project"_s;
    case KeyRole::Tags: return u"tags"_s;
    case KeyRole::Modules: return u"modules"_s;
    case KeyRole::Extra: return u"extra"_s;
    case KeyRole::LaterProtocol: return u"later-protocol"_s;
    }
    return {};
}

const QList<LevelInfo> &Rules::levels()
{
    static const QList<LevelInfo> table = {
        {u"debug"_s, 10}, {u"info"_s, 20}, {u"warning"_s, 30}, {u"error"_s, 40}, {u"fatal"_s, 50},
    };
    return table;
}

const LevelInfo *Rules::levelByNumber(double number)
{
    for (const LevelInfo &level : levels()) {
        if (number == level.number)
            return &level;
    }
    return nullptr;
}

const QList<QPair<QString, QString>> &Rules::relayLevelAliases()
{
    static const QList<QPair<QString, QString>> table = {{u"critical"_s, u"fatal"_s}};
    return table;
}

// The attributes of spec section 5 (the five defaulted ones first, in the order the server filled
// them in), then the keys of later protocols that v4 ignored and Relay knows.
const QList<TopLevelKey> &Rules::topLevelKeys()
{
    using R = KeyRole;
    static const QList<TopLevelKey> table = [] {
        QList<TopLevelKey> keys = {
            {u"event_id"_s, R::EventId, u"event.event_id.missing"_s, {}},
            {u"message"_s, R::Message, u"event.message.missing"_s, u"<no message value>"_s},
            {u"timestamp"_s, R::Timestamp, u"event.timestamp.missing"_s, {}},
            {u"level"_s, R::Level, u"event.level.missing"_s, u"error"_s},
            {u"logger"_s, R::Attribute, u"event.logger.missing"_s, u"root"_s},
            {u"platform"_s, R::Attribute, {}, {}},
            {u"culprit"_s, R::Attribute, {}, {}},
            {u"server_name"_s, R::Attribute, {}, {}},
            {u"site"_s, R::Attribute, {}, {}},
            {u"checksum"_s, R::Attribute, {}, {}},
            {u"time_spent"_s, R::TimeSpent, {}, {}},
            {u"project"_s, R::Project, {}, {}},
            {u"tags"_s, R::Tags, {}, {}},
            {u"modules"_s, R::Modules, {}, {}},
            {u"extra"_s, R::Extra, {}, {}},
        };
        for (const char *key : {"release", "environment", "sdk", "fingerprint", "breadcrumbs",
                                "contexts", "dist", "transaction", "threads", "debug_meta", "type",
                                "errors", "logentry", "start_timestamp", "received", "version",
                                "spans", "measurements", "key_id"})
            keys.append({QString::fromLatin1(key), R::LaterProtocol, {}, {}});
        return keys;
    }();
    return table;
}

const TopLevelKey *Rules::topLevelKey(const QString &key)
{
    static const QHash<QString, const TopLevelKey *> index = [] {
        QHash<QString, const TopLevelKey *> byKey;
        for (const TopLevelKey &row : topLevelKeys())
            byKey.insert(row.key, &row);
        return byKey;
    }();
    return index.value(key);
}

const InterfaceInfo *Rules::interface(const QString &key, Profile profile)
{
    return Interfaces::find(key, profile == Profile::Relay);
}

} // namespace Sentry
