#pragma once

// What every CLI command shares: exit codes, reading FILE|-, and writing text, findings or JSON.

#include "finding.h"
#include "mask.h"
#include "storerequest.h"

#include <QByteArray>
#include <QByteArrayView>
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
// Bytes already in UTF-8 to standard output, after any text out() holds, without QTextStream's
// decode and re-encode (5 k instructions per `serve --json` line); flushOut() writes both out.
void writeOut(QByteArrayView bytes);
void flushOut();

// Reads a file, or standard input for "-". On failure prints why to stderr and returns nullopt.
std::optional<QByteArray> readInput(const QString &path);

void printJson(const QJsonObject &object);
void printError(const QString &message);

// What stands in for a secret in output: core's one mask.
inline constexpr const char16_t *MaskedSecret = Sentry::MaskText;

// Masks secrets in what a command prints, unless the user asked to see them (--show-secret).
// A value that is a secret is masked whole (an auth field, the DSN's secret_key); in text, a secret
// after "sentry_secret=" is masked, and one of at least MinMaskedInText characters wherever it
// stands as a word of its own (a finding quoting a pasted value, a server echoing the header).
// A shorter secret ("s" in a test DSN) would mask ordinary words: text keeps those.
class SecretMask
{
public:
    static constexpr qsizetype MinMaskedInText = 4;

    explicit SecretMask(bool show = false) : m_show(show) {}
    void addSecret(const QString &secret);
    bool isShowing() const { return m_show; }
    QString apply(const QString &text) const;
    QByteArray apply(const QByteArray &bytes) const; // any bytes: a raw request with its body
    QJsonObject apply(const QJsonObject &object) const; // keys and string values, recursively

private:
    static QString maskText(QString text, const QStringList &secrets);

    bool m_show = false;
    QStringList m_secrets;
};

// A number option's value: finite (no NaN, no infinities) and within [minimum, maximum];
// otherwise nullopt, and the caller says which option and what it accepts.
std::optional<double> finiteNumber(const QString &text, double minimum, double maximum);

// A --timestamp value: unix seconds >= 0 (nullopt after saying why). Milliseconds are taken, with a
// warning: raven-node 0.6 sent them, and the v4 server never read the value.
std::optional<qint64> parseTimestamp(const QString &text, const QString &option);

// --as: its help, naming every preset as "a, b or c" (the completion reads the values from it),
// and its value applied to `options` (which become the preset's). Empty, or what is wrong.
QString presetHelp();
QString applyPreset(const QString &id, Sentry::StoreRequestOptions &options);

// How a command lists findings, one per line.
enum class FindingsLayout {
    Section,    // after a blank line, "Findings:" then "  warning secret: …" (dsn, auth); none: nothing
    SectionColumns, // the same section, "  warning /request  …", "/" for the event (inspect)
    Columns,    // "error  /request  …", "(document)" for the event itself (validate)
    ErrorLines, // "  /request: …", the errors only (send, when it refuses an invalid event)
};
// Each message through `mask` when one is given (a finding may quote a pasted secret).
void printFindings(QTextStream &stream, const Sentry::Findings &findings, FindingsLayout layout,
                   const SecretMask *mask = nullptr);

// Parses arguments with --help handling; on a usage error prints it and returns false.
// `positional` is the number of positional arguments required (exactly).
bool parseOrExplain(QCommandLineParser &parser, const QStringList &arguments, int positional);

} // namespace Cli
