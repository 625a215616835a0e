#pragma once

// What the local receiver accepts: projects with their keys and allowed origins, the validation
// profile, and the size limits. A plain value, shared by the judge, the receiver and `inspect`.
//
//     Sentry::ReceiverConfig config;
//     config.projects.append({u"1"_s, u"web"_s, {{u"public"_s, u"secret"_s}}});

#include "validator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sentry {

struct ProjectKey
{
    QString publicKey;
    QString secretKey; // empty: browser-only key, a server-side request cannot authenticate

    // "PUBLIC[:SECRET]", as `serve --key` and the receiver panel take it. On a bad text nullopt and
    // *error saying what it must be ("must be …, not '…'"); the caller names the field.
    static std::optional<ProjectKey> fromText(const QString &text, QString *error);
    QString toText() const;
};

struct ReceiverProject
{
    QString id;   // numeric, as the v4 server issued them
    QString slug; // also accepted in the URL and in a legacy body's "project"
    QList<ProjectKey> keys;
    QStringList origins = {QStringLiteral("*")}; // "*", or "https://app.example" (scheme+host[:port])

    bool matches(const QString &idOrSlug) const
    {
        return !idOrSlug.isEmpty() && (idOrSlug == id || idOrSlug == slug);
    }
    bool allowsOrigin(const QString &origin) const;

    // "ID[:SLUG]", as `serve --project` and the receiver panel take it (keys and origins apart).
    static std::optional<ReceiverProject> fromText(const QString &text, QString *error);
    QString toText() const;
};

// The store limits of spec section 4, plus how long a request head may be.
struct ReceiverLimits
{
    qsizetype maxWireBody = 200 * 1000;     // bytes on the wire (413 past it)
    qsizetype maxDecodedBody = 1000 * 1000; // bytes of JSON after inflating (413 past it)
    qsizetype maxHead = 64 * 1024;          // request line + headers (431 past it)
};

struct ReceiverConfig
{
    QList<ReceiverProject> projects;
    Profile profile = Profile::V4;
    ReceiverLimits limits;

    const ReceiverProject *project(const QString &idOrSlug) const;
    // The project owning a public key, and the key itself; nullptr when no project has it.
    const ReceiverProject *projectOfKey(const QString &publicKey, const ProjectKey **key = nullptr) const;

    // One project "1" with one generated key pair: what `serve` starts with when given no --key.
    static ReceiverConfig withGeneratedKey();
    static QString generateKey(); // 32 lowercase hex characters, as the v4 server issued keys
};

} // namespace Sentry
