#pragma once

// Scrubbing before sending (spec section 9): a chain of switchable processors — the default
// sanitizer (password-like keys and card-number values → "********", recursively, interfaces
// included) and the removal of cookies and POST data, which clients do not send by default.
// The result lists every path that was masked or removed, so the GUI can preview it.
//
//     Sentry::ScrubOptions options;        // all processors on
//     options.removeCookies = false;       // the user asked to send cookies
//     auto scrubbed = Sentry::Scrubber::scrub(event, options);
//     for (const auto &entry : scrubbed.entries) …;   // "/request/cookies" removed

#include "mask.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Sentry {

struct ScrubOptions
{
    bool sanitize = true;       // password-like keys and card numbers → "********"
    bool removeCookies = true;  // request.cookies and the Cookie header
    bool removePostData = true; // request.data
    QStringList extraKeys;      // more key fragments for the sanitizer (matched case-insensitively)
};

// The processors' ids: ScrubProcessorInfo::id and ScrubEntry::processor.
namespace ScrubProcessor {
inline constexpr char16_t Sanitize[] = u"sanitize";
inline constexpr char16_t Cookies[] = u"cookies";
inline constexpr char16_t PostData[] = u"post-data";
} // namespace ScrubProcessor

struct ScrubEntry
{
    enum class Kind { Masked, Removed };

    QString path;      // JSON pointer in the input event
    Kind kind = Kind::Masked;
    QString processor; // one of ScrubProcessor's ids
};

struct ScrubResult
{
    QJsonObject event;
    QList<ScrubEntry> entries;
};

struct ScrubProcessorInfo
{
    QString id;
    QString description;
};

class Scrubber
{
public:
    static inline const QString Mask = QString::fromUtf16(MaskText);

    static ScrubResult scrub(const QJsonObject &event, const ScrubOptions &options = {});

    static const QList<ScrubProcessorInfo> &processors(); // for the GUI's switches
    static QStringList defaultKeys(); // password, passwd, secret, authorization, api_key, …
    static bool isSensitiveKey(const QString &key, const QStringList &extraKeys = {});
    static bool looksLikeCardNumber(const QString &value); // ^(?:\d[ -]*?){13,16}$
};

QString scrubKindName(ScrubEntry::Kind kind); // "masked", "removed"

} // namespace Sentry
