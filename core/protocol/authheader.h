#pragma once

// The X-Sentry-Auth header (spec section 3): built for sending, and parsed from a pasted value
// and judged exactly as the v4 server's crude parser would (split on ",", then on "=").
//
//     auto header = Sentry::AuthHeader::parse(pasted);
//     if (!header.isValid()) showFindings(header.findings());

#include "finding.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sentry {

class Dsn;

namespace AuthField {
inline constexpr char16_t Version[] = u"sentry_version";
inline constexpr char16_t Client[] = u"sentry_client";
inline constexpr char16_t Timestamp[] = u"sentry_timestamp";
inline constexpr char16_t Key[] = u"sentry_key";
inline constexpr char16_t Secret[] = u"sentry_secret";
} // namespace AuthField

// Who sends the request: a server-side client must send the secret; a browser client must not.
enum class ClientKind { Server, Browser };

struct AuthParams
{
    QString version = QStringLiteral("4");
    QString client;          // "name/version"; must not contain "," or "="
    qint64 timestamp = 0;    // unix seconds
    QString timestampText;   // sent instead of `timestamp` when set: raven-php's float "1386350000.123400"
    QString publicKey;
    QString secretKey;       // omitted from the header when empty
    bool includeTimestamp = true; // raven-js sent no sentry_timestamp
    // Field order, for emulating real clients. Empty means the document's order:
    // version, client, timestamp, key, secret. Names not given keep that order after the listed ones.
    QStringList order;
};

class AuthHeader
{
public:
    struct Field
    {
        QString name;
        QString value;
    };

    // Builds a header the v4 server would accept, or refuses with a message in *error (a client
    // name or key containing "," or "=", a missing key or client).
    static std::optional<AuthHeader> build(const AuthParams &params, QString *error = nullptr);
    static AuthParams paramsFor(const Dsn &dsn, const QString &client, qint64 timestamp);

    // Parses "Sentry k=v, k=v" (folded lines, any order; also the value of an Authorization header).
    static AuthHeader parse(const QString &text, ClientKind kind = ClientKind::Server);
    // The sentry_* parameters of a query string or a whole URL ("?sentry_version=4&…", raven-js
    // 1.1's beacon), read as the server's request.GET did: percent-decoded, '+' a space, the last
    // of a duplicate wins; sentry_data is the event, not auth.
    static AuthHeader parseQuery(const QString &text, ClientKind kind = ClientKind::Server);
    // parseQuery() for a URL or a query string (it starts with a scheme, '/', '?', or has '&'),
    // parse() for anything else: what the auth command and the GUI judge a paste with.
    static AuthHeader judge(const QString &text, ClientKind kind = ClientKind::Server);
    static bool looksLikeQuery(const QString &text);
    // Longer values are refused unparsed (auth.too-long): a real header is under 300 characters,
    // and the web servers in front of Sentry refuse header lines past 8 KB.
    static constexpr qsizetype MaxParsedLength = 8 * 1024;

    QList<Field> fields() const { return m_fields; } // in header order; duplicates kept
    QString value(const QString &name) const;        // the last occurrence wins, as on the server
    bool contains(const QString &name) const;

    Findings findings() const { return m_findings; }
    bool isValid() const { return !hasErrors(m_findings); } // would the server accept it?
    // The verdict in one line, as the CLI's auth command and the GUI's Auth tab both show it:
    // "Accepted: yes (1 warning(s))" or "Accepted: no (2 error(s), 0 warning(s))".
    QString summary() const;

    QString toString() const; // "Sentry sentry_version=4, sentry_client=…, …"

    // A copy whose sentry_secret values read MaskText: masked by field, so the other fields and
    // the header's text around them stay exactly as they were.
    AuthHeader withMaskedSecret() const;

private:
    QList<Field> m_fields;
    Findings m_findings;
};

} // namespace Sentry
