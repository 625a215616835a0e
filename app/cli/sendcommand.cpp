// `send --dsn DSN [--encoding json|base64-zlib] [--timeout SECONDS] [--client NAME/VERSION] [--force]
// [--repeat N] [--json] FILE|-`: validate an event, send it, and explain the server's answer.

#include "cliio.h"
#include "serveroptions.h"

#include "bodycodec.h"
#include "dsn.h"
#include "exchange.h"
#include "history.h"
#include "networkaccess.h"
#include "sender.h"
#include "sendsession.h"
#include "storerequest.h"
#include "validator.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

struct SendOptions
{
    Sentry::Dsn dsn;
    Sentry::StoreRequestOptions request; // its timeoutMs: --timeout, else the DSN's, else 3 s
    int repeat = 1;
    bool force = false;
    bool json = false;
    QString file;
    SecretMask mask;
    QString dbPath; // empty: --no-history
};

QJsonObject attemptJson(int attempt, const Sentry::SendResult &result)
{
    return {
        {u"attempt"_s, attempt},
        {u"status"_s, result.status},
        {u"event_id"_s, result.eventId.isEmpty() ? QJsonValue() : QJsonValue(result.eventId)},
        {u"verdict"_s, Sentry::verdictName(result.verdict)},
        {u"explanation"_s, result.explanation},
        {u"server_error"_s, result.hasServerError ? QJsonValue(result.serverError) : QJsonValue()},
        {u"retry_after"_s, result.retryAfterSeconds ? QJsonValue(*result.retryAfterSeconds) : QJsonValue()},
        {u"elapsed_ms"_s, result.elapsedMs},
        {u"stage"_s, Sentry::stageName(result.stage)},
    };
}

void printJsonLine(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    out().flush();
}

// A server may echo the auth header (and so the secret) in X-Sentry-Error, which the explanation
// quotes: both are masked; the explanation's own words are left alone.
Sentry::SendResult masked(Sentry::SendResult result, const SecretMask &mask)
{
    const QString serverError = mask.apply(result.serverError);
    if (!result.serverError.isEmpty())
        result.explanation.replace(result.serverError, serverError);
    result.serverError = serverError;
    return result;
}

void printAttempt(int attempt, int total, const Sentry::SendResult &result)
{
    const QString status = result.status ? u"HTTP %1"_s.arg(result.status) : u"no HTTP answer"_s;
    out() << "attempt " << attempt << '/' << total << ": " << Sentry::verdictName(result.verdict) << " ("
          << status << ", " << result.elapsedMs << " ms)\n";
    if (!result.eventId.isEmpty())
        out() << "  event id:       " << result.eventId << '\n';
    if (result.hasServerError)
        out() << "  X-Sentry-Error: " << result.serverError << '\n';
    if (result.retryAfterSeconds)
        out() << "  Retry-After:    " << *result.retryAfterSeconds << " s\n";
    out() << "  " << result.explanation << '\n';
    out().flush();
}

// Sends the request `repeat` times, one after another, each when the session's backoff allows it.
class RepeatRun
{
public:
    RepeatRun(const SendOptions &options, const Sentry::StoreRequest &request)
        : m_options(options), m_request(request), m_session(&m_manager)
    {
        Sentry::prepareNetworkAccess(&m_manager);
        QObject::connect(&m_session, &Sentry::SendSession::waiting, &m_loop,
                         [this](qint64 ms, const Sentry::BackoffState &state) { printWait(ms, state); });
        QObject::connect(&m_session, &Sentry::SendSession::attemptFinished, &m_loop,
                         [this](const Sentry::SendResult &result, const Sentry::BackoffState &state) {
                             handle(result, state);
                         });
        QObject::connect(&m_session, &Sentry::SendSession::attemptStarted, &m_loop,
                         [this] { m_sentAt = QDateTime::currentDateTimeUtc(); });
        if (!options.dbPath.isEmpty() && !openHistory(m_history, options.dbPath))
            err() << "(sending without recording; --no-history silences this)" << Qt::endl;
    }

    int run()
    {
        QTimer::singleShot(0, &m_loop, [this] { next(); });
        m_loop.exec();
        return m_allAccepted ? ExitOk : ExitFailure;
    }

private:
    void next()
    {
        if (m_attempt >= m_options.repeat)
            return m_loop.quit();
        ++m_attempt;
        m_session.send(m_request);
    }

    void printWait(qint64 ms, const Sentry::BackoffState &state)
    {
        const QString text = u"waiting %1 s before attempt %2: %3"_s.arg(double(ms) / 1000.0, 0, 'f', 1)
                                  .arg(m_attempt).arg(state.reason);
        (m_options.json ? err() : out()) << text << Qt::endl;
    }

    void record(const Sentry::SendResult &result)
    {
        if (!m_history.isOpen())
            return;
        QList<Sentry::Exchange> exchange = {Sentry::exchangeFromSend(m_request, result, m_sentAt)};
        QString error;
        if (!m_history.insert(exchange, &error))
            printError(u"the attempt was not recorded: "_s + error);
    }

    void handle(const Sentry::SendResult &result, const Sentry::BackoffState &state)
    {
        record(result);
        m_allAccepted = m_allAccepted && result.isAccepted();
        if (m_options.json)
            printJsonLine(withRequest(attemptJson(m_attempt, masked(result, m_options.mask))));
        else
            printAttempt(m_attempt, m_options.repeat, masked(result, m_options.mask));
        if (state.phase == Sentry::BackoffState::Phase::WontRetry && m_attempt < m_options.repeat) {
            (m_options.json ? err() : out()) << "not repeating: " << state.reason << Qt::endl;
            return m_loop.quit();
        }
        next();
    }

    // What went on the wire, headers and auth fields as ordered lists (the body aside); the
    // secret masked by field unless --show-secret.
    QJsonObject withRequest(QJsonObject attempt) const
    {
        const Sentry::StoreRequest shown = m_options.mask.isShowing() ? m_request
                                                                      : m_request.withMaskedSecret();
        QJsonObject request = shown.toJson();
        request.remove(u"body"_s);
        attempt.insert(u"request"_s, request);
        return attempt;
    }

    SendOptions m_options;
    Sentry::StoreRequest m_request;
    QNetworkAccessManager m_manager;
    Sentry::SendSession m_session;
    QEventLoop m_loop;
    Sentry::History m_history;
    QDateTime m_sentAt;
    int m_attempt = 0;
    bool m_allAccepted = true;
};

struct Parsed
{
    std::optional<SendOptions> options;
    QString error;
};

Parsed optionsFrom(const QCommandLineParser &parser)
{
    SendOptions options;
    options.dsn = Sentry::Dsn::parse(parser.value(u"dsn"_s));
    if (!options.dsn.isValid())
        return {std::nullopt, u"--dsn is not a usable DSN (run 'sentry-harness-cli dsn' on it to see why)"_s};
    options.mask = SecretMask(parser.isSet(u"show-secret"_s));
    options.mask.addSecret(options.dsn.secretKey());
    if (parser.isSet(u"as"_s)) {
        if (const QString problem = applyPreset(parser.value(u"as"_s), options.request); !problem.isEmpty())
            return {std::nullopt, problem}; // the options given explicitly below still override it
    }
    const auto encoding = Sentry::encodingFromName(parser.value(u"encoding"_s));
    if (!encoding)
        return {std::nullopt, u"--encoding must be json or base64-zlib, not '%1'"_s.arg(parser.value(u"encoding"_s))};
    if (parser.isSet(u"encoding"_s))
        options.request.encoding = *encoding;
    if (parser.isSet(u"client"_s))
        options.request.client = parser.value(u"client"_s);
    const QString method = parser.value(u"method"_s).toLower();
    if (method != "post"_L1 && method != "get"_L1)
        return {std::nullopt, u"--method must be post or get, not '%1'"_s.arg(parser.value(u"method"_s))};
    if (parser.isSet(u"method"_s))
        options.request.method = method == "get"_L1 ? Sentry::RequestMethod::Get : Sentry::RequestMethod::Post;
    options.request.useLegacyEndpoint = options.request.useLegacyEndpoint || parser.isSet(u"legacy"_s);
    options.request.origin = parser.value(u"origin"_s);
    options.request.referer = parser.value(u"referer"_s);
    if (parser.isSet(u"timestamp"_s)) {
        const auto timestamp = parseTimestamp(parser.value(u"timestamp"_s), u"--timestamp"_s);
        if (!timestamp)
            return {std::nullopt, u"--timestamp needs unix seconds"_s};
        options.request.clock = [value = *timestamp] { return value; };
    }
    if (parser.isSet(u"timeout"_s)) {
        const std::optional<double> seconds = finiteNumber(parser.value(u"timeout"_s), 0, 600);
        if (!seconds || *seconds <= 0)
            return {std::nullopt, u"--timeout must be a number of seconds above 0 and at most 600 (e.g. 3 "
                                  "or 0.5), not '%1'"_s.arg(parser.value(u"timeout"_s))};
        options.request.timeoutMs = std::max(1, int(*seconds * 1000));
    }
    bool ok = false;
    options.repeat = parser.value(u"repeat"_s).toInt(&ok);
    if (!ok || options.repeat < 1)
        return {std::nullopt, u"--repeat must be a whole number of at least 1, not '%1'"_s.arg(parser.value(u"repeat"_s))};
    options.force = parser.isSet(u"force"_s);
    options.json = parser.isSet(u"json"_s);
    options.file = parser.positionalArguments().constFirst();
    if (!parser.isSet(u"no-history"_s))
        options.dbPath = dbPathFrom(parser);
    return {options, {}};
}

// Prints why the event is invalid; true when sending may go on (valid, or --force).
bool checkEvent(const QByteArray &bytes, const SendOptions &options)
{
    const Sentry::ValidationResult validation = Sentry::Validator::validate(bytes);
    if (validation.isValid())
        return true;
    if (options.json && !options.force) {
        printJsonLine(options.mask.apply(QJsonObject{{u"sent"_s, false}, {u"valid"_s, false},
                                                     {u"findings"_s, Sentry::toJson(validation.findings, u"path"_s)}}));
    } else {
        QTextStream &stream = err();
        stream << "The event is invalid"
               << (options.force ? " (sending anyway: --force)" : "; not sent (--force sends it anyway)")
               << ":\n";
        printFindings(stream, validation.findings, FindingsLayout::ErrorLines, &options.mask);
        if (!validation.parsed)
            stream << "  the input is not a JSON object\n";
        stream.flush();
    }
    return options.force;
}

// What the server would refuse before reading the event (auth, the beacon's URL), said before
// sending; true when sending may go on (nothing refused, or --force).
bool checkRequest(const Sentry::StoreRequest &request, const SendOptions &options)
{
    const Sentry::Findings findings = request.findings();
    for (const Sentry::Finding &finding : findings)
        printError(options.mask.apply(Sentry::severityName(finding.severity) + u": "_s
                   + (finding.location.isEmpty() ? u"event"_s : finding.location)
                                      + u": "_s + finding.message));
    if (!Sentry::hasErrors(findings) || options.force)
        return true;
    printError(u"the server would refuse this request, so it was not sent (--force sends it anyway)"_s);
    return false;
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"dsn"_s, u"Where to send: scheme://PUBLIC:SECRET@host/PROJECT (required)."_s, u"DSN"_s},
        {u"encoding"_s, u"Body encoding: json or base64-zlib (default json)."_s, u"ENCODING"_s, u"json"_s},
        {u"timeout"_s, u"Deadline in seconds for the whole exchange: connecting, sending and the complete "
                       "answer (default: the DSN's ?timeout=, else 3)."_s, u"SECONDS"_s},
        {u"client"_s, u"sentry_client and User-Agent, NAME/VERSION."_s, u"NAME/VERSION"_s},
        {u"as"_s, presetHelp(), u"CLIENT"_s},
        {u"method"_s, u"post (default) or get: get sends raven-js 1.1's beacon, the auth and the event in "
                      "the query string."_s, u"METHOD"_s, u"post"_s},
        {u"legacy"_s, u"Post to the legacy endpoint /api/store/ (the project comes from the key)."_s},
        {u"timestamp"_s, u"sentry_timestamp in unix seconds (default: now)."_s, u"UNIX"_s},
        {u"origin"_s, u"Send an Origin header, as a browser client does."_s, u"ORIGIN"_s},
        {u"referer"_s, u"Send a Referer header, as a browser client does."_s, u"URL"_s},
        {u"force"_s, u"Send even if the event is invalid."_s},
        {u"repeat"_s, u"Send N times, honouring the backoff (waits are printed)."_s, u"N"_s, u"1"_s},
        {u"json"_s, u"Print one JSON object per attempt (one per line), with the request as sent: method, "
                    "url, headers and auth fields as ordered lists of {name, value}."_s},
        {u"show-secret"_s, u"Print the DSN's secret key where it appears (masked as ******** otherwise)."_s},
        {u"no-history"_s, u"Do not record the attempts in the history."_s},
    });
    addDbOption(parser);
    parser.addPositionalArgument(u"FILE"_s, u"The event JSON or a body as sent (base64(JSON), base64(zlib(JSON))), "
                                            "or - for standard input."_s);
}

} // namespace

int runSend(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Validate an event, send it to a Sentry server as a v4 store request, and explain the answer.\n"
        "Exit codes: 0 accepted (every attempt), 1 invalid event (not sent), 2 usage error,\n"
        "3 not accepted.\n\n"
        "Examples:\n"
        "  sentry-harness-cli send --dsn http://public:secret@localhost:9000/2 event.json\n"
        "  sentry-harness-cli send --dsn \"$SENTRY_DSN\" --repeat 5 --json event.json"_s);
    addOptions(parser);
    if (!parseOrExplain(parser, arguments, 1))
        return ExitUsage;
    if (!parser.isSet(u"dsn"_s)) {
        printError(u"--dsn is required (see --help)"_s);
        return ExitUsage;
    }
    const Parsed parsed = optionsFrom(parser);
    if (!parsed.options) {
        printError(parsed.error);
        return ExitUsage;
    }
    const SendOptions &options = *parsed.options;
    const auto bytes = readInput(options.file);
    if (!bytes)
        return ExitUsage;
    const Sentry::EventInput event = Sentry::BodyCodec::readEvent(*bytes);
    if (event.isRefused()) {
        printError(event.refusal + u"; nothing was sent"_s);
        return ExitInvalid;
    }
    if (event.form != Sentry::BodyForm::Json)
        err() << "the input is a " << Sentry::formDescription(event.form)
              << " body as sent: decoded, and sent as " << Sentry::encodingName(options.request.encoding)
              << " (--encoding)" << Qt::endl;
    if (!checkEvent(event.json, options))
        return ExitInvalid;
    QString error;
    const auto request = Sentry::StoreRequest::build(options.dsn, event.json, options.request, &error);
    if (!request) {
        printError(u"cannot build the request: "_s + error);
        return ExitUsage;
    }
    if (!checkRequest(*request, options))
        return ExitInvalid;
    // The command reports every failure itself; the library's failover log would only repeat it.
    QLoggingCategory::setFilterRules(u"sentry.errors.warning=false"_s);
    return RepeatRun(options, *request).run();
}

} // namespace Cli
