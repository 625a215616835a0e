#include "dsn.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

namespace Part {
constexpr auto Dsn = "dsn"_L1; // the whole DSN: only for "empty, client disabled"
constexpr auto Scheme = "scheme"_L1;
constexpr auto PublicKey = "public key"_L1;
constexpr auto Secret = "secret"_L1;
constexpr auto Host = "host"_L1;
constexpr auto Port = "port"_L1;
constexpr auto Path = "path"_L1;
constexpr auto Project = "project"_L1;
constexpr auto Options = "options"_L1; // the query string's client options

} // namespace Part

const QString MaskedSecret = u"********"_s;
const QString Example = u"https://PUBLIC_KEY:SECRET_KEY@sentry.example.com/PROJECT_ID"_s;

// Transport prefixes real v4-era clients understood (raven-python and friends).
const QStringList KnownTransports = {u"threaded"_s, u"gevent"_s, u"sync"_s, u"zmq"_s,
                                     u"requests"_s, u"tornado"_s, u"twisted"_s, u"eventlet"_s};

int defaultPort(const QString &scheme)
{
    if (scheme == "https"_L1)
        return 443;
    return scheme == "http"_L1 ? 80 : -1;
}

bool isAsciiDigits(const QString &text)
{
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    return digits.match(text).hasMatch();
}

QString hostForUrl(const QString &host)
{
    return host.contains(u':') ? u'[' + host + u']' : host;
}

QString shortened(const QString &text)
{
    return text.size() <= 40 ? text : text.left(37) + u"..."_s;
}

// The user info of a DSN: [begin, end) between "://" and the '@', or begin < 0 when there is none.
std::pair<qsizetype, qsizetype> userInfoRange(const QString &dsn)
{
    const qsizetype schemeEnd = dsn.indexOf("://"_L1);
    if (schemeEnd < 0)
        return {-1, -1};
    const qsizetype begin = schemeEnd + 3;
    const qsizetype at = dsn.indexOf(u'@', begin);
    const qsizetype slash = dsn.indexOf(u'/', begin);
    if (at < 0 || (slash >= 0 && slash < at))
        return {-1, -1};
    return {begin, at};
}

// DNS limits (RFC 1035): 63 characters per label, 253 in all, counted in the ASCII (ACE) form.
constexpr qsizetype MaxHostLabel = 63;
constexpr qsizetype MaxHostName = 253;

bool urlCarriesHost(const QString &host)
{
    QUrl probe;
    probe.setHost(host);
    return !probe.host().isEmpty();
}

// Why QUrl would drop `host` (it does so silently: the store URL would come out as http:///…),
// or an empty string when a URL can carry it.
QString hostNameProblem(const QString &host)
{
    const QString ace = QString::fromLatin1(QUrl::toAce(host));
    const QStringList labels = (ace.isEmpty() ? host : ace).split(u'.');
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QString &label = labels.at(i);
        if (label.isEmpty() && i + 1 < labels.size()) // a final '.' (a rooted name) is fine
            return u"The host '%1' has an empty label (two dots in a row, or a leading dot); "
                   "write the host name with single dots."_s.arg(shortened(host));
        if (label.size() > MaxHostLabel)
            return u"The host's label '%1' has %2 characters; a host name allows at most %3 between "
                   "dots, so no URL can carry it. Check the host for a pasted key or a missing '.'."_s
                .arg(shortened(label)).arg(label.size()).arg(MaxHostLabel);
    }
    if (ace.size() > MaxHostName)
        return u"The host has %1 characters; a host name has at most %2. Check the DSN's host."_s
            .arg(ace.size()).arg(MaxHostName);
    if (ace.isEmpty() || !urlCarriesHost(host))
        return u"The host '%1' is not a name a URL can carry (it has no ASCII form); check the DSN's "
               "host."_s.arg(shortened(host));
    return {};
}

} // namespace

// Walks the DSN from left to right, filling the Dsn and adding one finding per fault. It keeps
// going after a fault wherever it can, so a half-typed DSN still shows its other parts.
class DsnParser
{
public:
    explicit DsnParser(Dsn &dsn) : m_dsn(dsn) {}

    void parse(const QString &text);

private:
    void add(Severity severity, QLatin1String part, const QString &rule, const QString &message)
    {
        m_dsn.m_findings.append({severity, QString(part), message, rule});
    }

    void checkWhitespace(const QString &text);
    QString takeFragment(const QString &text);
    void reportHashInKey(const QString &text, qsizetype hash);
    QString takeQuery(const QString &text);
    void checkTimeout();
    void reportNotAUrl(const QString &text);
    void parseProtocol(const QString &protocol);
    void checkTransport(bool hasPlus);
    void checkScheme();
    void parseAuthority(const QString &authority);
    void parseUserInfo(const QString &userInfo);
    QString decodeKey(const QString &raw, QLatin1String part);
    void checkKeyCharacters(const QString &key, QLatin1String part);
    void checkKeyFormat(const QString &key, QLatin1String part);
    void parseHostPort(const QString &hostPort);
    void parseBracketedHost(const QString &hostPort);
    void checkHost();
    void parsePort(const QString &text);
    void checkPortMatchesScheme();
    void parsePath(const QString &path);
    void reportMissingProject();
    void checkPathPrefix();
    void checkProject();

    Dsn &m_dsn;
};

void DsnParser::parse(const QString &text)
{
    m_dsn.m_text = text;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        add(Severity::Info, Part::Dsn, u"dsn.empty"_s,
            u"The DSN is empty: the client is disabled and sends nothing. That is not an error; "
            "set a DSN such as %1 to enable it."_s.arg(Example));
        return;
    }
    checkWhitespace(text);
    const QString rest = takeQuery(takeFragment(trimmed));
    const qsizetype schemeEnd = rest.indexOf("://"_L1);
    if (schemeEnd < 0)
        return reportNotAUrl(rest);
    parseProtocol(rest.left(schemeEnd));
    const QString afterScheme = rest.mid(schemeEnd + 3);
    const qsizetype slash = afterScheme.indexOf(u'/');
    parseAuthority(slash < 0 ? afterScheme : afterScheme.left(slash));
    parsePath(slash < 0 ? QString() : afterScheme.mid(slash));
    if (!m_dsn.m_explicitPort)
        m_dsn.m_port = defaultPort(m_dsn.m_scheme);
}

void DsnParser::checkWhitespace(const QString &text)
{
    // Environment variables and config files often carry a stray space or newline; some clients
    // take it as part of the scheme or the project id.
    if (text.front().isSpace())
        add(Severity::Warning, Part::Scheme, u"dsn.whitespace"_s,
            u"The DSN starts with whitespace; the harness ignores it, but some clients then reject "
            "the scheme. Remove the leading whitespace."_s);
    if (text.back().isSpace())
        add(Severity::Warning, Part::Project, u"dsn.whitespace"_s,
            u"The DSN ends with whitespace (a trailing space or newline); the harness ignores it, but "
            "some clients make it part of the project id. Remove the trailing whitespace."_s);
}

QString DsnParser::takeFragment(const QString &text)
{
    // A '#' before the last '@' is an unescaped '#' in a key, not a fragment: URL parsers would
    // cut the DSN there and then complain about everything after it.
    const qsizetype lastAt = text.lastIndexOf(u'@');
    qsizetype hash = text.indexOf(u'#');
    if (hash >= 0 && hash < lastAt) {
        reportHashInKey(text, hash);
        hash = text.indexOf(u'#', lastAt);
    }
    if (hash < 0)
        return text;
    add(Severity::Warning, Part::Path, u"dsn.fragment"_s,
        u"The DSN has a fragment ('%1') that clients ignore; remove it."_s.arg(shortened(text.mid(hash))));
    return text.left(hash);
}

void DsnParser::reportHashInKey(const QString &text, qsizetype hash)
{
    const qsizetype keysStart = text.indexOf("://"_L1);
    const qsizetype colon = text.indexOf(u':', keysStart < 0 ? 0 : keysStart + 3);
    const QLatin1String part = colon >= 0 && colon < hash ? Part::Secret : Part::PublicKey;
    add(Severity::Error, part, u"dsn.key.unescaped-hash"_s,
        u"The %1 contains an unescaped '#': URL parsers (and most clients) cut the DSN there and lose "
        "the host and project. Percent-encode it as %23."_s.arg(part));
}

QString DsnParser::takeQuery(const QString &text)
{
    const qsizetype question = text.indexOf(u'?');
    if (question < 0)
        return text;
    const QStringList pairs = text.mid(question + 1).split(u'&', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        const auto decode = [](QString part) {
            return QUrl::fromPercentEncoding(part.replace(u'+', u' ').toUtf8());
        };
        m_dsn.m_options.append({decode(pair.left(equals)), equals < 0 ? QString() : decode(pair.mid(equals + 1))});
    }
    checkTimeout();
    return text.left(question);
}

void DsnParser::checkTimeout()
{
    const bool present = std::any_of(m_dsn.m_options.cbegin(), m_dsn.m_options.cend(),
                                     [](const auto &option) { return option.first == "timeout"_L1; });
    if (!present || m_dsn.timeoutMs())
        return;
    add(Severity::Warning, Part::Options, u"dsn.option.timeout"_s,
        u"The option timeout=%1 is not a number of seconds above 0 and at most %2: the harness "
        "ignores it and uses its default (3 s). Write it like ?timeout=3 or ?timeout=0.5."_s
            .arg(shortened(m_dsn.option(u"timeout"_s)))
            .arg(Dsn::MaxTimeoutSeconds));
}

void DsnParser::reportNotAUrl(const QString &text)
{
    static const QRegularExpression keyAlone(u"^[0-9a-fA-F]{32}$"_s);
    QString hint;
    if (keyAlone.match(text).hasMatch())
        hint = u" This looks like a key on its own, not a whole DSN."_s;
    else if (text.contains(u':'))
        hint = u" The scheme must be followed by '://'."_s;
    add(Severity::Error, Part::Scheme, u"dsn.not-a-url"_s,
        u"'%1' is not a DSN (no scheme): a DSN is a URL starting with https:// or http://, like %2.%3 "
        "Copy the DSN from the project's settings (Client Keys)."_s.arg(shortened(text), Example, hint));
}

void DsnParser::parseProtocol(const QString &protocol)
{
    const QString lower = protocol.toLower();
    if (lower != protocol)
        add(Severity::Info, Part::Scheme, u"dsn.scheme.case"_s,
            u"The scheme '%1' is not in lower case; schemes are case-insensitive and the harness "
            "reads it as '%2', but some clients compare it literally. Write it in lower case."_s.arg(
                protocol, lower));
    const qsizetype plus = lower.lastIndexOf(u'+');
    m_dsn.m_transport = plus < 0 ? QString() : lower.left(plus);
    m_dsn.m_scheme = lower.mid(plus + 1);
    checkTransport(plus >= 0);
    checkScheme();
}

void DsnParser::checkTransport(bool hasPlus)
{
    const QString &transport = m_dsn.m_transport;
    if (hasPlus && transport.isEmpty()) {
        add(Severity::Error, Part::Scheme, u"dsn.transport.empty"_s,
            u"The scheme has a '+' with no transport before it; write e.g. 'threaded+https://' or "
            "just 'https://'."_s);
    } else if (hasPlus && !KnownTransports.contains(transport)) {
        add(Severity::Warning, Part::Scheme, u"dsn.transport.unknown"_s,
            u"Unknown transport prefix '%1': clients that don't know it refuse the DSN. Known "
            "prefixes: %2; or drop the prefix."_s.arg(transport, KnownTransports.join(u", "_s)));
    } else if (hasPlus) {
        add(Severity::Info, Part::Scheme, u"dsn.transport.prefix"_s,
            u"'%1+' selects the client's transport (raven-python); it is not part of the URL the "
            "events are sent to."_s.arg(transport));
    }
}

void DsnParser::checkScheme()
{
    const QString &scheme = m_dsn.m_scheme;
    if (scheme == "http"_L1 || scheme == "https"_L1)
        return;
    if (scheme.isEmpty()) {
        add(Severity::Error, Part::Scheme, u"dsn.scheme.missing"_s,
            u"There is no scheme before '://'; start the DSN with https:// (or http:// for a "
            "local server)."_s);
    } else if (scheme == "udp"_L1) {
        add(Severity::Error, Part::Scheme, u"dsn.scheme.udp"_s,
            u"udp:// is raven-python's UDP transport; the harness speaks HTTP(S) only. Use the "
            "project's https:// (or http://) DSN: same keys, host and project id, scheme https."_s);
    } else {
        add(Severity::Error, Part::Scheme, u"dsn.scheme.unsupported"_s,
            u"Unsupported scheme '%1': the harness speaks HTTP(S), so a DSN starts with https:// or "
            "http:// (optionally with a transport prefix such as threaded+https). Change it to "
            "https://."_s.arg(shortened(scheme)));
    }
}

void DsnParser::parseAuthority(const QString &authority)
{
    // The last '@' separates the keys from the host, as in most URL parsers.
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at < 0) {
        add(Severity::Error, Part::PublicKey, u"dsn.public-key.missing"_s,
            u"There is no public key: the DSN needs PUBLIC_KEY:SECRET_KEY@ before the host, like %1. "
            "Copy the whole DSN from the project's settings (Client Keys)."_s.arg(Example));
    } else {
        parseUserInfo(authority.left(at));
    }
    parseHostPort(authority.mid(at + 1));
}

void DsnParser::parseUserInfo(const QString &userInfo)
{
    const qsizetype colon = userInfo.indexOf(u':');
    const QString rawPublic = colon < 0 ? userInfo : userInfo.left(colon);
    const QString rawSecret = colon < 0 ? QString() : userInfo.mid(colon + 1);
    m_dsn.m_publicKey = decodeKey(rawPublic, Part::PublicKey);
    m_dsn.m_secretKey = decodeKey(rawSecret, Part::Secret);
    if (rawPublic.isEmpty()) {
        add(Severity::Error, Part::PublicKey, u"dsn.public-key.empty"_s,
            colon < 0 ? u"The public key before '@' is empty; write PUBLIC_KEY@host or "
                        "PUBLIC_KEY:SECRET_KEY@host."_s
                      : u"The public key before ':' is empty (':SECRET@'): the part before ':' is the "
                        "public key and the part after it the secret. Write PUBLIC_KEY:SECRET_KEY@host."_s);
    } else {
        checkKeyFormat(m_dsn.m_publicKey, Part::PublicKey);
    }
    if (!rawSecret.isEmpty())
        checkKeyFormat(m_dsn.m_secretKey, Part::Secret);
    else
        add(Severity::Warning, Part::Secret, u"dsn.secret.missing"_s,
            u"There is no secret key%1. Browser clients legitimately omit it, but a server-side client "
            "must send it: a v4 server answers 400 'Missing required attribute in authentication "
            "header: sentry_secret'. Use PUBLIC_KEY:SECRET_KEY@host for a desktop or server client."_s
                .arg(colon < 0 ? QString() : u" (nothing after ':')"_s));
    if (userInfo.contains(u'@'))
        add(Severity::Warning, colon >= 0 && userInfo.indexOf(u'@') > colon ? Part::Secret : Part::PublicKey,
            u"dsn.key.unescaped-at"_s,
            u"A key contains an unescaped '@'; the harness splits at the last '@', but other clients "
            "may not. Percent-encode it as %40."_s);
}

QString DsnParser::decodeKey(const QString &raw, QLatin1String part)
{
    static const QRegularExpression badEscape(u"%(?![0-9A-Fa-f]{2})"_s);
    if (badEscape.match(raw).hasMatch())
        add(Severity::Error, part, u"dsn.key.bad-escape"_s,
            u"The %1 has a '%' that does not start a percent escape (%XX with two hex digits); write "
            "a literal '%' as %25."_s.arg(part));
    const QString decoded = QUrl::fromPercentEncoding(raw.toUtf8());
    if (decoded != raw)
        add(Severity::Info, part, u"dsn.key.escaped"_s,
            u"The %1 is percent-escaped; the harness decodes it and sends the decoded value."_s.arg(part));
    checkKeyCharacters(decoded, part);
    return decoded;
}

void DsnParser::checkKeyCharacters(const QString &key, QLatin1String part)
{
    // The server splits X-Sentry-Auth on ',' and '=' and strips each piece: such a key can never
    // reach it intact.
    for (const QChar c : key) {
        if (c == u',' || c == u'=' || c.isSpace() || c.category() == QChar::Other_Control) {
            add(Severity::Error, part, u"dsn.key.unsendable"_s,
                u"The %1 contains %2, which cannot be sent in X-Sentry-Auth (the server splits the "
                "header on ',' and '=' and strips spaces). Check the DSN was copied whole and "
                "correctly."_s.arg(part, c.isSpace() ? u"whitespace"_s : u"'%1'"_s.arg(c)));
            return;
        }
    }
}

void DsnParser::checkKeyFormat(const QString &key, QLatin1String part)
{
    static const QRegularExpression issued(u"^[0-9a-f]{32}$"_s);
    static const QRegularExpression upperHex(u"^[0-9a-fA-F]{32}$"_s);
    if (issued.match(key).hasMatch())
        return;
    if (upperHex.match(key).hasMatch())
        add(Severity::Info, part, u"dsn.key.case"_s,
            u"The %1 is in upper case; servers issued keys as lowercase hex and compare them exactly. "
            "Write it in lower case."_s.arg(part));
    else
        add(Severity::Info, part, u"dsn.key.format"_s,
            u"The %1 is not 32 lowercase hex characters as servers issued them (it has %2 "
            "characters); fine for a test server, but check it was copied whole."_s.arg(part).arg(key.size()));
}

void DsnParser::parseHostPort(const QString &hostPort)
{
    if (hostPort.startsWith(u'['))
        return parseBracketedHost(hostPort);
    const qsizetype colon = hostPort.indexOf(u':');
    if (colon >= 0 && hostPort.indexOf(u':', colon + 1) >= 0) {
        m_dsn.m_host = hostPort;
        add(Severity::Error, Part::Host, u"dsn.host.ipv6-unbracketed"_s,
            u"The host '%1' looks like an IPv6 address without brackets; write the address in "
            "brackets, with the port after them: [ADDRESS] or [ADDRESS]:PORT (e.g. [::1]:9000)."_s.arg(hostPort));
        return;
    }
    m_dsn.m_host = colon < 0 ? hostPort : hostPort.left(colon);
    checkHost();
    if (colon >= 0)
        parsePort(hostPort.mid(colon + 1));
}

void DsnParser::parseBracketedHost(const QString &hostPort)
{
    const qsizetype close = hostPort.indexOf(u']');
    if (close < 0) {
        add(Severity::Error, Part::Host, u"dsn.host.unclosed-bracket"_s,
            u"The IPv6 host '%1' has no closing ']'; write it as [::1] or [::1]:9000."_s.arg(hostPort));
        return;
    }
    m_dsn.m_host = hostPort.mid(1, close - 1);
    const QString after = hostPort.mid(close + 1);
    // QHostAddress reads up to a NUL character, QUrl does not: both must take the address.
    if (QHostAddress(m_dsn.m_host).protocol() != QAbstractSocket::IPv6Protocol || !urlCarriesHost(m_dsn.m_host))
        add(Severity::Error, Part::Host, u"dsn.host.bad-ipv6"_s,
            u"The host '[%1]' is not a valid IPv6 address; brackets are only for IPv6 literals such as [::1]. "
            "Write a host name or IPv4 address without brackets."_s.arg(m_dsn.m_host));
    if (after.startsWith(u':'))
        parsePort(after.mid(1));
    else if (!after.isEmpty())
        add(Severity::Error, Part::Host, u"dsn.host.after-bracket"_s,
            u"Unexpected '%1' after the IPv6 host's ']'; only ':PORT' may follow it."_s.arg(after));
}

void DsnParser::checkHost()
{
    static const QRegularExpression allowed(u"^[\\w.-]+$"_s, QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression dotted(u"^[0-9.]+$"_s);
    const QString &host = m_dsn.m_host;
    if (host.isEmpty()) {
        add(Severity::Error, Part::Host, u"dsn.host.missing"_s,
            u"There is no host between '@' and the path; write the server's name, like "
            "PUBLIC_KEY:SECRET_KEY@sentry.example.com/PROJECT_ID."_s);
    } else if (!allowed.match(host).hasMatch()) {
        add(Severity::Error, Part::Host, u"dsn.host.invalid"_s,
            u"The host '%1' contains characters a host name cannot have; use letters, digits, '-' "
            "and '.' (an IPv6 address goes in brackets)."_s.arg(shortened(host)));
    } else if (dotted.match(host).hasMatch() && QHostAddress(host).protocol() != QAbstractSocket::IPv4Protocol) {
        add(Severity::Error, Part::Host, u"dsn.host.bad-ipv4"_s,
            u"The host '%1' is not a valid IPv4 address; check the numbers (0-255, four of them)."_s.arg(host));
    } else if (const QString problem = hostNameProblem(host); !problem.isEmpty()) {
        add(Severity::Error, Part::Host, u"dsn.host.unusable"_s, problem);
    }
}

void DsnParser::parsePort(const QString &text)
{
    m_dsn.m_portText = text;
    if (text.isEmpty()) {
        add(Severity::Warning, Part::Port, u"dsn.port.empty"_s,
            u"There is a ':' after the host but no port; the default port is used. Remove the ':' or "
            "add the port number."_s);
        return;
    }
    if (!isAsciiDigits(text)) {
        add(Severity::Error, Part::Port, u"dsn.port.not-a-number"_s,
            u"The port '%1' is not a number; write a port from 1 to 65535 after the host (e.g. "
            ":9000), or remove ':%1' to use the scheme's default."_s.arg(shortened(text)));
        return;
    }
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        add(Severity::Error, Part::Port, u"dsn.port.out-of-range"_s,
            u"The port %1 is out of range; a port is a number from 1 to 65535."_s.arg(shortened(text)));
        return;
    }
    m_dsn.m_port = port;
    m_dsn.m_explicitPort = true;
    checkPortMatchesScheme();
}

void DsnParser::checkPortMatchesScheme()
{
    const QString &scheme = m_dsn.m_scheme;
    const int port = m_dsn.m_port;
    if ((scheme == "http"_L1 && port == 443) || (scheme == "https"_L1 && port == 80))
        add(Severity::Warning, Part::Port, u"dsn.port.scheme-mismatch"_s,
            u"Port %1 is the default port of %2, not of %3; did you mean %2://?"_s.arg(port).arg(
                scheme == "http"_L1 ? u"https"_s : u"http"_s, scheme));
}

void DsnParser::parsePath(const QString &path)
{
    const qsizetype lastSlash = path.lastIndexOf(u'/');
    m_dsn.m_path = lastSlash < 0 ? u"/"_s : path.left(lastSlash + 1);
    m_dsn.m_projectId = lastSlash < 0 ? QString() : path.mid(lastSlash + 1);
    checkPathPrefix();
    if (m_dsn.m_projectId.isEmpty())
        reportMissingProject();
    else
        checkProject();
}

void DsnParser::reportMissingProject()
{
    static const QRegularExpression storeEndpoint(u"/api/([\\w-]+/)?store/$"_s);
    const QString &path = m_dsn.m_path;
    QString message;
    if (storeEndpoint.match(path).hasMatch())
        message = u"This is the store endpoint, not a DSN: the DSN has the project id as its last "
                  "segment, without api/…/store/ (e.g. https://KEY:SECRET@host/1)."_s;
    else if (path.size() > 1)
        message = u"The DSN ends in '/', but the project id must be the last path segment: remove "
                  "the trailing '/'."_s;
    else
        message = u"There is no project id: add it as the last path segment after the host, e.g. "
                  "https://KEY:SECRET@host/1."_s;
    add(Severity::Error, Part::Project, u"dsn.project.missing"_s, message);
}

void DsnParser::checkPathPrefix()
{
    const QString &path = m_dsn.m_path;
    if (path.contains("//"_L1))
        add(Severity::Warning, Part::Path, u"dsn.path.empty-segment"_s,
            u"The path '%1' has an empty segment ('//'); the store URL keeps it and most servers "
            "won't route it. Remove the extra '/'."_s.arg(shortened(path)));
    if (path.endsWith("/api/"_L1) && !m_dsn.m_projectId.isEmpty())
        add(Severity::Warning, Part::Path, u"dsn.path.api-prefix"_s,
            u"The path prefix ends in 'api/', so the store URL becomes …/api/api/%1/store/. A DSN's "
            "path is the server's prefix only: remove 'api/'."_s.arg(m_dsn.m_projectId));
}

void DsnParser::checkProject()
{
    static const QRegularExpression slug(u"^[A-Za-z0-9_-]+$"_s);
    const QString &project = m_dsn.m_projectId;
    if (isAsciiDigits(project))
        return;
    if (slug.match(project).hasMatch())
        add(Severity::Info, Part::Project, u"dsn.project.slug"_s,
            u"The project '%1' is a slug, not a numeric id: the v4 server accepted slugs, but servers "
            "issued numeric ids and later servers require them."_s.arg(project));
    else
        add(Severity::Error, Part::Project, u"dsn.project.invalid"_s,
            u"The project id '%1' contains characters a project id cannot have; use the numeric "
            "project id (or a slug of letters, digits, '_' and '-')."_s.arg(shortened(project)));
}

Dsn Dsn::parse(const QString &text)
{
    Dsn dsn;
    DsnParser(dsn).parse(text);
    return dsn;
}

bool Dsn::isEmpty() const
{
    return m_text.trimmed().isEmpty();
}

QString Dsn::option(const QString &name) const
{
    QString value; // the last one wins, as in a query-string dictionary
    for (const auto &[key, optionValue] : m_options) {
        if (key == name)
            value = optionValue;
    }
    return value;
}

std::optional<int> Dsn::timeoutMs() const
{
    bool ok = false;
    const double seconds = option(u"timeout"_s).trimmed().toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > MaxTimeoutSeconds)
        return std::nullopt;
    return std::max(1, int(seconds * 1000 + 0.5));
}

bool Dsn::isValid() const
{
    return !isEmpty() && !hasErrors(m_findings);
}

QUrl Dsn::baseUrl() const
{
    if (!isValid())
        return {};
    QUrl url;
    url.setScheme(m_scheme);
    url.setHost(m_host);
    if (m_port != defaultPort(m_scheme))
        url.setPort(m_port);
    url.setPath(m_path, QUrl::TolerantMode);
    return url;
}

QUrl Dsn::storeUrl() const
{
    QUrl url = baseUrl();
    if (!url.isEmpty())
        url.setPath(m_path + u"api/"_s + m_projectId + u"/store/"_s, QUrl::TolerantMode);
    return url;
}

QUrl Dsn::legacyStoreUrl() const
{
    QUrl url = baseUrl();
    if (!url.isEmpty())
        url.setPath(m_path + u"api/store/"_s, QUrl::TolerantMode);
    return url;
}

QString Dsn::toString(SecretDisplay display) const
{
    if (m_scheme.isEmpty() && m_host.isEmpty())
        return m_text.trimmed(); // not a URL at all: nothing was understood to rebuild
    QString text = m_transport.isEmpty() ? QString() : m_transport + u'+';
    text += m_scheme + u"://"_s;
    const auto encode = [](const QString &part) { return QString::fromUtf8(QUrl::toPercentEncoding(part)); };
    if (!m_publicKey.isEmpty() || hasSecret()) {
        text += encode(m_publicKey);
        if (hasSecret())
            text += u':' + (display == SecretDisplay::Shown ? encode(m_secretKey) : MaskedSecret);
        text += u'@';
    }
    text += hostForUrl(m_host);
    if (m_explicitPort)
        text += u':' + QString::number(m_port);
    text += m_path + m_projectId;
    QStringList pairs;
    for (const auto &[name, value] : m_options)
        pairs.append(encode(name) + u'=' + encode(value));
    if (!pairs.isEmpty())
        text += u'?' + pairs.join(u'&');
    return text;
}

QString Dsn::splitSecret(const QString &dsn, QString *secret)
{
    const auto [begin, end] = userInfoRange(dsn);
    const qsizetype colon = begin < 0 ? -1 : dsn.indexOf(u':', begin);
    if (colon < 0 || colon > end) {
        if (secret)
            secret->clear();
        return dsn;
    }
    if (secret)
        *secret = dsn.mid(colon + 1, end - colon - 1);
    return dsn.left(colon) + dsn.mid(end);
}

QString Dsn::joinSecret(const QString &dsn, const QString &secret)
{
    const auto [begin, end] = userInfoRange(dsn);
    if (secret.isEmpty() || begin < 0)
        return dsn;
    const qsizetype colon = dsn.indexOf(u':', begin);
    if (colon >= 0 && colon < end)
        return dsn; // it has a secret already
    return dsn.left(end) + u':' + secret + dsn.mid(end);
}

} // namespace Sentry
