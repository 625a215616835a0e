#include "logcategories.h"

namespace Sentry {
Q_LOGGING_CATEGORY(lcErrors, "sentry.errors", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransport, "sentry.core.transport", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClient, "sentry.core.client", QtInfoMsg)
} // namespace Sentry
