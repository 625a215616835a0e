#include "icons.h"

#include "finding.h"

using namespace Qt::Literals::StringLiterals;

namespace SentryUi::Icons {

QIcon icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

QIcon severity(Sentry::Severity severity)
{
    switch (severity) {
    case Sentry::Severity::Error:
        return icon(u"error"_s);
    case Sentry::Severity::Warning:
        return icon(u"warning"_s);
    case Sentry::Severity::Info:
        break;
    }
    return icon(u"info"_s);
}

QIcon ok()
{
    return icon(u"ok"_s);
}

} // namespace SentryUi::Icons
