#pragma once

// What stands in for a secret or a scrubbed value in every output: the DSN's secret, the
// sentry_secret auth field, the scrubber's masked values (spec section 9 writes "********").

namespace Sentry {

inline constexpr char16_t MaskText[] = u"********";

} // namespace Sentry
