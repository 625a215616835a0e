#include "authheader.h"

#include "dsn.h"
#include "mask.h"
#include "serverrefusals.h"

#include <QRegularExpression>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

const QString Header = u"header"_s; // the location of whole-header findings
const QString Prefix = u"Sentry"_s;
constexpr char16_t SentryDataName[] = u"sentry_data"; // the beacon's event, not an auth field

// The exact answers of the v4 server (spec sections 3 and 7), from the one table.
const QString InvalidAuthHeader = ServerRefusals::quoted("auth.invalid-header");
const QString InvalidApiKey = ServerRefusals::quoted("auth.key");
const QString UnsupportedClient = ServerRefusals::quoted("auth.none");
const QString MissingClient = ServerRefusals::quoted("auth.client");
const QString MissingSecret = ServerRefusals::quoted("auth.secret-missing");

QString versionMismatch(const QString &version)
{
    return ServerRefusals::quoted("auth.version", version);
}

const QString FieldVersion = QString::fromUtf16(AuthField::Version);
const QString FieldClient = QString::fromUtf16(AuthField::Client);
const QString FieldTimestamp = QString::fromUtf16(AuthField::Timestamp);
const QString FieldKey = QString::fromUtf16(AuthField::Key);
const QString FieldSecret = QString::fromUtf16(AuthField::Secret);

// The fields a v4 server reads, in the document's order; everything else it ignores.
const QStringList KnownFields = {FieldVersion, FieldClient, FieldTimestamp, FieldKey, FieldSecret};
const QStringList SupportedVersions = {u"2.0"_s, u"3"_s, u"4"_s};

// Where a finding about the field `name` goes: the field, or the whole header when it has no name.
QString placeOf(const QString &name)
{
    const QString trimmed = name.trimmed();
    return trimmed.isEmpty() ? Header : trimmed;
}

Finding finding(Severity severity, const QString &location, const QString &rule, const QString &message)
{
    return {severity, location, message, rule};
}

// ---- parsing: one pass over the pieces exactly as the server split them, then field rules ----

class AuthParser
{
public:
    explicit AuthParser(ClientKind kind) : m_kind(kind) {}

    void parse(const QString &text);
    void parseQuery(const QString &text);
    QList<AuthHeader::Field> fields() const { return m_fields; }
    Findings findings() const { return m_findings; }

private:
    void add(Severity severity, const QString &location, const QString &rule, const QString &message)
    {
        m_findings.append(finding(severity, location, rule, message));
    }

    QString stripHeaderName(const QString &text);
    bool checkPrefix(const QString &text);
    void parsePieces(QStringView body);
    void parsePiece(QStringView piece, bool isLast);
    void addField(QStringView piece);
    void checkFields();
    void checkFieldNames();
    void checkFieldName(const QString &name);
    void checkQuotes();
    void checkVersion();
    void checkClient();
    void checkTimestamp();
    void checkKey();
    void checkSecret();
    QString last(const QString &name) const;
    bool has(const QString &name) const;

    ClientKind m_kind;
    QList<AuthHeader::Field> m_fields;
    Findings m_findings;
};

void AuthParser::parse(const QString &text)
{
    const QString value = stripHeaderName(text.trimmed());
    if (value.isEmpty()) {
        add(Severity::Error, Header, u"auth.empty"_s,
            u"The header is empty. Without auth the server answers %1; paste the X-Sentry-Auth "
            "value, e.g. 'Sentry sentry_version=4, sentry_client=app/1.0, sentry_key=…'."_s.arg(
                UnsupportedClient));
        return;
    }
    if (value.size() > AuthHeader::MaxParsedLength) {
        add(Severity::Error, Header, u"auth.too-long"_s,
            u"The header is %1 characters long; a real X-Sentry-Auth is under 300, and the web servers "
            "in front of Sentry refuse header lines past 8 KB, so it was not parsed. Paste only the "
            "X-Sentry-Auth value (at most %2 characters)."_s.arg(value.size()).arg(AuthHeader::MaxParsedLength));
        return;
    }
    if (!checkPrefix(value))
        return;
    parsePieces(QStringView(value).mid(value.indexOf(u' ') + 1));
    checkFields();
}

void AuthParser::checkFields()
{
    checkFieldNames();
    checkQuotes();
    checkVersion();
    checkClient();
    checkTimestamp();
    checkKey();
    checkSecret();
}

void AuthParser::parseQuery(const QString &text)
{
    QString query = text.trimmed();
    if (const qsizetype mark = query.indexOf(u'?'); mark >= 0)
        query = query.mid(mark + 1);
    query = query.section(u'#', 0, 0);
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const QString name = pair.section(u'=', 0, 0);
        QByteArray value = pair.section(u'=', 1).toUtf8();
        value.replace('+', ' ');
        if (name.startsWith(u"sentry_"_s) && name != QStringView(SentryDataName))
            m_fields.append({name, QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    if (m_fields.isEmpty()) {
        add(Severity::Error, Header, u"auth.query.none"_s,
            u"The query string has no sentry_* parameters; with no other auth the server answers "
            "%1. Add sentry_version=4&sentry_client=…&sentry_key=…"_s.arg(UnsupportedClient));
        return;
    }
    checkFields();
}

QString AuthParser::stripHeaderName(const QString &text)
{
    static const QRegularExpression name(u"^(X-Sentry-Auth|Authorization)\\s*:\\s*"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    // Most values start with "Sentry": only a value starting like one of the names is matched.
    if (text.isEmpty() || (text.front().toLower() != u'x' && text.front().toLower() != u'a'))
        return text;
    const QRegularExpressionMatch match = name.match(text);
    if (!match.hasMatch())
        return text;
    add(Severity::Info, Header, u"auth.header-name"_s,
        u"The header name '%1:' was pasted too; judging the value after it."_s.arg(match.captured(1)));
    return text.mid(match.capturedLength());
}

bool AuthParser::checkPrefix(const QString &text)
{
    // The server only looks at a header that starts with "Sentry" (case-sensitive), then takes
    // everything after the first space.
    if (!text.startsWith(Prefix)) {
        const bool wrongCase = text.startsWith(Prefix, Qt::CaseInsensitive);
        const bool bare = text.startsWith(FieldVersion + u'=')
            || text.startsWith(u"sentry_"_s);
        add(Severity::Error, Header, u"auth.prefix.missing"_s,
            u"The value does not start with 'Sentry'%1, so the server ignores the header and, with no "
            "other auth, answers %2. Write 'Sentry ' followed by the fields."_s.arg(
                wrongCase ? u" (the server compares it case-sensitively)"_s
                          : bare ? u" (the 'Sentry ' prefix is missing)"_s : QString(),
                UnsupportedClient));
        return false;
    }
    const qsizetype space = text.indexOf(u' ');
    if (space < 0) {
        add(Severity::Error, Header, u"auth.prefix.no-space"_s,
            u"There is no space after 'Sentry': the server takes everything after the first space, "
            "finds nothing and answers %1. Write 'Sentry sentry_version=4, …'."_s.arg(InvalidAuthHeader));
        return false;
    }
    if (space != Prefix.size())
        add(Severity::Warning, Header, u"auth.prefix.swallowed"_s,
            u"'%1' comes before the first space: the server drops it (it takes everything after "
            "the first space), so the fields in it are never read. Write 'Sentry ' then the fields."_s
                .arg(text.left(space)));
    return true;
}

void AuthParser::parsePieces(QStringView body)
{
    // Views into the header: only a field's name and value become QStrings.
    const QList<QStringView> pieces = body.split(u',');
    for (qsizetype i = 0; i < pieces.size(); ++i)
        parsePiece(pieces.at(i).trimmed(), i == pieces.size() - 1);
}

void AuthParser::parsePiece(QStringView piece, bool isLast)
{
    if (piece.isEmpty()) {
        add(Severity::Error, Header, isLast ? u"auth.trailing-comma"_s : u"auth.piece.empty"_s,
            u"%1: the server splits on ',' and cannot split the empty piece on '=', so it answers %2. "
            "%3"_s.arg(isLast ? u"A trailing comma"_s : u"An empty piece (',,')"_s, InvalidAuthHeader,
                       isLast ? u"Remove the trailing ','."_s : u"Remove the extra ','."_s));
        return;
    }
    const qsizetype equalsCount = piece.count(u'=');
    if (equalsCount == 0) {
        const QString location = m_fields.isEmpty() ? Header : placeOf(m_fields.constLast().name);
        add(Severity::Error, location, u"auth.value.contains-comma"_s,
            u"'%1' has no '=': the server splits the header on ',' and this piece cannot be split into "
            "key=value, so it answers %2. Most likely the previous value contains ','; values must "
            "not contain ',' or '='."_s.arg(piece, InvalidAuthHeader));
        return;
    }
    addField(piece);
    const QString name = m_fields.constLast().name;
    if (name.trimmed().isEmpty())
        add(Severity::Error, Header, u"auth.name.empty"_s,
            u"'%1' has no field name before '=': the server would read a field named ''. Remove "
            "it or write the name."_s.arg(piece));
    if (equalsCount > 1)
        add(Severity::Error, placeOf(name), u"auth.value.contains-equals"_s,
            u"The value of %1 contains '=' ('%2'): the server splits each piece on '=' and answers "
            "%3. Values must not contain '=' or ','."_s.arg(name.trimmed(), piece, InvalidAuthHeader));
}

void AuthParser::addField(QStringView piece)
{
    const qsizetype equals = piece.indexOf(u'=');
    const AuthHeader::Field field{piece.left(equals).toString(), piece.mid(equals + 1).toString()};
    m_fields.append(field);
    if (field.name != field.name.trimmed() || (!field.value.isEmpty() && field.value.front().isSpace()))
        add(Severity::Error, placeOf(field.name), u"auth.spaces-around-equals"_s,
            u"Spaces around '=' in '%1': the server keeps them, so the field is named '%2' and "
            "%3 is effectively missing (its value would start with a space). Write %3=%4."_s.arg(
                piece, field.name, field.name.trimmed(), field.value.trimmed()));
}

void AuthParser::checkFieldNames()
{
    // The fields sorted by name (stable, so each name's occurrences stay in header order): how often
    // each name appears and its last value, reported in the order names first appear. No hash: a
    // header has a handful of fields, and a sort stays n log n for a hostile one.
    std::vector<qsizetype> byName(size_t(m_fields.size()));
    std::iota(byName.begin(), byName.end(), 0);
    std::stable_sort(byName.begin(), byName.end(), [this](qsizetype a, qsizetype b) {
        return m_fields.at(a).name < m_fields.at(b).name;
    });
    struct Name
    {
        qsizetype first;
        qsizetype last;
        qsizetype count;
    };
    std::vector<Name> names;
    for (size_t i = 0; i < byName.size(); ++i) {
        if (i > 0 && m_fields.at(byName[i]).name == m_fields.at(byName[i - 1]).name) {
            names.back().last = byName[i];
            ++names.back().count;
        } else {
            names.push_back({byName[i], byName[i], 1});
        }
    }
    std::sort(names.begin(), names.end(), [](const Name &a, const Name &b) { return a.first < b.first; });
    for (const Name &entry : names) {
        const QString &name = m_fields.at(entry.first).name;
        if (name.trimmed().isEmpty())
            continue; // auth.name.empty said so, at the header
        if (entry.count > 1)
            add(Severity::Warning, name, u"auth.field.duplicate"_s,
                u"%1 appears %2 times; the server uses the last one ('%3'). Send it once."_s.arg(name)
                    .arg(entry.count).arg(m_fields.at(entry.last).value));
        checkFieldName(name);
    }
}

void AuthParser::checkFieldName(const QString &name)
{
    if (KnownFields.contains(name) || KnownFields.contains(name.trimmed()))
        return;
    if (KnownFields.contains(name.toLower()))
        add(Severity::Warning, name, u"auth.field.case"_s,
            u"Field names are case-sensitive: the server ignores '%1'. Write '%2'."_s.arg(name, name.toLower()));
    else
        add(Severity::Info, name, u"auth.field.unknown"_s,
            u"'%1' is not a v4 field; the server ignores it."_s.arg(name));
}

void AuthParser::checkQuotes()
{
    for (const AuthHeader::Field &field : std::as_const(m_fields)) {
        if (field.value.startsWith(u'"') || field.value.startsWith(u'\''))
            add(Severity::Warning, placeOf(field.name), u"auth.value.quoted"_s,
                u"The value of %1 is quoted (%2): the server does not remove quotes, so they become "
                "part of the value. Remove the quotes."_s.arg(field.name.trimmed(), field.value));
    }
}

void AuthParser::checkVersion()
{
    const QString version = last(FieldVersion);
    if (!has(FieldVersion)) {
        add(Severity::Error, FieldVersion, u"auth.version.missing"_s,
            u"sentry_version is missing: the server answers %1. Add sentry_version=4."_s.arg(
                versionMismatch(u"None"_s)));
    } else if (!SupportedVersions.contains(version)) {
        add(Severity::Error, FieldVersion, u"auth.version.unsupported"_s,
            u"sentry_version '%1' is not one the server knows: it compares the exact strings '2.0', "
            "'3' and '4'%2 and answers %3. Write sentry_version=4."_s.arg(
                version, version == "4.0"_L1 ? u" ('4.0' fails)"_s : QString(), versionMismatch(version)));
    } else if (version != "4"_L1) {
        add(Severity::Warning, FieldVersion, u"auth.version.old"_s,
            u"sentry_version %1 is an older protocol; the v4 server still accepts it, but a v4 client "
            "sends sentry_version=4."_s.arg(version));
    }
}

void AuthParser::checkClient()
{
    static const QRegularExpression nameVersion(u"^[^/\\s]+/\\S"_s);
    const QString client = last(FieldClient);
    if (client.isEmpty()) {
        add(Severity::Warning, FieldClient, u"auth.client.missing"_s,
            u"sentry_client is %1: the server falls back to the User-Agent header, and with neither "
            "it answers %2. Add sentry_client=name/version."_s.arg(
                has(FieldClient) ? u"empty"_s : u"missing"_s, MissingClient));
    } else if (!nameVersion.match(client).hasMatch()) {
        add(Severity::Info, FieldClient, u"auth.client.format"_s,
            u"sentry_client '%1' is not in the form name/version (e.g. raven-python/4.0.0)."_s.arg(client));
    }
}

void AuthParser::checkTimestamp()
{
    if (!has(FieldTimestamp)) {
        add(Severity::Info, FieldTimestamp, u"auth.timestamp.missing"_s,
            u"sentry_timestamp is missing; the document asks for it, although the v4 server never "
            "reads it."_s);
        return;
    }
    const QString value = last(FieldTimestamp);
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok)
        add(Severity::Info, FieldTimestamp, u"auth.timestamp.not-a-number"_s,
            u"sentry_timestamp '%1' is not a number; it should be unix seconds (the v4 server never "
            "reads it)."_s.arg(value));
    else if (seconds > 1e11)
        add(Severity::Warning, FieldTimestamp, u"auth.timestamp.milliseconds"_s,
            u"sentry_timestamp %1 looks like milliseconds (raven-node 0.6 sent those); the protocol "
            "wants unix seconds: divide by 1000. The v4 server never reads it."_s.arg(value));
}

void AuthParser::checkKey()
{
    const QString key = last(FieldKey);
    if (key.isEmpty()) {
        add(Severity::Error, FieldKey, u"auth.key.missing"_s,
            u"sentry_key is %1: the server answers %2. Add sentry_key=<the DSN's public key>."_s.arg(
                has(FieldKey) ? u"empty"_s : u"missing"_s, InvalidApiKey));
    } else if (std::any_of(key.cbegin(), key.cend(), [](QChar c) { return c.isSpace(); })) {
        add(Severity::Error, FieldKey, u"auth.key.whitespace"_s,
            u"sentry_key contains whitespace, so it matches no key and the server answers %1."_s.arg(
                InvalidApiKey));
    }
}

void AuthParser::checkSecret()
{
    const bool present = !last(FieldSecret).isEmpty();
    const QString version = last(FieldVersion);
    if (m_kind == ClientKind::Browser && present)
        add(Severity::Warning, FieldSecret, u"auth.secret.in-browser"_s,
            u"A browser client sends sentry_secret: anyone can read it from the page. Browser clients "
            "send only sentry_key and rely on the Origin (CORS); remove the secret."_s);
    else if (m_kind == ClientKind::Server && !present && version != "2.0"_L1)
        add(Severity::Warning, FieldSecret, u"auth.secret.missing"_s,
            u"sentry_secret is missing: it is required for server-side clients (a request with no "
            "Origin and no Referer), and the server would answer %1. Add sentry_secret=<the DSN's "
            "secret key>, or judge it as a browser client."_s.arg(MissingSecret));
}

QString AuthParser::last(const QString &name) const
{
    for (auto it = m_fields.crbegin(); it != m_fields.crend(); ++it) {
        if (it->name == name)
            return it->value;
    }
    return {};
}

bool AuthParser::has(const QString &name) const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(),
                       [&name](const AuthHeader::Field &field) { return field.name == name; });
}

// ---- building: refuse anything the server's parser would break on ----

QString valueProblem(const QString &name, const QString &value)
{
    const bool isClient = name == FieldClient;
    if (value.isEmpty())
        return u"%1 is empty"_s.arg(name);
    if (value.contains(u',') || value.contains(u'='))
        return u"%1 '%2' contains '%3': the server splits the header on ',' and '=' and would answer "
               "'Invalid auth header'"_s.arg(name, value, value.contains(u',') ? u","_s : u"="_s);
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control || (!isClient && c.isSpace()))
            return u"%1 '%2' contains whitespace or a control character"_s.arg(name, value.trimmed());
    }
    if (value.trimmed() != value || value.startsWith(u'"'))
        return u"%1 '%2' starts or ends with whitespace or a quote, which the server would keep or "
               "strip inconsistently"_s.arg(name, value);
    return {};
}

QString orderProblem(const QStringList &order)
{
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (!KnownFields.contains(order.at(i)))
            return u"unknown field '%1' in the field order; the fields are %2"_s.arg(
                order.at(i), KnownFields.join(u", "_s));
        if (order.indexOf(order.at(i)) != i)
            return u"field '%1' is listed twice in the field order"_s.arg(order.at(i));
    }
    return {};
}

QStringList orderedNames(const QStringList &order)
{
    QStringList names = order;
    for (const QString &name : KnownFields) {
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString paramValue(const AuthParams &params, const QString &name)
{
    if (name == FieldVersion)
        return params.version;
    if (name == FieldClient)
        return params.client;
    if (name == FieldTimestamp)
        return params.timestampText.isEmpty() ? QString::number(params.timestamp) : params.timestampText;
    return name == FieldKey ? params.publicKey : params.secretKey;
}

QString buildProblem(const AuthParams &params)
{
    if (!SupportedVersions.contains(params.version))
        return u"sentry_version '%1' is not one the server accepts (2.0, 3 or 4): it would answer "
               "'Client/server version mismatch: Unsupported protocol version (%1)'"_s.arg(params.version);
    if (params.timestamp < 0)
        return u"sentry_timestamp %1 is negative; give unix seconds"_s.arg(params.timestamp);
    for (const QString &name : {FieldClient, FieldKey}) {
        if (QString problem = valueProblem(name, paramValue(params, name)); !problem.isEmpty())
            return problem;
    }
    if (!params.secretKey.isEmpty()) {
        if (QString problem = valueProblem(FieldSecret, params.secretKey); !problem.isEmpty())
            return problem;
    }
    return orderProblem(params.order);
}

} // namespace

std::optional<AuthHeader> AuthHeader::build(const AuthParams &params, QString *error)
{
    const QString problem = buildProblem(params);
    if (!problem.isEmpty()) {
        if (error)
            *error = u"Cannot build X-Sentry-Auth: "_s + problem + u'.';
        return std::nullopt;
    }
    AuthHeader header;
    for (const QString &name : orderedNames(params.order)) {
        if ((name != FieldSecret || !params.secretKey.isEmpty())
            && (name != FieldTimestamp || params.includeTimestamp))
            header.m_fields.append({name, paramValue(params, name)});
    }
    return header;
}

AuthParams AuthHeader::paramsFor(const Dsn &dsn, const QString &client, qint64 timestamp)
{
    AuthParams params;
    params.client = client;
    params.timestamp = timestamp;
    params.publicKey = dsn.publicKey();
    params.secretKey = dsn.secretKey();
    return params;
}

AuthHeader AuthHeader::parse(const QString &text, ClientKind kind)
{
    AuthParser parser(kind);
    parser.parse(text);
    AuthHeader header;
    header.m_fields = parser.fields();
    header.m_findings = parser.findings();
    return header;
}

AuthHeader AuthHeader::parseQuery(const QString &text, ClientKind kind)
{
    AuthParser parser(kind);
    parser.parseQuery(text);
    AuthHeader header;
    header.m_fields = parser.fields();
    header.m_findings = parser.findings();
    return header;
}

bool AuthHeader::looksLikeQuery(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.startsWith(u'?') || trimmed.startsWith(u'/') || trimmed.contains(u"://"_s)
        || (trimmed.contains(u'&') && !trimmed.startsWith(Prefix));
}

AuthHeader AuthHeader::judge(const QString &text, ClientKind kind)
{
    return looksLikeQuery(text) ? parseQuery(text, kind) : parse(text, kind);
}

QString AuthHeader::value(const QString &name) const
{
    for (auto it = m_fields.crbegin(); it != m_fields.crend(); ++it) {
        if (it->name == name)
            return it->value;
    }
    return {};
}

bool AuthHeader::contains(const QString &name) const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(),
                       [&name](const Field &field) { return field.name == name; });
}

AuthHeader AuthHeader::withMaskedSecret() const
{
    AuthHeader masked = *this;
    for (Field &field : masked.m_fields) {
        if (field.name.trimmed() == FieldSecret)
            field.value = QString::fromUtf16(MaskText);
    }
    return masked;
}

QByteArray AuthHeader::maskSecretIn(const QByteArray &text)
{
    const QByteArray name = QString(FieldSecret + u'=').toLatin1();
    const QByteArray mask = QString::fromUtf16(MaskText).toLatin1();
    QByteArray out;
    qsizetype from = 0;
    for (qsizetype at = text.indexOf(name); at >= 0; at = text.indexOf(name, from)) {
        qsizetype end = at + name.size();
        static const QByteArray stops = ",&; \t\r\n";
        while (end < text.size() && !stops.contains(text.at(end)))
            ++end;
        out += text.mid(from, at + name.size() - from) + mask;
        from = end;
    }
    return from == 0 ? text : out + text.mid(from);
}

QString AuthHeader::toString() const
{
    QStringList pieces;
    for (const Field &field : m_fields)
        pieces.append(field.name + u'=' + field.value);
    return Prefix + u' ' + pieces.join(u", "_s);
}

QString AuthHeader::summary() const
{
    const int errors = countSeverity(m_findings, Severity::Error);
    const int warnings = countSeverity(m_findings, Severity::Warning);
    return isValid() ? u"Accepted: yes (%1 warning(s))"_s.arg(warnings)
                     : u"Accepted: no (%1 error(s), %2 warning(s))"_s.arg(errors).arg(warnings);
}

} // namespace Sentry
