#pragma once

// The core's logging categories. `sentry.errors` is the spec's failover to ordinary logging
// (section 8): every failed send is written there, so no failure is lost silently.

#include <QLoggingCategory>

namespace Sentry {
Q_DECLARE_LOGGING_CATEGORY(lcErrors)    // "sentry.errors"
Q_DECLARE_LOGGING_CATEGORY(lcTransport) // "sentry.core.transport"
Q_DECLARE_LOGGING_CATEGORY(lcClient)    // "sentry.core.client"
} // namespace Sentry
