#!/usr/bin/env bash
# Set up (packages, build with warnings as errors) and run the whole test suite. Widget tests run
# on the offscreen platform, so no display is needed. Extra arguments go to ctest.
#   scripts/test.sh              the suite (gcc, build/)
#   scripts/test.sh --sanitize   only the suite built with clang under ASan+UBSan (a debug build, so
#                                Qt's asserts are on too), in build-sanitize/
# SENTRY_SANITIZE_SUITE=1 runs the sanitizer suite after the normal one; .ci/run sets it, so CI
# runs both (on two idle cores with no compiler cache: the gcc build and suite 11 minutes,
# the sanitizer build and suite 11 more, 22 in all on 2026-12-07; bench/RESULTS.md, "Both suites in CI").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

export QT_QPA_PLATFORM=offscreen

sanitize_only=0
if [ "${1:-}" = "--sanitize" ]; then
    sanitize_only=1
    shift
fi
sanitize_after="${SENTRY_SANITIZE_SUITE:-0}"

normal_suite() {
    sentry_install_packages
    sentry_build -DSENTRY_WERROR=ON
    (cd "$SENTRY_BUILD" && ctest --output-on-failure --parallel "$(nproc)" --timeout 300 "$@")
}

# Every finding stops the test that made it (halt_on_error, and -fno-sanitize-recover at build
# time), leaks included. One family is suppressed: OpenSSL's per-thread state when Qt's HTTP
# thread is still ending at exit (tests/lsan.supp says why; cmake/SentryTesting.cmake passes it).
sanitize_suite() {
    sentry_install_packages "${SENTRY_PACKAGES[@]}" "${SENTRY_CLANG_PACKAGES[@]}"
    # A debug build: Qt's inline asserts (a slot called on a half-destroyed object) are on too.
    # At -O1, which AddressSanitizer's documentation advises for reasonable speed; -O0 made the
    # validator's property tests run for minutes.
    sentry_build_clang "$SENTRY_ROOT/build-sanitize" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" -DSENTRY_WERROR=ON \
        -DSENTRY_SANITIZE=address,undefined -DSENTRY_BUILD_BENCH=OFF
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
    (cd "$SENTRY_ROOT/build-sanitize" && ctest --output-on-failure --parallel "$(nproc)" --timeout 900 "$@")
}

timed() {
    local label="$1"
    shift
    local start=$SECONDS
    "$@"
    echo "==> $label: passed in $((SECONDS - start)) s (build and tests)"
}

if [ "$sanitize_only" = 1 ]; then
    timed "sanitizer suite (clang, ASan+UBSan, build-sanitize/)" sanitize_suite "$@"
    exit 0
fi
timed "test suite (build/)" normal_suite "$@"
if [ "$sanitize_after" = 1 ]; then
    timed "sanitizer suite (clang, ASan+UBSan, build-sanitize/)" sanitize_suite "$@"
fi
