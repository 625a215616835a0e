// `inspect [--json] [--key PUBLIC[:SECRET]]… [--project ID[:SLUG]] [--origin ORIGIN]… [--profile …]
// FILE|-`: judges a raw HTTP request saved in a file exactly as the receiver would, offline.

#include "cliio.h"
#include "serveroptions.h"

#include "requestjudge.h"
#include "socketguard.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

struct SavedRequest
{
    Sentry::RequestHead head;
    QByteArray body;
    QString note; // how the file was read, when it needed explaining
};

// A request as a proxy, `nc -l` or a capture shows it; lines may end in CRLF or LF only.
std::optional<SavedRequest> parseSaved(const QByteArray &text, QString *error)
{
    qsizetype end = text.indexOf("\r\n\r\n");
    qsizetype separator = 4;
    if (end < 0 && (end = text.indexOf("\n\n")) >= 0)
        separator = 2;
    if (end < 0) {
        *error = u"no blank line after the headers: save the request as 'METHOD TARGET HTTP/1.1', "
                 "the headers, an empty line, then the body"_s;
        return std::nullopt;
    }
    const auto head = Sentry::RequestHead::parse(text.left(end + separator), error);
    if (!head) {
        *error = u"line 1 or a header line: "_s + *error;
        return std::nullopt;
    }
    SavedRequest saved{*head, text.mid(end + separator), {}};
    if (head->contentLength > 0 && saved.body.size() > head->contentLength) {
        saved.body.truncate(qsizetype(head->contentLength));
        saved.note = u"the body is longer than its Content-Length: judged the first %1 bytes"_s.arg(head->contentLength);
    } else if (head->contentLength > saved.body.size()) {
        saved.note = u"the body has %1 bytes, fewer than its Content-Length %2: the file may be cut short"_s
                         .arg(saved.body.size()).arg(head->contentLength);
    }
    return saved;
}

// Without --key, the key the request carries (and the project it names) is taken as configured,
// so the rest can be judged.
void trustRequestKey(Sentry::ReceiverConfig &config, const Sentry::ReceivedRequest &request)
{
    const Sentry::Decision probe = Sentry::RequestJudge::judge(request, config);
    QString key;
    QString secret;
    for (const auto &field : probe.authFields) {
        if (field.name == QStringView(Sentry::AuthField::Key))
            key = field.value;
        if (field.name == QStringView(Sentry::AuthField::Secret))
            secret = field.value;
    }
    if (!key.isEmpty())
        config.projects.first().keys.append({key, secret});
    if (probe.refusal == "project.unknown"_L1 && !probe.projectId.isEmpty())
        config.projects.first().id = probe.projectId;
    const Sentry::Decision legacy = Sentry::RequestJudge::judge(request, config);
    if (legacy.refusal == "body.legacy-project"_L1) // the body names the project: take it as the slug
        config.projects.first().slug = QJsonDocument::fromJson(legacy.eventJson).object().value("project"_L1).toString();
}

void printText(const Sentry::Decision &d, const QString &note, bool trusted)
{
    QTextStream &o = out();
    if (!note.isEmpty())
        o << "Note:      " << note << '\n';
    if (trusted)
        o << "Note:      no --key given: the request's own key (and project) was taken as configured\n";
    o << "Route:     " << Sentry::routeName(d.route) << (d.projectId.isEmpty() ? QString() : u" (project "_s + d.projectId + u')') << '\n';
    o << "Auth:      " << Sentry::authSourceName(d.authSource) << '\n';
    for (const auto &field : d.authFields)
        o << "           " << field.name << '=' << field.value << '\n';
    if (!d.origin.isEmpty())
        o << "Origin:    " << d.origin << '\n';
    if (!d.client.isEmpty())
        o << "Client:    " << d.client << '\n';
    o << "Encoding:  " << Sentry::formName(d.encoding) << '\n';
    if (!d.eventId().isEmpty())
        o << "Event id:  " << d.eventId() << '\n';
    o << "Verdict:   " << (d.isAccepted() ? u"accepted"_s : u"refused (%1, at %2)"_s.arg(d.refusal, d.refusedPart)) << '\n';
    printFindings(o, d.findings, FindingsLayout::SectionColumns);
    o << "\nThe answer:\n" << QString::fromUtf8(d.answer.toHttp()) << '\n';
    o.flush();
}

} // namespace

int runInspect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Judge a raw HTTP request saved in a file (as a proxy, `nc -l` or a packet capture shows it)\n"
        "exactly as `serve` would, offline: route, auth, encoding, event, findings and the answer.\n"
        "Exit codes: 0 accepted, 1 refused, 2 usage error or unreadable request.\n\n"
        "Examples:\n"
        "  sentry-harness-cli inspect request.http\n"
        "  sentry-harness-cli inspect --key public:secret --json - < request.http"_s);
    parser.addOption({u"json"_s, u"Print the decision as JSON."_s});
    addReceiverOptions(parser);
    parser.addPositionalArgument(u"FILE"_s, u"The saved request, or - for standard input."_s);
    if (!parseOrExplain(parser, arguments, 1))
        return ExitUsage;
    QString error;
    auto config = receiverConfigFrom(parser, false, &error);
    const auto text = config ? readInput(parser.positionalArguments().constFirst()) : std::nullopt;
    if (!config) {
        printError(error);
        return ExitUsage;
    }
    if (!text)
        return ExitUsage;
    const auto saved = parseSaved(*text, &error);
    if (!saved) {
        printError(u"%1: %2"_s.arg(parser.positionalArguments().constFirst(), error));
        return ExitUsage;
    }
    const Sentry::ReceivedRequest request{saved->head.method, saved->head.target, saved->head.headers,
                                          saved->body, u"file"_s};
    const bool trusted = !parser.isSet(u"key"_s);
    if (trusted)
        trustRequestKey(*config, request);
    const Sentry::Decision decision = Sentry::RequestJudge::judge(request, *config);
    if (parser.isSet(u"json"_s)) {
        QJsonObject json = decision.toJson();
        if (!saved->note.isEmpty())
            json.insert(u"note"_s, saved->note);
        json.insert(u"key_from_request"_s, trusted);
        printJson(json);
    } else {
        printText(decision, saved->note, trusted);
    }
    return decision.isAccepted() ? ExitOk : ExitInvalid;
}

} // namespace Cli
