#include "cliio.h"

#include "clientpreset.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void writeOut(QByteArrayView bytes)
{
    out().flush(); // the stream's pending text first, so the order holds
    out().device()->write(bytes.data(), bytes.size());
}

void flushOut()
{
    out().flush();
    if (auto *file = qobject_cast<QFileDevice *>(out().device()))
        file->flush();
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<QByteArray> readInput(const QString &path)
{
    QFile file;
    const bool isStdin = path == "-"_L1;
    const bool opened = isStdin ? file.open(stdin, QIODevice::ReadOnly)
                                : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        printError(u"cannot read %1: %2"_s.arg(isStdin ? u"standard input"_s : path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

void printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    out().flush();
}

void printError(const QString &message)
{
    err() << "sentry-harness-cli: " << message << Qt::endl;
}

void printFindings(QTextStream &stream, const Sentry::Findings &findings, FindingsLayout layout,
                   const SecretMask *mask)
{
    const bool section = layout == FindingsLayout::Section || layout == FindingsLayout::SectionColumns;
    if (section && !findings.isEmpty())
        stream << "\nFindings:\n";
    for (const Sentry::Finding &finding : findings) {
        const QString &where = finding.location;
        const QString message = mask ? mask->apply(finding.message) : finding.message;
        switch (layout) {
        case FindingsLayout::Section:
            stream << "  " << Sentry::severityName(finding.severity).leftJustified(8) << where << ": "
                   << message << '\n';
            break;
        case FindingsLayout::SectionColumns:
            stream << "  " << Sentry::severityName(finding.severity).leftJustified(8)
                   << (where.isEmpty() ? u"/"_s : where) << "  " << message << '\n';
            break;
        case FindingsLayout::Columns:
            stream << Sentry::severityName(finding.severity) << "  " << (where.isEmpty() ? u"(document)"_s : where)
                   << "  " << message << '\n';
            break;
        case FindingsLayout::ErrorLines:
            if (finding.severity == Sentry::Severity::Error)
                stream << "  " << (where.isEmpty() ? u"/"_s : where) << ": " << message << '\n';
            break;
        }
    }
}

void SecretMask::addSecret(const QString &secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
    // The longest first, so a secret containing another is masked whole.
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString SecretMask::maskText(QString text, const QStringList &secrets)
{
    const QString masked = QString::fromUtf16(MaskedSecret);
    for (const QString &secret : secrets) {
        const QString escaped = QRegularExpression::escape(secret);
        const QString after = u"(?![A-Za-z0-9_])"_s;
        text.replace(QRegularExpression(u"(sentry_secret=)"_s + escaped + after), u"\\1"_s + masked);
        if (secret.size() >= MinMaskedInText)
            text.replace(QRegularExpression(u"(?<![A-Za-z0-9_])"_s + escaped + after), masked);
    }
    return text;
}

QString SecretMask::apply(const QString &text) const
{
    return m_show ? text : maskText(text, m_secrets);
}

QByteArray SecretMask::apply(const QByteArray &bytes) const
{
    if (m_show)
        return bytes;
    // Latin-1 maps each byte to one character and back, so bytes that are not UTF-8 survive.
    QStringList secrets;
    for (const QString &secret : m_secrets)
        secrets.append(QString::fromLatin1(secret.toUtf8()));
    return maskText(QString::fromLatin1(bytes), secrets).toLatin1();
}

static QJsonValue maskValue(const SecretMask &mask, const QStringList &secrets, const QJsonValue &value)
{
    if (value.isString())
        return secrets.contains(value.toString()) ? QString::fromUtf16(MaskedSecret) : mask.apply(value.toString());
    if (value.isObject())
        return mask.apply(value.toObject());
    if (!value.isArray())
        return value;
    QJsonArray array = value.toArray();
    for (auto it = array.begin(); it != array.end(); ++it)
        *it = maskValue(mask, secrets, *it);
    return array;
}

QJsonObject SecretMask::apply(const QJsonObject &object) const
{
    if (m_show)
        return object;
    QJsonObject masked;
    for (auto it = object.begin(); it != object.end(); ++it)
        masked.insert(apply(it.key()), maskValue(*this, m_secrets, it.value()));
    return masked;
}

std::optional<qint64> parseTimestamp(const QString &text, const QString &option)
{
    // Unix seconds past this (year 5138) are surely milliseconds, as raven-node 0.6 sent them.
    constexpr qint64 MillisecondsThreshold = 100'000'000'000;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0) {
        printError(u"%1: '%2' is not unix seconds; give a whole number >= 0, e.g. 1329096377"_s.arg(
            option, text));
        return std::nullopt;
    }
    if (value > MillisecondsThreshold)
        printError(u"warning: %1 %2 looks like milliseconds; the document asks for unix seconds, "
                   "though raven-node 0.6 sent milliseconds (the v4 server never read the value): "
                   "divide by 1000 unless you mean to reproduce raven-node"_s.arg(option).arg(value));
    return value;
}

QString presetHelp()
{
    QStringList ids = Sentry::ClientPreset::ids();
    const QString last = ids.takeLast();
    return u"Speak as a real v4 client: %1 or %2 (endpoint, method, encoding, sentry_client, auth field "
           "order and timestamp unit, headers in order, and the event's shape: interface names, "
           "timestamp and level forms, what the client always set; other options override the wire "
           "form)."_s.arg(ids.join(u", "_s), last);
}

QString applyPreset(const QString &id, Sentry::StoreRequestOptions &options)
{
    const std::optional<Sentry::ClientPreset> preset = Sentry::ClientPreset::find(id);
    if (!preset)
        return u"--as: '%1' is not a client preset; use one of %2"_s.arg(
            id, Sentry::ClientPreset::ids().join(u", "_s));
    options = preset->options;
    return {};
}

std::optional<double> finiteNumber(const QString &text, double minimum, double maximum)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    // NaN fails every comparison, so a range check alone lets it through.
    if (!ok || !std::isfinite(value) || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

// QCommandLineParser names the program from QCoreApplication::arguments(); a command's help should
// name the command line people type: "sentry-harness-cli request [options] FILE".
static QString commandHelp(const QCommandLineParser &parser, const QStringList &arguments)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().constFirst();
    const QString command = arguments.constFirst().section(u' ', -1);
    const qsizetype at = text.indexOf(program);
    if (at >= 0)
        text.replace(at, program.size(), u"sentry-harness-cli "_s + command);
    return text;
}

bool parseOrExplain(QCommandLineParser &parser, const QStringList &arguments, int positional)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printError(parser.errorText() + u"\n(see --help)"_s);
        return false;
    }
    if (parser.isSet(help)) {
        out() << commandHelp(parser, arguments);
        out().flush();
        std::exit(ExitOk);
    }
    if (parser.positionalArguments().size() != positional) {
        printError(u"expected %1 argument(s), got %2\n\n"_s.arg(positional)
                       .arg(parser.positionalArguments().size())
                   + commandHelp(parser, arguments));
        return false;
    }
    return true;
}

} // namespace Cli
