#pragma once

// The SVG icons in resources/icons/, by name ("send" → :/icons/send.svg).

#include <QIcon>
#include <QString>

namespace Sentry {
enum class Severity;
}

namespace SentryUi::Icons {

QIcon icon(const QString &name);
QIcon severity(Sentry::Severity severity); // error, warning, info
QIcon ok();

} // namespace SentryUi::Icons
