#pragma once

// The seven v4 interfaces (spec section 6) as one table: each one's full name, the alias the
// server also read since v4 (none for Message and Query), the name today's intake gives it, and
// the member a non-object value is passed as. The validator judges by it, presets rename by it,
// the composer and the rules list show it.
//
//     if (const Sentry::InterfaceInfo *info = Sentry::Interfaces::find(u"exception"_s))
//         key = info->fullName; // "sentry.interfaces.Exception"

#include <QList>
#include <QString>

namespace Sentry {

namespace InterfaceName {
inline constexpr char16_t Exception[] = u"sentry.interfaces.Exception";
inline constexpr char16_t Stacktrace[] = u"sentry.interfaces.Stacktrace";
inline constexpr char16_t Http[] = u"sentry.interfaces.Http";
inline constexpr char16_t User[] = u"sentry.interfaces.User";
inline constexpr char16_t Template[] = u"sentry.interfaces.Template";
inline constexpr char16_t Message[] = u"sentry.interfaces.Message";
inline constexpr char16_t Query[] = u"sentry.interfaces.Query";
} // namespace InterfaceName

struct InterfaceInfo
{
    QString alias;      // "exception"; empty for Message and Query
    QString fullName;   // "sentry.interfaces.Exception"
    QString relayName;  // today's canonical name; empty when Relay has none
    QString firstField; // the member a non-object value is passed as
};

class Interfaces
{
public:
    static const QList<InterfaceInfo> &all();
    // By alias or full name (and by today's canonical name when `relayNames`); nullptr if none.
    static const InterfaceInfo *find(const QString &key, bool relayNames = false);
};

} // namespace Sentry
