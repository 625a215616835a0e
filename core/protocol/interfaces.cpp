#include "interfaces.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

const QList<InterfaceInfo> &Interfaces::all()
{
    using namespace InterfaceName;
    static const QList<InterfaceInfo> table = {
        {u"exception"_s, QString::fromUtf16(Exception), u"exception"_s, u"values"_s},
        {u"stacktrace"_s, QString::fromUtf16(Stacktrace), u"stacktrace"_s, u"frames"_s},
        {u"request"_s, QString::fromUtf16(Http), u"request"_s, u"url"_s},
        {u"user"_s, QString::fromUtf16(User), u"user"_s, u"id"_s},
        {u"template"_s, QString::fromUtf16(Template), u"template"_s, u"filename"_s},
        {QString(), QString::fromUtf16(Message), u"logentry"_s, u"message"_s},
        {QString(), QString::fromUtf16(Query), QString(), u"query"_s},
    };
    return table;
}

const InterfaceInfo *Interfaces::find(const QString &key, bool relayNames)
{
    for (const InterfaceInfo &info : all()) {
        if (key == info.fullName || (!info.alias.isEmpty() && key == info.alias))
            return &info;
        if (relayNames && !info.relayName.isEmpty() && key == info.relayName)
            return &info;
    }
    return nullptr;
}

} // namespace Sentry
