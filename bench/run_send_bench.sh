#!/usr/bin/env bash
# Sentry::Sender vs a plain Node.js http.request loop (keep-alive agent), same sink, same bytes,
# same run. Usage: bench/run_send_bench.sh [BUILD_DIR] [COUNT] [CONCURRENCY] [ROUNDS]
# The sink (node_sink.js) runs in its own process; the two senders take turns, ROUNDS times each,
# and the medians are compared. WITH_PLAIN=1 adds a third sender: bench_send on a manager without
# Sentry::prepareNetworkAccess() (QNAM as Qt sets it up), the "before" of RESULTS.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="${1:-$HERE/../build}"
COUNT="${2:-5000}"
CONCURRENCY="${3:-1}"
ROUNDS="${4:-5}"
NODE="${NODE:-/usr/bin/node}"
BENCH="$BUILD/bench/bench_send"
[ -x "$BENCH" ] || { echo "build bench_send first: cmake --build $BUILD --target bench_send" >&2; exit 2; }

WORK="$(mktemp -d)"
SINK_PID=""
cleanup() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$NODE" "$HERE/node_sink.js" > "$WORK/port" 2> "$WORK/sink.log" &
SINK_PID=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT="$(head -n1 "$WORK/port")"
DSN="http://public:secret@127.0.0.1:$PORT/1"
"$BENCH" --dsn "$DSN" --dump "$WORK/request.json"

echo "sink 127.0.0.1:$PORT, $COUNT events per round, concurrency $CONCURRENCY, $ROUNDS rounds"
: > "$WORK/results"
for round in $(seq "$ROUNDS"); do
    "$NODE" "$HERE/node_sender.js" "$WORK/request.json" "$COUNT" "$CONCURRENCY" | tee -a "$WORK/results"
    "$BENCH" --dsn "$DSN" --count "$COUNT" --concurrency "$CONCURRENCY" | tee -a "$WORK/results"
    if [ -n "${WITH_PLAIN:-}" ]; then
        BENCH_PLAIN_MANAGER=1 "$BENCH" --dsn "$DSN" --count "$COUNT" --concurrency "$CONCURRENCY" | tee -a "$WORK/results"
    fi
done

"$NODE" -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { xs = xs.slice().sort((a, b) => a - b); const m = xs.length >> 1;
                         return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2; };
const rate = (who) => median(lines.filter((l) => l.sender === who).map((l) => l.events_per_s));
const cpu = (who) => median(lines.filter((l) => l.sender === who).map((l) => l.cpu_us_per_event));
const qt = rate("qt"), node = rate("node");
console.log(`median events/s: qt ${qt.toFixed(0)}, node ${node.toFixed(0)}, qt/node ${(qt / node).toFixed(2)}`);
console.log(`median CPU us/event: qt ${cpu("qt").toFixed(0)}, node ${cpu("node").toFixed(0)}`);
if (lines.some((l) => l.sender === "qt-plain"))
    console.log(`without prepareNetworkAccess: qt-plain ${rate("qt-plain").toFixed(0)} events/s ` +
                `(${(rate("qt-plain") / node).toFixed(2)} of node), ${cpu("qt-plain").toFixed(0)} CPU us/event`);
' "$WORK/results"
