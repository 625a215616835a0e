#include "scrubber.h"

#include "interfaces.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

const QString SanitizeId = QString::fromUtf16(ScrubProcessor::Sanitize);
const QString CookiesId = QString::fromUtf16(ScrubProcessor::Cookies);
const QString PostDataId = QString::fromUtf16(ScrubProcessor::PostData);

QString child(const QString &parent, const QString &key)
{
    QString token = key;
    token.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return parent + u'/' + token;
}

QString child(const QString &parent, qsizetype index)
{
    return parent + u'/' + QString::number(index);
}

// The sanitizer: walks every value, masking what sits under a sensitive key or looks like a card.
class Sanitizer
{
public:
    Sanitizer(const QStringList &extraKeys, QList<ScrubEntry> &entries)
        : m_extraKeys(extraKeys), m_entries(entries) {}

    QJsonValue walk(const QJsonValue &value, const QString &path, const QString &key)
    {
        if (value.isObject())
            return object(value.toObject(), path);
        if (value.isArray())
            return array(value.toArray(), path);
        if (!value.isString())
            return value;
        if (Scrubber::looksLikeCardNumber(value.toString()))
            return mask(path);
        if (key == "query_string"_L1)
            return queryString(value.toString(), path);
        return value;
    }

private:
    QJsonValue mask(const QString &path)
    {
        m_entries.append({path, ScrubEntry::Kind::Masked, SanitizeId});
        return Scrubber::Mask;
    }

    bool needsMask(const QString &key, const QJsonValue &value) const
    {
        return !value.isNull() && !value.isUndefined() && value != QJsonValue(Scrubber::Mask)
            && Scrubber::isSensitiveKey(key, m_extraKeys);
    }

    QJsonValue object(const QJsonObject &input, const QString &path)
    {
        QJsonObject output = input; // shared until something changes
        for (auto it = input.constBegin(); it != input.constEnd(); ++it) {
            const QString memberPath = child(path, it.key());
            const QJsonValue after = needsMask(it.key(), it.value()) ? mask(memberPath)
                                                                     : walk(it.value(), memberPath, it.key());
            if (after != it.value())
                output.insert(it.key(), after);
        }
        return output;
    }

    QJsonValue array(const QJsonArray &input, const QString &path)
    {
        // A [key, value] pair (tags, headers as pairs): the key decides for the value.
        if (input.size() == 2 && input.at(0).isString() && needsMask(input.at(0).toString(), input.at(1)))
            return QJsonArray{input.at(0), mask(child(path, 1))};
        QJsonArray output = input;
        for (qsizetype i = 0; i < input.size(); ++i) {
            const QJsonValue after = walk(input.at(i), child(path, i), QString());
            if (after != input.at(i))
                output.replace(i, after);
        }
        return output;
    }

    QJsonValue queryString(const QString &query, const QString &path)
    {
        QStringList pairs = query.split(u'&');
        bool masked = false;
        for (QString &pair : pairs) {
            const qsizetype equals = pair.indexOf(u'=');
            if (equals > 0 && Scrubber::isSensitiveKey(pair.left(equals), m_extraKeys)) {
                pair = pair.left(equals + 1) + Scrubber::Mask;
                masked = true;
            }
        }
        if (!masked)
            return query;
        m_entries.append({path, ScrubEntry::Kind::Masked, SanitizeId});
        return pairs.join(u'&');
    }

    const QStringList &m_extraKeys;
    QList<ScrubEntry> &m_entries;
};

void removeKey(QJsonObject &object, const QString &key, const QString &path, const QString &processor,
               QList<ScrubEntry> &entries)
{
    if (!object.contains(key))
        return;
    object.remove(key);
    entries.append({child(path, key), ScrubEntry::Kind::Removed, processor});
}

// Cookies live in three places: the cookies member, a Cookie header, and the CGI env.
void removeCookies(QJsonObject &http, const QString &path, QList<ScrubEntry> &entries)
{
    removeKey(http, u"cookies"_s, path, CookiesId, entries);
    QJsonObject headers = http.value(u"headers"_s).toObject();
    const QStringList names = headers.keys();
    for (const QString &name : names) {
        if (name.compare("cookie"_L1, Qt::CaseInsensitive) == 0)
            removeKey(headers, name, child(path, u"headers"_s), CookiesId, entries);
    }
    if (headers.size() != http.value(u"headers"_s).toObject().size())
        http.insert(u"headers"_s, headers);
    QJsonObject env = http.value(u"env"_s).toObject();
    if (env.contains(u"HTTP_COOKIE"_s)) {
        removeKey(env, u"HTTP_COOKIE"_s, child(path, u"env"_s), CookiesId, entries);
        http.insert(u"env"_s, env);
    }
}

void removeHttpParts(QJsonObject &event, const ScrubOptions &options, QList<ScrubEntry> &entries)
{
    const InterfaceInfo *httpInterface = Interfaces::find(QString::fromUtf16(InterfaceName::Http));
    for (const QString &key : {httpInterface->alias, httpInterface->fullName}) {
        if (!event.value(key).isObject())
            continue;
        QJsonObject http = event.value(key).toObject();
        const QString path = child(QString(), key);
        if (options.removeCookies)
            removeCookies(http, path, entries);
        if (options.removePostData)
            removeKey(http, u"data"_s, path, PostDataId, entries);
        event.insert(key, http);
    }
}

} // namespace

ScrubResult Scrubber::scrub(const QJsonObject &event, const ScrubOptions &options)
{
    ScrubResult result{event, {}};
    removeHttpParts(result.event, options, result.entries);
    if (options.sanitize) {
        Sanitizer sanitizer(options.extraKeys, result.entries);
        result.event = sanitizer.walk(result.event, QString(), QString()).toObject();
    }
    return result;
}

const QList<ScrubProcessorInfo> &Scrubber::processors()
{
    static const QList<ScrubProcessorInfo> list = {
        {SanitizeId, u"Mask values under password-like keys (password, passwd, secret, authorization, "
                     "api_key, apikey, card_number) and card numbers with ********"_s},
        {CookiesId, u"Remove cookies: request.cookies, the Cookie header and HTTP_COOKIE"_s},
        {PostDataId, u"Remove POST data: request.data"_s},
    };
    return list;
}

QStringList Scrubber::defaultKeys()
{
    return {u"password"_s, u"passwd"_s,  u"secret"_s,     u"authorization"_s,
            u"api_key"_s,  u"apikey"_s,  u"card_number"_s};
}

bool Scrubber::isSensitiveKey(const QString &key, const QStringList &extraKeys)
{
    static const QStringList keys = defaultKeys();
    const auto matches = [&key](const QString &fragment) {
        return key.contains(fragment, Qt::CaseInsensitive);
    };
    return std::any_of(keys.cbegin(), keys.cend(), matches)
        || std::any_of(extraKeys.cbegin(), extraKeys.cend(), matches);
}

bool Scrubber::looksLikeCardNumber(const QString &value)
{
    static const QRegularExpression card(u"^(?:\\d[ -]*?){13,16}$"_s);
    return value.size() >= 13 && card.match(value).hasMatch();
}

QString scrubKindName(ScrubEntry::Kind kind)
{
    return kind == ScrubEntry::Kind::Removed ? u"removed"_s : u"masked"_s;
}

} // namespace Sentry
