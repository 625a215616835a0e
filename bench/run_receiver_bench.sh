#!/usr/bin/env bash
# Accepted events per second and p99 latency of `sentry-harness-cli serve` (validation and history
# on) against, in the same run: a bare QHttpServer answering a constant 200 (the ceiling of Qt 6.4's
# HTTP stack), nginx answering a static 200 (the machine's ceiling) and Spotlight's sidecar
# (@spotlightjs/sidecar 2.5.0 + hono 4.10.3, sent the same event as an envelope). Then the receiver's
# memory after a million events. Installs its own tools: wrk and nginx-light (apt), the sidecar (npm,
# into $BUILD/bench-node). Usage: bench/run_receiver_bench.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# BENCH_PAIRS=N runs N rounds of receiver, bare QHttpServer and sidecar, each line with the server's
# CPU time per request (less sensitive to other load than requests per second);
# BENCH_MILLION=0 skips the million-event memory run; BENCH_SKIP_BUILD=1 uses the binaries as they are.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build}" && pwd)"
SECONDS_PER_RUN="${2:-10}"
CONNECTIONS="${3:-50}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

install_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || missing+=(nginx-light)
    if [ ${#missing[@]} -gt 0 ]; then
        local sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
    if [ ! -d "$BUILD/bench-node/node_modules/@spotlightjs/sidecar" ]; then
        mkdir -p "$BUILD/bench-node"
        # hono pinned: with newer hono every request to sidecar 2.5.0 gets a 500.
        (cd "$BUILD/bench-node" && npm install --no-audit --no-fund --silent @spotlightjs/sidecar@2.5.0 hono@4.10.3)
    fi
    [ "${BENCH_SKIP_BUILD:-0}" = 1 ] || cmake --build "$BUILD" --target sentry-harness-cli bench_bare_httpserver >/dev/null
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for_line() { # FILE PATTERN: wait until the server printed its ready line
    for _ in $(seq 1 200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
    echo "server did not start: $(cat "$1")" >&2; return 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, all threads

run_wrk() { # NAME PORT PATH BODY CONTENT_TYPE AUTH [SERVER_PID]: one JSON line (+ CPU µs per request)
    local before=0 line
    [ -n "${7:-}" ] && before=$(cpu_ticks "$7")
    line=$(BENCH_PATH="$3" BENCH_BODY="$4" BENCH_CONTENT_TYPE="$5" BENCH_AUTH="$6" \
        wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$ROOT/bench/receiver_post.lua" "http://127.0.0.1:$2" \
        | grep '^{' | sed "s/^{/{\"target\": \"$1\", /")
    if [ -n "${7:-}" ]; then
        local ticks=$(( $(cpu_ticks "$7") - before )) requests
        requests=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"])')
        line="${line%\}}, \"cpu_us_per_request\": $(( ticks * 1000000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) ))}"
    fi
    echo "$line"
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

install_tools
EVENT="$ROOT/bench/receiver_event.json"
AUTH="Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_key=pub, sentry_secret=sec"
python3 - "$EVENT" "$WORK/envelope" <<'PY'
import json, sys
event = json.load(open(sys.argv[1]))
event["exception"] = {"values": event["exception"]}   # the sidecar expects the envelope form
item = json.dumps(event, separators=(",", ":")).encode()
header = json.dumps({"event_id": event["event_id"]}).encode()
item_header = json.dumps({"type": "event", "length": len(item)}).encode()
open(sys.argv[2], "wb").write(header + b"\n" + item_header + b"\n" + item + b"\n")
PY

echo "# $(date -u +%FT%TZ) wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, event $(stat -c %s "$EVENT") bytes, load:$(cut -d' ' -f1-3 /proc/loadavg)"

# The receiver: validation and history on (a fresh database), its lines to /dev/null.
"$BUILD/app/cli/sentry-harness-cli" serve --json --key pub:sec --db "$WORK/history.sqlite" \
    > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVE=$!; PIDS+=($SERVE)
wait_for_line "$WORK/serve.out" listening
SERVE_PORT=$(head -1 "$WORK/serve.out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["listening"].rsplit(":",1)[1])')
: > "$WORK/serve.out" # keep the disk quiet: the per-exchange lines are not needed

BARE_PORT=$(free_port)
"$BUILD/bench/bench_bare_httpserver" "$BARE_PORT" > "$WORK/bare.out" & BARE=$!; PIDS+=($BARE)
wait_for_line "$WORK/bare.out" listening
cp "$ROOT/bench/sidecar.mjs" "$BUILD/bench-node/" # node resolves the package from the script's folder
run_sidecar() { # a fresh sidecar per round: it keeps every event, so it slows as it grows
    local port; port=$(free_port)
    SIDECAR_PORT=$port node "$BUILD/bench-node/sidecar.mjs" > "$WORK/sidecar.$port.out" 2>&1 &
    local pid=$!; PIDS+=($pid)
    wait_for_line "$WORK/sidecar.$port.out" listening
    run_wrk sidecar "$port" /api/1/envelope "$WORK/envelope" application/x-sentry-envelope "" "$pid"
    echo "{\"target\": \"sidecar\", \"rss_mb_after_run\": $(( $(rss_kb "$pid") / 1024 ))}"
    kill "$pid"
}

# Rounds of receiver, bare QHttpServer and sidecar back to back, so each round's ratios share a load.
for _ in $(seq 1 "${BENCH_PAIRS:-1}"); do
    run_wrk receiver "$SERVE_PORT" /api/1/store/ "$EVENT" application/json "$AUTH" "$SERVE" | tee -a "$WORK/rounds"
    : > "$WORK/serve.out"
    run_wrk bare-qhttpserver "$BARE_PORT" /api/1/store/ "$EVENT" application/json "$AUTH" "$BARE" | tee -a "$WORK/rounds"
    run_sidecar | tee -a "$WORK/rounds"
done
# Each round's ratios, and their median: the machine's speed drifts between rounds (a virtual
# machine's neighbours), less within one.
python3 - "$WORK/rounds" <<'PY'
import json, statistics, sys
rounds, current = [], {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    if "accepted_per_s" not in row:
        continue
    current[row["target"]] = row["accepted_per_s"]
    if row["target"] == "sidecar":
        rounds.append(current)
        current = {}
def summary(name, values, target):
    values = [round(v, 3) for v in values]
    print(json.dumps({"ratio": name, "rounds": values, "median": round(statistics.median(values), 3),
                      "target": target, "rounds_meeting_it": sum(v >= target for v in values)}))
summary("receiver/bare-qhttpserver", [r["receiver"] / r["bare-qhttpserver"] for r in rounds], 0.3)
summary("receiver/sidecar", [r["receiver"] / max(r["sidecar"], 1) for r in rounds], 4)
PY

NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx;
       fastcgi_temp_path $WORK/nginx; uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT;
    location / { default_type application/json; return 200 '{"id":"fc6d8c0c43fc4630ad850ee518f1b9d0"}'; } } }
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & PIDS+=($!)
sleep 0.5
run_wrk nginx "$NGINX_PORT" /api/1/store/ "$EVENT" application/json "$AUTH"


# The receiver's memory after a million events (it keeps nothing per event in memory): wrk runs of
# 30 s until the history holds BENCH_EVENTS events or BENCH_MAX_SECONDS have passed.
if [ "${BENCH_MILLION:-1}" = 1 ]; then
    target=${BENCH_EVENTS:-1000000}; deadline=$(( $(date +%s) + ${BENCH_MAX_SECONDS:-900} ))
    before=$(rss_kb "$SERVE"); rows=0
    # Events stored so far: the highest id (the retention keeps the row count under its limit).
    count_rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select coalesce(max(id), 0) from exchanges').fetchone()[0])" "$WORK/history.sqlite"; }
    kept_rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from exchanges').fetchone()[0])" "$WORK/history.sqlite"; }
    while [ "$rows" -lt "$target" ] && [ "$(date +%s)" -lt "$deadline" ]; do
        BENCH_PATH=/api/1/store/ BENCH_BODY="$EVENT" BENCH_CONTENT_TYPE=application/json BENCH_AUTH="$AUTH" \
            wrk -t1 -c"$CONNECTIONS" -d30s -s "$ROOT/bench/receiver_post.lua" "http://127.0.0.1:$SERVE_PORT" >/dev/null
        rows=$(count_rows)
    done
    echo "{\"target\": \"receiver\", \"events_stored\": $rows, \"rows_kept\": $(kept_rows), \"rss_mb_before\": $(( before / 1024 )), \"rss_mb_after\": $(( $(rss_kb "$SERVE") / 1024 )), \"db_mb\": $(( $(stat -c %s "$WORK/history.sqlite") / 1048576 ))}"
fi
