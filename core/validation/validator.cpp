#include "validator.h"

#include "serverrefusals.h"

#include "bodycodec.h"
#include "jsonerror.h"
#include "jsonquirks.h"
#include "normalizecontext.h"
#include "normalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <future>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

void reportBrokenJson(ValidationResult &result, NormalizeContext &context, const QByteArray &json,
                      const JsonErrorLocation &at)
{
    result.errorOffset = at.offset;
    result.errorLine = at.line;
    result.errorColumn = at.column;
    context.report(u"body.json.broken"_s, QString(),
                   {QString::number(at.line), QString::number(at.column), at.hint, at.errorString,
                    // Spec section 4: a body starting with '{' went straight to json.loads; any
                    // other was base64-decoded first, and failed there.
                    ServerRefusals::prefix(json.startsWith('{') ? "body.reconstruct" : "body.decode")});
}

// Where Qt read what Python's json.loads and Relay refuse (JsonQuirk::refused()), in the words
// of a JSON error.
JsonErrorLocation strictError(const QByteArray &json, const JsonQuirk &quirk)
{
    QString hint;
    QString words;
    switch (quirk.kind) {
    case JsonQuirk::Kind::ControlCharacter: {
        const char16_t c = quirk.text.isEmpty() ? 0 : quirk.text.front().unicode();
        const QString hex = QString::number(int(c), 16).rightJustified(4, u'0');
        const QString escape = c == u'\t' ? u"\\t"_s : c == u'\n' ? u"\\n"_s : c == u'\r' ? u"\\r"_s : u"\\u"_s + hex;
        hint = u"a raw control character (U+%1) in a string: write it as %2"_s.arg(hex.toUpper(), escape);
        words = u"invalid control character"_s;
        break;
    }
    case JsonQuirk::Kind::BadEscape:
        hint = u"\"%1\" is not a JSON escape (Qt reads it as the bare character): write \\\\ for a backslash, or one of \\\", \\/, \\b, \\f, \\n, \\r, \\t, \\uXXXX"_s
                   .arg(quirk.text);
        words = u"invalid \\escape"_s;
        break;
    case JsonQuirk::Kind::BareFraction:
        hint = u"%1 needs a digit on each side of its point (Qt reads it, JSON does not): write 0.5, not .5 or 5."_s
                   .arg(quirk.text);
        words = u"illegal number"_s;
        break;
    case JsonQuirk::Kind::DuplicateKey:
    case JsonQuirk::Kind::BigInteger:
    case JsonQuirk::Kind::Overflow:
    case JsonQuirk::Kind::Underflow:
    case JsonQuirk::Kind::NonFinite:
        Q_ASSERT(!quirk.refused());
        break;
    }
    return JsonError::locate(json, quirk.offset, hint, words);
}

// The first byte, judged on the bytes as sent.
void checkStart(NormalizeContext &context, const QByteArray &json)
{
    const qsizetype skipped = json.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (skipped || (!json.isEmpty() && QChar::isSpace(uchar(json.front()))))
        context.report(u"body.leading-whitespace"_s, QString(),
                       {skipped ? u"a byte order mark"_s : u"whitespace"_s});
}

// The size of base64(zlib(json)) as BodyCodec sends it, when it may exceed the limit. Deflate costs
// more than parsing, so it runs on another thread while this one parses and walks, and it tries
// level 1 first: level 6 never compresses worse in practice, so a level-1 body under the limit
// settles it; only one over the limit is measured exactly at BodyCodec's level.
std::future<qsizetype> compressedSize(const QByteArray &json)
{
    if (json.size() <= Validator::CompressCheckThreshold || json.size() > Validator::MaxDecompressed)
        return {};
    return std::async(std::launch::async, [json] {
        const auto encoded = [](qsizetype deflated) { return (deflated + 2) / 3 * 4; };
        const qsizetype fast = encoded(BodyCodec::zlibCompress(json, 1).size());
        return fast <= Validator::MaxCompressed ? fast : encoded(BodyCodec::zlibCompress(json).size());
    });
}

void checkSize(NormalizeContext &context, const QByteArray &json, std::future<qsizetype> &compressed)
{
    if (json.size() > Validator::MaxDecompressed)
        context.report(u"body.size.decompressed"_s, QString(), {QString::number(json.size())});
    if (!compressed.valid())
        return;
    const qsizetype encoded = compressed.get();
    if (encoded > Validator::MaxCompressed)
        context.report(u"body.size.compressed"_s, QString(), {QString::number(encoded)});
}

QString topLevelName(const QJsonDocument &document)
{
    if (document.isArray())
        return u"a list"_s;
    return document.isEmpty() ? u"an empty body"_s : u"a JSON value that is not an object"_s;
}

// Members in all objects: the type is read in place, and only containers are opened.
qsizetype memberCount(const QJsonArray &array);

qsizetype memberCount(const QJsonObject &object)
{
    qsizetype count = object.size();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it->isObject())
            count += memberCount(it->toObject());
        else if (it->isArray())
            count += memberCount(it->toArray());
    }
    return count;
}

qsizetype memberCount(const QJsonArray &array)
{
    qsizetype count = 0;
    for (auto it = array.constBegin(); it != array.constEnd(); ++it) {
        if (it->isObject())
            count += memberCount(it->toObject());
        else if (it->isArray())
            count += memberCount(it->toArray());
    }
    return count;
}

void reportQuirk(NormalizeContext &context, const JsonQuirk &quirk)
{
    const bool overflow = quirk.kind == JsonQuirk::Kind::Overflow;
    const QString sign = quirk.text.startsWith(u'-') ? u"-"_s : QString();
    switch (quirk.kind) {
    case JsonQuirk::Kind::DuplicateKey:
        context.report(u"body.json.duplicate-key"_s, quirk.pointer, {quirk.text, QString::number(quirk.count)});
        break;
    case JsonQuirk::Kind::BigInteger:
        context.report(u"body.json.big-integer"_s, quirk.pointer,
                       {quirk.text, QString::number(quirk.text.toDouble(), 'g', 17)});
        break;
    case JsonQuirk::Kind::Overflow:
    case JsonQuirk::Kind::Underflow:
        context.report(u"body.json.number-range"_s, quirk.pointer,
                       {quirk.text, overflow ? sign + u"Infinity"_s : sign + u"0.0"_s,
                        overflow ? sign + u"1.7976931348623157e308"_s : u"0"_s});
        break;
    case JsonQuirk::Kind::NonFinite: {
        const bool nan = quirk.text == u"NaN"_s;
        context.report(u"body.json.non-finite"_s, quirk.pointer,
                       {quirk.text, nan ? u"nan"_s : sign + u"inf"_s,
                        nan ? u"null"_s : sign + u"1.7976931348623157e308"_s});
        break;
    }
    case JsonQuirk::Kind::ControlCharacter:
    case JsonQuirk::Kind::BadEscape:
    case JsonQuirk::Kind::BareFraction:
        break; // refused: the text is reported as broken JSON (strictError)
    }
}

// The text after any byte order mark: a JSON object, judged by the walk; anything else explained.
// Numbers past a double, NaN and ±Infinity, and marks that start a string are read as Python read
// them; what Qt's parse hides gets a finding, and what only Qt reads is refused.
ValidationResult judgeText(const QByteArray &text, const ValidateOptions &options, NormalizeContext &context)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(text, &error);
    QByteArray readable = text; // where a later error is (replaced numbers may shift its column)
    const bool pastDouble = error.error == QJsonParseError::IllegalNumber;
    if (pastDouble || (error.error == QJsonParseError::NoError && JsonQuirks::mayHaveStringMarks(text))) {
        readable = JsonQuirks::readable(text);
        document = QJsonDocument::fromJson(readable, &error);
    }
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        const QList<JsonQuirk> quirks = pastDouble || JsonQuirks::mayHaveQuirks(text, memberCount(document.object()))
                                            ? JsonQuirks::scan(text)
                                            : QList<JsonQuirk>();
        if (quirks.isEmpty() || !quirks.constFirst().refused()) {
            for (const JsonQuirk &quirk : quirks)
                reportQuirk(context, quirk);
            return Validator::validate(document.object(), options);
        }
        ValidationResult result;
        result.profile = options.profile;
        reportBrokenJson(result, context, text, strictError(text, quirks.constFirst()));
        return result;
    }
    ValidationResult result;
    result.profile = options.profile;
    if (error.error != QJsonParseError::NoError)
        reportBrokenJson(result, context, readable, JsonError::locate(readable, error));
    else
        context.report(u"body.not-an-object"_s, QString(), {topLevelName(document)});
    return result;
}

} // namespace

ValidationResult Validator::validate(const QByteArray &json, Profile profile)
{
    return validate(json, ValidateOptions{profile, {}, {}});
}

ValidationResult Validator::validate(const QJsonObject &event, Profile profile)
{
    return validate(event, ValidateOptions{profile, {}, {}});
}

ValidationResult Validator::validate(const QByteArray &json, const ValidateOptions &options)
{
    std::future<qsizetype> compressed = compressedSize(json);
    NormalizeContext context(options.profile);
    checkStart(context, json);
    const QByteArray text = json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json;
    // Past the limit the server refused the body unread; so does this (a 20 MB event took 917 MB).
    ValidationResult result;
    result.profile = options.profile;
    if (json.size() <= MaxDecompressed)
        result = judgeText(text, options, context);
    checkSize(context, json, compressed);
    if (context.findingCount() > 0)
        result.findings = context.takeFindings() + result.findings;
    return result;
}

ValidationResult Validator::validate(const QJsonObject &event, const ValidateOptions &options)
{
    NormalizeResult normalized
        = Normalizer::normalize(event, {options.profile, options.clock, options.idGenerator});
    ValidationResult result;
    result.profile = options.profile;
    result.parsed = true;
    result.findings = std::move(normalized.findings);
    result.normalized = std::move(normalized.event);
    result.changes = std::move(normalized.changes);
    return result;
}

QJsonObject Validator::toJson(const ValidationResult &result)
{
    QJsonObject object{
        {u"valid"_s, result.isValid()},
        {u"profile"_s, profileName(result.profile)},
        {u"findings"_s, Sentry::toJson(result.findings, u"path"_s)},
        {u"normalized"_s, result.parsed ? QJsonValue(result.normalized) : QJsonValue()},
    };
    if (result.errorOffset >= 0) {
        object.insert(u"error_line"_s, result.errorLine);
        object.insert(u"error_column"_s, result.errorColumn);
        object.insert(u"error_offset"_s, result.errorOffset);
    }
    return object;
}

} // namespace Sentry
