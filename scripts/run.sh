#!/usr/bin/env bash
# Set up (packages, build) and start Sentry Harness.
#   scripts/run.sh              start the GUI
#   scripts/run.sh ARGS...      run sentry-harness-cli with ARGS (e.g. scripts/run.sh dsn --help)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

sentry_install_packages >&2
sentry_build >&2

if [ $# -gt 0 ]; then
    exec "$SENTRY_BUILD/app/cli/sentry-harness-cli" "$@"
fi
exec "$SENTRY_BUILD/app/gui/sentry-harness"
