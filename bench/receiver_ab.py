#!/usr/bin/env python3
"""Compares builds of `sentry-harness-cli serve` (validation and history on) by alternating short
wrk runs against each, with a fresh database per run, and the bare QHttpServer in every round; then
each build's median accepted/s and its ratio to the bare server in the same round. For deciding
between two versions of the receiver on a machine whose speed drifts: one long run of each would
compare the machine's moods.

Usage: bench/receiver_ab.py BUILD_DIR ROUNDS SECONDS NAME=CLI_BINARY [NAME=CLI_BINARY ...]
e.g.   bench/receiver_ab.py build 5 5 before=/tmp/cli-before after=build/app/cli/sentry-harness-cli
Needs wrk (apt) and BUILD_DIR/bench/bench_bare_httpserver (run_receiver_bench.sh installs wrk).
"""
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AUTH = "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_key=pub, sentry_secret=sec"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(port, seconds):
    env = dict(os.environ, BENCH_PATH="/api/1/store/", BENCH_BODY=f"{ROOT}/bench/receiver_event.json",
               BENCH_CONTENT_TYPE="application/json", BENCH_AUTH=AUTH)
    out = subprocess.run(["wrk", "-t1", "-c50", f"-d{seconds}s", "-s", f"{ROOT}/bench/receiver_post.lua",
                          f"http://127.0.0.1:{port}"], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(next(line for line in out.splitlines() if line.startswith("{")))


def cpu_ticks(pid):  # utime + stime of every thread
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        fields = open(f"/proc/{pid}/task/{task}/stat").read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total


def run_serve(binary, work, seconds):
    db = os.path.join(work, f"history-{time.monotonic_ns()}.sqlite")
    serve = subprocess.Popen([binary, "serve", "--json", "--key", "pub:sec", "--db", db],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(json.loads(serve.stdout.readline())["listening"].rsplit(":", 1)[1])
    sink = subprocess.Popen(["cat"], stdin=serve.stdout, stdout=subprocess.DEVNULL)  # the per-exchange lines
    before = cpu_ticks(serve.pid)
    result = wrk(port, seconds)
    result["cpu_us_per_request"] = (cpu_ticks(serve.pid) - before) * 1e6 / os.sysconf("SC_CLK_TCK") / max(result["requests"], 1)
    serve.send_signal(signal.SIGTERM)
    serve.wait()
    sink.wait()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return result


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    build, rounds, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    builds = [arg.split("=", 1) for arg in sys.argv[4:]]
    bare_port = free_port()
    bare = subprocess.Popen([f"{build}/bench/bench_bare_httpserver", str(bare_port)], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    rates = {name: [] for name, _ in builds}
    ratios = {name: [] for name, _ in builds}
    try:
        with tempfile.TemporaryDirectory() as work:
            for round_ in range(rounds):
                results = {name: run_serve(binary, work, seconds) for name, binary in builds}
                bare_rate = wrk(bare_port, seconds)["accepted_per_s"]
                for name, result in results.items():
                    rates[name].append(result["accepted_per_s"])
                    ratios[name].append(result["accepted_per_s"] / bare_rate)
                    print(json.dumps({"round": round_, "build": name, "accepted_per_s": result["accepted_per_s"],
                                      "p99_ms": result["p99_ms"], "cpu_us_per_request": round(result["cpu_us_per_request"], 1),
                                      "bare_accepted_per_s": bare_rate}), flush=True)
    finally:
        bare.terminate()
    for name, _ in builds:
        print(json.dumps({"build": name, "median_accepted_per_s": statistics.median(rates[name]),
                          "ratio_to_bare": {"median": round(statistics.median(ratios[name]), 3),
                                            "min": round(min(ratios[name]), 3), "max": round(max(ratios[name]), 3)}}))


if __name__ == "__main__":
    main()
