#!/usr/bin/env bash
# One entry point for the benchmarks: builds them, runs each against the baseline it measures in
# the same run, and rewrites the summary block of bench/RESULTS.md (between the summary markers)
# with each ratio, the command and the machine. The rest of RESULTS.md is left as it is.
# Usage: bench/run-all.sh [BUILD_DIR]     (RUNS=N alternated validate runs per size, default 15)
# bench_send needs Node.js (NODE=/path/to/node); without it that row says so and is skipped.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BUILD="${1:-$ROOT/build}"
RUNS="${RUNS:-15}"
NODE="${NODE:-$(command -v node || true)}"
RESULTS="$HERE/RESULTS.md"
BEGIN='<!-- summary:begin -->'
END='<!-- summary:end -->'

[ -f "$BUILD/CMakeCache.txt" ] || { echo "configure a build first (scripts/run.sh or scripts/test.sh make $ROOT/build)" >&2; exit 2; }
cmake --build "$BUILD" --target bench_validate bench_bodycodec bench_send >/dev/null

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# The median of one QBENCHMARK row in ms, from QTest's CSV (counted from the end: tags have commas).
row_ms() {
    "$BUILD/bench/$1" -median 5 "$2" -o -,csv | awk -F, 'NF >= 4 && $1 !~ /^"?function/ { v = $(NF-2) } END { print v }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }

rows=()
# validate ÷ parse per event size: validate_ratio.sh alternates the two rows RUNS times.
# The rows are made in initTestCase (generated events), so one quick pass over parse names them.
"$BUILD/bench/bench_validate" parse -iterations 1 -o -,csv | awk -F, '$1 == "\"parse\"" { gsub(/"/, "", $2); print $2 }' \
    > "$WORK/tags"
while read -r tag; do
    line="$("$HERE/validate_ratio.sh" "$BUILD" "$RUNS" "$tag" | grep 'quiet runs' || true)"
    median="$(sed -n 's/.*median \([0-9.]*\).*/\1/p' <<<"$line")"
    rows+=("| validate ÷ parse, $tag | **${median:-?}×** | \`QJsonDocument::fromJson\` of the same bytes | \`bench/validate_ratio.sh $BUILD $RUNS '$tag'\` (median of the quiet runs) |")
done < "$WORK/tags"

# BodyCodec against Qt's zlib wrappers on the same ~1 MB event.
ours="$(row_ms bench_bodycodec 'compress:BodyCodec::zlibCompress')"
theirs="$(row_ms bench_bodycodec 'compress:qCompress (baseline)')"
rows+=("| zlib compress ÷ \`qCompress\`, ~1 MB | **$(ratio "$ours" "$theirs")×** | \`qCompress\` | \`bench_bodycodec -median 5 compress\` |")
ours="$(row_ms bench_bodycodec 'inflate:BodyCodec::zlibDecompress (streamed, capped)')"
theirs="$(row_ms bench_bodycodec 'inflate:qUncompress (baseline)')"
rows+=("| inflate ÷ \`qUncompress\`, ~1 MB | **$(ratio "$ours" "$theirs")×** | \`qUncompress\` | \`bench_bodycodec -median 5 inflate\` |")

# Sender throughput against a Node.js http.request loop on the same sink.
if [ -n "$NODE" ] && [ -x "$NODE" ]; then
    line="$(NODE="$NODE" "$HERE/run_send_bench.sh" "$BUILD" 2000 1 3 | grep 'qt/node' || true)"
    rows+=("| send events/s ÷ Node.js | **$(sed -n 's/.*qt\/node \([0-9.]*\).*/\1/p' <<<"$line")×** | Node.js \`http.request\`, keep-alive | \`bench/run_send_bench.sh $BUILD 2000 1 3\` ($line) |")
else
    rows+=("| send events/s ÷ Node.js | skipped | Node.js \`http.request\` | no node found: set NODE=/path/to/node |")
fi

compiler="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$BUILD/CMakeCache.txt")"
{
    echo "$BEGIN"
    echo "## Summary (bench/run-all.sh)"
    echo
    echo "Each figure is ours ÷ a baseline measured in the same run (below 1 is faster than the baseline"
    echo "for times; above 1 is faster for rates). Written by \`bench/run-all.sh $BUILD\` on $(date -u '+%Y-%m-%d %H:%M UTC'),"
    echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' (with local changes)')."
    echo
    echo "Machine: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1), $(nproc) cores, load average $LOAD_BEFORE"
    echo "before and $(cut -d' ' -f1-3 /proc/loadavg) after; $("$compiler" --version | head -n1); Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?');"
    echo "$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt") build."
    echo
    echo "| figure | ratio | baseline | command |"
    echo "|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo "$END"
} > "$WORK/summary"

if grep -qF "$BEGIN" "$RESULTS"; then
    awk -v begin="$BEGIN" -v end="$END" -v file="$WORK/summary" '
        $0 == begin { while ((getline line < file) > 0) print line; skip = 1; next }
        $0 == end { skip = 0; next }
        !skip' "$RESULTS" > "$WORK/results"
else
    { cat "$WORK/summary"; echo; cat "$RESULTS"; } > "$WORK/results"
fi
cp "$WORK/results" "$RESULTS"
cat "$WORK/summary"
