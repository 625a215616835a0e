#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing, then configure and build into build/.
# Sourced, not executed. Idempotent: a second run with nothing changed only asks ninja, which does nothing.
set -euo pipefail

SENTRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SENTRY_BUILD="${SENTRY_BUILD:-$SENTRY_ROOT/build}"

SENTRY_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    libqt6sql6-sqlite libsqlite3-dev libqt6svg6 qt6-qpa-plugins zlib1g-dev libgl-dev qtkeychain-qt6-dev
    dpkg-dev appstream desktop-file-utils # the package, metainfo and desktop entry tests
)

# For scripts/test.sh --sanitize (and CI's sanitizer run) and scripts/fuzz.sh: clang with its
# sanitizer and libFuzzer runtimes, and llvm-symbolizer for readable stacks.
SENTRY_CLANG_PACKAGES=(clang libclang-rt-dev llvm)

# sentry_install_packages [PACKAGE…]: the build's packages (or the ones named), those missing only.
sentry_install_packages() {
    local wanted=("${SENTRY_PACKAGES[@]}")
    [ $# -gt 0 ] && wanted=("$@")
    local missing=()
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# sentry_build [CMAKE_ARGS…]: configure (once) and build into $SENTRY_BUILD (everything, or
# $SENTRY_TARGETS).
sentry_build() {
    local generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    if [ ! -f "$SENTRY_BUILD/CMakeCache.txt" ]; then
        cmake -S "$SENTRY_ROOT" -B "$SENTRY_BUILD" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    elif [ $# -gt 0 ]; then
        cmake -S "$SENTRY_ROOT" -B "$SENTRY_BUILD" "$@" >/dev/null
    fi
    # SENTRY_TARGETS (space-separated) builds only those targets.
    cmake --build "$SENTRY_BUILD" --parallel "$(nproc)" ${SENTRY_TARGETS:+--target $SENTRY_TARGETS}
}

# sentry_build_clang DIR [CMAKE_ARGS…]: the same with clang, into DIR (the compiler is fixed when a
# build directory is first configured, so clang builds never share one with gcc's).
sentry_build_clang() {
    local dir="$1"
    shift
    CC=clang CXX=clang++ SENTRY_BUILD="$dir" sentry_build "$@"
}
