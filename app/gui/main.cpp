#include "mainwindow.h"
#include "networkaccess.h"
#include "settings.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>

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
                                     "  sentry-harness --no-keyring  keep DSN secrets for this session only"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption noKeyring(
        u"no-keyring"_s,
        u"Keep DSN secrets for this session only; never ask the system keyring."_s);
    parser.addOption(noKeyring);
    parser.addPositionalArgument(u"file"_s, u"An event (.json) to open."_s, u"[file]"_s);
    parser.process(app);

    SentryUi::Settings settings({}, !parser.isSet(noKeyring));
    settings.load();
    SentryUi::Theme::apply(settings.theme);
    QNetworkAccessManager network;
    Sentry::prepareNetworkAccess(&network);

    SentryUi::MainWindow window(&settings, &network);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
