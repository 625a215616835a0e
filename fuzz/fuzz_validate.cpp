// Differential libFuzzer target for Validator::validate: with the quick checks on (the byte-level
// fast path of plainevent.h and the normalizer's quick checks) and off, any bytes must give the
// same findings, changes, stored event and parse details, in both profiles. Where the fast path
// answers on its own it must match the full walk too. A difference is printed and aborts.

#include "plainevent.h"
#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

ValidateOptions options(Profile profile, bool quick)
{
    ValidateOptions options;
    options.profile = profile;
    options.clock = [] { return QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC); };
    options.idGenerator = [] { return u"0123456789abcdef0123456789abcdef"_s; };
    options.quickChecks = quick;
    return options;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isUndefined())
        return u"undefined"_s;
    const QByteArray list = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(list.mid(1, list.size() - 2));
}

// All a caller sees of a result; without `body`, not the findings about the body as a whole.
QString outcome(const ValidationResult &result, bool body = true)
{
    Findings findings = result.findings;
    if (!body)
        findings.removeIf([](const Finding &f) { return f.rule.startsWith("body."_L1); });
    QStringList lines{u"parsed %1, valid %2, error at %3:%4, offset %5"_s.arg(
        QString::number(result.parsed), QString::number(result.parsed && !hasErrors(findings)),
        QString::number(result.errorLine), QString::number(result.errorColumn),
        QString::number(result.errorOffset))};
    for (const Finding &f : std::as_const(findings))
        lines << severityName(f.severity) + u' ' + f.location + u' ' + f.rule + u' '
                + actionName(f.action) + u' ' + f.message;
    for (const Change &c : result.changes)
        lines << u"change "_s + c.path + u' ' + c.description + u' ' + jsonText(c.before) + u' '
                + jsonText(c.after);
    lines << QString::fromUtf8(QJsonDocument(result.normalized).toJson(QJsonDocument::Compact));
    return lines.join(u'\n');
}

void check(const QString &what, const QString &left, const QString &right)
{
    if (left == right)
        return;
    std::fprintf(stderr, "%s differ\n--- quick:\n%s\n--- full:\n%s\n", qPrintable(what),
                 qPrintable(left), qPrintable(right));
    std::abort(); // libFuzzer saves the input as a crash
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const Profile profile : {Profile::V4, Profile::Relay}) {
        check(profileName(profile), outcome(Validator::validate(json, options(profile, true))),
              outcome(Validator::validate(json, options(profile, false))));
    }
    const QByteArray text = json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json;
    if (const auto fast = PlainEvent::validate(text, options(Profile::V4, true))) {
        check(u"PlainEvent::validate()"_s, outcome(*fast, false),
              outcome(Validator::validate(json, options(Profile::V4, false)), false));
    }
    return 0;
}
