#pragma once

// RFC 6901 JSON pointers over QJsonValue: read, write and remove one value by path, so the GUI form
// can touch exactly the keys it owns and keep everything else in the event.
//
//     QJsonObject event = …;
//     Sentry::JsonPointer::setValue(event, u"/user/email"_s, u"ada@example.com"_s);

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Sentry {

class JsonPointer
{
public:
    static QStringList split(const QString &pointer); // "/a~1b/0" → {"a/b", "0"}; "" → {}
    static QString join(const QStringList &tokens);
    static QString escape(const QString &token); // "~" → "~0", "/" → "~1"

    // Undefined when the path does not exist.
    static QJsonValue value(const QJsonValue &root, const QString &pointer);
    // Creates missing objects on the way; a non-container in the way is replaced by an object.
    // An array index may address an existing element or append (index == size). False when the
    // pointer is empty or an array index is out of range.
    static bool setValue(QJsonObject &root, const QString &pointer, const QJsonValue &value);
    // Removes the value; with pruneEmpty, objects left empty on the way up are removed too.
    static bool remove(QJsonObject &root, const QString &pointer, bool pruneEmpty = false);
};

} // namespace Sentry
