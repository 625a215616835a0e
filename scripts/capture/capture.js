// Captures real v4-era clients' requests byte for byte (run by scripts/capture-clients.sh).
//
//     node capture.js --work DIR --out tests/data/traffic --samples resources/samples [--chromium PATH]
//
// DIR holds the installed clients: DIR/app (raven@0.6.3, express@3.4.8 and app.js) and
// DIR/raven-js-VERSION/node_modules/raven-js. A capture server on 127.0.0.1 records each request's
// bytes as they arrived on the socket (request line, headers in order and case, body). Every
// scenario runs alone, so the next request to a store endpoint is that scenario's capture. The
// captures are scrubbed (see makeScrubber), checked, and written as OUT/CLIENT/SCENARIO.http, with
// OUT/captures.json listing them; two decoded events become the corpus samples.
'use strict';

const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const {spawn} = require('child_process');

// Made-up keys (32 hex characters, as the v4 server issued them); not secrets of any server.
const PUBLIC_KEY = 'c0ffee5e1f2a4b6c8d9e0f1a2b3c4d5e';
const SECRET_KEY = '7e57ab1ec0de4f00b1a2c3d4e5f60718';

// Every loopback port is random; the files carry these instead (one per role).
const SCRUBBED_PORTS = {capture: 9000, page: 8000, express: 3000};
const SCRUBBED_WORK = '/srv';       // where the clients were installed
const SCRUBBED_HOST = 'app-host';   // os.hostname(), raven-node's server_name
const TIMEOUT_MS = 30000;

const RAVEN_NODE_SCENARIOS = [
    ['message', 'captureMessage() with a plain string', '2'],
    ['error', 'captureError() of an Error thrown two calls deep', '2'],
    ['type-error', 'captureError() of a TypeError raised by V8 (reading a property of undefined)', '2'],
    ['thrown-string', 'captureError() of a thrown string: raven sends the message "Error: <string>"', '2'],
    ['query', 'captureQuery(SQL, "postgresql"): the Query interface', '2'],
    ['path-prefix-slug', 'captureMessage() with a DSN that has a path prefix and a project slug', 'sentry/shop-backend'],
    ['uncaught', 'an uncaught ReferenceError, sent by patchGlobal()\'s uncaughtException handler', '2'],
    ['express-post', 'raven.middleware.express() catching a route error of a form POST (bodyParser, cookieParser)', '2'],
];

const RAVEN_JS_VERSIONS = ['1.1.11', '1.1.22'];
const RAVEN_JS_SCENARIOS = [
    ['message', 'captureMessage() with tags and extra'],
    ['error', 'captureException() of an Error thrown by the page\'s code'],
    ['type-error', 'captureException() of a TypeError raised by the browser'],
    ['uncaught', 'an uncaught TypeError in a timer, heard through TraceKit\'s window.onerror'],
];
const RAVEN_JS_PROJECT = '3';

function fail(message) {
    console.error('capture: ' + message);
    process.exit(1);
}

function parseArgs() {
    const args = {chromium: 'chromium'};
    for (let i = 2; i < process.argv.length; i += 2) {
        const name = process.argv[i].replace(/^--/, '');
        if (!['work', 'out', 'samples', 'chromium'].includes(name) || i + 1 >= process.argv.length)
            fail('usage: node capture.js --work DIR --out DIR --samples DIR [--chromium PATH]');
        args[name] = process.argv[i + 1];
    }
    if (!args.work || !args.out || !args.samples)
        fail('--work, --out and --samples are required');
    args.work = fs.realpathSync(args.work);
    return args;
}

// ---- the capture server: raw bytes per request ------------------------------------------------

// One complete request at the start of `buffer`, or null while more bytes are due.
function takeRequest(buffer) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0)
        return null;
    const head = buffer.subarray(0, end).toString('latin1');
    if (/^transfer-encoding:/im.test(head))
        fail('a client sent a chunked body; this capture server reads Content-Length bodies only');
    const match = /^content-length:\s*(\d+)\s*$/im.exec(head);
    const total = end + 4 + (match ? Number(match[1]) : 0);
    return buffer.length < total ? null : buffer.subarray(0, total);
}

const GIF = Buffer.from('R0lGODlhAQABAAAAACH5BAEAAAAALAAAAAABAAEAAAIBAAA=', 'base64');

function answer(socket, raw) {
    const request = splitRequest(raw);
    const origin = headerValue(request.headers, 'origin');
    const cors = origin ? 'Access-Control-Allow-Origin: ' + origin + '\r\n' : '';
    if (request.method === 'GET') {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: ' + GIF.length
                     + '\r\n' + cors + '\r\n');
        socket.write(GIF);
        return;
    }
    let id = '';
    try {
        id = JSON.parse(decodeBody(request.body).json).event_id || '';
    } catch (e) {
        // answered all the same; the checks below say what is wrong with the body
    }
    const body = JSON.stringify({id: id});
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: '
                 + Buffer.byteLength(body) + '\r\n' + cors + '\r\n' + body);
}

function startCaptureServer() {
    const waiting = [];
    const server = net.createServer((socket) => {
        let buffer = Buffer.alloc(0);
        socket.on('error', () => {});
        socket.on('data', (chunk) => {
            buffer = Buffer.concat([buffer, chunk]);
            for (let raw = takeRequest(buffer); raw; raw = takeRequest(buffer)) {
                buffer = buffer.subarray(raw.length);
                const copy = Buffer.from(raw);
                answer(socket, copy);
                const target = splitRequest(copy).target;
                if (/\/store\/(\?|$)/.test(target) && waiting.length)
                    waiting.shift()(copy);
                else if (/\/store\//.test(target))
                    fail('a store request arrived while no scenario was running: ' + target.slice(0, 80));
            }
        });
    });
    server.nextCapture = () => new Promise((resolve) => waiting.push(resolve));
    return server;
}

function listen(server) {
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

// ---- reading a raw request ---------------------------------------------------------------------

function splitRequest(raw) {
    const end = raw.indexOf('\r\n\r\n');
    const lines = raw.subarray(0, end).toString('latin1').split('\r\n');
    const [method, target, version] = lines[0].split(' ');
    const headers = lines.slice(1).map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
    return {method, target, version, headers, head: lines, body: raw.subarray(end + 4)};
}

function headerValue(headers, name) {
    const found = headers.filter(([key]) => key.toLowerCase() === name);
    return found.length ? found[found.length - 1][1] : '';
}

function decodeBody(body) {
    const text = body.toString('latin1');
    if (text.startsWith('{'))
        return {form: 'json', json: body.toString('utf8')};
    return {form: 'base64-zlib', json: zlib.inflateSync(Buffer.from(text, 'base64')).toString('utf8')};
}

// raven-node 0.6.3 (lib/client.js): zlib.deflate(JSON text) with zlib's defaults, then base64.
function encodeLikeRavenNode(json) {
    return zlib.deflateSync(Buffer.from(json, 'utf8')).toString('base64');
}

// raven-js 1.1.x: encodeURIComponent(JSON.stringify(data)) as the sentry_data query parameter;
// then the browser, parsing the image's URL, percent-encodes "'" in the query of an http(s) URL
// (the URL standard's special-query set), which encodeURIComponent leaves alone.
function encodeLikeRavenJs(json) {
    return encodeURIComponent(json).replace(/'/g, '%27');
}

// ---- scrubbing ---------------------------------------------------------------------------------

// Replaces what belongs to this machine and this run in a text (the request head or the event's
// JSON): the work folder, the random loopback ports, and raven-node's server_name (the host name).
function makeScrubber(work, ports) {
    const pairs = [[work, SCRUBBED_WORK]];
    for (const [role, port] of Object.entries(ports))
        pairs.push(['127.0.0.1:' + port, '127.0.0.1:' + SCRUBBED_PORTS[role]]);
    const hostname = JSON.stringify(os.hostname());
    return (text) => {
        for (const [from, to] of pairs)
            text = text.split(from).join(to);
        return text.split('"server_name":' + hostname).join('"server_name":' + JSON.stringify(SCRUBBED_HOST));
    };
}

// Fails when a scrubbed capture still names this machine or run.
function checkScrubbed(name, text, work) {
    const leaks = [work, os.homedir() + '/', os.tmpdir() + '/'];
    if (os.hostname().length >= 4)
        leaks.push(os.hostname());
    if (os.userInfo().username.length >= 4)
        leaks.push('/' + os.userInfo().username);
    for (const leak of leaks) {
        if (leak !== '//' && text.includes(leak))
            fail(name + ': still contains "' + leak + '" after scrubbing; add it to makeScrubber()');
    }
    const allowed = Object.values(SCRUBBED_PORTS).map(String);
    for (const match of text.matchAll(/127\.0\.0\.1(?::|%3A)(\d+)/g)) {
        if (!allowed.includes(match[1]))
            fail(name + ': an unscrubbed loopback port ' + match[1]);
    }
}

function withContentLength(head, length) {
    return head.map((line, i) => (i > 0 && /^content-length:/i.test(line))
        ? line.slice(0, line.indexOf(':') + 1) + ' ' + length : line);
}

// The scrubbed request, byte-exact otherwise: a compressed body is decoded, scrubbed and encoded
// again as the client does (the unscrubbed body must come out of that round trip unchanged).
function scrubRequest(name, raw, scrub, work) {
    const request = splitRequest(raw);
    let head = request.head.map(scrub);
    let body = request.body;
    let original;
    let json;
    if (request.method === 'POST') {
        const decoded = decodeBody(body);
        if (decoded.form !== 'base64-zlib' || encodeLikeRavenNode(decoded.json) !== body.toString('latin1'))
            fail(name + ': the body does not come back from decode and encode unchanged');
        original = decoded.json;
        json = scrub(original);
        body = Buffer.from(encodeLikeRavenNode(json), 'latin1');
        if (request.headers.some(([key]) => /^content-length$/i.test(key)))
            head = withContentLength(head, body.length);
    } else {
        const [pathPart, query] = request.target.split('?');
        const params = query.split('&');
        const index = params.findIndex((p) => p.startsWith('sentry_data='));
        if (index < 0)
            fail(name + ': a GET without sentry_data');
        const encoded = params[index].slice('sentry_data='.length);
        original = decodeURIComponent(encoded);
        if (encodeLikeRavenJs(original) !== encoded)
            fail(name + ': sentry_data does not come back from decode and encode unchanged');
        json = scrub(original);
        params[index] = 'sentry_data=' + encodeLikeRavenJs(json);
        head[0] = [request.method, scrub(pathPart) + '?' + params.join('&'), request.version].join(' ');
    }
    JSON.parse(json); // still an event
    const result = Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1'), body]);
    checkScrubbed(name, result.toString('latin1') + json, work);
    return {raw: result, json, bodyChanged: json !== original};
}

// ---- running the clients -----------------------------------------------------------------------

function withTimeout(promise, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(what + ': no request within ' + TIMEOUT_MS / 1000 + ' s')), TIMEOUT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// A fixed, small environment: raven-node sends the whole process.env in the Http interface.
const CLIENT_ENV = {PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', NODE_ENV: 'production'};

async function runRavenNode(args, captureServer, capturePort, record) {
    const app = path.join(args.work, 'app');
    for (const [scenario, description, projectPath] of RAVEN_NODE_SCENARIOS) {
        const dsn = 'http://' + PUBLIC_KEY + ':' + SECRET_KEY + '@127.0.0.1:' + capturePort + '/' + projectPath;
        const captured = captureServer.nextCapture();
        const child = spawn(process.execPath, ['--no-deprecation', 'app.js', scenario, dsn],
                            {cwd: app, env: CLIENT_ENV, stdio: ['ignore', 'pipe', 'inherit']});
        child.on('error', (e) => fail('cannot run node for raven-node ' + scenario + ': ' + e.message));
        let stdout = '';
        child.stdout.on('data', (d) => { stdout += d; });
        const exited = new Promise((resolve) => child.on('exit', resolve));
        const raw = await withTimeout(captured, 'raven-node ' + scenario);
        await exited;
        const ports = {capture: capturePort};
        const express = /express-port=(\d+)/.exec(stdout);
        if (express)
            ports.express = express[1];
        record('raven-node-0.6.3', scenario, description, raw, ports,
               {dsn, project: projectPath.split('/').pop()});
    }
}

function pageHtml(version, scenario, dsn) {
    return '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Cart</title>\n'
        + '<script src="/' + version + '/raven.js"></script>\n'
        + '<script>Raven.config(' + JSON.stringify(dsn) + ').install();</script>\n'
        + '<script src="/static/app.js"></script>\n</head>\n<body>\n<h1>Cart</h1>\n'
        + '<script>runScenario(' + JSON.stringify(scenario) + ');</script>\n</body>\n</html>\n';
}

function startPageServer(args, dsnFor) {
    const appJs = fs.readFileSync(path.join(__dirname, 'raven-js-app.js'));
    return http.createServer((req, res) => {
        const page = /^\/([\d.]+)\/([\w-]+)\.html$/.exec(req.url);
        const raven = /^\/([\d.]+)\/raven\.js$/.exec(req.url);
        if (page && RAVEN_JS_VERSIONS.includes(page[1])) {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(pageHtml(page[1], page[2], dsnFor()));
        } else if (raven && RAVEN_JS_VERSIONS.includes(raven[1])) {
            res.setHeader('Content-Type', 'application/javascript');
            res.end(fs.readFileSync(path.join(args.work, 'raven-js-' + raven[1], 'node_modules/raven-js/dist/raven.js')));
        } else if (req.url === '/static/app.js') {
            res.setHeader('Content-Type', 'application/javascript');
            res.end(appJs);
        } else {
            res.statusCode = 404;
            res.end();
        }
    });
}

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                        '--disable-background-networking', '--disable-component-update', '--disable-sync',
                        '--no-proxy-server'];

async function runRavenJs(args, captureServer, capturePort, record) {
    const dsn = 'http://' + PUBLIC_KEY + '@127.0.0.1:' + capturePort + '/' + RAVEN_JS_PROJECT;
    const pageServer = startPageServer(args, () => dsn);
    const pagePort = await listen(pageServer);
    for (const version of RAVEN_JS_VERSIONS) {
        for (const [scenario, description] of RAVEN_JS_SCENARIOS) {
            const profile = fs.mkdtempSync(path.join(args.work, 'chromium-profile-'));
            const url = 'http://127.0.0.1:' + pagePort + '/' + version + '/' + scenario + '.html';
            const captured = captureServer.nextCapture();
            const browser = spawn(args.chromium, [...CHROMIUM_FLAGS, '--user-data-dir=' + profile, url],
                                  {detached: true, env: {...CLIENT_ENV, HOME: profile}, stdio: 'ignore'});
            browser.on('error', (e) => fail('cannot start ' + args.chromium + ': ' + e.message));
            let running = true;
            const exited = new Promise((resolve) => browser.on('exit', () => { running = false; resolve(); }));
            let raw;
            try {
                raw = await withTimeout(captured, 'raven-js ' + version + ' ' + scenario);
            } finally {
                if (running)
                    process.kill(-browser.pid, 'SIGTERM'); // its own process group: the browser and its helpers
                await exited;
            }
            record('raven-js-' + version, scenario, description, raw, {capture: capturePort, page: pagePort},
                   {dsn, project: RAVEN_JS_PROJECT, page: url});
        }
    }
    pageServer.close();
}

// ---- writing -----------------------------------------------------------------------------------

function writeSample(samples, file, json) {
    fs.writeFileSync(path.join(samples, file), JSON.stringify(JSON.parse(json), null, 2) + '\n');
}

async function main() {
    const args = parseArgs();
    const captureServer = startCaptureServer();
    const capturePort = await listen(captureServer);
    const captures = [];
    const events = {};
    const record = (client, scenario, description, raw, ports, extra) => {
        const name = client + '/' + scenario + '.http';
        const scrub = makeScrubber(args.work, ports);
        const scrubbed = scrubRequest(name, raw, scrub, args.work);
        for (const key of ['dsn', 'page'])
            if (extra[key])
                extra[key] = scrub(extra[key]);
        fs.mkdirSync(path.join(args.out, client), {recursive: true});
        fs.writeFileSync(path.join(args.out, name), scrubbed.raw);
        events[name] = scrubbed.json;
        const request = splitRequest(scrubbed.raw);
        captures.push({file: name, client, scenario, description, method: request.method,
                       ...extra, body_scrubbed: scrubbed.bodyChanged});
        console.log('captured ' + name + ' (' + scrubbed.raw.length + ' bytes)');
    };
    try {
        await runRavenNode(args, captureServer, capturePort, record);
        await runRavenJs(args, captureServer, capturePort, record);
    } catch (e) {
        fail(e.message);
    }
    captureServer.close();
    const listing = {captured: new Date().toISOString().slice(0, 10), node: process.version,
                     public_key: PUBLIC_KEY, secret_key: SECRET_KEY, captures};
    fs.writeFileSync(path.join(args.out, 'captures.json'), JSON.stringify(listing, null, 1) + '\n');
    writeSample(args.samples, 'raven-node-express-exception.json', events['raven-node-0.6.3/express-post.http']);
    writeSample(args.samples, 'raven-js-browser-error.json', events['raven-js-1.1.22/uncaught.http']);
    console.log('wrote ' + captures.length + ' captures to ' + args.out);
}

main();
