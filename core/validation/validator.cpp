#include "validator.h"

#include "bodycodec.h"
#include "jsonerror.h"
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
                      const QJsonParseError &error)
{
    const JsonErrorLocation at = JsonError::locate(json, error);
    result.errorOffset = at.offset;
    result.errorLine = at.line;
    result.errorColumn = at.column;
    context.report(u"body.json.broken"_s, QString(),
                   {QString::number(at.line), QString::number(at.column), at.hint, at.errorString});
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

// The text after any byte order mark: a JSON object, judged by the walk; anything else explained.
ValidationResult judgeText(const QByteArray &text, const ValidateOptions &options, NormalizeContext &context)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        return Validator::validate(document.object(), options);
    ValidationResult result;
    result.profile = options.profile;
    if (error.error != QJsonParseError::NoError)
        reportBrokenJson(result, context, text, error);
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
    ValidationResult result = judgeText(text, options, context);
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
