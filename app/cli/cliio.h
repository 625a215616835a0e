#pragma once

// What every CLI command shares: exit codes, reading FILE|-, and writing text, findings or JSON.

#include "finding.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QCommandLineParser;
class QJsonDocument;
class QJsonObject;
class QTextStream;

namespace Cli {

enum ExitCode {
    ExitOk = 0,      // valid / accepted
    ExitInvalid = 1, // the input was judged invalid
    ExitUsage = 2,   // bad command line, unreadable file
    ExitFailure = 3, // network or server failure
};

struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList &arguments)> run; // arguments[0] is "<program> <command>"
};

QTextStream &out();
QTextStream &err();

// Reads a file, or standard input for "-". On failure prints why to stderr and returns nullopt.
std::optional<QByteArray> readInput(const QString &path);

void printJson(const QJsonObject &object);
void printError(const QString &message);

// How a command lists findings, one per line.
enum class FindingsLayout {
    Section,    // after a blank line, "Findings:" then "  warning secret: …" (dsn, auth); none: nothing
    SectionColumns, // the same section, "  warning /request  …", "/" for the event (inspect)
    Columns,    // "error  /request  …", "(document)" for the event itself (validate)
    ErrorLines, // "  /request: …", the errors only (send, when it refuses an invalid event)
};
void printFindings(QTextStream &stream, const Sentry::Findings &findings, FindingsLayout layout);

// Parses arguments with --help handling; on a usage error prints it and returns false.
// `positional` is the number of positional arguments required (exactly).
bool parseOrExplain(QCommandLineParser &parser, const QStringList &arguments, int positional);

} // namespace Cli
