#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SentryHarness"));
    QApplication::setApplicationName(QStringLiteral("Sentry Harness"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    SentryUi::MainWindow window;
    window.show();
    return QApplication::exec();
}
