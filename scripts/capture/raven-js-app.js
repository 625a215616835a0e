// The raven-js 1.1.x scenarios of scripts/capture-clients.sh, served as /static/app.js to a page
// that has configured Raven (Raven.config(DSN).install()). The page calls runScenario(NAME) once;
// each scenario makes Raven send exactly one event (an image GET beacon).
/* global Raven */

function cartTotal(cart) {
    return cart.total.toFixed(2); // TypeError when there is no cart
}

function applyCoupon(code) {
    if (code.length < 4)
        throw new Error('Coupon code too short: ' + code);
}

var scenarios = {
    message: function () {
        Raven.captureMessage('Coupon SUMMER13 rejected', {
            tags: {page: 'cart', experiment: 'checkout-b'},
            extra: {items: 3, total: '41.50'}
        });
    },
    error: function () {
        try {
            applyCoupon('AB');
        } catch (e) {
            Raven.captureException(e);
        }
    },
    'type-error': function () {
        try {
            cartTotal(undefined);
        } catch (e) {
            Raven.captureException(e);
        }
    },
    uncaught: function () {
        // Thrown outside any try: Raven hears it through TraceKit's window.onerror handler.
        setTimeout(function onCartTimer() {
            cartTotal(null);
        }, 0);
    }
};

function runScenario(name) {
    scenarios[name]();
}
