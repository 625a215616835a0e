// `request --dsn DSN [--encoding json|base64-zlib] [--client NAME/VERSION] [--timestamp UNIX]
// [--legacy] [--json | --curl] FILE|-`: show the store request that would be sent, without sending.

#include "cliio.h"

#include "dsn.h"
#include "storerequest.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

// Unix seconds past this (year 5138) are surely milliseconds, as raven-node 0.6 sent them.
constexpr qint64 MillisecondsThreshold = 100'000'000'000;

struct RequestOptions
{
    QCommandLineOption dsn{u"dsn"_s, u"The DSN to send to (required)."_s, u"DSN"_s};
    QCommandLineOption encoding{u"encoding"_s, u"Body encoding: json (default) or base64-zlib."_s,
                                u"ENCODING"_s, u"json"_s};
    QCommandLineOption client{u"client"_s,
                              u"sentry_client and User-Agent (default %1)."_s.arg(
                                  QString::fromLatin1(Sentry::DefaultClient)),
                              u"NAME/VERSION"_s, QString::fromLatin1(Sentry::DefaultClient)};
    QCommandLineOption timestamp{u"timestamp"_s,
                                 u"sentry_timestamp in unix seconds (default: now)."_s, u"UNIX"_s};
    QCommandLineOption legacy{u"legacy"_s, u"Use the legacy endpoint /api/store/."_s};
    QCommandLineOption json{u"json"_s, u"Print {method, url, headers, auth, body} as JSON; headers and "
                                       "auth fields are ordered lists of {name, value}, as sent."_s};
    QCommandLineOption curl{u"curl"_s, u"Print a curl command that sends exactly this request (with the "
                                       "secret, whatever --show-secret says: it must reproduce the request)."_s};
    QCommandLineOption showSecret{u"show-secret"_s,
                                  u"Show the secret key in the raw request and in --json (masked as ******** "
                                  "otherwise)."_s};
};

std::optional<qint64> parseTimestamp(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0) {
        printError(u"--timestamp: '%1' is not unix seconds; give a whole number >= 0, e.g. "
                   "1329096377"_s.arg(text));
        return std::nullopt;
    }
    if (value > MillisecondsThreshold)
        printError(u"warning: --timestamp %1 looks like milliseconds; the protocol asks for unix "
                   "seconds (raven-node 0.6 sent milliseconds; the v4 server never read the value): "
                   "divide by 1000 unless you mean to reproduce raven-node"_s.arg(value));
    return value;
}

// Fills `options` from the command line; false (after saying why) on a usage error.
bool readOptions(const QCommandLineParser &parser, const RequestOptions &names,
                 Sentry::StoreRequestOptions &options)
{
    if (parser.isSet(names.json) && parser.isSet(names.curl)) {
        printError(u"--json and --curl exclude each other; pick one"_s);
        return false;
    }
    if (!parser.isSet(names.dsn)) {
        printError(u"--dsn is required, e.g. --dsn https://PUBLIC:SECRET@sentry.example.com/1"_s);
        return false;
    }
    const QString encodingText = parser.value(names.encoding);
    const auto encoding = Sentry::encodingFromName(encodingText);
    if (!encoding) {
        printError(u"--encoding: '%1' is not an encoding; use json or base64-zlib"_s.arg(encodingText));
        return false;
    }
    options.encoding = *encoding;
    options.client = parser.value(names.client);
    options.useLegacyEndpoint = parser.isSet(names.legacy);
    if (parser.isSet(names.timestamp)) {
        const auto timestamp = parseTimestamp(parser.value(names.timestamp));
        if (!timestamp)
            return false;
        options.clock = [value = *timestamp] { return value; };
    }
    return true;
}

// The request tool shows what would be sent even for broken JSON, but says so.
void warnIfNotAnObject(const QByteArray &event, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(event, &error);
    if (error.error != QJsonParseError::NoError) {
        printError(u"warning: %1 is not valid JSON (%2 at byte %3); the request is built anyway, "
                   "and the server would answer 403 'Bad data reconstructing object'"_s
                       .arg(source, error.errorString())
                       .arg(error.offset));
    } else if (!document.isObject()) {
        printError(u"warning: %1 is a JSON %2, not an object; the server expects one event object"_s
                       .arg(source, document.isArray() ? u"array"_s : u"value"_s));
    }
}

void writeRaw(const QByteArray &bytes)
{
    out().flush();
    QFile stdoutFile;
    if (stdoutFile.open(stdout, QIODevice::WriteOnly))
        stdoutFile.write(bytes);
}

// The secret is masked by field (sentry_secret's value), never by replacing text; --curl always
// carries it, since it must reproduce the request.
void print(const Sentry::StoreRequest &request, const QCommandLineParser &parser,
           const RequestOptions &names)
{
    const Sentry::StoreRequest shown = parser.isSet(names.showSecret) ? request
                                                                      : request.withMaskedSecret();
    if (parser.isSet(names.json))
        printJson(shown.toJson());
    else if (parser.isSet(names.curl))
        writeRaw(request.toCurl().toUtf8() + '\n');
    else
        writeRaw(shown.toHttp());
}

} // namespace

int runRequest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Build the v4 store request for an event and print it without sending: the raw HTTP\n"
        "request (default), JSON, or a curl command. The event is sent as given, byte for byte.\n"
        "Exit codes: 0 built, 1 invalid DSN, 2 usage error.\n\n"
        "Examples:\n"
        "  sentry-harness-cli request --dsn http://public:secret@localhost:9000/2 event.json\n"
        "  sentry-harness-cli request --dsn \"$SENTRY_DSN\" --encoding base64-zlib --curl event.json"_s);
    const RequestOptions names;
    parser.addOptions({names.dsn, names.encoding, names.client, names.timestamp, names.legacy,
                       names.json, names.curl, names.showSecret});
    parser.addPositionalArgument(u"FILE"_s, u"The event JSON file, or - for standard input."_s);
    Sentry::StoreRequestOptions options;
    if (!parseOrExplain(parser, arguments, 1) || !readOptions(parser, names, options))
        return ExitUsage;

    const QString source = parser.positionalArguments().constFirst();
    const std::optional<QByteArray> event = readInput(source);
    if (!event)
        return ExitUsage;

    const Sentry::Dsn dsn = Sentry::Dsn::parse(parser.value(names.dsn));
    QString error;
    const auto request = Sentry::StoreRequest::build(dsn, *event, options, &error);
    if (!request) {
        // A bad --client is a usage error; a DSN (or a key in it) the server cannot take is invalid input.
        const bool clientFault = dsn.isValid() && error.contains(u"sentry_client"_s);
        printError((clientFault ? u"--client: "_s : u"--dsn: "_s) + error);
        return clientFault ? ExitUsage : ExitInvalid;
    }
    warnIfNotAnObject(*event, source == "-"_L1 ? u"standard input"_s : source);
    print(*request, parser, names);
    return ExitOk;
}

} // namespace Cli
