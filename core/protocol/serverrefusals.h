#pragma once

// The v4 server's refusals (spec sections 3, 4 and 7) as one table of data: a stable code, the
// status and the exact X-Sentry-Error text. The receiver answers with these rows, the sender
// explains an answer by them, and findings quote them, so the three never disagree.

#include <QString>

namespace Sentry {

struct ServerRefusal
{
    const char *code;  // "auth.secret-missing", "body.decode", …
    int status;
    const char *text;  // the X-Sentry-Error text; %1 is a detail the caller fills in
};

class ServerRefusals
{
public:
    // The row for `code`; a code not in the table is a programming error (asserted), and gets
    // an empty row with status 0 in release builds.
    static const ServerRefusal &row(const char *code);
    static QString text(const char *code, const QString &detail = {}); // %1 filled when present
    // "400 'Invalid auth header'": how findings and explanations quote the answer.
    static QString quoted(const char *code, const QString &detail = {});
    // The text before any "%1" detail, to recognise a server's X-Sentry-Error by its start.
    static QString prefix(const char *code);
};

} // namespace Sentry
