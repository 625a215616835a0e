#pragma once

// Where the form's fields live in an event that may use the alias or the full interface name, and
// any of the three shapes of the exception interface (spec section 6). Pure functions.

#include <QJsonObject>
#include <QString>

namespace SentryUi::EventPaths {

// The key the event uses for an interface: the full name if present, else the alias (or the full
// name when there is no alias, as for sentry.interfaces.Message and .Query).
QString interfaceKey(const QJsonObject &event, const QString &alias, const QString &fullName);

struct Exceptions
{
    QString key; // "exception" or "sentry.interfaces.Exception"
    QString listPointer; // "/exception", "/exception/values"; the object itself when single
    bool single = false; // the v3 form: one exception object
    int count = 0;
};

Exceptions exceptions(const QJsonObject &event);
QString exceptionPointer(const Exceptions &exceptions, int index);
// The index and the rest of the pointer when `pointer` is inside an exception value.
bool splitExceptionPointer(const Exceptions &exceptions, const QString &pointer, int *index,
                           QString *rest);

} // namespace SentryUi::EventPaths
