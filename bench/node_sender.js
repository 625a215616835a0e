// The baseline: a plain Node.js http.request loop with a keep-alive agent sending the exact bytes
// bench_send dumped (method, URL, headers, body) COUNT times, CONCURRENCY at a time, after WARMUP
// untimed requests — the same procedure as bench_send.
// Usage: node node_sender.js REQUEST.json [COUNT] [CONCURRENCY] [WARMUP]   → prints one JSON line
'use strict';
const fs = require('fs');
const http = require('http');

const dump = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const count = Number(process.argv[3] || 5000);
const concurrency = Number(process.argv[4] || 1);
const warmup = Number(process.argv[5] || 200);
const url = new URL(dump.url);
const body = Buffer.from(dump.body_base64, 'base64');
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const options = {
    method: dump.method, host: url.hostname, port: url.port, path: url.pathname, agent,
    headers: dump.headers,
};

// Sends n requests, `concurrency` at a time; calls done(accepted) when all have answered.
function batch(n, done) {
    let started = 0;
    let finished = 0;
    let accepted = 0;
    function sendOne() {
        started += 1;
        const req = http.request(options, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                // Like Sender: a delivery is a 200 whose body carries an id.
                if (res.statusCode === 200 && JSON.parse(Buffer.concat(chunks)).id) accepted += 1;
                finished += 1;
                if (started < n) sendOne();
                else if (finished === n) done(accepted);
            });
        });
        req.on('error', (e) => { console.error(e.message); process.exit(1); });
        req.end(body);
    }
    for (let i = 0; i < Math.min(concurrency, n); i += 1) sendOne();
}

batch(warmup, () => {
    const begin = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    batch(count, (accepted) => {
        const ms = Number(process.hrtime.bigint() - begin) / 1e6;
        const cpu = process.cpuUsage(cpuStart);
        console.log(JSON.stringify({ sender: 'node', count, concurrency, accepted, elapsed_ms: ms,
                                     events_per_s: count / (ms / 1000),
                                     cpu_us_per_event: (cpu.user + cpu.system) / count }));
        agent.destroy();
        process.exitCode = accepted === count ? 0 : 1;
    });
});
