-- wrk script for run_receiver_bench.sh: POSTs the body in $BENCH_BODY to $BENCH_PATH with
-- $BENCH_CONTENT_TYPE and (when set) $BENCH_AUTH as X-Sentry-Auth; prints one JSON line at the end.
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH")
wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "application/json"
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then
    wrk.headers["X-Sentry-Auth"] = auth
end

done = function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local bad = summary.errors.status + summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "accepted_per_s": %.0f, "non_2xx": %d, "socket_errors": %d, "p50_ms": %.3f, "p99_ms": %.3f}\n',
        summary.requests, seconds, (summary.requests - summary.errors.status) / seconds,
        summary.errors.status, bad - summary.errors.status,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
