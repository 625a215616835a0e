// The benchmark's sink: a keep-alive HTTP server on 127.0.0.1 that answers every store request
// like a v4 Sentry server, 200 {"id": "<event_id>"}. Prints its port on the first line of stdout.
// Usage: node node_sink.js [port]
'use strict';
const http = require('http');

const answer = Buffer.from('{"id": "fc6d8c0c43fc4630ad850ee518f1b9d0"}');
let requests = 0;

const server = http.createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk) => { size += chunk.length; });
    req.on('end', () => {
        requests += 1;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': answer.length });
        res.end(answer);
    });
});
server.keepAliveTimeout = 60000;
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
    process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => {
    process.stderr.write(`sink: ${requests} requests\n`);
    process.exit(0);
});
