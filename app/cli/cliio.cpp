#include "cliio.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
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

void printFindings(QTextStream &stream, const Sentry::Findings &findings, FindingsLayout layout)
{
    const bool section = layout == FindingsLayout::Section || layout == FindingsLayout::SectionColumns;
    if (section && !findings.isEmpty())
        stream << "\nFindings:\n";
    for (const Sentry::Finding &finding : findings) {
        const QString &where = finding.location;
        switch (layout) {
        case FindingsLayout::Section:
            stream << "  " << Sentry::severityName(finding.severity).leftJustified(8) << where << ": "
                   << finding.message << '\n';
            break;
        case FindingsLayout::SectionColumns:
            stream << "  " << Sentry::severityName(finding.severity).leftJustified(8)
                   << (where.isEmpty() ? u"/"_s : where) << "  " << finding.message << '\n';
            break;
        case FindingsLayout::Columns:
            stream << Sentry::severityName(finding.severity) << "  " << (where.isEmpty() ? u"(document)"_s : where)
                   << "  " << finding.message << '\n';
            break;
        case FindingsLayout::ErrorLines:
            if (finding.severity == Sentry::Severity::Error)
                stream << "  " << (where.isEmpty() ? u"/"_s : where) << ": " << finding.message << '\n';
            break;
        }
    }
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
