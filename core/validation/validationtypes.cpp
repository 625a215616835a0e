#include "validationtypes.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

QString profileName(Profile profile)
{
    return profile == Profile::Relay ? u"relay"_s : u"v4"_s;
}

std::optional<Profile> profileFromName(const QString &name)
{
    if (name.compare("v4"_L1, Qt::CaseInsensitive) == 0)
        return Profile::V4;
    if (name.compare("relay"_L1, Qt::CaseInsensitive) == 0)
        return Profile::Relay;
    return std::nullopt;
}

} // namespace Sentry
