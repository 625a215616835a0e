#include "mainwindow.h"
#include "networkaccess.h"
#include "settings.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"SentryHarness"_s);
    QApplication::setApplicationName(u"Sentry Harness"_s);
    QApplication::setApplicationDisplayName(u"Sentry Harness"_s);
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setDesktopFileName(u"sentry-harness"_s);

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
    bool quitAfterOk = true;
    const int quitAfterMs = parser.isSet(quitAfter) ? parser.value(quitAfter).toInt(&quitAfterOk) : -1;
    if (!quitAfterOk || (parser.isSet(quitAfter) && quitAfterMs < 0)) {
        std::fprintf(stderr, "sentry-harness: --quit-after takes whole milliseconds, 0 or more (e.g. "
                             "--quit-after 1000), not '%s'\n", qPrintable(parser.value(quitAfter)));
        return 2;
    }

    SentryUi::Settings settings({}, !parser.isSet(noKeyring));
    settings.load();
    SentryUi::Theme::apply(settings.theme);
    QNetworkAccessManager network;
    Sentry::prepareNetworkAccess(&network);

    SentryUi::MainWindow window(&settings, &network);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    if (quitAfterMs >= 0)
        QTimer::singleShot(quitAfterMs, &window, &QWidget::close);
    return QApplication::exec();
}
