#!/usr/bin/env bash
# Set up (packages, build with warnings as errors) and run the whole test suite.
# Widget tests run on the offscreen platform, so no display is needed. Extra arguments go to ctest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

sentry_install_packages
sentry_build -DSENTRY_WERROR=ON

export QT_QPA_PLATFORM=offscreen
cd "$SENTRY_BUILD"
ctest --output-on-failure --timeout 300 "$@"
