#include "clientpreset.h"

#include "authheader.h"

#include <QJsonObject>

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
    // urllib2 (Python 2's httplib) sent these and no Accept-Language.
    options.headerOrder = {HttpHeader::AcceptEncoding, HttpHeader::ContentLength,
                           HttpHeader::SentryAuth, HttpHeader::ContentType, HttpHeader::Connection,
                           HttpHeader::UserAgent};
    options.onlyListedHeaders = true;
    options.eventShape.client = u"raven-python 4.0.0"_s;
    options.eventShape.names = InterfaceNaming::FullNames;
    options.eventShape.timestamp = TimestampForm::IsoSecondsZ;
    options.eventShape.level = LevelForm::Number;
    options.eventShape.defaults = {{u"level"_s, 40}, {u"extra"_s, QJsonObject()}};
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
    // No User-Agent, no Accept-*: what node's http.request sent (Host aside, always first here).
    options.headerOrder = {HttpHeader::SentryAuth, HttpHeader::ContentType,
                           HttpHeader::ContentLength, HttpHeader::Connection};
    options.onlyListedHeaders = true;
    options.eventShape.client = u"raven-node 0.6.3"_s;
    options.eventShape.names = InterfaceNaming::FullNames;
    options.eventShape.timestamp = TimestampForm::IsoSeconds;
    options.eventShape.level = LevelForm::Omitted;
    options.eventShape.setsProject = true;
    options.eventShape.defaults = {{u"extra"_s, QJsonObject()}, {u"logger"_s, u""_s},
                                   {u"platform"_s, u"node"_s}};
    return options;
}

StoreRequestOptions ravenJs11(const QString &version, bool encodesAuthValues)
{
    StoreRequestOptions options;
    options.client = u"raven-js/"_s + version;
    options.userAgent = u"Mozilla/5.0 (X11; Linux x86_64) raven-js/"_s + version; // the browser's
    options.method = RequestMethod::Get;
    options.sendTimestamp = false;
    options.sendSecret = false;
    options.encodeQueryAuthValues = encodesAuthValues;
    options.authFieldOrder = {Version, Client, Key};
    options.headerOrder = {HttpHeader::Connection, HttpHeader::Origin, HttpHeader::UserAgent,
                           HttpHeader::Referer, HttpHeader::AcceptEncoding,
                           HttpHeader::AcceptLanguage};
    options.eventShape.client = u"raven-js "_s + version;
    options.eventShape.names = InterfaceNaming::Aliases;
    options.eventShape.timestamp = TimestampForm::Omitted;
    options.eventShape.level = LevelForm::Omitted;
    options.eventShape.setsProject = true;
    options.eventShape.defaults = {{u"logger"_s, u"javascript"_s}, {u"platform"_s, u"javascript"_s}};
    return options;
}

StoreRequestOptions ravenPhp08()
{
    StoreRequestOptions options;
    options.client = u"raven-php/0.8.0"_s;
    options.encoding = BodyEncoding::Base64Zlib;
    options.useLegacyEndpoint = true;
    options.timestampUnit = TimestampUnit::SecondsWithMicros;
    options.authFieldOrder = {Timestamp, Client, Version, Key, Secret};
    // PHP's curl: the given headers, then Content-Length; no Connection, no Accept-Encoding.
    options.headerOrder = {HttpHeader::UserAgent, HttpHeader::SentryAuth, HttpHeader::ContentType,
                           HttpHeader::ContentLength};
    options.onlyListedHeaders = true;
    options.eventShape.client = u"raven-php 0.8.0"_s;
    options.eventShape.names = InterfaceNaming::FullNames;
    options.eventShape.timestamp = TimestampForm::IsoSecondsZ;
    options.eventShape.setsProject = true;
    options.eventShape.defaults = {{u"level"_s, u"error"_s}, {u"logger"_s, u"php"_s},
                                   {u"platform"_s, u"php"_s}};
    return options;
}

} // namespace

const QList<ClientPreset> &ClientPreset::all()
{
    static const QList<ClientPreset> presets = {
        {u"raven-python-4"_s,
         u"raven 4.0.0 (PyPI), read from its source, no capture in tests/data/traffic. Wire: "
         "raven/base.py (Client.send_remote; get_auth_header: timestamp, client, version, key, "
         "secret; base64(zlib(json))) and raven/transport/http.py (urllib2: Python 2.7's httplib "
         "adds Accept-Encoding: identity, Host, Connection, and no Accept-Language). Event: "
         "raven/base.py build_msg (full sentry.interfaces.* names; level the logging module's "
         "number, logging.ERROR = 40 when none; extra {} when none) and raven/utils/json.py "
         "(BetterJSONEncoder writes the datetime as %Y-%m-%dT%H:%M:%SZ)"_s,
         ravenPython4()},
        {u"raven-node-0.6"_s,
         u"raven@0.6.3 (npm): lib/client.js (process: timestamp new Date().toISOString().split('.')[0], "
         "no level, extra {}, logger '', project and platform 'node'; send: legacy /api/store/, "
         "zlib.deflate then base64) and lib/transports.js (http.request with X-Sentry-Auth, "
         "Content-Type, Content-Length; node adds Host, Connection; no User-Agent). Checked "
         "against tests/data/traffic/raven-node-0.6.3 (headers, auth order, decoded event)"_s,
         ravenNode06()},
        {u"raven-js-1.1"_s,
         u"raven-js@1.1.22 (npm): dist/raven.js (getAuthQueryString: sentry_version, sentry_client, "
         "sentry_key, each encodeURIComponent'ed; send: project, logger 'javascript', platform, the "
         "aliases request, exception, stacktrace; no timestamp, no level; makeRequest: new "
         "Image().src = store URL + '&sentry_data=' + encodeURIComponent(JSON)); the browser sends "
         "the headers. Checked against tests/data/traffic/raven-js-1.1.22"_s,
         ravenJs11(u"1.1.22"_s, true)},
        {u"raven-js-1.1.11"_s,
         u"raven-js@1.1.11 (npm): dist/raven.js, as 1.1.22 but getAuthQueryString joins the values "
         "unencoded (sentry_client=raven-js/1.1.11, the '/' as it is) and the image has no "
         "crossOrigin, so the browser sends no Origin. Checked against "
         "tests/data/traffic/raven-js-1.1.11"_s,
         ravenJs11(u"1.1.11"_s, false)},
        {u"raven-php-0.8"_s,
         u"raven-php 0.8.0 (Packagist), read from its source, no capture in tests/data/traffic: "
         "lib/Raven/Client.php. Wire: send (base64_encode(gzcompress(json)), legacy /api/store/; "
         "headers User-Agent, X-Sentry-Auth, Content-Type through curl, which adds Host and "
         "Content-Length) and get_auth_header (timestamp, client, version, key, secret; "
         "sprintf('sentry_timestamp=%F', microtime(true)): seconds with six decimals). Event: "
         "capture and get_default_data (full sentry.interfaces.* names; timestamp "
         "gmdate('Y-m-d\\TH:i:s\\Z'); level 'error' when none; logger 'php'; project, platform "
         "'php')"_s,
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
