#include "eventpaths.h"

#include "eventshapes.h"
#include "jsonpointer.h"
#include "interfaces.h"

using Sentry::JsonPointer;

namespace SentryUi::EventPaths {

Locator topLevel(const QString &key)
{
    return [key](const QJsonObject &) -> QString {
        return u'/' + JsonPointer::escape(key);
    };
}

Locator interfaceMember(const QString &fullName, const QString &key)
{
    const Sentry::InterfaceInfo *info = Sentry::Interfaces::find(fullName);
    Q_ASSERT(info); // the form names only v4 interfaces
    const QString alias = info ? info->alias : QString();
    return [alias, fullName, key](const QJsonObject &event) -> QString {
        return u'/' + JsonPointer::escape(Sentry::EventShapes::interfaceKey(event, alias, fullName))
               + u'/' + JsonPointer::escape(key);
    };
}

Locator exceptionMember(std::function<int()> index, const QString &key)
{
    return [index = std::move(index), key](const QJsonObject &event) -> QString {
        return Sentry::EventShapes::exceptions(event).pointer(index()) + u'/'
               + JsonPointer::escape(key);
    };
}

Locator exceptionFrames(std::function<int()> index)
{
    return [index = std::move(index)](const QJsonObject &event) -> QString {
        const Sentry::EventShapes::Exceptions exceptions = Sentry::EventShapes::exceptions(event);
        return exceptions.count == 0 ? QString() : exceptions.framesPointer(index());
    };
}

Locator stacktraceFrames()
{
    return [](const QJsonObject &event) -> QString {
        return Sentry::EventShapes::stacktraceFramesPointer(event);
    };
}

} // namespace SentryUi::EventPaths
