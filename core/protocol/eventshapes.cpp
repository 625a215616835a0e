#include "eventshapes.h"

#include "event.h"
#include "interfaces.h"
#include "jsonpointer.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Sentry::EventShapes {

namespace {
constexpr char16_t Values[] = u"values";
constexpr char16_t Frames[] = u"frames";

QString child(const QString &pointer, const QString &key)
{
    return pointer + u'/' + JsonPointer::escape(key);
}
} // namespace

QString interfaceKey(const QJsonObject &event, const QString &alias, const QString &fullName)
{
    if (event.contains(fullName) || alias.isEmpty())
        return fullName;
    return alias;
}

Exceptions exceptions(const QJsonObject &event)
{
    Exceptions result;
    result.key = interfaceKey(event, QString::fromUtf16(EventKey::Exception),
                              QString::fromUtf16(InterfaceName::Exception));
    result.listPointer = child(QString(), result.key);
    const QJsonValue value = event.value(result.key);
    const QJsonValue values = value.toObject().value(QStringView(Values));
    if (value.isArray()) {
        result.shape = ExceptionShape::List;
        result.count = int(value.toArray().size());
    } else if (value.isObject() && values.isArray()) {
        result.shape = ExceptionShape::Values;
        result.listPointer = child(result.listPointer, QString::fromUtf16(Values));
        result.count = int(values.toArray().size());
    } else if (value.isObject()) {
        result.shape = ExceptionShape::Single;
        result.count = 1;
    }
    return result;
}

QString Exceptions::pointer(int index) const
{
    if (shape == ExceptionShape::Single)
        return listPointer;
    return listPointer + u'/' + QString::number(index);
}

QString Exceptions::framesPointer(int index) const
{
    return child(child(pointer(index), QString::fromUtf16(EventKey::Stacktrace)),
                 QString::fromUtf16(Frames));
}

bool Exceptions::split(const QString &pointer, int *index, QString *rest) const
{
    if (shape == ExceptionShape::Absent
        || (pointer != listPointer && !pointer.startsWith(listPointer + u'/')))
        return false;
    const QString tail = pointer.mid(listPointer.size());
    if (shape == ExceptionShape::Single) {
        *index = 0;
        *rest = tail;
        return true;
    }
    const QStringList tokens = JsonPointer::split(tail);
    bool ok = false;
    *index = tokens.isEmpty() ? 0 : tokens.first().toInt(&ok);
    if (!ok)
        return false;
    *rest = JsonPointer::join(tokens.mid(1));
    return true;
}

QString stacktraceFramesPointer(const QJsonObject &event)
{
    const QString key = interfaceKey(event, QString::fromUtf16(EventKey::Stacktrace),
                                     QString::fromUtf16(InterfaceName::Stacktrace));
    return child(child(QString(), key), QString::fromUtf16(Frames));
}

} // namespace Sentry::EventShapes
