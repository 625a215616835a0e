#include "mainwindow.h"

namespace SentryUi {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Sentry Harness"));
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

} // namespace SentryUi
