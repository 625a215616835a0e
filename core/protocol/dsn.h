#pragma once

// A parsed DSN: `{PROTOCOL}://{PUBLIC_KEY}:{SECRET_KEY}@{HOST}/{PATH}{PROJECT_ID}` (spec section 1).
// Parsing never fails outright: every fault is a Finding naming the part, so a half-typed DSN in the
// GUI still shows what was understood.
//
//     const auto dsn = Sentry::Dsn::parse(u"https://pub:sec@example.com/1"_s);
//     if (dsn.isValid())
//         request.setUrl(dsn.storeUrl());   // https://example.com/api/1/store/

#include "finding.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace Sentry {

class Dsn
{
public:
    enum class SecretDisplay { Masked, Shown };

    static Dsn parse(const QString &text);

    bool isEmpty() const;  // an empty DSN means "client disabled", not an error
    bool isValid() const;  // not empty, and no error findings (warnings allowed)
    Findings findings() const { return m_findings; }

    QString text() const { return m_text; } // as given
    QString transport() const { return m_transport; } // "threaded" of threaded+https; "" if none
    QString scheme() const { return m_scheme; }       // http or https
    QString publicKey() const { return m_publicKey; } // percent-decoded
    QString secretKey() const { return m_secretKey; } // percent-decoded; "" when absent
    bool hasSecret() const { return !m_secretKey.isEmpty(); }
    QString host() const { return m_host; }           // IPv6 without brackets
    int port() const { return m_port; }               // explicit, or the scheme's default
    bool hasExplicitPort() const { return m_explicitPort; }
    // The port as written after the host ("90o0" stays a typo, so it can be shown next to its
    // finding); "" when none was written. port() is only ever a usable number.
    QString portText() const { return m_portText; }
    QString path() const { return m_path; }           // prefix before the project: "/" or "/a/b/"
    QString projectId() const { return m_projectId; }
    QList<QPair<QString, QString>> options() const { return m_options; } // the query string
    // The client's deadline from "?timeout=SECONDS" (a number above 0, at most MaxTimeoutSeconds;
    // fractions allowed), in milliseconds; nullopt when absent or unusable (a finding says why).
    std::optional<int> timeoutMs() const;
    QString option(const QString &name) const; // the last value given for `name`; "" when none
    static constexpr int MaxTimeoutSeconds = 600;

    QUrl baseUrl() const;        // {scheme}://{host}[:port]{path}
    QUrl storeUrl() const;       // {base}api/{project}/store/
    QUrl legacyStoreUrl() const; // {base}api/store/

    // The DSN rebuilt from its parts; the secret is replaced by "********" unless shown.
    QString toString(SecretDisplay display = SecretDisplay::Masked) const;

    // On the text as written, valid or not (a DSN being typed, one kept in settings):
    // "https://pub:sec@host/1" → "https://pub@host/1" with *secret = "sec"; text without a secret
    // is returned unchanged. joinSecret() puts a secret back into text that has none.
    static QString splitSecret(const QString &text, QString *secret);
    static QString joinSecret(const QString &text, const QString &secret);

private:
    QString m_text;
    QString m_transport;
    QString m_scheme;
    QString m_publicKey;
    QString m_secretKey;
    QString m_host;
    int m_port = -1;
    bool m_explicitPort = false;
    QString m_portText;
    QString m_path;
    QString m_projectId;
    QList<QPair<QString, QString>> m_options;
    Findings m_findings;

    friend class DsnParser;
};

} // namespace Sentry
