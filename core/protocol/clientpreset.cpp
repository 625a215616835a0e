#include "clientpreset.h"

#include "authheader.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

const QString Version = QString::fromUtf16(AuthField::Version);
const QString Client = QString::fromUtf16(AuthField::Client);
const QString Timestamp = QString::fromUtf16(AuthField::Timestamp);
const QString Key = QString::fromUtf16(AuthField::Key);
const QString Secret = QString::fromUtf16(AuthField::Secret);

StoreRequestOptions ravenPython4()
{
    StoreRequestOptions options;
    options.client = u"raven-python/4.0.0"_s;
    options.encoding = BodyEncoding::Base64Zlib;
    options.authFieldOrder = {Timestamp, Client, Version, Key, Secret};
    options.headerOrder = {HttpHeader::AcceptEncoding, HttpHeader::ContentLength,
                           HttpHeader::SentryAuth, HttpHeader::ContentType, HttpHeader::Connection,
                           HttpHeader::UserAgent};
    return options;
}

StoreRequestOptions ravenNode06()
{
    StoreRequestOptions options;
    options.client = u"raven-node/0.6.3"_s;
    options.encoding = BodyEncoding::Base64Zlib;
    options.useLegacyEndpoint = true;
    options.timestampUnit = TimestampUnit::Milliseconds;
    options.authFieldOrder = {Version, Timestamp, Client, Key, Secret};
    // No User-Agent: Qt sends one whatever is set, so it follows the client's own headers.
    options.headerOrder = {HttpHeader::SentryAuth, HttpHeader::ContentType,
                           HttpHeader::ContentLength, HttpHeader::Connection};
    return options;
}

StoreRequestOptions ravenJs11()
{
    StoreRequestOptions options;
    options.client = u"raven-js/1.1.22"_s;
    options.userAgent = u"Mozilla/5.0 (X11; Linux x86_64) raven-js/1.1.22"_s; // the browser's
    options.method = RequestMethod::Get;
    options.sendTimestamp = false;
    options.sendSecret = false;
    options.authFieldOrder = {Version, Client, Key};
    options.headerOrder = {HttpHeader::Connection, HttpHeader::Origin, HttpHeader::UserAgent,
                           HttpHeader::Referer, HttpHeader::AcceptEncoding,
                           HttpHeader::AcceptLanguage};
    return options;
}

StoreRequestOptions ravenPhp08()
{
    StoreRequestOptions options;
    options.client = u"raven-php/0.8.0"_s;
    options.encoding = BodyEncoding::Base64Zlib;
    options.useLegacyEndpoint = true;
    options.authFieldOrder = {Timestamp, Client, Version, Key, Secret};
    options.headerOrder = {HttpHeader::UserAgent, HttpHeader::SentryAuth, HttpHeader::ContentType,
                           HttpHeader::ContentLength};
    return options;
}

} // namespace

const QList<ClientPreset> &ClientPreset::all()
{
    static const QList<ClientPreset> presets = {
        {u"raven-python-4"_s,
         u"raven 4.0.0 (PyPI): raven/base.py (Client.send_remote, get_auth_header: timestamp, client, "
         "version, key, secret; base64(zlib(json))) and raven/transport/http.py (urllib2, whose "
         "httplib adds Accept-Encoding: identity, Host, Connection: close). Not checked against a "
         "capture: none is in tests/data/traffic; the header order is urllib2's as read from Python "
         "2.7's httplib"_s,
         ravenPython4()},
        {u"raven-node-0.6"_s,
         u"raven@0.6.3 (npm): lib/client.js (process, send: legacy /api/store/, zlib.deflate then "
         "base64) and lib/transports.js (http.request with X-Sentry-Auth, Content-Type, "
         "Content-Length; node adds Host, Connection); checked against tests/data/traffic/"
         "raven-node-0.6.3"_s,
         ravenNode06()},
        {u"raven-js-1.1"_s,
         u"raven-js@1.1.22 (npm): dist/raven.js (getAuthQueryString: sentry_version, sentry_client, "
         "sentry_key, each encodeURIComponent'ed; makeRequest: new Image().src = store URL + "
         "'&sentry_data=' + encodeURIComponent(JSON)); the browser sends the headers; checked "
         "against tests/data/traffic/raven-js-1.1.22"_s,
         ravenJs11()},
        {u"raven-php-0.8"_s,
         u"raven-php 0.8.0 (Packagist): lib/Raven/Client.php (send: base64_encode(gzcompress(json)), "
         "legacy /api/store/; get_auth_header: timestamp, client, version, key, secret; headers "
         "User-Agent, X-Sentry-Auth, Content-Type). Not checked against a capture: none is in "
         "tests/data/traffic; PHP wrote the timestamp as a float (%F), the harness as whole "
         "seconds"_s,
         ravenPhp08()},
    };
    return presets;
}

std::optional<ClientPreset> ClientPreset::find(const QString &id)
{
    for (const ClientPreset &preset : all()) {
        if (preset.id == id)
            return preset;
    }
    return std::nullopt;
}

QStringList ClientPreset::ids()
{
    QStringList ids;
    for (const ClientPreset &preset : all())
        ids.append(preset.id);
    return ids;
}

} // namespace Sentry
