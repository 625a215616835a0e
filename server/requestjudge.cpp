#include "requestjudge.h"

#include "authheader.h"
#include "jsonline.h"
#include "serverrefusals.h"
#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

#include <charconv>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// A value that goes into an answer header stays on one line, whatever the request held: a line
// break (or a NUL) from the request is never written back into the answer's head.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == u'\r' || c == u'\n' || c == u'\0')
            c = u' ';
    }
    return text;
}

// A redirect's target from the request's own bytes: its visible ASCII as it came (slashes, '?',
// '%' escapes), every other byte (a CR, a NUL, a space, UTF-8) percent-encoded, so the Location
// header stays one valid line (fuzz_requestjudge found a bare CR echoed there).
QByteArray asUriReference(const QByteArray &bytes)
{
    QByteArray reference;
    reference.reserve(bytes.size());
    for (const char c : bytes) {
        if (c > 0x20 && c < 0x7f) {
            reference += c;
        } else {
            reference += '%';
            reference += QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
        }
    }
    return reference;
}

// Every refusal the receiver answers: the v4 server's status and text come from the one table in
// core (ServerRefusals, spec section 7); here, Relay's status (its errors are JSON {"detail": …})
// and the part of the request at fault.
struct Refusal
{
    const char *code;
    int relayStatus;
    const char *part;
};

constexpr Refusal Refusals[] = {
    {"route.not-found", 404, "path"},
    {"route.no-trailing-slash", 301, "path"},
    {"method.not-allowed", 405, "method"},
    {"project.unknown", 400, "project"},
    {"origin.not-allowed", 403, "origin"},
    {"auth.none", 401, "auth"},
    {"auth.invalid-header", 401, "auth"},
    {"auth.key", 401, "sentry_key"},
    {"auth.secret-wrong", 401, "sentry_secret"},
    {"auth.project-mismatch", 401, "project"},
    {"auth.secret-missing", 401, "sentry_secret"},
    {"auth.version", 400, "sentry_version"},
    {"auth.client", 400, "sentry_client"},
    {"body.too-large", 413, "body"},
    {"body.chunked", 411, "body"},
    {"head.too-large", 431, "head"},
    {"body.decode", 400, "body"},
    {"body.reconstruct", 400, "body"},
    {"body.legacy-project", 403, "/project"},
    {"event.message", 400, "/message"},
    {"event.crash", 500, "event"},
};

const Refusal &refusalRow(const QString &code)
{
    for (const Refusal &row : Refusals) {
        if (code == QLatin1StringView(row.code))
            return row;
    }
    Q_ASSERT_X(false, "refusalRow", "unknown refusal code");
    return Refusals[0];
}

// The validator's refusing rules and the v4 server's answer to each; any other refusal is a crash.
constexpr std::pair<const char *, const char *> ValidatorRefusals[] = {
    {"body.json.broken", "body.reconstruct"}, // json.loads failed after decoding
    {"body.leading-whitespace", "body.decode"},
    {"body.not-an-object", "body.reconstruct"},
    {"body.size.decompressed", "body.too-large"},
    {"body.size.compressed", "body.too-large"},
    {"event.message.type", "event.message"},
};

// The core's auth findings that mean the server's parser broke on the header.
const QStringList BrokenHeaderRules = {u"auth.trailing-comma"_s, u"auth.piece.empty"_s,
                                       u"auth.value.contains-comma"_s, u"auth.value.contains-equals"_s,
                                       u"auth.prefix.no-space"_s};
const QStringList SupportedVersions = {u"2.0"_s, u"3"_s, u"4"_s};
const QByteArray AllowedMethods = "GET, POST, HEAD, OPTIONS";
const QByteArray CorsHeaders = "X-Sentry-Auth, X-Requested-With, Origin, Accept, Content-Type, Authentication";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// Django's query parsing, as the v4 server read sentry_data and the sentry_* parameters:
// "+" is a space, then percent-decoding.
QList<QPair<QString, QString>> queryItems(const QByteArray &query)
{
    QList<QPair<QString, QString>> items;
    for (const QByteArray &piece : query.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype equals = piece.indexOf('=');
        const auto decode = [](QByteArray part) {
            return QString::fromUtf8(QByteArray::fromPercentEncoding(part.replace('+', ' ')));
        };
        items.append({decode(piece.left(equals < 0 ? piece.size() : equals)),
                      equals < 0 ? QString() : decode(piece.mid(equals + 1))});
    }
    return items;
}

// Every run of slashes as one, in one pass.
QByteArray withSingleSlashes(QByteArray path)
{
    char *data = path.data();
    qsizetype kept = 0;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (data[i] != '/' || kept == 0 || data[kept - 1] != '/')
            data[kept++] = data[i];
    }
    path.truncate(kept);
    return path;
}

QList<QByteArrayView> pathParts(QByteArrayView path)
{
    QList<QByteArrayView> parts;
    qsizetype from = 0;
    for (qsizetype slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', from)) {
        parts.append(path.sliced(from, slash - from));
        from = slash + 1;
    }
    parts.append(path.sliced(from));
    return parts;
}

QString lastQueryValue(const QList<QPair<QString, QString>> &items, const QString &name)
{
    QString value;
    for (const auto &item : items) {
        if (item.first == name)
            value = item.second;
    }
    return value;
}

class Judgement
{
public:
    Judgement(const ReceivedRequest &request, const ReceiverConfig &config, const JudgeOptions &options)
        : m_request(request), m_config(config), m_options(options)
    {
    }

    Decision run();

private:
    bool route();
    bool checkProjectAndOrigin();
    bool findAuth();
    bool authFromHeader(const QByteArray &value, AuthSource source);
    bool checkAuth();
    bool checkKey();
    bool checkVersionAndClient();
    bool decodeBody();
    bool checkLegacyProject();
    bool validate();
    void accept();
    void answerOptions();
    void answerCrossDomain();
    bool refuse(const QString &code, const QString &detail = {}, const QString &part = {});
    void addCors();
    QString authValue(QStringView name) const;
    bool hasAuthField(QStringView name) const;
    bool isBeacon() const { return m_method == "GET" || m_method == "HEAD"; }
    Profile profile() const { return m_config.profile; }

    const ReceivedRequest &m_request;
    const ReceiverConfig &m_config;
    const JudgeOptions &m_options;
    Decision m_decision;
    QByteArray m_method;
    QByteArray m_path;
    QList<QPair<QString, QString>> m_query;
    QString m_urlProject;
    const ReceiverProject *m_project = nullptr;
    const ProjectKey *m_key = nullptr;
};

Decision Judgement::run()
{
    m_method = m_request.method.toUpper();
    if (route() && checkProjectAndOrigin()) {
        if (m_method == "OPTIONS")
            answerOptions();
        else if (m_decision.route == Route::CrossDomain || m_decision.route == Route::ProjectCrossDomain)
            answerCrossDomain();
        else if (findAuth() && checkAuth() && decodeBody() && checkLegacyProject() && validate())
            accept();
    }
    addCors();
    return m_decision;
}

bool Judgement::route()
{
    const QByteArray target = m_request.target;
    const qsizetype question = target.indexOf('?');
    // Tolerant of doubled slashes, as clients joining URLs produce.
    m_path = withSingleSlashes(target.left(question < 0 ? target.size() : question));
    m_query = queryItems(question < 0 ? QByteArray() : target.mid(question + 1));
    // The path may have a prefix (a DSN "http://key@host/sentry/1" posts to /sentry/api/1/store/):
    // routes match the end of the path. Views into m_path, not copies.
    const QList<QByteArrayView> parts = pathParts(m_path); // "", "sentry", "api", "1", "store", ""
    const auto is = [&parts](std::initializer_list<const char *> expected) {
        const qsizetype offset = parts.size() - qsizetype(expected.size());
        if (offset < 0 || !parts.constFirst().isEmpty())
            return false;
        qsizetype i = offset;
        for (const char *part : expected) {
            if (*part == '*' ? parts.at(i).isEmpty() : parts.at(i) != part)
                return false;
            ++i;
        }
        return true;
    };
    Route route = Route::NotFound;
    if (is({"api", "store", ""}))
        route = Route::LegacyStore;
    else if (is({"api", "*", "store", ""}))
        route = Route::Store;
    else if (is({"", "crossdomain.xml"}) && parts.size() == 2)
        route = Route::CrossDomain;
    else if (is({"api", "*", "crossdomain.xml"}))
        route = Route::ProjectCrossDomain;
    else if (is({"api", "*", "store"}) || is({"api", "store"}))
        route = Route::NoTrailingSlash;
    m_decision.route = route;
    if (route == Route::Store || route == Route::ProjectCrossDomain)
        m_urlProject = QString::fromUtf8(QByteArray::fromPercentEncoding(
            parts.at(parts.size() - 3 + (route == Route::ProjectCrossDomain ? 1 : 0)).toByteArray()));
    if (route == Route::NotFound)
        return refuse(u"route.not-found"_s, QString::fromUtf8(m_path));
    if (route == Route::NoTrailingSlash) {
        refuse(u"route.no-trailing-slash"_s);
        m_decision.answer.headers.append(
            {"Location", asUriReference(target.left(m_path.size()) + '/' + target.mid(m_path.size()))});
        return false;
    }
    static const QList<QByteArray> known = {"POST", "GET", "HEAD", "OPTIONS"};
    if (!known.contains(m_method))
        return refuse(u"method.not-allowed"_s, QString::fromLatin1(m_method));
    return true;
}

bool Judgement::checkProjectAndOrigin()
{
    const QByteArray origin = m_request.header("Origin");
    const QByteArray referer = m_request.header("Referer");
    if (!origin.isEmpty() && origin != "null")
        m_decision.origin = QString::fromUtf8(origin);
    else if (!referer.isEmpty())
        m_decision.origin = QUrl(QString::fromUtf8(referer))
                                .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                                          | QUrl::RemoveUserInfo).toString();
    if (m_urlProject.isEmpty())
        return true; // the legacy endpoint: the project comes from the key
    m_decision.projectId = m_urlProject;
    m_project = m_config.project(m_urlProject);
    if (!m_project)
        return refuse(u"project.unknown"_s, m_urlProject);
    m_decision.projectId = m_project->id;
    if (!m_decision.origin.isEmpty() && !m_project->allowsOrigin(m_decision.origin))
        return refuse(u"origin.not-allowed"_s, m_decision.origin);
    return true;
}

bool Judgement::findAuth()
{
    // First match wins: X-Sentry-Auth starting with "Sentry", then Authorization, then the query.
    const QByteArray sentryAuth = m_request.header("X-Sentry-Auth");
    if (sentryAuth.startsWith("Sentry"))
        return authFromHeader(sentryAuth, AuthSource::SentryAuthHeader);
    const QByteArray authorization = m_request.header("Authorization");
    if (authorization.startsWith("Sentry"))
        return authFromHeader(authorization, AuthSource::AuthorizationHeader);
    for (const auto &item : std::as_const(m_query)) {
        if (item.first.startsWith("sentry_"_L1) && item.first != "sentry_data"_L1)
            m_decision.authFields.append({item.first, item.second});
    }
    if (m_decision.authFields.isEmpty())
        return refuse(u"auth.none"_s);
    m_decision.authSource = AuthSource::Query;
    return true;
}

bool Judgement::authFromHeader(const QByteArray &value, AuthSource source)
{
    m_decision.authSource = source;
    const AuthHeader header = AuthHeader::parse(QString::fromUtf8(value));
    m_decision.authFields = header.fields(); // as found, in order, duplicates kept
    for (const Finding &finding : header.findings()) {
        if (BrokenHeaderRules.contains(finding.rule)) {
            m_decision.findings.append(finding);
            return refuse(u"auth.invalid-header"_s, {}, finding.location);
        }
    }
    return true;
}

QString Judgement::authValue(QStringView name) const
{
    for (auto it = m_decision.authFields.crbegin(); it != m_decision.authFields.crend(); ++it) {
        if (it->name == name)
            return it->value;
    }
    return {};
}

bool Judgement::hasAuthField(QStringView name) const
{
    return std::any_of(m_decision.authFields.cbegin(), m_decision.authFields.cend(),
                       [name](const AuthHeader::Field &field) { return field.name == name; });
}

bool Judgement::checkAuth()
{
    if (!checkKey())
        return false;
    if (m_decision.origin.isEmpty() && authValue(QStringView(AuthField::Secret)).isEmpty()
        && authValue(QStringView(AuthField::Version)) != "2.0"_L1)
        return refuse(u"auth.secret-missing"_s);
    return checkVersionAndClient();
}

bool Judgement::checkKey()
{
    const QString publicKey = authValue(QStringView(AuthField::Key));
    const ReceiverProject *keyProject = m_config.projectOfKey(publicKey, &m_key);
    if (!keyProject)
        return refuse(u"auth.key"_s);
    const QString secret = authValue(QStringView(AuthField::Secret));
    if (hasAuthField(QStringView(AuthField::Secret)) && secret != m_key->secretKey)
        return refuse(u"auth.secret-wrong"_s);
    if (m_project && m_project != keyProject)
        return refuse(u"auth.project-mismatch"_s);
    if (!m_project) { // the legacy endpoint: the key names the project, and its origins apply
        m_project = keyProject;
        m_decision.projectId = keyProject->id;
        if (!m_decision.origin.isEmpty() && !m_project->allowsOrigin(m_decision.origin))
            return refuse(u"origin.not-allowed"_s, m_decision.origin);
    }
    return true;
}

bool Judgement::checkVersionAndClient()
{
    const QString version = authValue(QStringView(AuthField::Version));
    const bool supported = profile() == Profile::Relay
        ? version.section(u'.', 0, 0).toInt() >= 2
        : SupportedVersions.contains(version);
    if (!supported)
        return refuse(u"auth.version"_s, hasAuthField(QStringView(AuthField::Version)) ? version : u"None"_s);
    m_decision.client = authValue(QStringView(AuthField::Client));
    if (m_decision.client.isEmpty())
        m_decision.client = QString::fromUtf8(m_request.header("User-Agent"));
    if (m_decision.client.isEmpty())
        return refuse(u"auth.client"_s);
    return true;
}

bool Judgement::decodeBody()
{
    const QByteArray body = isBeacon() ? lastQueryValue(m_query, u"sentry_data"_s).toUtf8() : m_request.body;
    const DecodeResult decoded = BodyCodec::decode(
        body, {m_config.limits.maxWireBody, m_config.limits.maxDecodedBody});
    m_decision.encoding = decoded.form;
    if (decoded.isOk()) {
        m_decision.eventJson = decoded.json;
        return true;
    }
    m_decision.decodeError = decodeErrorName(decoded.error);
    m_decision.findings.append({Severity::Error, u"body"_s, decoded.errorString,
                                u"body."_s + m_decision.decodeError, ServerAction::Refuse});
    const bool tooLarge = decoded.error == DecodeResult::Error::TooLarge
        || decoded.error == DecodeResult::Error::InflatedTooLarge;
    return refuse(tooLarge ? u"body.too-large"_s : u"body.decode"_s, decoded.errorString);
}

bool Judgement::checkLegacyProject()
{
    if (m_decision.route != Route::LegacyStore)
        return true;
    const QJsonValue project = QJsonDocument::fromJson(m_decision.eventJson).object().value("project"_L1);
    const QString name = project.isDouble() ? QString::number(project.toInteger()) : project.toString();
    if (project.isUndefined() || m_project->matches(name))
        return true;
    return refuse(u"body.legacy-project"_s, {}, u"/project"_s);
}

bool Judgement::validate()
{
    ValidateOptions options;
    options.profile = profile();
    options.clock = m_options.clock;
    options.idGenerator = m_options.idGenerator;
    const ValidationResult result = Validator::validate(m_decision.eventJson, options);
    m_decision.findings.append(result.findings);
    for (const Finding &finding : result.findings) {
        if (finding.action != ServerAction::Refuse || finding.severity != Severity::Error)
            continue;
        QString code = u"event.crash"_s;
        for (const auto &[rule, refusal] : ValidatorRefusals) {
            if (finding.rule == QLatin1StringView(rule))
                code = QString::fromLatin1(refusal);
        }
        return refuse(code, finding.message, finding.location);
    }
    m_decision.storedEvent = result.normalized;
    return true;
}

void Judgement::accept()
{
    Answer &answer = m_decision.answer;
    answer.status = 200;
    if (isBeacon()) {
        answer.headers = {{"Content-Type", "image/gif"}};
        answer.body = RequestJudge::pixelGif();
        return;
    }
    answer.headers = {{"Content-Type", "application/json"}};
    JsonLine body;
    body.add("id", m_decision.eventId());
    answer.body = body.finish();
}

void Judgement::answerOptions()
{
    m_decision.answer = {200, {{"Allow", AllowedMethods}, {"Content-Type", "text/plain"}}, {}};
}

void Judgement::answerCrossDomain()
{
    const bool any = !m_project || m_project->origins.contains(u"*"_s);
    QByteArray domains;
    const QStringList origins = any ? QStringList{u"*"_s} : m_project->origins;
    for (const QString &origin : origins) {
        const QString host = origin == "*"_L1 ? origin : QUrl(origin).host();
        domains += "    <allow-access-from domain=\"" + host.toUtf8() + "\" secure=\"false\" />\n";
    }
    m_decision.answer = {200, {{"Content-Type", "application/xml"}},
                         "<?xml version=\"1.0\"?>\n<!DOCTYPE cross-domain-policy SYSTEM "
                         "\"http://www.adobe.com/xml/dtds/cross-domain-policy.dtd\">\n"
                         "<cross-domain-policy>\n" + domains + "</cross-domain-policy>\n"};
}

bool Judgement::refuse(const QString &code, const QString &detail, const QString &part)
{
    m_decision.refusal = code;
    m_decision.refusedPart = part.isEmpty() ? QString::fromLatin1(refusalRow(code).part) : part;
    m_decision.answer = RequestJudge::refusalAnswer(code, profile(), detail);
    return false;
}

void Judgement::addCors()
{
    // Allowed origins get their own name back; on errors the v4 server allowed every origin, so a
    // browser client can read X-Sentry-Error.
    if (m_decision.origin.isEmpty())
        return;
    RawHeaders &headers = m_decision.answer.headers;
    const bool ok = m_decision.refusal.isEmpty();
    headers.append({"Access-Control-Allow-Origin", ok ? oneLine(m_decision.origin).toUtf8() : QByteArray("*")});
    headers.append({"Access-Control-Allow-Headers", CorsHeaders});
    headers.append({"Access-Control-Allow-Methods", AllowedMethods});
}

} // namespace

QByteArray headerValue(const RawHeaders &headers, QByteArrayView name)
{
    for (const RawHeader &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray Answer::toHttp(bool withBody, bool close) const
{
    // Numbers through to_chars and the whole answer in one allocation (QByteArray::number and the
    // growth header by header cost 2 k instructions per answer).
    const auto number = [](auto value, char (&buffer)[24]) {
        return QByteArrayView(buffer, std::to_chars(buffer, buffer + sizeof(buffer), value).ptr - buffer);
    };
    char statusText[24];
    char lengthText[24];
    qsizetype size = 64 + body.size();
    for (const RawHeader &header : headers)
        size += header.first.size() + header.second.size() + 4;
    QByteArray http;
    http.reserve(size);
    http.append("HTTP/1.1 ").append(number(status, statusText)).append(' ').append(reasonPhrase(status)).append("\r\n");
    for (const RawHeader &header : headers)
        http += header.first + ": " + header.second + "\r\n";
    http.append("Content-Length: ").append(number(body.size(), lengthText)).append("\r\n");
    if (close)
        http += "Connection: close\r\n";
    http += "\r\n";
    if (withBody)
        http += body;
    return http;
}

QString routeName(Route route)
{
    switch (route) {
    case Route::Store: return u"store"_s;
    case Route::LegacyStore: return u"legacy-store"_s;
    case Route::CrossDomain: return u"crossdomain"_s;
    case Route::ProjectCrossDomain: return u"project-crossdomain"_s;
    case Route::NoTrailingSlash: return u"no-trailing-slash"_s;
    case Route::NotFound: break;
    }
    return u"not-found"_s;
}

QString authSourceName(AuthSource source)
{
    switch (source) {
    case AuthSource::SentryAuthHeader: return u"x-sentry-auth"_s;
    case AuthSource::AuthorizationHeader: return u"authorization"_s;
    case AuthSource::Query: return u"query"_s;
    case AuthSource::None: break;
    }
    return u"none"_s;
}

QString Decision::eventId() const
{
    return storedEvent.value("event_id"_L1).toString();
}

QJsonArray authFieldsJson(const QList<AuthHeader::Field> &fields)
{
    QJsonArray array;
    for (const AuthHeader::Field &field : fields)
        array.append(QJsonObject{{u"name"_s, field.name}, {u"value"_s, field.value}});
    return array;
}

QList<AuthHeader::Field> authFieldsFromJson(const QJsonArray &array)
{
    QList<AuthHeader::Field> fields;
    for (const QJsonValue &field : array)
        fields.append({field[u"name"].toString(), field[u"value"].toString()});
    return fields;
}

QJsonObject Decision::toJson() const
{
    const QJsonArray auth = authFieldsJson(authFields);
    QJsonArray headers;
    for (const RawHeader &header : answer.headers)
        headers.append(QJsonArray{QString::fromUtf8(header.first), QString::fromUtf8(header.second)});
    return {
        {u"route"_s, routeName(route)},
        {u"project"_s, projectId},
        {u"origin"_s, origin},
        {u"auth_source"_s, authSourceName(authSource)},
        {u"auth"_s, auth},
        {u"client"_s, client},
        {u"accepted"_s, isAccepted()},
        {u"refusal"_s, refusal.isEmpty() ? QJsonValue() : QJsonValue(refusal)},
        {u"refused_part"_s, refusedPart.isEmpty() ? QJsonValue() : QJsonValue(refusedPart)},
        {u"encoding"_s, formName(encoding)},
        {u"event_id"_s, eventId().isEmpty() ? QJsonValue() : QJsonValue(eventId())},
        {u"findings"_s, Sentry::toJson(findings, u"path"_s)},
        {u"stored_event"_s, storedEvent.isEmpty() ? QJsonValue() : QJsonValue(storedEvent)},
        {u"answer"_s, QJsonObject{{u"status"_s, answer.status}, {u"headers"_s, headers},
                                  {u"body"_s, QString::fromUtf8(answer.body)}}},
    };
}

Decision RequestJudge::judge(const ReceivedRequest &request, const ReceiverConfig &config,
                             const JudgeOptions &options)
{
    return Judgement(request, config, options).run();
}

Answer RequestJudge::refusalAnswer(const QString &code, Profile profile, const QString &detail)
{
    const Refusal &row = refusalRow(code);
    const ServerRefusal &v4 = ServerRefusals::row(row.code);
    QString text = QString::fromUtf8(v4.text);
    if (text.contains("%1"_L1))
        text = text.arg(detail);
    text = oneLine(text);
    Answer answer;
    answer.status = profile == Profile::Relay ? row.relayStatus : v4.status;
    if (answer.status == 301)
        return answer;
    if (profile == Profile::Relay) {
        answer.headers = {{"Content-Type", "application/json"}};
        answer.body = QJsonDocument(QJsonObject{{u"detail"_s, text}}).toJson(QJsonDocument::Compact);
    } else {
        answer.headers = {{"Content-Type", "text/plain"}};
        answer.body = text.toUtf8();
    }
    // Every non-200 carries X-Sentry-Error with the first 200 characters of the text; a 500's is empty.
    answer.headers.append({"X-Sentry-Error", text.left(200).toUtf8()});
    return answer;
}

QByteArray RequestJudge::pixelGif()
{
    return QByteArray::fromBase64("R0lGODlhAQABAAD/ACwAAAAAAQABAAACADs=");
}

} // namespace Sentry
