// PlainEvent (plainevent.h) judges the usual event on its JSON text; it may only ever answer what
// the full walk answers. Every input here is validated with the quick checks on and off, in both
// profiles, and must give the same findings, changes, stored event and parse details; where the
// fast path answers, its own result must match the full walk's too. The inputs: the sample corpus,
// the event vectors (broken ones as raw bytes) and a generated raven-python event, each in several
// layouts; targeted text mutations of the generated event; thousands of random byte mutations.
// The suite also pins which inputs the fast path answers for, so it cannot pass by never answering.

#include "plainevent.h"
#include "validationsupport.h"
#include "validator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cctype>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace ValidationSupport;

namespace {

const QByteArray Bom = QByteArrayLiteral("\xEF\xBB\xBF");

// ----- comparing results -----

// The bytes as a C++ string literal, to paste into a test row.
QString literal(const QByteArray &bytes)
{
    QString text = u"\""_s;
    bool afterHex = false;
    for (const char c : bytes) {
        const auto byte = uchar(c);
        if (afterHex && std::isxdigit(byte))
            text += u"\"\""_s; // "\x01" "a", not "\x01a"
        afterHex = false;
        if (c == '"' || c == '\\')
            text += u'\\' + QString(QLatin1Char(c));
        else if (c == '\n' || c == '\r' || c == '\t')
            text += c == '\n' ? u"\\n"_s : c == '\r' ? u"\\r"_s : u"\\t"_s;
        else if (byte < 0x20 || byte >= 0x7f) {
            text += u"\\x%1"_s.arg(uint(byte), 2, 16, QChar(u'0'));
            afterHex = true;
        } else
            text += QLatin1Char(c);
    }
    return text + u'"';
}

QString failure(const QString &what, const QByteArray &json, const QString &left,
                const QString &right, const QString &leftName, const QString &rightName)
{
    return u"%1\ninput: %2\n--- %3:\n%4\n--- %5:\n%6"_s.arg(what, literal(json), leftName, left,
                                                           rightName, right);
}

// Empty when the fast path and the quick checks agree with the full walk on `json`; otherwise
// what differs, with both sides and the input.
QString mismatch(const QByteArray &json)
{
    for (const Profile profile : {Profile::V4, Profile::Relay}) {
        const QString quick = outcome(Validator::validate(json, options(profile, true)));
        const QString full = outcome(Validator::validate(json, options(profile, false)));
        if (quick != full)
            return failure(profileName(profile) + u" profile"_s, json, quick, full,
                           u"quick checks on"_s, u"quick checks off"_s);
    }
    // The fast path itself, so a validator that stopped asking it would not hide its mistakes.
    const QByteArray text = json.startsWith(Bom) ? json.mid(Bom.size()) : json;
    if (const auto fast = PlainEvent::validate(text, options(Profile::V4, true))) {
        const QString direct = outcome(*fast, false);
        const QString full = outcome(Validator::validate(json, options(Profile::V4, false)), false);
        if (direct != full)
            return failure(u"PlainEvent::validate()"_s, json, direct, full, u"fast path"_s,
                           u"full walk (without body findings)"_s);
    }
    return {};
}

// Whether the fast path and the quick checks agree with the full walk on `json`. If not, the
// difference goes to the log: a QVERIFY2 message would be cut at 1 KB.
bool agrees(const QByteArray &json)
{
    const QString difference = mismatch(json);
    if (!difference.isEmpty())
        qWarning().noquote() << difference;
    return difference.isEmpty();
}

// ----- inputs -----

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray indented(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// The same JSON with whitespace wherever the grammar allows it: tabs, CRLF, spaces around ':'
// and ','. The first byte stays '{'.
QByteArray oddWhitespace(const QByteArray &json)
{
    QByteArray out;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            inString = escaped || c != '"';
            escaped = !escaped && c == '\\';
            out += c;
        } else if (c == ':' || c == ',') {
            out += c == ':' ? " \t:\t " : "\r\n ,  ";
        } else if (c == '}' || c == ']') {
            out += " \r\n";
            out += c;
        } else {
            inString = c == '"';
            out += c;
            if (c == '{' || c == '[')
                out += "\r\n\t";
        }
    }
    return out + "\t\r\n";
}

const QJsonObject &baseEvent()
{
    static const QJsonObject event = ravenEvent(1000);
    return event;
}

// The base event padded in extra and its message to exactly `size` bytes of compact text, with
// nothing a rule would report.
QByteArray eventOfSize(qsizetype size)
{
    QJsonObject event = baseEvent();
    QJsonObject extra = event.value(u"extra"_s).toObject();
    for (int i = 0; size - compact(event).size() > 900; ++i) {
        extra.insert(u"pad_%1"_s.arg(i), QString(800, u'p'));
        event.insert(u"extra"_s, extra);
    }
    const qsizetype message = event.value(u"message"_s).toString().size();
    event.insert(u"message"_s, QString(message + size - compact(event).size(), u'm'));
    return compact(event);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// Name and bytes of every sample (but the manifest) and every event vector, as the files hold them.
QList<QPair<QString, QByteArray>> corpus()
{
    QList<QPair<QString, QByteArray>> files;
    const QDir samples(QStringLiteral(SENTRY_SAMPLES_DIR));
    for (const QString &name : samples.entryList({u"*.json"_s}, QDir::Files)) {
        if (name != "manifest.json"_L1)
            files.append({u"sample "_s + name, readFile(samples.filePath(name))});
    }
    const QDir vectors(QStringLiteral(SENTRY_TEST_DATA_DIR "/events"));
    for (const QString &name : vectors.entryList({u"*.json"_s}, QDir::Files))
        files.append({u"vector "_s + name, readFile(vectors.filePath(name))});
    return files;
}

// ----- text mutations -----

QJsonObject edited(const QJsonObject &event, const QStringList &path, const Edit &edit)
{
    return withMember(event, path, 0, edit).toObject();
}

QJsonObject withoutMember(const QJsonObject &event, const QStringList &at, const QString &key)
{
    return edited(event, at, [&key](const QJsonValue &node) {
        QJsonObject object = node.toObject();
        object.remove(key);
        return QJsonValue(object);
    });
}

QJsonValue valueAt(const QJsonObject &event, const QStringList &path)
{
    QJsonValue node = event;
    for (const QString &step : path)
        node = node.isArray() ? node.toArray().at(step.toInt()) : node.toObject().value(step);
    return node;
}

// `event` as compact text with the value at `path` (added if missing) replaced by `raw` JSON text.
QByteArray withRawValue(const QJsonObject &event, const QStringList &path, const QByteArray &raw)
{
    static const QString marker = u"@@raw-value@@"_s;
    QByteArray text = compact(edited(event, path, [](const QJsonValue &) { return marker; }));
    return text.replace(QByteArray('"' + marker.toLatin1() + '"'), raw);
}

// `event` as compact text with `raw` members ("key":value,…) spliced into the object at `at`,
// before its other members or after them.
QByteArray withRawMembers(const QJsonObject &event, const QStringList &at, const QByteArray &raw,
                          bool first = true)
{
    const QString marker = first ? u"!!raw-members"_s : u"~~raw-members"_s; // Qt sorts the keys
    QByteArray text = compact(edited(event, at, [&marker](const QJsonValue &node) {
        QJsonObject object = node.toObject();
        object.insert(marker, 0);
        return QJsonValue(object);
    }));
    return text.replace(QByteArray('"' + marker.toLatin1() + "\":0"), raw);
}

QByteArray quoted(const QString &text)
{
    return jsonText(text).toUtf8();
}

// The text as a JSON string with its first character as a \u escape: "l\u0065vel" is "level".
QByteArray escapedText(const QString &key)
{
    const QByteArray hex = QByteArray::number(key.at(0).unicode(), 16).rightJustified(4, '0');
    const QByteArray escape = "\\u" + hex;
    return '"' + escape + quoted(key.mid(1)).mid(1);
}

// Values a mutation puts in place of a member: every JSON type, and edges the rules care about.
QList<QByteArray> hostileValues()
{
    return {"null", "true", "false", "0", "7", "-1", "40", "4e1", "10.5", "-0", "1e300", "1.0",
            "0.1", "1E2", "9007199254740993", "12345678901234567890", "\"\"", "\"x\"", "\"12\"",
            "\" 12 \"", "\"+5\"", "\"1e3\"", "\"\\u0661\"", "\"None\"",
            '"' + QByteArray(3000, 'y') + '"', "[]", "[\"line\",null]", "[\"line\",3]",
            "[[\"a\",\"b\"]]", "{}", "{\"a\":1}", "{\"values\":[]}"};
}

// Keys a container does not have in the base event but whose rules the mutations should reach.
QStringList addedKeys(const QStringList &at)
{
    if (at.isEmpty())
        return {u"server_name"_s, u"site"_s, u"checksum"_s, u"time_spent"_s, u"project"_s,
                u"modules"_s, u"user"_s, u"stacktrace"_s, u"template"_s, u"query"_s,
                u"release"_s, u"sentry.interfaces.Message"_s, u"sentry.interfaces.Query"_s,
                u"sentry.interfaces.Http"_s, u"sentry.interfaces.Exception"_s};
    if (at == QStringList{u"request"_s})
        return {u"query_string"_s, u"cookies"_s, u"headers"_s, u"env"_s, u"data"_s};
    if (at.size() == 2 && at.first() == "exception"_L1)
        return {u"module"_s};
    if (at.last() == "0"_L1)
        return {u"colno"_s};
    return {};
}

struct Input
{
    QString name;
    QByteArray json;
};

// For one member of the object at `at`: every hostile value in its place, removed, duplicated
// (either value last), its key escaped or with a non-ASCII character, and non-ASCII in its value.
QList<Input> memberMutations(const QJsonObject &event, const QStringList &at, const QString &key)
{
    const QStringList path = at + QStringList{key};
    const QString name = u'/' + path.join(u'/');
    const QJsonValue value = valueAt(event, path);
    const QJsonObject without = withoutMember(event, at, key);
    const QByteArray raw = jsonText(value.isUndefined() ? QJsonValue("x"_L1) : value).toUtf8();
    QList<Input> inputs;
    for (const QByteArray &hostile : hostileValues())
        inputs.append({name + u" = "_s + QString::fromUtf8(hostile.left(40)),
                       withRawValue(event, path, hostile)});
    inputs.append({name + u" removed"_s, compact(without)});
    for (const QByteArray &other : {QByteArray("null"), QByteArray("\"dup\""), QByteArray("{}")}) {
        const QByteArray first = quoted(key) + ':' + raw;
        const QByteArray second = quoted(key) + ':' + other;
        inputs.append({name + u" twice, "_s + QString::fromUtf8(other) + u" last"_s,
                       withRawMembers(without, at, first + ',' + second)});
        inputs.append({name + u" twice, "_s + QString::fromUtf8(other) + u" first"_s,
                       withRawMembers(without, at, second + ',' + first, false)});
    }
    if (!key.isEmpty())
        inputs.append({name + u" key escaped"_s,
                       withRawMembers(without, at, escapedText(key) + ':' + raw)});
    for (const QString &suffix : {u"é"_s, u"😀"_s}) {
        inputs.append({name + u" key + "_s + suffix,
                       withRawMembers(without, at, quoted(key + suffix) + ':' + raw)});
        if (value.isString()) {
            inputs.append({name + u" value + "_s + suffix,
                           withRawValue(event, path, quoted(value.toString() + suffix))});
            inputs.append({name + u" value, "_s + suffix + u" first"_s,
                           withRawValue(event, path, quoted(suffix + value.toString()))});
        }
    }
    if (value.isString() && !value.toString().isEmpty())
        inputs.append({name + u" value escaped"_s,
                       withRawValue(event, path, escapedText(value.toString()))});
    return inputs;
}

// memberMutations() for every member of the object at `at` and for the added keys; and unknown
// members before and after the others.
QList<Input> containerMutations(const QJsonObject &event, const QStringList &at)
{
    QStringList keys = valueAt(event, at).toObject().keys();
    for (const QString &key : addedKeys(at)) {
        if (!keys.contains(key))
            keys.append(key);
    }
    QList<Input> inputs;
    for (const QString &key : std::as_const(keys))
        inputs += memberMutations(event, at, key);
    const QString name = u'/' + at.join(u'/');
    inputs.append({name + u" + unknown first"_s, withRawMembers(event, at, "\"AAA_unknown\":1")});
    inputs.append({name + u" + unknown last"_s,
                   withRawMembers(event, at, "\"zzz_unknown\":\"z\"", false)});
    inputs.append({name + u" + empty key"_s, withRawMembers(event, at, "\"\":\"x\"")});
    return inputs;
}

// Every object in `node` (itself included, if one), as a path of keys and indexes.
void collectObjects(const QJsonValue &node, const QStringList &path, QList<QStringList> *paths)
{
    if (node.isObject()) {
        paths->append(path);
        const QJsonObject object = node.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectObjects(it.value(), path + QStringList{it.key()}, paths);
    } else if (node.isArray()) {
        const QJsonArray array = node.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectObjects(array.at(i), path + QStringList{QString::number(i)}, paths);
    }
}

// A lighter memberMutations() for every member of every object of `event`: a few types in its
// place, removed, duplicated with null (either last), its key escaped.
QList<QByteArray> lightMutations(const QJsonObject &event)
{
    QList<QStringList> paths;
    collectObjects(event, {}, &paths);
    QList<QByteArray> inputs;
    for (const QStringList &at : std::as_const(paths)) {
        const QJsonObject object = valueAt(event, at).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            const QByteArray raw = jsonText(it.value()).toUtf8();
            const QByteArray member = quoted(key) + ':' + raw;
            const QJsonObject without = withoutMember(event, at, key);
            for (const char *value : {"null", "7", "\"x\"", "\"\"", "[]", "{}"})
                inputs.append(withRawValue(event, at + QStringList{key}, value));
            inputs.append(compact(without));
            inputs.append(withRawMembers(without, at, member + ',' + quoted(key) + ":null"));
            inputs.append(withRawMembers(without, at, quoted(key) + ":null," + member, false));
            if (!key.isEmpty())
                inputs.append(withRawMembers(without, at, escapedText(key) + ':' + raw));
        }
    }
    return inputs;
}

// The objects of the base event whose members the targeted mutations visit.
QList<QStringList> containers()
{
    const QString e = u"exception"_s;
    return {{},
            {u"tags"_s},
            {u"extra"_s},
            {u"request"_s},
            {e, u"0"_s},
            {e, u"0"_s, u"stacktrace"_s},
            {e, u"0"_s, u"stacktrace"_s, u"frames"_s, u"0"_s}};
}

// ----- strings of a measured length -----

enum class Filler { Ascii, Escapes, TwoBytes, ThreeBytes, Emoji, EscapedEmoji, Hex, EscapedHex };

QString fillerName(Filler filler)
{
    static const QStringList names{u"ascii"_s, u"escapes"_s, u"é"_s, u"€"_s, u"😀"_s,
                                   u"\\ud83d\\ude00"_s, u"hex"_s, u"\\u0061 hex"_s};
    return names.at(int(filler));
}

// A JSON string (with its quotes) of exactly `length` UTF-16 code units once decoded. With
// surrogate pairs an odd length starts with 'a', so a cut at an odd limit splits a pair.
QByteArray rawString(int length, Filler filler)
{
    static const QList<QByteArray> escapes{"\\n", "\\\"", "\\\\", "\\/", "\\u0041", "b", "\\t"};
    const bool pairs = filler == Filler::Emoji || filler == Filler::EscapedEmoji;
    QByteArray text = pairs && length % 2 ? "\"a" : "\"";
    for (int i = pairs ? length % 2 : 0; i < length; i += pairs ? 2 : 1) {
        switch (filler) {
        case Filler::Ascii: text += char('a' + i % 26); break;
        case Filler::Escapes: text += escapes.at(i % escapes.size()); break;
        case Filler::TwoBytes: text += "\xc3\xa9"; break;
        case Filler::ThreeBytes: text += "\xe2\x82\xac"; break;
        case Filler::Emoji: text += "\xf0\x9f\x98\x80"; break;
        case Filler::EscapedEmoji: text += "\\ud83d\\ude00"; break;
        case Filler::Hex: text += "0123456789abcdef"[i % 16]; break;
        case Filler::EscapedHex: text += i % 2 ? "\\u0061" : "7"; break;
        }
    }
    return text + '"';
}

struct Limit
{
    QString what;
    QStringList path;   // the value measured; with `key`, a member whose key is measured
    QList<int> lengths;
    bool key = false;
};

QList<Limit> limits()
{
    return {
        {u"message"_s, {u"message"_s}, {1000, 1001, 2048, 2049}},
        {u"event_id"_s, {u"event_id"_s}, {31, 32, 33}},
        {u"logger"_s, {u"logger"_s}, {64, 65}},
        {u"platform"_s, {u"platform"_s}, {64, 65}},
        {u"culprit"_s, {u"culprit"_s}, {200, 201}},
        {u"server_name"_s, {u"server_name"_s}, {128, 129}},
        {u"site"_s, {u"site"_s}, {128, 129}},
        {u"checksum"_s, {u"checksum"_s}, {32, 33}},
        {u"tag key"_s, {u"tags"_s}, {32, 33}, true},
        {u"tag value"_s, {u"tags"_s, u"site"_s}, {200, 201}},
        {u"extra value"_s, {u"extra"_s, u"long"_s}, {2048, 2049}},
        {u"extra key"_s, {u"extra"_s}, {2048, 2049}, true},
        {u"exception value"_s, {u"exception"_s, u"0"_s, u"value"_s}, {2048, 2049}},
        {u"frame function"_s,
         {u"exception"_s, u"0"_s, u"stacktrace"_s, u"frames"_s, u"0"_s, u"function"_s},
         {256, 257}},
        {u"url"_s, {u"request"_s, u"url"_s}, {2048, 2049}},
        {u"Message interface"_s, {u"sentry.interfaces.Message"_s, u"message"_s}, {5000, 5001}},
    };
}

// ----- random byte mutations -----

QByteArray randomMutation(QByteArray json, QRandomGenerator &random)
{
    static const QList<QByteArray> specials{"{", "}", "[", "]", ",", ":", "\"", "\\", "0", "-",
                                            "e", ".", "\xff", "\x01", " ", QByteArray(1, '\0')};
    const QByteArray special = specials.at(random.bounded(int(specials.size())));
    const int at = json.isEmpty() ? 0 : random.bounded(int(json.size()));
    switch (random.bounded(10)) {
    case 0: return json.remove(at, 1);
    case 1: return json.insert(at, special);
    case 2: return json.replace(at, 1, special);
    case 3: // often still JSON
        return json.replace(at, 1, QByteArray(1, char('a' + random.bounded(26))));
    case 4: return json.replace(at, 1, QByteArray(1, char('0' + random.bounded(10))));
    case 5: return json.left(at);
    case 6: return json + special + special;
    case 7: return Bom + json;
    case 8: return ' ' + json;
    default: return json.insert(at, "\"\\u00e9\"");
    }
}

// ----- what the fast path answers for -----

// The corpus files the fast path answers for (v4): usual events, or ones with only the repairs it
// knows (aliases renamed, tag maps as pairs, an exception list wrapped, numeric levels named,
// defaults, the legacy single exception, "project"). In resources/samples and tests/data/events.
QStringList fastSamples()
{
    return {u"chained-exceptions.json"_s,  u"document-example.json"_s,
            u"raven-python-logging-message.json"_s, u"sql-query.json"_s,
            u"stacktrace-message.json"_s, u"template-error.json"_s, u"user-tags-modules.json"_s};
}

QStringList fastVectors()
{
    return {u"exception-single-object-legacy.json"_s, u"full-interface-names.json"_s,
            u"http-interface.json"_s, u"level-and-logger-defaulted.json"_s,
            u"level-as-python-int.json"_s, u"modules-and-extra.json"_s, u"query-interface.json"_s,
            u"seed-example.json"_s, u"tags-as-pair-list.json"_s, u"template-interface.json"_s,
            u"working-example-with-project.json"_s};
}

// ----- variants of the usual event (rows of sameAsFullWalk_variants) -----

void addRawRows(const char *what, const QStringList &path,
                std::initializer_list<const char *> values)
{
    for (const char *value : values)
        QTest::addRow("%s %s", what, value) << withRawValue(baseEvent(), path, value);
}

void addLevelAndTimestampRows()
{
    addRawRows("level", {u"level"_s},
               {"\"error\"", "\"ERROR\"", "40", "40.0", "45", "\"critical\"", "null", "\"\"",
                "\"warning\"", "10", "true", "\"error \"", "\"fatal\"", "-1e400"});
    addRawRows("timestamp", {u"timestamp"_s},
               {"\"2013-06-01T12:00:00\"", "\"2013-06-01T12:00:00.123\"",
                "\"2013-06-01T12:00:00Z\"", "\"2013-06-01T12:00:00.123456Z\"",
                "\"2013-06-01T12:00:00.1234567\"", "\"2026-11-28T12:01:00\"",
                "\"2026-11-28T12:01:01\"", "\"2099-01-01T00:00:00\"", "\"2013-06-01 12:00:00\"",
                "\"2013-06-01\"", "\"yesterday\"", "\"2013-13-01T12:00:00\"",
                "\"2013-06-01T24:00:00\"", "1370088000", "1370088000.5", "-1", "1e20",
                "\"1370088000\"", "\"1370088000.25\"", "\"2013-06-01T12:00:00+02:00\"", "null",
                "\"\"",
                "\"2013-06-01T12:00:0\\u0030\"",
                // the document's own form at the edges of the calendar and of the clock
                "\"0000-01-01T00:00:00\"", "\"0001-01-01T00:00:00\"",
                "\"1900-02-29T00:00:00\"", "\"2000-02-29T00:00:00\"", "\"2100-02-29T00:00:00\"",
                "\"2024-02-29T23:59:59\"", "\"2024-02-30T00:00:00\"", "\"2013-06-31T00:00:00\"",
                "\"2013-00-10T00:00:00\"", "\"2013-06-00T00:00:00\"", "\"2013-06-01T23:59:60\"",
                "\"2013-06-01T12:60:00\"", "\"1969-12-31T23:59:59\"", "\"1970-01-01T00:00:00\"",
                "\"2026-11-28T12:00:59\"", "\"2026-11-28T12:00:60\"", "\"2026-12-31T23:59:59\"",
                "\"9999-12-31T23:59:59\"", "\"1582-10-10T00:00:00\"",
                // in Arabic-Indic digits
                "\"\xd9\xa2\xd9\xa0\xd9\xa1\xd9\xa3-\xd9\xa0\xd9\xa6-\xd9\xa0\xd9\xa1"
                "T\xd9\xa1\xd9\xa2:\xd9\xa0\xd9\xa0:\xd9\xa0\xd9\xa0\""});
}

void addHttpRows()
{
    addRawRows("url", {u"request"_s, u"url"_s},
               {"\"http://x/?a=1\"", "\"http://x/?\"", "\"?only\"", "\"http://x/?a=1?b\"",
                "\"http://x/\\u003fa=1\""});
    addRawRows("method", {u"request"_s, u"method"_s},
               {"\"get\"", "\"Get\"", "\"POST\"", "null", "\"\"", "\"\xc3\x9f\"", "\"\xc5\xbf\""});
    QTest::newRow("method missing")
        << compact(withoutMember(baseEvent(), {u"request"_s}, u"method"_s));
    const QList<QJsonValue> queries{u"b=2"_s, u""_s, QJsonObject{{u"b"_s, 2}}};
    for (const QJsonValue &query : queries) {
        const auto withQuery = [&query](const QJsonValue &node) {
            QJsonObject request = node.toObject();
            request.insert(u"url"_s, u"http://x/?a=1"_s);
            request.insert(u"query_string"_s, query);
            return QJsonValue(request);
        };
        QTest::addRow("url with query, query_string %s", qPrintable(jsonText(query)))
            << compact(edited(baseEvent(), {u"request"_s}, withQuery));
    }
    addRawRows("with", {u"sentry.interfaces.Http"_s},
               {"{\"url\":\"http://other/\",\"method\":\"GET\"}", "{}"});
}

void addTagRows()
{
    addRawRows("tags", {u"tags"_s},
               {"[[\"a\",\"b\"]]", "[[\"a\",\"b\"],[\"c\"]]", "[]", "null", "{}", "{\"a\":1}",
                "{\"a\":null}", "{\"a\":true}", "{\"a\":{\"b\":1}}", "{\"\":\"x\"}", "[[1,\"x\"]]",
                "[[\"a\",\"1\"],[\"a\",\"2\"]]", "{\"a\":\"1\",\"a\":\"2\"}", "[\"a\",\"b\"]",
                "{\"a\":\"\"}", "{\"\\u0062\":\"1\",\"a\":\"2\",\"c\":\"3\"}", "{\"a/b~c\":\"1\"}",
                // non-ASCII keys, ordered by code point in a QJsonObject
                "{\"z\":\"1\",\"\xc3\xa9\":\"2\",\"\xf0\x9f\x98\x80\":\"3\","
                "\"\xef\xbc\x81\":\"4\",\"A\":\"5\"}",
                "{\"a\":0.1,\"b\":1e300,\"c\":-0,\"d\":9007199254740993,\"e\":[1,\"x\"]}",
                "{\"A\":\"1\",\"_\":\"2\",\"a\":\"3\",\"~\":\"4\",\" \":\"5\","
                "\"a\\u0000\":\"6\"}"});
    QTest::newRow("long tag value, key to escape in a pointer")
        << withRawValue(baseEvent(), {u"tags"_s},
                        "{\"a/b~c\":" + rawString(201, Filler::Ascii) + '}');
    QTest::newRow("lone surrogate escape in a tag")
        << withRawValue(baseEvent(), {u"tags"_s, u"site"_s}, "\"\\udc00\"");
}

void addInterfaceRows()
{
    const QJsonObject &event = baseEvent();
    const QByteArray exception = compact(valueAt(event, {u"exception"_s, u"0"_s}).toObject());
    const QJsonObject noException = withoutMember(event, {}, u"exception"_s);
    const QByteArray trace
        = "{\"frames\":[{\"filename\":\"a.py\",\"function\":\"f\",\"lineno\":1}]}";
    const QString fullException = u"sentry.interfaces.Exception"_s;
    const auto add = [](const char *name, const QJsonObject &event, const QString &key,
                        const QByteArray &raw) {
        QTest::newRow(name) << withRawValue(event, {key}, raw);
    };
    add("exception as {\"values\": [...]}", event, u"exception"_s,
        "{\"values\":[" + exception + "]}");
    add("exception as one object", event, u"exception"_s, exception);
    add("exception as []", event, u"exception"_s, "[]");
    add("exception under its full name", noException, fullException, '[' + exception + ']');
    add("exception under both names", event, fullException, '[' + exception + ']');
    add("top-level stacktrace with an exception", event, u"stacktrace"_s, trace);
    add("top-level stacktrace without an exception", noException, u"stacktrace"_s, trace);
    add("sentry.interfaces.Stacktrace with an exception", event,
        u"sentry.interfaces.Stacktrace"_s, trace);
    add("user", event, u"user"_s, "{\"id\":\"1\"}");
    add("user as a string", event, u"user"_s, "\"1\"");
    add("modules", event, u"modules"_s, "{\"django\":\"1.5\"}");
    add("modules as a list", event, u"modules"_s, "[{\"django\":\"1.5\"}]");
    QTest::newRow("only an exception")
        << compact(QJsonObject{{u"exception"_s, event.value(u"exception"_s)}});
}

void addKeyRows()
{
    const QJsonObject &event = baseEvent();
    const auto add = [&event](const char *name, const QString &key, const QByteArray &raw) {
        QTest::newRow(name) << withRawValue(event, {key}, raw);
    };
    add("project as a number", u"project"_s, "1");
    add("project as a string", u"project"_s, "\"shop\"");
    add("unknown key", u"foo"_s, "1");
    add("later-protocol key", u"release"_s, "\"1.0\"");
    add("dotted key", u"a.b"_s, "1");
    add("misspelled interface", u"sentry.interfaces.Foo"_s, "{}");
    add("empty key", QString(), "1");
    QTest::newRow("no defaulted attribute") << compact(QJsonObject{{u"culprit"_s, u"x"_s}});
    QTest::newRow("empty object") << QByteArray("{}");
    const QByteArray exception = jsonText(event.value(u"exception"_s)).toUtf8();
    QTest::newRow("key escapes") << withRawMembers(withoutMember(event, {}, u"exception"_s), {},
                                                   "\"\\u0065xception\":" + exception);
}

// The body as a whole, and strings and numbers that Qt reads in its own way.
void addTextRows()
{
    const QByteArray event = compact(baseEvent());
    QTest::newRow("BOM") << Bom + event;
    QTest::newRow("leading space") << ' ' + event;
    QTest::newRow("trailing garbage") << event + "x";
    QTest::newRow("two objects") << event + event;
    QTest::newRow("form feed before ':'")
        << QByteArray(event).replace("\"level\":", "\"level\"\f:");
    addRawRows("message", {u"message"_s},
               {"\"a\\u0000b\"", "\"a\\ud800b\"", "\"\\udc00\\ud800\"", "\"\xc0\xaf\"",
                "\"a\x01z\"",
                "\"\xed\xa0\x80\"", "\"\xef\xbf\xbf\"", "\"\xf4\x90\x80\x80\""});
    addRawRows("extra", {u"extra"_s, u"x"_s},
               {"1e400", "-1e-400", "1e308", "123456789012345678901234567890"});
    QTest::newRow("long extra value, key to escape in a pointer")
        << withRawValue(baseEvent(), {u"extra"_s},
                        "{\"a/b~c\":" + rawString(2049, Filler::Ascii) + '}');
    // Around the nesting Qt's parser allows, where the fast path copies the value as it came.
    for (const int depth : {1020, 1021, 1022, 1023, 1024, 1025}) {
        const QByteArray deep = QByteArray(depth, '[') + QByteArray(depth, ']');
        QTest::addRow("modules nested %d deep", depth)
            << withRawValue(baseEvent(), {u"modules"_s, u"a"_s}, deep);
        QTest::addRow("exception value nested %d deep", depth)
            << withRawValue(baseEvent(), {u"exception"_s, u"0"_s, u"extra"_s}, deep);
    }
}

// Bytes the tokenizer must notice wherever they fall in a string (it scans 8 or 16 bytes at a
// time): a \u escape, a non-ASCII character, an escaped quote, a NUL; each at every position of
// the first 40 bytes, in strings whose bytes the fast path judges itself.
void addScanPositionRows()
{
    const QStringList url{u"request"_s, u"url"_s};
    const QStringList method{u"request"_s, u"method"_s};
    const QStringList message{u"message"_s};
    for (int i = 0; i < 40; ++i) {
        const QByteArray x(i, 'x');
        const QByteArray y(39 - i, 'y');
        QTest::addRow("url, \\u003f at %d", i)
            << withRawValue(baseEvent(), url, '"' + x + "\\u003fq=1" + y + '"');
        QTest::addRow("method, \xc3\x9f at %d", i) // upper-cased to "SS"
            << withRawValue(baseEvent(), method, '"' + QByteArray(i, 'G') + "\xc3\x9f" + '"');
        QTest::addRow("message of 1000 characters, \xc3\xa9 at %d", i) // 1001 bytes
            << withRawValue(baseEvent(), message,
                            '"' + x + "\xc3\xa9" + QByteArray(999 - i, 'y') + '"');
        QTest::addRow("message, \\\" at %d", i)
            << withRawValue(baseEvent(), message, '"' + x + "\\\",\\\"level\\\":\\\"" + y + '"');
        QTest::addRow("message, NUL at %d", i)
            << withRawValue(baseEvent(), message, '"' + x + '\0' + y + '"');
        if (i > 30)
            continue; // tag keys have at most 32 characters
        const QByteArray rest(30 - i, 'k');
        const QByteArray tags // the same key twice, once decoded
            = "{\"" + x + 'b' + rest + "\":\"1\",\"" + x + "\\u0062" + rest + "\":\"2\"}";
        QTest::addRow("tag keys, b and \\u0062 at %d", i)
            << withRawValue(baseEvent(), {u"tags"_s}, tags);
    }
}

// ----- extra, and text the grammar does not allow -----

void addExtraDepthRows()
{
    const QStringList deep{u"extra"_s, u"deep"_s};
    for (int depth = 1; depth <= 5; ++depth) {
        QByteArray object = "\"leaf\"";
        QByteArray list = "\"leaf\"";
        QByteArray longLeaf = '"' + QByteArray(3000, 'z') + '"';
        for (int i = 0; i < depth; ++i) {
            object = "{\"a\":" + object + ",\"b\":1}";
            list = "[1," + list + "]";
            longLeaf = "{\"k\":" + longLeaf + "}";
        }
        QTest::addRow("nested objects, depth %d", depth) << withRawValue(baseEvent(), deep, object);
        QTest::addRow("nested lists, depth %d", depth) << withRawValue(baseEvent(), deep, list);
        QTest::addRow("long string at depth %d", depth)
            << withRawValue(baseEvent(), deep, longLeaf);
    }
}

void addExtraKeyRows()
{
    const QStringList extra{u"extra"_s};
    for (const int count : {49, 50, 51, 60}) {
        QByteArray members;
        for (int i = 0; i < count; ++i) {
            const QByteArray number = QByteArray::number(i);
            members += (i ? ",\"k" : "\"k") + number.rightJustified(2, '0') + "\":" + number;
        }
        QTest::addRow("%d keys", count) << withRawValue(baseEvent(), extra, '{' + members + '}');
        QTest::addRow("%d keys, one twice", count)
            << withRawValue(baseEvent(), extra, "{\"k00\":\"again\"," + members + '}');
        const QByteArray nonAscii // the first 50 keys: in a QJsonObject's order of code points
            = "{\"\xf0\x9f\x98\x80\":1,\"\xef\xbc\x81\":2,\"\xc3\xa9\":3,\"\\u00e8\":4,";
        QTest::addRow("%d keys, non-ASCII ones", count)
            << withRawValue(baseEvent(), extra, nonAscii + members + '}');
    }
    QTest::newRow("null") << withRawValue(baseEvent(), extra, "null");
    QTest::newRow("empty") << withRawValue(baseEvent(), extra, "{}");
    QTest::newRow("a list") << withRawValue(baseEvent(), extra, "[1]");
}

// Whitespace JSON does not know, stray separators and quotes, at each place where the fast path
// writes the separators itself or copies a value.
void addJunkRows()
{
    const QByteArray event = withRawValue(baseEvent(), {u"time_spent"_s}, "12");
    const QList<QPair<const char *, qsizetype>> sites = {
        {"after the first {", 1},
        {"before ':' of level", event.indexOf("\"level\":") + 7},
        {"after ':' of level", event.indexOf("\"level\":") + 8},
        {"before ',' after level", event.indexOf(",\"logger\"")},
        {"after ',' after level", event.indexOf(",\"logger\"") + 1},
        {"after { of tags", event.indexOf("\"tags\":{") + 8},
        {"before ':' in tags", event.indexOf("\"site\":\"shop\"") + 6},
        {"after ',' in tags", event.indexOf(",\"site\":\"shop\"") + 1},
        {"before } of tags", event.indexOf("\"shop\"}") + 6},
        {"after [ of exception", event.indexOf("\"exception\":[") + 13},
        {"before ] of frames", event.indexOf("}}]") + 2},
        {"in a number", event.indexOf("\"time_spent\":12") + 14},
        {"before the last }", event.size() - 1},
        {"at the end", event.size()},
    };
    for (const auto &[site, at] : sites) {
        QVERIFY2(at > 0, site);
        for (const char *junk : {" ", "\t", "\r\n", "\f", "\v", "\x1f", "\x7f", "\xc2\xa0",
                                 "\xef\xbb\xbf", ",", ",,", ":", "/**/", "\\", "\"", "0"}) {
            QTest::addRow("%s: %s", site, qPrintable(literal(junk)))
                << QByteArray(event).insert(at, junk);
        }
        QTest::addRow("%s: NUL", site) << QByteArray(event).insert(at, '\0');
    }
    QTest::newRow("trailing comma at the top") << QByteArray(event).insert(event.size() - 1, ',');
    QTest::newRow("missing comma at the top")
        << QByteArray(event).remove(event.indexOf(",\"logger\""), 1);
    QTest::newRow("unquoted key at the top") << QByteArray(event).replace("\"level\":", "level:");
    QTest::newRow("two BOMs") << Bom + Bom + event;
    QTest::newRow("space, then a BOM") << ' ' + Bom + event;
    QTest::newRow("BOM, then a space") << Bom + ' ' + event;
}

// Numbers, literals and strings Qt may read otherwise than RFC 8259, where the rules look.
void addMalformedValueRows()
{
    const QList<QStringList> places = {
        {u"time_spent"_s}, {u"level"_s}, {u"tags"_s, u"site"_s}, {u"extra"_s, u"key_0"_s},
        {u"modules"_s, u"a"_s},
        {u"exception"_s, u"0"_s, u"stacktrace"_s, u"frames"_s, u"0"_s, u"lineno"_s}};
    for (const QStringList &place : places) {
        for (const char *value : {"010", "-01", "1.", ".5", "1e", "1e+", "+1", "-", "0x10",
                                  "Infinity", "NaN", "True", "nul", "nulll", "truee", "\"\\a\"",
                                  "\"\\x41\"", "\"\\u12\"", "\"\\U0041\"", "\"a\nb\"", "\"a\tb\"",
                                  "'x'", "[1,]", "{\"a\":1,}", "[,1]", "{,}", "{1:2}", "{\"a\"}",
                                  "[1 2]",
                                  // grammatical, but beyond a double: QJsonDocument refuses them
                                  "1e999", "-1e999", "1e-999", "[1e400]", "{\"a\":-2e308}"}) {
            QTest::addRow("/%s = %s", qPrintable(place.join(u'/')), value)
                << withRawValue(baseEvent(), place, value);
        }
    }
    QTest::newRow("trailing comma in tags list")
        << withRawValue(baseEvent(), {u"tags"_s}, "[[\"a\",\"b\"],]");
    QTest::newRow("colon in tags list")
        << withRawValue(baseEvent(), {u"tags"_s}, "[[\"a\":\"b\"]]");
}

} // namespace

class TestPlainEvent : public QObject
{
    Q_OBJECT

    static void addRavenRows()
    {
        for (const int size : {1000, 20 * 1000}) {
            const QJsonObject event = ravenEvent(size);
            QTest::addRow("raven-python %d bytes, compact", size) << compact(event);
            QTest::addRow("raven-python %d bytes, indented", size) << indented(event);
            QTest::addRow("raven-python %d bytes, odd whitespace", size)
                << oddWhitespace(compact(event));
        }
        // Over the size from which the validator measures the compressed body, and over 1 MB.
        for (const int size : {160 * 1000, 1010 * 1000})
            QTest::addRow("raven-python %d bytes, compact", size) << compact(ravenEvent(size));
        // Around the size up to which the validator asks the fast path.
        for (const qsizetype size : {PlainEvent::MaxSize, PlainEvent::MaxSize + 1}) {
            const QByteArray event = eventOfSize(size);
            QTest::addRow("raven-python %lld bytes, compact", qlonglong(event.size())) << event;
        }
    }

private Q_SLOTS:
    void sameAsFullWalk_corpus_data()
    {
        QTest::addColumn<QByteArray>("json");
        for (const auto &[name, bytes] : corpus()) {
            QTest::newRow(qPrintable(name + u", as stored"_s)) << bytes;
            const QJsonDocument document = QJsonDocument::fromJson(bytes);
            if (!document.isObject()) // broken JSON and a top-level list: the raw bytes only
                continue;
            const QByteArray text = compact(document.object());
            QTest::newRow(qPrintable(name + u", compact"_s)) << text;
            QTest::newRow(qPrintable(name + u", indented"_s)) << indented(document.object());
            QTest::newRow(qPrintable(name + u", odd whitespace"_s)) << oddWhitespace(text);
        }
        addRavenRows();
    }

    void sameAsFullWalk_corpus()
    {
        QFETCH(QByteArray, json);
        QVERIFY(agrees(json));
    }

    void sameAsFullWalk_memberMutations_data()
    {
        QTest::addColumn<QByteArray>("json");
        for (const QStringList &at : containers()) {
            for (const Input &input : containerMutations(baseEvent(), at))
                QTest::newRow(qPrintable(input.name)) << input.json;
        }
    }

    void sameAsFullWalk_memberMutations()
    {
        QFETCH(QByteArray, json);
        QVERIFY(agrees(json));
    }

    // The corpus files that parse, each member of each object mutated a little.
    void sameAsFullWalk_corpusMutations_data()
    {
        QTest::addColumn<QJsonObject>("event");
        for (const auto &[name, bytes] : corpus()) {
            const QJsonDocument document = QJsonDocument::fromJson(bytes);
            if (document.isObject())
                QTest::newRow(qPrintable(name)) << document.object();
        }
    }

    void sameAsFullWalk_corpusMutations()
    {
        QFETCH(QJsonObject, event);
        const QList<QByteArray> inputs = lightMutations(event);
        for (const QByteArray &json : inputs)
            QVERIFY(agrees(json));
    }

    void sameAsFullWalk_lengths_data()
    {
        QTest::addColumn<QByteArray>("json");
        for (const Limit &limit : limits()) {
            for (const int length : limit.lengths) {
                for (int f = int(Filler::Ascii); f <= int(Filler::EscapedHex); ++f) {
                    const QByteArray text = rawString(length, Filler(f));
                    const QByteArray json = limit.key
                        ? withRawMembers(baseEvent(), limit.path, text + ":\"v\"")
                        : withRawValue(baseEvent(), limit.path, text);
                    QTest::addRow("%s, %d characters, %s", qPrintable(limit.what), length,
                                  qPrintable(fillerName(Filler(f))))
                        << json;
                }
            }
        }
        QTest::newRow("event_id, 32 characters, not hex")
            << withRawValue(baseEvent(), {u"event_id"_s}, "\"fc6d8c0c43fc4630ad850ee518f1b9dg\"");
        QTest::newRow("event_id, upper-case hex")
            << withRawValue(baseEvent(), {u"event_id"_s}, "\"FC6D8C0C43FC4630AD850EE518F1B9D0\"");
        QTest::newRow("event_id, uuid with dashes")
            << withRawValue(baseEvent(), {u"event_id"_s},
                            "\"fc6d8c0c-43fc-4630-ad85-0ee518f1b9d0\"");
        QTest::newRow("event_id, 32 fullwidth digits")
            << withRawValue(baseEvent(), {u"event_id"_s}, quoted(QString(32, QChar(0xff11))));
    }

    void sameAsFullWalk_lengths()
    {
        QFETCH(QByteArray, json);
        for (const QByteArray &text : {json, oddWhitespace(json)})
            QVERIFY(agrees(text));
    }

    void sameAsFullWalk_extra_data()
    {
        QTest::addColumn<QByteArray>("json");
        addExtraDepthRows();
        addExtraKeyRows();
    }

    void sameAsFullWalk_extra()
    {
        QFETCH(QByteArray, json);
        QVERIFY(agrees(json));
    }

    void sameAsFullWalk_variants_data()
    {
        QTest::addColumn<QByteArray>("json");
        addLevelAndTimestampRows();
        addHttpRows();
        addTagRows();
        addInterfaceRows();
        addKeyRows();
        addTextRows();
    }

    void sameAsFullWalk_variants()
    {
        QFETCH(QByteArray, json);
        for (const QByteArray &text : {json, oddWhitespace(json)})
            QVERIFY(agrees(text));
    }

    // Bytes the grammar does not allow, or allows only in some places, put where the fast path
    // rewrites the text around them: between top-level members, in the tag map, in lists.
    void sameAsFullWalk_syntax_data()
    {
        QTest::addColumn<QByteArray>("json");
        addJunkRows();
        addMalformedValueRows();
    }

    void sameAsFullWalk_syntax()
    {
        QFETCH(QByteArray, json);
        QVERIFY(agrees(json));
    }

    void sameAsFullWalk_scanPositions_data()
    {
        QTest::addColumn<QByteArray>("json");
        addScanPositionRows();
    }

    void sameAsFullWalk_scanPositions()
    {
        QFETCH(QByteArray, json);
        QVERIFY(agrees(json));
    }

    void sameAsFullWalk_randomBytes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<quint32>("seed");
        quint32 seed = 20261128;
        for (const auto &[name, bytes] : corpus())
            QTest::newRow(qPrintable(name)) << bytes << seed++;
        QTest::newRow("raven-python, compact") << compact(baseEvent()) << seed++;
        QTest::newRow("raven-python, odd whitespace")
            << oddWhitespace(compact(baseEvent())) << seed++;
    }

    void sameAsFullWalk_randomBytes()
    {
        QFETCH(QByteArray, json);
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        for (int i = 0; i < 200; ++i) {
            QByteArray mutated = randomMutation(json, random);
            if (random.bounded(3) == 0)
                mutated = randomMutation(mutated, random);
            QVERIFY2(agrees(mutated), qPrintable(u"mutation %1"_s.arg(i)));
        }
    }

    // The suite proves nothing if the fast path never answers: it must, for the usual event.
    void fastPath_answersForUsualEvents_data()
    {
        QTest::addColumn<QByteArray>("json");
        addRavenRows();
        for (const QString &name : fastSamples())
            QTest::newRow(qPrintable(u"sample "_s + name))
                << readFile(QStringLiteral(SENTRY_SAMPLES_DIR) + u'/' + name);
        for (const QString &name : fastVectors())
            QTest::newRow(qPrintable(u"vector "_s + name))
                << readFile(QStringLiteral(SENTRY_TEST_DATA_DIR "/events/") + name);
    }

    void fastPath_answersForUsualEvents()
    {
        QFETCH(QByteArray, json);
        QVERIFY(PlainEvent::validate(json, options(Profile::V4, true)).has_value());
        QVERIFY(!PlainEvent::validate(json, options(Profile::Relay, true)).has_value());
    }

    void fastPath_declines_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray event = compact(baseEvent());
        const QString vectors = QStringLiteral(SENTRY_TEST_DATA_DIR "/events/");
        QTest::newRow("broken-json vector") << readFile(vectors + u"broken-json.json"_s);
        QTest::newRow("top-level list") << readFile(vectors + u"top-level-array.json"_s);
        QTest::newRow("truncated") << event.left(event.size() / 2);
        QTest::newRow("missing comma") << QByteArray(event).replace(",\"level\"", "\"level\"");
        QTest::newRow("trailing garbage") << event + "}";
        QTest::newRow("empty") << QByteArray();
    }

    void fastPath_declines()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!PlainEvent::validate(json, options(Profile::V4, true)).has_value());
        QVERIFY(!PlainEvent::validate(json, options(Profile::Relay, true)).has_value());
    }

    // An injected clock that gives no valid time: the pass leaves the event to the walk (it reads
    // the receipt time as milliseconds, which an invalid time does not have), and the validator
    // with the quick checks answers what the full walk answers. Without a timestamp of their own,
    // the events get the receipt time's: the pass's would differ from the walk's.
    void fastPath_declinesWithoutValidTime()
    {
        QJsonObject base = baseEvent();
        QJsonObject raven = ravenEvent(1000);
        base.remove(u"timestamp"_s);
        raven.remove(u"timestamp"_s);
        for (const QByteArray &json : {compact(base), compact(raven)}) {
            ValidateOptions quick = options(Profile::V4, true);
            ValidateOptions full = options(Profile::V4, false);
            quick.clock = full.clock = [] { return QDateTime(); };
            QVERIFY(PlainEvent::validate(json, options(Profile::V4, true)).has_value());
            QVERIFY(!PlainEvent::validate(json, quick).has_value());
            QCOMPARE(outcome(Validator::validate(json, quick)), outcome(Validator::validate(json, full)));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlainEvent)
#include "tst_plainevent.moc"
