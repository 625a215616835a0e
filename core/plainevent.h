#pragma once

// Internal to the validator: the usual event judged on its bytes. Validating a ~1 KB event the
// ordinary way parses it into a QJsonObject, walks every member (on Qt 6.4 each visit builds a key
// QString and a QJsonValue) and edits a copy into the stored event: about twice the parse alone.
//
// This pass tokenizes the JSON text once, without building any Qt value, and judges the event on
// those tokens with the same rule rows (rules.h). When every member is one it is sure of, it writes
// the stored event as text (renamed interfaces, tag pairs, {"values": [...]}, defaults) and lets
// QJsonDocument parse that once: the result is the parse plus a small part of it.
//
// It only ever answers when the full walk would answer the same: the same findings in the same
// order, the same changes, the same stored event. Anything it is not sure of (another profile, a
// key it does not know, a value a rule would report, an escaped key, broken JSON, ...) gives
// nullopt and the caller takes the full walk, which decides as it always did. tst_plainevent
// compares both ways over the corpus, the vectors and thousands of mutated texts.

#include "validator.h"

#include <QByteArray>

#include <optional>

namespace Sentry::PlainEvent {

// Up to about this size the pass costs less than the full walk with its quick checks
// (NormalizeOptions::quickChecks): its tokenizing costs per byte, the walk's checks per member,
// and a large event is mostly long strings. bench/RESULTS.md has the measurements.
constexpr qsizetype MaxSize = 3 * 1024;

// `json`: the body after a byte order mark, if any, was skipped. The result holds the walk's
// findings, changes and stored event; not those about the body as a whole (first byte, size),
// which Validator::validate() adds either way.
std::optional<ValidationResult> validate(const QByteArray &json, const ValidateOptions &options);
// The receipt time, in milliseconds since 1970: options.clock's or the current time (no QDateTime
// is built for that). False when the clock gives no valid time: the pass leaves that to the walk.
bool receiptTime(const ValidateOptions &options, qint64 *now);
// With the receipt time already read (receiptTime(), or the walk's QDateTime), in milliseconds
// since 1970: no QDateTime is built unless the event lacks a timestamp. Fills *result and
// returns true, or returns false and leaves it as it was. (The validator keeps one result from
// start to end: moving one costs two atomic operations, as Qt 6.4's QJsonObject move constructor
// increments the reference count and then decrements it.)
bool validate(const QByteArray &json, const ValidateOptions &options, qint64 now,
              ValidationResult *result);

} // namespace Sentry::PlainEvent
