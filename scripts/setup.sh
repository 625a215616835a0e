#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing, then configure and build into build/.
# Sourced, not executed. Idempotent: a second run with nothing changed only asks ninja, which does nothing.
set -euo pipefail

SENTRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SENTRY_BUILD="${SENTRY_BUILD:-$SENTRY_ROOT/build}"

SENTRY_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins zlib1g-dev libgl-dev qtkeychain-qt6-dev
    dpkg-dev appstream desktop-file-utils # the package, metainfo and desktop entry tests
)

sentry_install_packages() {
    local missing=()
    for pkg in "${SENTRY_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

sentry_build() {
    local generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    if [ ! -f "$SENTRY_BUILD/CMakeCache.txt" ]; then
        cmake -S "$SENTRY_ROOT" -B "$SENTRY_BUILD" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    elif [ $# -gt 0 ]; then
        cmake -S "$SENTRY_ROOT" -B "$SENTRY_BUILD" "$@" >/dev/null
    fi
    cmake --build "$SENTRY_BUILD" --parallel "$(nproc)"
}
