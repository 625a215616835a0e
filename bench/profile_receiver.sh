#!/usr/bin/env bash
# Instructions per request of `sentry-harness-cli serve` (validation and history on) and of the bare
# QHttpServer, under callgrind: deterministic, so the figure holds on a machine shared with other
# builds where requests per second do not. Each server runs under valgrind; bench/receiver_count.py
# sends WARMUP requests (bench/receiver_event.json, as run_receiver_bench.sh posts it), the counters
# are zeroed, it sends REQUESTS more and waits for every answer, the counters are dumped. Prints instructions per request (all threads) and
# leaves the dumps in OUT for callgrind_annotate --inclusive=yes.
# Usage: bench/profile_receiver.sh [BUILD_DIR] [REQUESTS] [OUT_DIR]   (BENCH_WARMUP, BENCH_CONNECTIONS)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build}" && pwd)"
REQUESTS="${2:-2000}"
OUT="${3:-$(mktemp -d)}"
WARMUP="${BENCH_WARMUP:-300}"
CONNECTIONS="${BENCH_CONNECTIONS:-10}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$OUT"

wait_for_line() { # FILE PATTERN
    for _ in $(seq 1 600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "server did not start: $(cat "$1")" >&2; return 1
}

drive() { # PORT COUNT: exactly COUNT requests, every answer awaited
    python3 "$ROOT/bench/receiver_count.py" --port "$1" --requests "$2" --connections "$CONNECTIONS"
}

profile() { # NAME PORT_FROM_OUTPUT_CMD -- COMMAND…
    local name=$1 portcmd=$2; shift 3
    valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.%p" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" &
    local pid=$!; PIDS+=($pid)
    wait_for_line "$WORK/$name.out" listening
    local port; port=$(eval "$portcmd")
    drive "$port" "$WARMUP"
    callgrind_control -z "$pid" > /dev/null 2>&1
    drive "$port" "$REQUESTS"
    callgrind_control -d "$name" "$pid" > /dev/null 2>&1
    local total
    total=$(cat "$OUT/$name.$pid".*[0-9] 2>/dev/null | awk '/^summary:/ {s += $2} END {print s}')
    echo "{\"target\": \"$name\", \"requests\": $REQUESTS, \"instructions_per_request\": $(( total / REQUESTS ))}"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
profile receiver "head -1 $WORK/receiver.out | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"listening\"].rsplit(\":\",1)[1])'" -- \
    "$BUILD/app/cli/sentry-harness-cli" serve --json --key pub:sec --db "$WORK/history.sqlite"
profile bare "echo $PORT" -- "$BUILD/bench/bench_bare_httpserver" "$PORT"
echo "dumps in $OUT (callgrind_annotate --inclusive=yes FILE)"
