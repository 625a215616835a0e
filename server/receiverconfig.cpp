#include "receiverconfig.h"

#include <QUrl>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

bool ReceiverProject::allowsOrigin(const QString &origin) const
{
    // The v4 server compared scheme://host[:port] of Origin (or of Referer) with each allowed entry.
    const QUrl url(origin);
    const QString normalized = url.isValid() && !url.host().isEmpty()
        ? url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                       | QUrl::RemoveUserInfo).toString()
        : origin;
    for (const QString &allowed : origins) {
        if (allowed == "*"_L1 || allowed == normalized || allowed == origin)
            return true;
    }
    return false;
}

std::optional<ProjectKey> ProjectKey::fromText(const QString &text, QString *error)
{
    const QString publicKey = text.section(u':', 0, 0);
    // The auth header splits on ',' and '=': a key holding either could never be sent.
    if (publicKey.isEmpty() || publicKey.contains(u',') || publicKey.contains(u'=')) {
        *error = u"must be PUBLIC or PUBLIC:SECRET without ',' or '=', not '%1'"_s.arg(text);
        return std::nullopt;
    }
    return ProjectKey{publicKey, text.section(u':', 1)};
}

QString ProjectKey::toText() const
{
    return secretKey.isEmpty() ? publicKey : publicKey + u':' + secretKey;
}

std::optional<ReceiverProject> ReceiverProject::fromText(const QString &text, QString *error)
{
    ReceiverProject project;
    project.id = text.section(u':', 0, 0);
    project.slug = text.section(u':', 1);
    if (project.id.isEmpty() || project.id.contains(u'/')) {
        *error = u"must be ID or ID:SLUG (e.g. 1 or 1:web), not '%1'"_s.arg(text);
        return std::nullopt;
    }
    return project;
}

QString ReceiverProject::toText() const
{
    return slug.isEmpty() ? id : id + u':' + slug;
}

const ReceiverProject *ReceiverConfig::project(const QString &idOrSlug) const
{
    for (const ReceiverProject &candidate : projects) {
        if (candidate.matches(idOrSlug))
            return &candidate;
    }
    return nullptr;
}

const ReceiverProject *ReceiverConfig::projectOfKey(const QString &publicKey, const ProjectKey **key) const
{
    for (const ReceiverProject &candidate : projects) {
        for (const ProjectKey &projectKey : candidate.keys) {
            if (!publicKey.isEmpty() && projectKey.publicKey == publicKey) {
                if (key)
                    *key = &projectKey;
                return &candidate;
            }
        }
    }
    return nullptr;
}

QString ReceiverConfig::generateKey()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

ReceiverConfig ReceiverConfig::withGeneratedKey()
{
    ReceiverConfig config;
    config.projects.append({u"1"_s, QString(), {{generateKey(), generateKey()}}});
    return config;
}

} // namespace Sentry
