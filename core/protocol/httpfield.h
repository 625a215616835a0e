#pragma once

// Whether a header a user adds to a request (Origin, Referer, anything) can go on the wire as
// HTTP/1.1 defines a field (RFC 9110 section 5): the name a token, the value visible ASCII or
// UTF-8 with inner spaces and tabs, no line breaks. Empty findings: it can.
//
//     const Sentry::Findings problems = Sentry::checkHeaderField(name, value);

#include "finding.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Sentry {

// Headers the request's framing depends on: the sender writes them from the URL and the body.
bool isFramingHeader(const QByteArray &name); // Host, Content-Length, Transfer-Encoding, …

// Findings at "header name" or "header value"; each says what is wrong and how to fix it.
Findings checkHeaderField(const QByteArray &name, const QByteArray &value);

} // namespace Sentry
