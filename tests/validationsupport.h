#pragma once

// What the validator's property checks share (tst_validatorproperties, fuzz_validate) and the
// event bench_validate measures: a reproducible set-up, a result as comparable text, the
// properties every input must have, the raven-python-like event grown to a size, and an edit deep
// inside an event.

#include "jsonpointer.h"
#include "jsonquirks.h"
#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace ValidationSupport {

using namespace Qt::Literals::StringLiterals;

// A fixed receipt time and event id, so results are reproducible and comparable.
inline Sentry::ValidateOptions options(Sentry::Profile profile)
{
    Sentry::ValidateOptions options;
    options.profile = profile;
    options.clock = [] { return QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC); };
    options.idGenerator = [] { return u"0123456789abcdef0123456789abcdef"_s; };
    return options;
}

inline QString jsonText(const QJsonValue &value)
{
    if (value.isUndefined()) // a QJsonArray would turn it into null
        return u"undefined"_s;
    const QByteArray list = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(list.mid(1, list.size() - 2));
}

// All a caller sees of a result, one line per finding and change. Without `body`, the findings
// about the body as a whole (its first byte, its sizes) are left out.
inline QString outcome(const Sentry::ValidationResult &result, bool body = true)
{
    Sentry::Findings findings = result.findings;
    if (!body)
        findings.removeIf([](const Sentry::Finding &f) { return f.rule.startsWith("body."_L1); });
    const bool valid = result.parsed && !Sentry::hasErrors(findings); // isValid(), on these findings
    QStringList lines{u"parsed %1, valid %2, error at %3:%4, offset %5"_s.arg(
        QString::number(result.parsed), QString::number(valid), QString::number(result.errorLine),
        QString::number(result.errorColumn), QString::number(result.errorOffset))};
    for (const Sentry::Finding &f : std::as_const(findings))
        lines << Sentry::severityName(f.severity) + u' ' + f.location + u' ' + f.rule + u' '
                + Sentry::actionName(f.action) + u' ' + f.message;
    for (const Sentry::Change &c : result.changes)
        lines << u"change "_s + c.path + u' ' + c.description + u' ' + jsonText(c.before) + u' '
                + jsonText(c.after);
    lines << QString::fromUtf8(QJsonDocument(result.normalized).toJson(QJsonDocument::Compact));
    return lines.join(u'\n');
}

// An empty map or list at the top: the server ignores such a value (spec section 5).
inline bool isEmptyContainer(const QJsonValue &value)
{
    return (value.isObject() && value.toObject().isEmpty()) || (value.isArray() && value.toArray().isEmpty());
}

// The event the v4 profile stores is a clean event: judged again it finds nothing at error level
// and changes nothing. One change is allowed: an empty map or list that the first judging stored
// (extra: null is stored as {}; tags whose pairs were all dropped as []) is an empty value the
// server ignores, so dropping it stores the same. Empty when that holds, else what failed.
inline QString checkStoredEvent(const Sentry::ValidationResult &first)
{
    if (!first.parsed || first.profile != Sentry::Profile::V4)
        return {};
    const Sentry::ValidationResult again = Sentry::Validator::validate(first.normalized, options(Sentry::Profile::V4));
    QList<Sentry::Change> changes = again.changes;
    QJsonObject stored = first.normalized;
    changes.removeIf([&stored](const Sentry::Change &c) {
        const QStringList tokens = Sentry::JsonPointer::split(c.path);
        const bool emptyDropped = tokens.size() == 1 && c.after.isUndefined() && isEmptyContainer(c.before);
        if (emptyDropped)
            stored.remove(tokens.constFirst());
        return emptyDropped;
    });
    QString failure;
    if (Sentry::hasErrors(again.findings))
        failure = u"the stored event has errors"_s;
    else if (!changes.isEmpty())
        failure = u"judging the stored event changes it"_s;
    else if (again.normalized != stored)
        failure = u"the stored event is not stored as it is"_s;
    else
        return {};
    return failure + u"\n--- first:\n"_s + outcome(first) + u"\n--- stored event judged again:\n"_s + outcome(again);
}

// Every finding's JSON pointer resolves in the input; or it is empty (the body as a whole, or the
// event when it is not an object); or a "missing" rule names the absent member of an object.
// Empty when that holds, else the findings that do not.
inline QString checkPointers(const QByteArray &json, const Sentry::ValidationResult &result)
{
    const QByteArray text = json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json;
    // Read as the judge reads it: a number past a double (1e999), or a raw U+FEFF that starts a
    // string, is read as Python read it.
    const QJsonDocument document = QJsonDocument::fromJson(Sentry::JsonQuirks::readable(text));
    const QJsonValue input = document.isObject() ? QJsonValue(document.object()) : QJsonValue();
    QStringList failures;
    for (const Sentry::Finding &f : result.findings) {
        if (f.location.isEmpty())
            continue;
        if (!result.parsed) {
            failures << f.rule + u" at "_s + f.location + u" for input that is not an object"_s;
            continue;
        }
        if (!Sentry::JsonPointer::value(input, f.location).isUndefined())
            continue;
        QStringList tokens = Sentry::JsonPointer::split(f.location);
        const QString member = tokens.takeLast();
        const QJsonValue parent = Sentry::JsonPointer::value(input, Sentry::JsonPointer::join(tokens));
        if (f.rule.endsWith(".missing"_L1) && parent.isObject() && !parent.toObject().contains(member))
            continue;
        failures << f.rule + u" at "_s + f.location + u" does not resolve in the input"_s;
    }
    if (failures.isEmpty())
        return {};
    return failures.join(u'\n') + u"\n--- "_s + Sentry::profileName(result.profile) + u":\n"_s + outcome(result);
}

inline QJsonObject ravenFrame(int i)
{
    return {
        {u"abs_path"_s, u"/srv/app/shop/module_%1.py"_s.arg(i)},
        {u"filename"_s, u"shop/module_%1.py"_s.arg(i)},
        {u"module"_s, u"shop.module_%1"_s.arg(i)},
        {u"function"_s, u"handler_%1"_s.arg(i)},
        {u"lineno"_s, 10 + i},
        {u"in_app"_s, i % 3 != 0},
        {u"pre_context"_s, QJsonArray{u"def handler(request):"_s, u"    cart = load(request)"_s}},
        {u"context_line"_s, u"    total = cart.total / cart.count  # frame %1"_s.arg(i)},
        {u"post_context"_s, QJsonArray{u"    return render(total)"_s}},
        {u"vars"_s, QJsonObject{{u"request"_s, u"<WSGIRequest path:/checkout/%1>"_s.arg(i)},
                                {u"count"_s, i}, {u"items"_s, QJsonArray{1, 2, 3}}}},
    };
}

// A raven-python-like exception event (frames with context lines and vars, a tag map, up to 50
// extra keys) grown until its compact JSON reaches `target` bytes.
inline QJsonObject ravenEvent(qsizetype target)
{
    QJsonObject event{
        {u"event_id"_s, u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s},
        {u"message"_s, u"ZeroDivisionError: integer division or modulo by zero"_s},
        {u"timestamp"_s, u"2013-06-01T12:00:00"_s},
        {u"level"_s, u"error"_s},
        {u"logger"_s, u"django.request"_s},
        {u"platform"_s, u"python"_s},
        {u"culprit"_s, u"shop.views.checkout"_s},
        {u"tags"_s, QJsonObject{{u"site"_s, u"shop"_s}, {u"browser"_s, u"Firefox"_s}}},
        {u"request"_s, QJsonObject{{u"url"_s, u"https://shop.example.com/checkout/"_s},
                                   {u"method"_s, u"POST"_s}}},
    };
    QJsonArray frames;
    QJsonObject extra;
    const int batch = qMax(1, int(target / 20000)); // grow in steps, measuring as it goes
    for (int i = 0; QJsonDocument(event).toJson(QJsonDocument::Compact).size() < target;) {
        for (int b = 0; b < batch; ++b, ++i) {
            frames.append(ravenFrame(i));
            if (extra.size() < 50)
                extra.insert(u"key_%1"_s.arg(i), u"value %1 of the extra map"_s.arg(i));
        }
        const QJsonObject exception{{u"type"_s, u"ZeroDivisionError"_s},
                                    {u"value"_s, u"integer division"_s},
                                    {u"stacktrace"_s, QJsonObject{{u"frames"_s, frames}}}};
        event.insert(u"exception"_s, QJsonArray{exception});
        event.insert(u"extra"_s, extra);
    }
    return event;
}

using Edit = std::function<QJsonValue(const QJsonValue &)>;

// `node` with the value at `path` (keys and list indexes) replaced by edit(value).
inline QJsonValue withMember(const QJsonValue &node, const QStringList &path, qsizetype depth,
                             const Edit &edit)
{
    if (depth == path.size())
        return edit(node);
    const QString &step = path.at(depth);
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = step.toInt();
        array.replace(index, withMember(array.at(index), path, depth + 1, edit));
        return array;
    }
    QJsonObject object = node.toObject();
    object.insert(step, withMember(object.value(step), path, depth + 1, edit));
    return object;
}

} // namespace ValidationSupport
