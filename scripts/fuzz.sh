#!/usr/bin/env bash
# Build the libFuzzer targets with clang (build-fuzz/) and run them one after another.
#   scripts/fuzz.sh SECONDS [TARGET…]     e.g. scripts/fuzz.sh 600 fuzz_dsn fuzz_auth
#   FUZZ_RUNS=10000000 scripts/fuzz.sh 7200   each target stops at 10 million executions (or 2 hours)
# Targets: fuzz_dsn fuzz_auth fuzz_bodycodec fuzz_validate fuzz_requestjudge (all by default). Each starts from a copy
# of its seed corpus in fuzz/corpus/ (kept in build-fuzz/corpus/, so later runs go on from what
# earlier ones found) with its dictionary fuzz/<name>.dict. Prints each target's executions and
# findings; a finding (crash-/leak-/oom-/timeout- file) is kept in build-fuzz/findings/ and makes
# the script exit 1. Run it with `nice` on a shared machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh SECONDS [TARGET…]  (SECONDS: whole seconds per target, at least 1)" >&2
    exit 2
fi
SECONDS_EACH="$1"
shift
RUNS="${FUZZ_RUNS:--1}" # libFuzzer's -runs: -1 is no limit
if ! [[ "$RUNS" =~ ^(-1|[0-9]+)$ ]]; then
    echo "FUZZ_RUNS must be a whole number of executions, not '$RUNS'" >&2
    exit 2
fi
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(fuzz_dsn fuzz_auth fuzz_bodycodec fuzz_validate fuzz_requestjudge)

declare -A MAX_LEN=([fuzz_dsn]=4096 [fuzz_auth]=16384 [fuzz_bodycodec]=300000 [fuzz_validate]=4096
    [fuzz_requestjudge]=16384)
for target in "${TARGETS[@]}"; do
    [ -n "${MAX_LEN[$target]:-}" ] || { echo "unknown target '$target'; known: ${!MAX_LEN[*]}" >&2; exit 2; }
done

sentry_install_packages "${SENTRY_PACKAGES[@]}" "${SENTRY_CLANG_PACKAGES[@]}"
FUZZ_BUILD="$SENTRY_ROOT/build-fuzz"
# Only the fuzz targets: the programs would link the instrumented core without libFuzzer.
mkdir -p "$FUZZ_BUILD"
if ! SENTRY_TARGETS="${TARGETS[*]}" sentry_build_clang "$FUZZ_BUILD" -DSENTRY_BUILD_FUZZ=ON \
        -DSENTRY_BUILD_TESTS=OFF -DSENTRY_BUILD_BENCH=OFF >"$FUZZ_BUILD/build.log" 2>&1; then
    tail -n 30 "$FUZZ_BUILD/build.log" >&2
    echo "the fuzz build failed (whole log: $FUZZ_BUILD/build.log)" >&2
    exit 2
fi

# No allocation stacks in ASan's reports: recording one per malloc grows its stack depot for the
# whole run, and a long run slowed to a fifth of its first rate (and to 1 GB). Detection is the
# same; for the stacks, run the finding's file again with ASAN_OPTIONS unset or set as you like.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"

status=0
printf '%-15s %8s %14s %10s %8s  %s\n' target seconds executions exec/s corpus findings
for target in "${TARGETS[@]}"; do
    seeds="$SENTRY_ROOT/fuzz/corpus/${target#fuzz_}"
    corpus="$FUZZ_BUILD/corpus/${target#fuzz_}"
    findings="$FUZZ_BUILD/findings/$target"
    mkdir -p "$corpus" "$findings"
    cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
    log="$FUZZ_BUILD/$target.log"
    set +e
    (cd "$findings" && "$FUZZ_BUILD/fuzz/$target" "$corpus" -dict="$SENTRY_ROOT/fuzz/${target#fuzz_}.dict" \
        -max_total_time="$SECONDS_EACH" -runs="$RUNS" -max_len="${MAX_LEN[$target]}" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1) >"$log" 2>&1
    rc=$?
    set -e
    runs=$(awk '/stat::number_of_executed_units:/ { print $2 }' "$log")
    rate=$(awk '/stat::average_exec_per_sec:/ { print $2 }' "$log")
    entries=$(ls "$corpus" | wc -l)
    found=$(ls "$findings" | wc -l)
    printf '%-15s %8s %14s %10s %8s  %s\n' "$target" "$SECONDS_EACH" "${runs:-?}" "${rate:-?}" "$entries" \
        "$([ "$rc" = 0 ] && [ "$found" = 0 ] && echo none || echo "$found (exit $rc; see $log and $findings)")"
    [ "$rc" = 0 ] && [ "$found" = 0 ] || status=1
done
exit $status
