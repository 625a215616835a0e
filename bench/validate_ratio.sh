#!/usr/bin/env bash
# validate ÷ parse for one event size, as a distribution over adjacent QBENCHMARK runs.
# Usage: bench/validate_ratio.sh [BUILD_DIR] [RUNS] [ROW]
#   ROW is a data tag of bench_validate ("1328 bytes", the ~1 KB event, by default).
# Each run measures the parse row, then the validate row, in one process (-median 5); the two
# figures of one run form a ratio. The quotient of two medians over separate invocations would
# mix slow and quiet moments of a shared machine; adjacent rows share them. The CSV output keeps
# the digits that the console output rounds away (0.012 ms).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="${1:-$HERE/../build}"
RUNS="${2:-30}"
ROW="${3:-1328 bytes}"
BENCH="$BUILD/bench/bench_validate"
[ -x "$BENCH" ] || { echo "build bench_validate first: cmake --build $BUILD --target bench_validate" >&2; exit 2; }

WORK="$(mktemp)"
trap 'rm -f "$WORK"' EXIT
echo "parse µs  validate µs  ratio   ($RUNS runs, row \"$ROW\")"
for _ in $(seq "$RUNS"); do
    "$BENCH" -median 5 "parse:$ROW" "validate:$ROW" -o -,csv \
        | awk -F, '$1 == "\"parse\"" { p = $4 } $1 == "\"validate\"" { v = $4 }
                   END { if (p > 0 && v > 0) printf "%8.3f  %10.3f  %5.3f\n", p * 1000, v * 1000, v / p;
                         else { print "no result from bench_validate" > "/dev/stderr"; exit 1 } }' \
        | tee -a "$WORK"
done
# All runs; then the quiet ones, where each row took at most 10% more than its fastest run (on a
# shared machine a disturbed run slows one row or the other, so its ratio scatters both ways);
# then the fastest validate against the fastest parse.
summary() {
    sort -n -k3 | awk -v label="$1" '{ r[NR] = $3 }
        END { if (NR == 0) exit
              printf "%s: median %.3f, quartiles %.3f .. %.3f, best %.3f, worst %.3f (%d runs)\n", label,
                     r[int((NR + 1) / 2)], r[int((NR + 3) / 4)], r[int((3 * NR + 1) / 4)], r[1], r[NR], NR }'
}
summary "all runs  " < "$WORK"
read -r FAST_PARSE FAST_VALIDATE < <(awk 'NR == 1 || $1 < p { p = $1 } NR == 1 || $2 < v { v = $2 }
                                          END { print p, v }' "$WORK")
awk -v p="$FAST_PARSE" -v v="$FAST_VALIDATE" '$1 <= p * 1.1 && $2 <= v * 1.1' "$WORK" | summary "quiet runs"
awk -v p="$FAST_PARSE" -v v="$FAST_VALIDATE" \
    'BEGIN { printf "fastest  : validate %.3f µs / parse %.3f µs = %.3f\n", v, p, v / p }'
