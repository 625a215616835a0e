#include "aboutdialog.h"

#include "icons.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About %1").arg(QApplication::applicationDisplayName()));
    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::icon(u"sentry-harness"_s).pixmap(64, 64));
    logo->setAlignment(Qt::AlignTop);

    auto *text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setText(
        tr("<h2>Sentry Harness %1</h2>"
           "<p>A workbench for the Sentry client protocol v4: compose an event, see how a "
           "v4-era server would judge and store it, inspect the exact HTTP request, send "
           "it, and read the answer in plain words.</p>"
           "<p>The harness knows both the protocol document and what the server of that "
           "era actually did, and tells you where they disagree.</p>"
           "<p><small>Built with Qt %2 (running on Qt %3).</small></p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
    text->setMinimumWidth(380);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(logo);
    row->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace SentryUi
