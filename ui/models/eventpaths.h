#pragma once

// The form's locators: each form field finds its value in the current event through one of these,
// whatever key (alias or full name) and exception shape the event uses. The protocol facts behind
// them (interface names, exception shapes) are core's: Sentry::Interfaces::all() and
// Sentry::EventShapes.

#include <QJsonObject>
#include <QString>

#include <functional>

namespace SentryUi::EventPaths {

// The JSON pointer of a field's value in `event`.
using Locator = std::function<QString(const QJsonObject &event)>;

Locator topLevel(const QString &key); // "/key"
// A member of a v4 interface named by its full name ("sentry.interfaces.Http", "url").
Locator interfaceMember(const QString &fullName, const QString &key);
// A member of the exception value that `index()` selects ("type" of the second value).
Locator exceptionMember(std::function<int()> index, const QString &key);
// The frames of the selected exception value; "" when the event has no exception.
Locator exceptionFrames(std::function<int()> index);
Locator stacktraceFrames(); // the top-level stacktrace's frames

} // namespace SentryUi::EventPaths
