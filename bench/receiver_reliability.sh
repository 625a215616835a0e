#!/usr/bin/env bash
# The receiver's reliability under load (issue 18), not a speed figure and not part of ctest:
#   load:  LOAD_REQUESTS (100 000) store requests over LOAD_CONNECTIONS (50) keep-alive connections
#          to `sentry-harness-cli serve` with its history on; then SIGINT. Every 200 the client saw
#          must be a row in the history (by event id), and the count of 200s must equal the rows.
#   crash: the same load, the receiver killed with SIGKILL once CRASH_AFTER (20 000) events were
#          acknowledged; restarted on the same database, it takes CRASH_MORE (2 000) more; then every
#          event acknowledged before the kill must be in the history.
# Usage: bench/receiver_reliability.sh [BUILD_DIR] [load|crash|both]   (default: build/, both)
# Needs python3 (the load client is bench/receiver_load.py) and a built sentry-harness-cli.
# Prints one JSON line per run and exits 1 if an acknowledged event is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build}" && pwd)"
MODE="${2:-both}"
CLI="$BUILD/app/cli/sentry-harness-cli"
REQUESTS="${LOAD_REQUESTS:-100000}"
CONNECTIONS="${LOAD_CONNECTIONS:-50}"
CRASH_AFTER="${CRASH_AFTER:-20000}"
CRASH_MORE="${CRASH_MORE:-2000}"
[ -x "$CLI" ] || { echo "no $CLI: build it first (cmake --build $BUILD --target sentry-harness-cli)" >&2; exit 2; }
case "$MODE" in load | crash | both) ;; *) echo "usage: $0 [BUILD_DIR] [load|crash|both]" >&2; exit 2 ;; esac

WORK="$(mktemp -d)"
SERVE=""
cleanup() { [ -z "$SERVE" ] || kill -9 "$SERVE" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start_serve() { # DB: starts the receiver on a free port with its history in DB; sets SERVE and PORT
    "$CLI" serve --json --listen 127.0.0.1:0 --key pub:sec --db "$1" >"$WORK/serve.out" 2>"$WORK/serve.err" &
    SERVE=$!
    for _ in $(seq 1 200); do
        grep -q listening "$WORK/serve.out" 2>/dev/null && break
        kill -0 "$SERVE" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 2; }
        sleep 0.05
    done
    PORT=$(head -1 "$WORK/serve.out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["listening"].rsplit(":",1)[1])')
    : >"$WORK/serve.out" # the per-exchange lines are not needed
}

stop_serve() { # SIGINT: answers what was acknowledged and exits 0
    kill -INT "$SERVE"
    local status=0
    wait "$SERVE" || status=$?
    SERVE=""
    [ "$status" = 0 ] || echo "serve exited $status after SIGINT" >&2
}

load() { # ACKED_FILE [receiver_load.py options…]
    local acked="$1"
    shift
    python3 "$ROOT/bench/receiver_load.py" --port "$PORT" --connections "$CONNECTIONS" --acked "$acked" "$@"
}

# DB ACKED_FILE… : acknowledged vs stored (direction in, status 200), as one JSON line; exit 1 on loss.
verify() {
    python3 - "$@" <<'PY'
import json, sqlite3, sys
db, files = sys.argv[1], sys.argv[2:]
acked = [line.strip() for f in files for line in open(f) if line.strip()]
rows = sqlite3.connect(db).execute(
    "select event_id from exchanges where direction = 'in' and status = 200").fetchall()
stored = [r[0] for r in rows]
lost = set(acked) - set(stored)
print(json.dumps({"acknowledged_200s": len(acked), "rows_200": len(stored),
                  "acknowledged_distinct": len(set(acked)), "lost": len(lost),
                  "stored_not_acknowledged": len(set(stored) - set(acked)),
                  "lost_examples": sorted(lost)[:5]}))
sys.exit(1 if lost else 0)
PY
}

machine() {
    echo "# $(date -u +%FT%TZ) $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load:$(cut -d' ' -f1-3 /proc/loadavg), $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
}

status=0
if [ "$MODE" = load ] || [ "$MODE" = both ]; then
    machine
    start_serve "$WORK/load.sqlite"
    echo "load: $(load "$WORK/load.acked" --requests "$REQUESTS")"
    stop_serve
    result=$(verify "$WORK/load.sqlite" "$WORK/load.acked") || status=1
    echo "load check: $result"
    # In a clean run every 200 is one row and every row was answered 200.
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); sys.exit(r["acknowledged_200s"] != r["rows_200"])' "$result" \
        || { echo "load check: the count of 200s differs from the rows" >&2; status=1; }
fi
if [ "$MODE" = crash ] || [ "$MODE" = both ]; then
    machine
    start_serve "$WORK/crash.sqlite"
    echo "crash: $(load "$WORK/crash.acked" --requests "$REQUESTS" --kill-pid "$SERVE" --kill-after "$CRASH_AFTER")"
    wait "$SERVE" 2>/dev/null || true # reaped: killed by SIGKILL
    SERVE=""
    start_serve "$WORK/crash.sqlite"
    echo "after restart: $(load "$WORK/restart.acked" --requests "$CRASH_MORE" --first-id "$REQUESTS")"
    stop_serve
    result=$(verify "$WORK/crash.sqlite" "$WORK/crash.acked" "$WORK/restart.acked") || status=1
    echo "crash check: $result"
fi
exit $status
