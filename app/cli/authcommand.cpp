// `auth [--json] [--browser] HEADER|-`: judge a pasted X-Sentry-Auth value as the v4 server would.

#include "cliio.h"

#include "authheader.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

QJsonObject authJson(const Sentry::AuthHeader &header)
{
    QJsonObject fields; // name → value; the last occurrence wins, as on the server
    for (const Sentry::AuthHeader::Field &field : header.fields())
        fields.insert(field.name, field.value);
    return {
        {u"valid"_s, header.isValid()},
        {u"fields"_s, fields},
        {u"findings"_s, Sentry::toJson(header.findings(), u"part"_s)},
    };
}

void printReport(const Sentry::AuthHeader &header, const SecretMask &mask)
{
    out() << header.summary() << '\n';
    if (!header.fields().isEmpty())
        out() << "\nFields, as the server split them:\n";
    for (const Sentry::AuthHeader::Field &field : header.fields())
        out() << "  " << QString(u'\'' + field.name + u"':"_s).leftJustified(20) << '\''
              << mask.apply(field.value) << "'\n";
    printFindings(out(), header.findings(), FindingsLayout::Section, &mask);
    out().flush();
}

} // namespace

int runAuth(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Parse a pasted X-Sentry-Auth value (or the 'Sentry …' value of an Authorization header) and\n"
        "judge it exactly as the v4 server's parser would.\n"
        "Exit codes: 0 the server would accept it, 1 it would not, 2 usage error.\n\n"
        "Examples:\n"
        "  sentry-harness-cli auth 'Sentry sentry_version=4, sentry_key=public, sentry_secret=secret'\n"
        "  sentry-harness-cli auth --browser --json - < header.txt"_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object: valid, fields, findings."_s);
    const QCommandLineOption browser(u"browser"_s,
                                     u"Judge it as sent by a browser client (no secret expected)."_s);
    const QCommandLineOption showSecret(u"show-secret"_s,
                                        u"Show sentry_secret's value instead of ******** (also in findings)."_s);
    parser.addOptions({json, browser, showSecret});
    parser.addPositionalArgument(u"HEADER"_s, u"The header value, or - to read it from standard input."_s);
    if (!parseOrExplain(parser, arguments, 1))
        return ExitUsage;

    QString text = parser.positionalArguments().constFirst();
    if (text == "-"_L1) {
        const std::optional<QByteArray> input = readInput(text);
        if (!input)
            return ExitUsage;
        text = QString::fromUtf8(*input);
    }
    const auto kind = parser.isSet(browser) ? Sentry::ClientKind::Browser : Sentry::ClientKind::Server;
    const Sentry::AuthHeader header = Sentry::AuthHeader::parse(text, kind);
    SecretMask mask(parser.isSet(showSecret));
    for (const Sentry::AuthHeader::Field &field : header.fields()) {
        if (field.name.trimmed() == QStringView(Sentry::AuthField::Secret))
            mask.addSecret(field.value.trimmed());
    }
    if (parser.isSet(json))
        printJson(mask.apply(authJson(header)));
    else
        printReport(header, mask);
    return header.isValid() ? ExitOk : ExitInvalid;
}

} // namespace Cli
