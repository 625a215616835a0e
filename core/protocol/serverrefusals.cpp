#include "serverrefusals.h"

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

constexpr ServerRefusal Rows[] = {
    {"route.not-found", 404, "Not found: the receiver serves /api/{project}/store/, /api/store/ and crossdomain.xml (%1)"},
    {"route.no-trailing-slash", 301, ""},
    {"method.not-allowed", 405, "Method not allowed: %1 (use POST, or GET/HEAD with sentry_data, or OPTIONS)"},
    {"project.unknown", 400, "Invalid project_id: u'%1'"},
    {"origin.not-allowed", 400, "Invalid origin: '%1'"},
    {"auth.none", 400, "Client/server version mismatch: Unsupported client"},
    {"auth.invalid-header", 400, "Invalid auth header"},
    {"auth.key", 403, "Invalid api key"},
    {"auth.secret-wrong", 403, "Invalid api key"},
    {"auth.project-mismatch", 400, "Project ID mismatch"},
    {"auth.secret-missing", 400, "Missing required attribute in authentication header: sentry_secret"},
    {"auth.version", 400, "Client/server version mismatch: Unsupported protocol version (%1)"},
    {"auth.client", 400, "Client request error: Missing client version identifier"},
    {"body.too-large", 413, "Request body too large: %1"},
    {"body.chunked", 411, "Length Required: send the body with a Content-Length (chunked bodies are refused, as nginx in front of the v4 server did)"},
    {"head.too-large", 431, "Request headers too large: %1; keep the request line and headers under 64 KB"},
    {"body.decode", 403, "Bad data decoding request (%1)"},
    {"body.reconstruct", 403, "Bad data reconstructing object (%1)"},
    {"body.legacy-project", 403, "Invalid credentials"},
    {"event.blocked", 403, "Creation of this event was blocked"},
    {"event.message", 400, "Invalid value for message"},
    {"event.crash", 500, ""}, // the server crashed on a value of the wrong type
};

const ServerRefusal Unknown = {"", 0, ""};

} // namespace

const ServerRefusal &ServerRefusals::row(const char *code)
{
    for (const ServerRefusal &row : Rows) {
        if (std::strcmp(row.code, code) == 0)
            return row;
    }
    Q_ASSERT_X(false, "ServerRefusals::row", code);
    return Unknown;
}

QString ServerRefusals::text(const char *code, const QString &detail)
{
    QString text = QString::fromUtf8(row(code).text);
    if (text.contains("%1"_L1))
        text = detail.isEmpty() ? prefix(code) : text.arg(detail);
    return text;
}

QString ServerRefusals::quoted(const char *code, const QString &detail)
{
    return u"%1 '%2'"_s.arg(row(code).status).arg(text(code, detail));
}

QString ServerRefusals::prefix(const char *code)
{
    const QString text = QString::fromUtf8(row(code).text);
    const qsizetype at = text.indexOf("%1"_L1);
    if (at < 0)
        return text;
    QString head = text.left(at);
    if (head.endsWith("u'"_L1)) // Python's repr of a unicode string: "u'5'"
        head.chop(2);
    while (head.endsWith(u' ') || head.endsWith(u'(') || head.endsWith(u'\'') || head.endsWith(u':'))
        head.chop(1);
    return head;
}

} // namespace Sentry
