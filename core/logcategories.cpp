#include "logcategories.h"

namespace Sentry {
Q_LOGGING_CATEGORY(lcErrors, "sentry.errors")
Q_LOGGING_CATEGORY(lcTransport, "sentry.core.transport")
Q_LOGGING_CATEGORY(lcClient, "sentry.core.client")
} // namespace Sentry
