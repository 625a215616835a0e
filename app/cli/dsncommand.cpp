// `dsn [--json] [--show-secret] DSN`: break a DSN down and say what is wrong with it.

#include "cliio.h"

#include "dsn.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

QJsonObject dsnJson(const Sentry::Dsn &dsn)
{
    QJsonObject options;
    for (const auto &[name, value] : dsn.options())
        options.insert(name, value);
    return {
        {u"valid"_s, dsn.isValid()},
        {u"scheme"_s, dsn.scheme()},
        {u"transport"_s, dsn.transport()},
        {u"public_key"_s, dsn.publicKey()},
        {u"secret_key"_s, dsn.secretKey()}, // the real, unescaped value (when --show-secret)
        {u"host"_s, dsn.host()},
        {u"port"_s, dsn.port() > 0 ? QJsonValue(dsn.port()) : QJsonValue()},
        {u"path"_s, dsn.path()},
        {u"project_id"_s, dsn.projectId()},
        {u"store_url"_s, dsn.storeUrl().toString()},
        {u"legacy_store_url"_s, dsn.legacyStoreUrl().toString()},
        {u"options"_s, options},
        {u"findings"_s, Sentry::toJson(dsn.findings(), u"part"_s)},
    };
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? u"(none)"_s : text;
}

QString verdict(const Sentry::Dsn &dsn)
{
    if (dsn.isEmpty())
        return u"no (empty: the client is disabled)"_s;
    const int errors = Sentry::countSeverity(dsn.findings(), Sentry::Severity::Error);
    const int warnings = Sentry::countSeverity(dsn.findings(), Sentry::Severity::Warning);
    return errors > 0 ? u"no (%1 error(s), %2 warning(s))"_s.arg(errors).arg(warnings)
                      : u"yes (%1 warning(s))"_s.arg(warnings);
}

QString portText(const Sentry::Dsn &dsn)
{
    if (dsn.port() <= 0)
        return u"(none)"_s;
    return QString::number(dsn.port()) + (dsn.hasExplicitPort() ? QString() : u" (default)"_s);
}

QString optionsText(const Sentry::Dsn &dsn)
{
    QStringList pairs;
    for (const auto &[name, value] : dsn.options())
        pairs.append(name + u'=' + value);
    return pairs.isEmpty() ? u"(none)"_s : pairs.join(u", "_s);
}

void printBreakdown(const Sentry::Dsn &dsn, bool showSecret, const SecretMask &mask)
{
    const auto display = showSecret ? Sentry::Dsn::SecretDisplay::Shown : Sentry::Dsn::SecretDisplay::Masked;
    const QString secret = !dsn.hasSecret() ? u"(none)"_s : showSecret ? dsn.secretKey() : QString::fromUtf16(MaskedSecret);
    const QList<QPair<QString, QString>> rows = {
        {u"DSN"_s, orNone(dsn.toString(display))},
        {u"Valid"_s, verdict(dsn)},
        {u"Scheme"_s, orNone(dsn.scheme())},
        {u"Transport"_s, orNone(dsn.transport())},
        {u"Public key"_s, orNone(dsn.publicKey())},
        {u"Secret key"_s, secret},
        {u"Host"_s, orNone(dsn.host())},
        {u"Port"_s, portText(dsn)},
        {u"Path"_s, orNone(dsn.path())},
        {u"Project ID"_s, orNone(dsn.projectId())},
        {u"Store URL"_s, orNone(dsn.storeUrl().toString())},
        {u"Legacy store URL"_s, orNone(dsn.legacyStoreUrl().toString())},
        {u"Options"_s, optionsText(dsn)},
    };
    for (const auto &[label, value] : rows)
        out() << QString(label + u':').leftJustified(18) << value << '\n';
    printFindings(out(), dsn.findings(), FindingsLayout::Section, &mask);
    out().flush();
}

} // namespace

int runDsn(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Break a DSN down into its parts and check it against the v4 protocol.\n"
        "Exit codes: 0 valid (warnings allowed), 1 invalid or empty, 2 usage error.\n\n"
        "Examples:\n"
        "  sentry-harness-cli dsn 'https://public:secret@sentry.example.com:9000/sentry/42'\n"
        "  sentry-harness-cli dsn --json \"$SENTRY_DSN\""_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object (the secret masked unless --show-secret)."_s);
    const QCommandLineOption showSecret(u"show-secret"_s, u"Show the secret key instead of ********."_s);
    parser.addOptions({json, showSecret});
    parser.addPositionalArgument(u"DSN"_s, u"The DSN, e.g. https://PUBLIC:SECRET@sentry.example.com/1"_s);
    if (!parseOrExplain(parser, arguments, 1))
        return ExitUsage;

    const Sentry::Dsn dsn = Sentry::Dsn::parse(parser.positionalArguments().constFirst());
    SecretMask mask(parser.isSet(showSecret));
    mask.addSecret(dsn.secretKey());
    if (parser.isSet(json)) {
        printJson(mask.apply(dsnJson(dsn)));
    } else {
        printBreakdown(dsn, parser.isSet(showSecret), mask);
    }
    return dsn.isValid() ? ExitOk : ExitInvalid;
}

} // namespace Cli
