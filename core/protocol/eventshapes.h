#pragma once

// Where things sit in a v4 event (spec section 6): an interface under its alias or its full name,
// and the three shapes the exception interface comes in (v3's single object, a list of values,
// {"values": [...]}). Pure functions over the parsed object, answering with JSON pointers, so a
// form or a tool can point at an exception value or a frame whatever shape the client sent.
//
//     const auto exceptions = Sentry::EventShapes::exceptions(event);
//     for (int i = 0; i < exceptions.count; ++i)
//         type = JsonPointer::value(event, exceptions.pointer(i) + u"/type"_s);

#include <QJsonObject>
#include <QString>

namespace Sentry::EventShapes {

// The key the event uses for an interface: the full name when present, else the alias (the full
// name when the interface has no alias, as sentry.interfaces.Message and .Query).
QString interfaceKey(const QJsonObject &event, const QString &alias, const QString &fullName);

enum class ExceptionShape {
    Absent, // no exception interface (or one that is neither an object nor a list)
    Single, // v3's one exception object: {"type": …, "value": …}
    List, // a bare list of exception values
    Values, // v4's {"values": [...]}
};

struct Exceptions
{
    QString key; // "exception" or "sentry.interfaces.Exception"
    QString listPointer; // "/exception", "/exception/values"; the object itself when Single
    ExceptionShape shape = ExceptionShape::Absent;
    int count = 0;

    // The pointer of value `index` (for index == count: where a new value is appended). A single
    // object is value 0 and has no list to append to.
    QString pointer(int index) const;
    // The frames of value `index`: its "stacktrace" member's "frames".
    QString framesPointer(int index) const;
    // When `pointer` lies inside an exception value: its index and the rest of the pointer.
    bool split(const QString &pointer, int *index, QString *rest) const;
};

Exceptions exceptions(const QJsonObject &event);

// The frames of the top-level stacktrace interface (under the key the event uses).
QString stacktraceFramesPointer(const QJsonObject &event);

} // namespace Sentry::EventShapes
