#pragma once

// How a JSON value is shown in a form field or table cell, and how typed text goes back into JSON.
// One place, so the form, the key/value tables and the frames table agree.

#include <QJsonValue>
#include <QString>

namespace SentryUi {

enum class ValueKind {
    Text, // always written as a string
    Integer, // written as a number when the text is an integer, else as the string typed
    Json, // written as JSON when the text parses as a JSON value, else as the string typed
};

// Strings show as themselves, anything else as compact JSON; an absent value as "".
QString displayText(const QJsonValue &value);
// Empty text means "remove the key" and gives Undefined.
QJsonValue valueFromText(const QString &text, ValueKind kind);

} // namespace SentryUi
