#include "eventpaths.h"

#include "jsonpointer.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi::EventPaths {

QString interfaceKey(const QJsonObject &event, const QString &alias, const QString &fullName)
{
    if (event.contains(fullName) || alias.isEmpty())
        return fullName;
    return alias;
}

Exceptions exceptions(const QJsonObject &event)
{
    Exceptions result;
    result.key = interfaceKey(event, u"exception"_s, u"sentry.interfaces.Exception"_s);
    result.listPointer = u'/' + Sentry::JsonPointer::escape(result.key);
    const QJsonValue value = event.value(result.key);
    if (value.isArray()) {
        result.count = int(value.toArray().size());
    } else if (value.isObject() && value.toObject().value(u"values"_s).isArray()) {
        result.listPointer += u"/values"_s;
        result.count = int(value.toObject().value(u"values"_s).toArray().size());
    } else if (value.isObject()) {
        result.single = true;
        result.count = 1;
    }
    return result;
}

QString exceptionPointer(const Exceptions &exceptions, int index)
{
    if (exceptions.single)
        return exceptions.listPointer;
    return exceptions.listPointer + u'/' + QString::number(index);
}

bool splitExceptionPointer(const Exceptions &exceptions, const QString &pointer, int *index,
                           QString *rest)
{
    const QString prefix = exceptions.listPointer;
    if (pointer != prefix && !pointer.startsWith(prefix + u'/'))
        return false;
    QString tail = pointer.mid(prefix.size());
    if (exceptions.single) {
        *index = 0;
        *rest = tail;
        return true;
    }
    const QStringList tokens = Sentry::JsonPointer::split(tail);
    bool ok = false;
    *index = tokens.isEmpty() ? 0 : tokens.first().toInt(&ok);
    if (!ok)
        return false;
    *rest = Sentry::JsonPointer::join(tokens.mid(1));
    return true;
}

} // namespace SentryUi::EventPaths
