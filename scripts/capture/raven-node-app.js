// The raven-node 0.6.3 scenarios of scripts/capture-clients.sh. Run as
//     node app.js SCENARIO DSN
// from a folder whose node_modules holds raven@0.6.3 (and express@3.4.8 for "express-post").
// Each scenario makes raven send exactly one event, then the process ends. The frames of the
// events point into this file (copied to app.js), so its lines show up as context in the captures.
'use strict';

var raven = require('raven');

var scenario = process.argv[2];
var dsn = process.argv[3];
var client = new raven.Client(dsn);

// Ends the process once raven's transport has an answer (or failed to get one).
function exitWhenSent() {
    client.once('logged', function () { process.exit(0); });
    client.once('error', function (e) {
        console.error('raven-node could not send: ' + e.message);
        process.exit(1);
    });
}

function loadUser(users, id) {
    return users[id].profile.name; // TypeError when the user does not exist
}

function chargeCard(amount) {
    if (amount <= 0)
        throw new Error('Amount must be positive, got ' + amount);
}

var scenarios = {
    message: function () {
        exitWhenSent();
        client.captureMessage('Cache warm-up took longer than expected');
    },
    error: function () {
        exitWhenSent();
        try {
            chargeCard(-5);
        } catch (err) {
            client.captureError(err);
        }
    },
    'type-error': function () {
        exitWhenSent();
        try {
            loadUser({}, 42);
        } catch (err) {
            client.captureError(err);
        }
    },
    'thrown-string': function () {
        exitWhenSent();
        try {
            throw 'something awesome';
        } catch (err) {
            client.captureError(err); // not an Error: raven sends it as the message "Error: …"
        }
    },
    query: function () {
        exitWhenSent();
        client.captureQuery('SELECT * FROM orders WHERE customer_id = 42', 'postgresql');
    },
    'path-prefix-slug': function () {
        // The DSN has a path prefix and a project slug: http://KEY:SECRET@HOST/sentry/shop-backend
        exitWhenSent();
        client.captureMessage('Payment provider answered slowly');
    },
    uncaught: function () {
        // raven's process 'uncaughtException' handler; the callback runs once the event is sent.
        client.patchGlobal(function (sent) {
            process.exit(sent ? 1 : 2);
        });
        setTimeout(function tick() {
            startWorker(); // eslint-disable-line no-undef -- a ReferenceError, never caught
        }, 0);
    },
    'express-post': function () {
        // raven's Express middleware as its own example sets it up (bodyParser, cookieParser,
        // router, then raven.middleware.express), and one form POST to a route that throws.
        var express = require('express');
        var http = require('http');
        var app = express();
        app.use(express.bodyParser());
        app.use(express.cookieParser());
        app.use(app.router);
        app.use(raven.middleware.express(client));
        app.use(function (err, req, res, next) {
            res.statusCode = 500;
            res.end('Sorry: ' + res.sentry);
        });
        app.post('/account/:id/update', function (req, res) {
            loadUser({}, req.params.id);
            res.end('ok');
        });
        exitWhenSent();
        var server = app.listen(0, '127.0.0.1', function () {
            var port = server.address().port;
            console.log('express-port=' + port);
            var form = 'email=jane%40example.com&password=hunter2&plan=pro';
            var request = http.request({
                host: '127.0.0.1',
                port: port,
                method: 'POST',
                path: '/account/7/update?source=settings',
                headers: {
                    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Firefox/24.0',
                    'Accept': 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
                    'Content-Type': 'application/x-www-form-urlencoded',
                    'Content-Length': Buffer.byteLength(form),
                    'Cookie': 'connect.sid=s%3Aj0bq3sPDdW1mT0Vq.Kp2X; theme=dark'
                }
            }, function (res) { res.resume(); });
            request.end(form);
        });
    }
};

if (!scenarios[scenario]) {
    console.error('unknown scenario "' + scenario + '"; one of: ' + Object.keys(scenarios).join(', '));
    process.exit(2);
}
scenarios[scenario]();
