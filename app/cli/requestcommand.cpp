// `request --dsn DSN [--encoding json|base64-zlib] [--client NAME/VERSION] [--timestamp UNIX]
// [--legacy] [--json | --curl] FILE|-`: show the store request that would be sent, without sending.

#include "cliio.h"

#include "dsn.h"
#include "bodycodec.h"
#include "storerequest.h"
#include "validator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

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
    QCommandLineOption legacy{u"legacy"_s, u"Use the legacy endpoint /api/store/ (the project comes from the key; "
                                           "a \"project\" in the event must name the DSN's)."_s};
    QCommandLineOption method{u"method"_s, u"post (default) or get: get builds raven-js 1.1's beacon, the auth and "
                                           "the event in the query string (the URL length limits of the time "
                                           "are checked)."_s, u"METHOD"_s, u"post"_s};
    QCommandLineOption as{u"as"_s, presetHelp(), u"CLIENT"_s};
    QCommandLineOption origin{u"origin"_s, u"Send an Origin header, as a browser client does (then no secret is "
                                           "needed)."_s, u"ORIGIN"_s};
    QCommandLineOption referer{u"referer"_s, u"Send a Referer header, as a browser client does."_s, u"URL"_s};
    QCommandLineOption output{u"output"_s, u"Write the raw request to FILE instead of standard output (a binary "
                                           "body is never written to a terminal)."_s, u"FILE"_s};
    QCommandLineOption json{u"json"_s, u"Print {method, url, headers, auth, body} as JSON; headers and "
                                       "auth fields are ordered lists of {name, value}, as sent."_s};
    QCommandLineOption curl{u"curl"_s, u"Print a curl command that sends exactly this request (with the "
                                       "secret, whatever --show-secret says: it must reproduce the request)."_s};
    QCommandLineOption showSecret{u"show-secret"_s,
                                  u"Show the secret key in the raw request and in --json (masked as ******** "
                                  "otherwise)."_s};
};

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
    if (parser.isSet(names.as)) {
        if (const QString problem = applyPreset(parser.value(names.as), options); !problem.isEmpty()) {
            printError(problem);
            return false;
        } // the options given explicitly below still override the preset's
    }
    const QString encodingText = parser.value(names.encoding);
    const auto encoding = Sentry::encodingFromName(encodingText);
    if (!encoding) {
        printError(u"--encoding: '%1' is not an encoding; use json or base64-zlib"_s.arg(encodingText));
        return false;
    }
    if (parser.isSet(names.encoding))
        options.encoding = *encoding;
    if (parser.isSet(names.client))
        options.client = parser.value(names.client);
    options.useLegacyEndpoint = options.useLegacyEndpoint || parser.isSet(names.legacy);
    const QString method = parser.value(names.method).toLower();
    if (method != "post"_L1 && method != "get"_L1) {
        printError(u"--method: '%1' is not a method the store endpoint takes for an event; use post or get"_s
                       .arg(parser.value(names.method)));
        return false;
    }
    if (parser.isSet(names.method))
        options.method = method == "get"_L1 ? Sentry::RequestMethod::Get : Sentry::RequestMethod::Post;
    options.origin = parser.value(names.origin);
    options.referer = parser.value(names.referer);
    if (parser.isSet(names.timestamp)) {
        const auto timestamp = parseTimestamp(parser.value(names.timestamp), u"--timestamp"_s);
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

bool isText(const QByteArray &bytes)
{
    if (bytes.contains('\0') || QString::fromUtf8(bytes).toUtf8() != bytes)
        return false;
    return std::none_of(bytes.cbegin(), bytes.cend(), [](char c) {
        return uchar(c) < 0x20 && c != '\r' && c != '\n' && c != '\t';
    });
}

// Raw bytes go to --output FILE or a pipe; binary never to a terminal, where it would garble it.
bool writeRaw(const QByteArray &bytes, const QString &outputPath)
{
    out().flush();
    QFile file;
    const bool opened = outputPath.isEmpty() ? file.open(stdout, QIODevice::WriteOnly)
                                             : (file.setFileName(outputPath), file.open(QIODevice::WriteOnly));
    if (!opened) {
        printError(u"--output: cannot write %1: %2"_s.arg(outputPath, file.errorString()));
        return false;
    }
    if (outputPath.isEmpty() && isatty(fileno(stdout)) && !isText(bytes)) {
        printError(u"the request's body is binary (%1 bytes), so it is not written to the terminal: "
                   "write it with --output FILE or into a pipe (| xxd), or see it as --curl or --json"_s
                       .arg(bytes.size()));
        return false;
    }
    return file.write(bytes) == bytes.size();
}

// The secret is masked by field (sentry_secret's value), never by replacing text; --curl always
// carries it, since it must reproduce the request.
bool print(const Sentry::StoreRequest &request, const QCommandLineParser &parser,
           const RequestOptions &names)
{
    const Sentry::StoreRequest shown = parser.isSet(names.showSecret) ? request
                                                                      : request.withMaskedSecret();
    if (parser.isSet(names.json)) {
        printJson(shown.toJson());
        return true;
    }
    if (parser.isSet(names.curl))
        return writeRaw(request.toCurl().toUtf8() + '\n', parser.value(names.output));
    return writeRaw(shown.toHttp(), parser.value(names.output));
}

// What the server would refuse, said before anything is sent: the request's own findings (auth,
// URL length) and the validator's size limit, the same check `validate` makes.
bool reportRefusals(const Sentry::StoreRequest &request)
{
    Sentry::Findings findings = request.findings();
    for (const Sentry::Finding &finding : Sentry::Validator::validate(request.eventJson()).findings) {
        if (finding.rule == "body.size.decompressed"_L1)
            findings.append(finding);
    }
    for (const Sentry::Finding &finding : std::as_const(findings))
        printError(Sentry::severityName(finding.severity) + u": "_s
                   + (finding.location.isEmpty() ? u"event"_s : finding.location) + u": "_s
                   + finding.message);
    return !Sentry::hasErrors(findings);
}

} // namespace

int runRequest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Build the v4 store request for an event and print it without sending: the raw HTTP\n"
        "request (default), JSON, or a curl command. The event is sent as given, byte for byte.\n"
        "The secret is masked (********) unless --show-secret, except in --curl, which must reproduce\n"
        "the request and so always carries it. Before printing, it says what the v4 server would\n"
        "refuse: a public-key-only DSN without --origin/--referer, a beacon URL past the limits of\n"
        "the time, an event over the 1 MB limit.\n"
        "Exit codes: 0 built, 1 invalid DSN or a request the server would refuse, 2 usage error.\n\n"
        "Examples:\n"
        "  sentry-harness-cli request --dsn http://public:secret@localhost:9000/2 event.json\n"
        "  sentry-harness-cli request --dsn \"$SENTRY_DSN\" --encoding base64-zlib --curl event.json\n"
        "  sentry-harness-cli request --dsn http://public:secret@localhost:9000/2 --as raven-node-0.6 event.json\n"
        "  sentry-harness-cli request --dsn http://public@localhost:9000/3 --method get --origin http://shop.example event.json"_s);
    const RequestOptions names;
    parser.addOptions({names.dsn, names.as, names.encoding, names.method, names.client, names.timestamp,
                       names.legacy, names.origin, names.referer, names.json, names.curl,
                       names.output, names.showSecret});
    parser.addPositionalArgument(u"FILE"_s, u"The event JSON file, or - for standard input."_s);
    Sentry::StoreRequestOptions options;
    if (!parseOrExplain(parser, arguments, 1) || !readOptions(parser, names, options))
        return ExitUsage;

    const QString source = parser.positionalArguments().constFirst();
    const std::optional<QByteArray> input = readInput(source);
    if (!input)
        return ExitUsage;

    const Sentry::EventInput event = Sentry::BodyCodec::readEvent(*input);
    if (event.isRefused()) {
        printError(event.refusal);
        return ExitInvalid;
    }
    if (event.form != Sentry::BodyForm::Json)
        printError(u"note: the input is a %1 body as sent; its JSON is the event"_s.arg(
            Sentry::formDescription(event.form)));
    const Sentry::Dsn dsn = Sentry::Dsn::parse(parser.value(names.dsn));
    QString error;
    const auto request = Sentry::StoreRequest::build(dsn, event.json, options, &error);
    if (!request) {
        // A bad header (--origin, --referer, a preset's) or --client is a usage error; a DSN (or a
        // key in it) the server cannot take is invalid input. The header's error names it.
        const bool headerFault = dsn.isValid() && !Sentry::StoreRequest::checkGivenHeaders(options);
        const bool clientFault = dsn.isValid() && !headerFault && error.contains(u"sentry_client"_s);
        printError((headerFault ? QString() : clientFault ? u"--client: "_s : u"--dsn: "_s) + error);
        return headerFault || clientFault ? ExitUsage : ExitInvalid;
    }
    warnIfNotAnObject(event.json, source == "-"_L1 ? u"standard input"_s : source);
    const bool acceptable = reportRefusals(*request);
    if (!print(*request, parser, names))
        return ExitUsage;
    return acceptable ? ExitOk : ExitInvalid;
}

} // namespace Cli
