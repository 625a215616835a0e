#include "history.h"
#include "mainwindow.h"
#include "networkaccess.h"
#include "settings.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Options
{
    bool keyring = true;
    int quitAfterMs = -1; // -1: run until the user quits
    QString file;
};

// --help and --version print and exit before any window exists, so they need no display (a
// headless machine, a package check): those alone get a QCoreApplication.
bool asksOnlyForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *info : {"-h", "-?", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], info) == 0)
                return true;
        }
    }
    return false;
}

// Parses the command line; exits for --help and --version; nullopt (after saying why) on a bad value.
std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Compose, validate and send Sentry protocol v4 events.\n\n"
                                     "Examples:\n"
                                     "  sentry-harness               start the workbench\n"
                                     "  sentry-harness event.json    open an event\n"
                                     "  sentry-harness --no-keyring  keep DSN secrets for this session only\n"
                                     "  QT_QPA_PLATFORM=offscreen sentry-harness --quit-after 1000\n"
                                     "                               check that it starts, with no display"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption noKeyring(
        u"no-keyring"_s,
        u"Keep DSN secrets for this session only; never ask the system keyring."_s);
    parser.addOption(noKeyring);
    // For smoke tests (scripts/check-deb-install.sh): the window closes as File > Quit closes it,
    // so a fresh start exits 0 and an unsaved event still asks first.
    const QCommandLineOption quitAfter(
        u"quit-after"_s,
        u"Close the window after <ms> milliseconds, as File > Quit would (for smoke tests)."_s,
        u"ms"_s);
    parser.addOption(quitAfter);
    parser.addPositionalArgument(u"file"_s, u"An event (.json) to open."_s, u"[file]"_s);
    parser.process(app);

    Options options{!parser.isSet(noKeyring), -1, parser.positionalArguments().value(0)};
    bool ok = true;
    if (parser.isSet(quitAfter))
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
    if (!ok || (parser.isSet(quitAfter) && options.quitAfterMs < 0)) {
        std::fprintf(stderr, "sentry-harness: --quit-after takes whole milliseconds, 0 or more (e.g. "
                             "--quit-after 1000), not '%s'\n", qPrintable(parser.value(quitAfter)));
        return std::nullopt;
    }
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = asksOnlyForHelpOrVersion(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(u"SentryHarness"_s);
    QCoreApplication::setApplicationName(u"Sentry Harness"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    const std::optional<Options> options = parseOptions(*app);
    if (!options)
        return 2;
    QApplication::setApplicationDisplayName(u"Sentry Harness"_s);
    QApplication::setDesktopFileName(u"sentry-harness"_s);

    SentryUi::Settings settings({}, options->keyring);
    settings.load();
    SentryUi::Theme::apply(settings.theme);
    QNetworkAccessManager network;
    Sentry::prepareNetworkAccess(&network);

    SentryUi::MainWindow window(&settings, &network, Sentry::History::defaultPath()); // the CLI's too
    window.show();
    if (!options->file.isEmpty())
        window.openFile(options->file);
    if (options->quitAfterMs >= 0)
        QTimer::singleShot(options->quitAfterMs, &window, &QWidget::close);
    return QApplication::exec();
}
