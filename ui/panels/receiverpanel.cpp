#include "receiverpanel.h"

#include "clientsnippet.h"
#include "dsn.h"
#include "receivercontroller.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

bool askBeforeExposing(QWidget *parent, const QString &address)
{
    return QMessageBox::warning(
               parent, ReceiverPanel::tr("Listen beyond this machine?"),
               ReceiverPanel::tr("On %1 the receiver is reachable from other machines: anyone who can "
                                 "reach this address and knows a key can send events to it, and they "
                                 "are kept in your history. Listen there?").arg(address),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

QStringList nonEmptyLines(const QPlainTextEdit *edit)
{
    QStringList lines;
    for (const QString &line : edit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

QPlainTextEdit *smallTextEdit(int lines, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit;
    edit->setPlaceholderText(placeholder);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

} // namespace

ReceiverPanel::ReceiverPanel(ReceiverController *controller, bool *startAtLaunch, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_startAtLaunch(startAtLaunch)
    , m_confirmExposure(askBeforeExposing)
{
    m_error = new QLabel;
    m_error->setObjectName(u"receiverError"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createListenBox());
    layout->addWidget(m_error);
    layout->addWidget(createDsnBox());
    layout->addWidget(createConfigBox());
    layout->addStretch(1);
    connect(m_controller, &ReceiverController::stateChanged, this, [this] {
        showState();
        showSnippets();
    });
    showState();
    showConfig();
    showSnippets();
}

ReceiverPanel::~ReceiverPanel() = default;

QWidget *ReceiverPanel::createListenBox()
{
    m_status = new QLabel;
    m_status->setObjectName(u"receiverStatus"_s);
    m_status->setWordWrap(true);
    m_startStop = new QPushButton;
    connect(m_startStop, &QPushButton::clicked, this, &ReceiverPanel::toggleRunning);
    m_address = new QLineEdit;
    m_address->setToolTip(tr("127.0.0.1 or ::1: this machine only. 0.0.0.0 or a network address: "
                             "other machines too (you are asked first)."));
    m_port = new QSpinBox;
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free"));
    auto *move = new QPushButton(tr("Listen Here"));
    move->setToolTip(tr("Listen on this address and port instead; the Local receiver target follows"));
    connect(move, &QPushButton::clicked, this, [this] { moveTo(m_address->text(), m_port->value()); });
    m_atLaunch = new QCheckBox(tr("Start when Sentry Harness starts"));
    m_atLaunch->setChecked(*m_startAtLaunch);
    connect(m_atLaunch, &QCheckBox::toggled, this, [this](bool on) { *m_startAtLaunch = on; });

    auto *where = new QHBoxLayout;
    where->addWidget(m_address, 3);
    where->addWidget(new QLabel(tr("Port")));
    where->addWidget(m_port, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startStop);
    buttons->addWidget(move);
    buttons->addStretch(1);
    auto *box = new QGroupBox(tr("Local receiver"));
    auto *column = new QVBoxLayout(box);
    column->addWidget(m_status);
    column->addLayout(where);
    column->addLayout(buttons);
    column->addWidget(m_atLaunch);
    return box;
}

QWidget *ReceiverPanel::createDsnBox()
{
    m_dsn = new QLineEdit;
    m_dsn->setObjectName(u"receiverDsn"_s);
    m_dsn->setReadOnly(true);
    auto *copyDsn = new QPushButton(tr("Copy"));
    copyDsn->setToolTip(tr("Copy the DSN, to point any v4 client at this receiver"));
    connect(copyDsn, &QPushButton::clicked, this, &ReceiverPanel::copyDsn);
    m_snippetChoice = new QComboBox;
    m_snippetChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_snippetChoice->setMinimumContentsLength(12);
    m_snippet = smallTextEdit(4, tr("Start the receiver for its snippets"));
    m_snippet->setReadOnly(true);
    connect(m_snippetChoice, &QComboBox::currentIndexChanged, this, [this] {
        m_snippet->setPlainText(m_snippetChoice->currentData().toString());
    });
    auto *copySnippet = new QPushButton(tr("Copy"));
    connect(copySnippet, &QPushButton::clicked, this, &ReceiverPanel::copySnippet);

    auto *dsnRow = new QHBoxLayout;
    dsnRow->addWidget(m_dsn, 1);
    dsnRow->addWidget(copyDsn);
    auto *snippetRow = new QHBoxLayout;
    snippetRow->addWidget(m_snippetChoice, 1);
    snippetRow->addWidget(copySnippet);
    auto *box = new QGroupBox(tr("DSN for your clients"));
    auto *column = new QVBoxLayout(box);
    column->addLayout(dsnRow);
    column->addLayout(snippetRow);
    column->addWidget(m_snippet);
    return box;
}

QWidget *ReceiverPanel::createConfigBox()
{
    m_project = new QLineEdit;
    m_project->setPlaceholderText(u"1 or 1:web"_s);
    m_project->setToolTip(tr("The project ID the receiver accepts, with an optional slug: ID[:SLUG]"));
    m_keys = smallTextEdit(3, u"PUBLIC:SECRET"_s);
    m_keys->setToolTip(tr("One key per line, PUBLIC:SECRET (or PUBLIC alone for a browser-only key); "
                          "the first is in the DSN"));
    m_origins = smallTextEdit(2, u"*"_s);
    m_origins->setToolTip(tr("One Origin per line a browser client may send from, e.g. "
                             "https://app.example; * (or nothing) allows any"));
    auto *apply = new QPushButton(tr("Apply"));
    connect(apply, &QPushButton::clicked, this, &ReceiverPanel::applyConfig);
    auto *box = new QGroupBox(tr("What it accepts"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("Project"), m_project);
    form->addRow(tr("Keys"), m_keys);
    form->addRow(tr("Origins"), m_origins);
    form->addRow(QString(), apply);
    return box;
}

void ReceiverPanel::toggleRunning()
{
    if (m_controller->state() == ReceiverController::State::Listening)
        m_controller->stop();
    else
        moveTo(m_address->text(), m_port->value());
}

bool ReceiverPanel::moveTo(const QString &address, int port)
{
    const auto host = Sentry::ListenAddress::hostFromText(address);
    if (!host) {
        showError(tr("The address must be an IP address such as 127.0.0.1 or ::1, not '%1'.").arg(address));
        return false;
    }
    const Sentry::ListenAddress listen{*host, quint16(port)};
    if (listen.isExposed() && !m_confirmExposure(this, host->toString())) {
        showError(tr("Not moved: %1 would let other machines send to the receiver.").arg(host->toString()));
        return false;
    }
    if (!m_controller->listenOn(listen)) {
        showError(m_controller->errorString());
        return false;
    }
    showError({});
    return true;
}

bool ReceiverPanel::applyConfig()
{
    QString error;
    auto project = Sentry::ReceiverProject::fromText(m_project->text().trimmed(), &error);
    if (!project) {
        showError(tr("Project %1.").arg(error));
        return false;
    }
    for (const QString &line : nonEmptyLines(m_keys)) {
        const auto key = Sentry::ProjectKey::fromText(line, &error);
        if (!key) {
            showError(tr("Keys: the line %1.").arg(error));
            return false;
        }
        project->keys.append(*key);
    }
    if (project->keys.isEmpty()) {
        showError(tr("Keys: give at least one key, PUBLIC:SECRET on a line (the first is in the DSN)."));
        return false;
    }
    const QStringList origins = nonEmptyLines(m_origins);
    project->origins = origins.isEmpty() ? QStringList{u"*"_s} : origins;
    Sentry::ReceiverConfig config = m_controller->config();
    config.projects = {*project};
    m_controller->setConfig(config);
    showError({});
    showConfig();
    return true;
}

void ReceiverPanel::showState()
{
    const bool listening = m_controller->state() == ReceiverController::State::Listening;
    m_status->setText(m_controller->statusText());
    m_startStop->setText(listening ? tr("Stop") : tr("Start"));
    const Sentry::ListenAddress listen = m_controller->listenAddress();
    m_address->setText(listen.address.toString());
    m_port->setValue(listen.port);
    m_dsn->setText(m_controller->dsn());
    m_dsn->setCursorPosition(0); // the scheme and key first, as a DSN is read
    m_dsn->setPlaceholderText(tr("Not listening"));
}

void ReceiverPanel::showConfig()
{
    const Sentry::ReceiverConfig config = m_controller->config();
    if (config.projects.isEmpty())
        return;
    const Sentry::ReceiverProject &project = config.projects.constFirst();
    m_project->setText(project.toText());
    QStringList keys;
    for (const Sentry::ProjectKey &key : project.keys)
        keys.append(key.toText());
    m_keys->setPlainText(keys.join(u'\n'));
    m_origins->setPlainText(project.origins.join(u'\n'));
}

void ReceiverPanel::showSnippets()
{
    const QString current = m_snippetChoice->currentText();
    const QSignalBlocker blocker(m_snippetChoice);
    m_snippetChoice->clear();
    const auto snippets = Sentry::ClientSnippet::forDsn(Sentry::Dsn::parse(m_controller->dsn()),
                                                        QDateTime::currentSecsSinceEpoch());
    for (const Sentry::ClientSnippet &snippet : snippets)
        m_snippetChoice->addItem(snippet.title, snippet.text);
    m_snippetChoice->setCurrentIndex(qMax(0, m_snippetChoice->findText(current)));
    m_snippet->setPlainText(m_snippetChoice->currentData().toString());
}

void ReceiverPanel::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void ReceiverPanel::copyDsn() const
{
    QGuiApplication::clipboard()->setText(m_dsn->text());
}

void ReceiverPanel::copySnippet() const
{
    QGuiApplication::clipboard()->setText(m_snippet->toPlainText());
}

QString ReceiverPanel::dsnText() const
{
    return m_dsn->text();
}

QString ReceiverPanel::snippetText() const
{
    return m_snippet->toPlainText();
}

QString ReceiverPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace SentryUi
