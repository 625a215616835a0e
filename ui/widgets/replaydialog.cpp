#include "replaydialog.h"

#include "dsn.h"
#include "icons.h"
#include "responsepanel.h"
#include "targetsmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
constexpr int OtherDsn = -1; // the target combo's "another DSN" item
}

ReplayDialog::ReplayDialog(const Sentry::Exchange &original, const TargetsModel *targets,
                           Sentry::HistoryWriter *history, QWidget *parent)
    : QDialog(parent)
    , m_original(original)
    , m_job(new Sentry::ReplayJob(history, this))
{
    setWindowTitle(tr("Replay Exchange #%1").arg(original.id));
    m_verdictTitle = new QLabel(tr("Not sent yet"));
    m_verdictTitle->setObjectName(u"replayVerdictTitle"_s);
    QFont bold = m_verdictTitle->font();
    bold.setBold(true);
    m_verdictTitle->setFont(bold);
    m_verdictDetail = new QLabel(tr("Choose where to send it and how, then Send. The replay is "
                                    "recorded in the history, linked to #%1.").arg(original.id));
    for (QLabel *label : {m_verdictTitle, m_verdictDetail}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_send = new QPushButton(Icons::icon(u"send"_s), tr("Send"));
    m_send->setDefault(true);
    m_cancel = new QPushButton(Icons::icon(u"cancel"_s), tr("Cancel"));
    m_compare = new QPushButton(tr("Compare with Original"));
    m_compare->setObjectName(u"compareReplayButton"_s);
    m_compare->setEnabled(false);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_compare, QDialogButtonBox::ActionRole);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildTarget(targets));
    layout->addWidget(buildMode());
    layout->addWidget(m_verdictTitle);
    layout->addWidget(m_verdictDetail);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_send, &QPushButton::clicked, this, &ReplayDialog::send);
    connect(m_cancel, &QPushButton::clicked, this, &ReplayDialog::reject);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (m_outcome)
            Q_EMIT compareRequested(m_original.id, m_outcome->replay.id);
    });
    connect(m_job, &Sentry::ReplayJob::finished, this, &ReplayDialog::showOutcome);
    updateControls();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

ReplayDialog::~ReplayDialog() = default;

QWidget *ReplayDialog::buildTarget(const TargetsModel *targets)
{
    auto *box = new QGroupBox(tr("Send to"));
    auto *form = new QFormLayout(box);
    m_target = new QComboBox;
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_target->setMinimumContentsLength(30);
    for (int row = 0; targets && row < targets->rowCount(); ++row) {
        const Target target = targets->workingTarget(row);
        const QString shown = Sentry::Dsn::parse(target.dsn).toString(Sentry::Dsn::SecretDisplay::Masked);
        m_target->addItem(u"%1 — %2"_s.arg(target.name, shown), row);
        m_target->setItemData(m_target->count() - 1, target.dsn, Qt::UserRole + 1);
    }
    m_target->addItem(tr("Another DSN (type it below)"), OtherDsn);
    m_dsn = new QLineEdit;
    m_dsn->setPlaceholderText(u"http://public:secret@127.0.0.1:9000/1"_s);
    m_dsn->setClearButtonEnabled(true);
    m_timeout = new QSpinBox;
    m_timeout->setRange(1, 600);
    m_timeout->setValue(10);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("The deadline for the whole exchange: connect, send, complete answer"));
    form->addRow(tr("Target"), m_target);
    form->addRow(tr("DSN"), m_dsn);
    form->addRow(tr("Timeout"), m_timeout);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ReplayDialog::updateControls);
    return box;
}

QWidget *ReplayDialog::buildMode()
{
    auto *box = new QGroupBox(tr("What to send"));
    auto *layout = new QVBoxLayout(box);
    m_exact = new QRadioButton(tr("Exact bytes as recorded: method, target, headers in order, body "
                                  "(only Host follows the DSN)"));
    m_rebuild = new QRadioButton(tr("Rebuilt for the DSN from the decoded event"));
    m_exact->setChecked(true);
    const bool decoded = !m_original.eventJson.isEmpty();
    m_rebuild->setEnabled(decoded);
    if (!decoded)
        m_rebuild->setToolTip(tr("The exchange has no decoded event to rebuild (it was refused "
                                 "before decoding): only its exact bytes can be sent"));
    m_encoding = new QComboBox;
    m_encoding->addItem(tr("Its original encoding (%1)").arg(m_original.encoding), QString());
    m_encoding->addItem(tr("JSON"), Sentry::encodingName(Sentry::BodyEncoding::Json));
    m_encoding->addItem(tr("base64(zlib(JSON))"), Sentry::encodingName(Sentry::BodyEncoding::Base64Zlib));
    m_freshId = new QCheckBox(tr("Fresh event_id"));
    m_freshTimestamp = new QCheckBox(tr("Fresh timestamp (now)"));
    auto *rebuilt = new QHBoxLayout;
    rebuilt->setContentsMargins(24, 0, 0, 0);
    rebuilt->addWidget(new QLabel(tr("Encoding")));
    rebuilt->addWidget(m_encoding, 1);
    rebuilt->addWidget(m_freshId);
    rebuilt->addWidget(m_freshTimestamp);
    layout->addWidget(m_exact);
    layout->addWidget(m_rebuild);
    layout->addLayout(rebuilt);
    connect(m_exact, &QRadioButton::toggled, this, &ReplayDialog::updateControls);
    return box;
}

void ReplayDialog::updateControls()
{
    const bool running = isRunning();
    const bool other = m_target->currentData().toInt() == OtherDsn;
    m_target->setEnabled(!running);
    m_dsn->setEnabled(!running && other);
    m_dsn->setToolTip(other ? QString() : tr("Choose \"Another DSN\" to type one"));
    for (QWidget *widget : {static_cast<QWidget *>(m_exact), static_cast<QWidget *>(m_timeout)})
        widget->setEnabled(!running);
    m_rebuild->setEnabled(!running && !m_original.eventJson.isEmpty());
    for (QWidget *widget : {static_cast<QWidget *>(m_encoding), static_cast<QWidget *>(m_freshId),
                            static_cast<QWidget *>(m_freshTimestamp)})
        widget->setEnabled(!running && m_rebuild->isChecked());
    m_send->setEnabled(!running);
    m_cancel->setText(running ? tr("Cancel Replay") : tr("Close"));
    m_compare->setEnabled(!running && m_outcome && m_outcome->replay.id > 0);
}

void ReplayDialog::selectTarget(int row)
{
    const int index = m_target->findData(row);
    if (index >= 0)
        m_target->setCurrentIndex(index);
}

void ReplayDialog::setDsnText(const QString &dsn)
{
    m_target->setCurrentIndex(m_target->findData(OtherDsn));
    m_dsn->setText(dsn);
}

QString ReplayDialog::dsnText() const
{
    return m_target->currentData().toInt() == OtherDsn ? m_dsn->text().trimmed()
                                                         : m_target->currentData(Qt::UserRole + 1).toString();
}

void ReplayDialog::setExact(bool exact)
{
    (exact ? m_exact : m_rebuild)->setChecked(true);
}

bool ReplayDialog::isExact() const
{
    return m_exact->isChecked();
}

void ReplayDialog::setEncoding(std::optional<Sentry::BodyEncoding> encoding)
{
    m_encoding->setCurrentIndex(encoding ? m_encoding->findData(Sentry::encodingName(*encoding)) : 0);
}

void ReplayDialog::setFreshEventId(bool fresh)
{
    m_freshId->setChecked(fresh);
}

void ReplayDialog::setFreshTimestamp(bool fresh)
{
    m_freshTimestamp->setChecked(fresh);
}

void ReplayDialog::setTimeoutSeconds(int seconds)
{
    m_timeout->setValue(seconds);
}

Sentry::ReplayOptions ReplayDialog::options() const
{
    Sentry::ReplayOptions options;
    options.exact = isExact();
    if (options.exact)
        return options;
    options.encoding = Sentry::encodingFromName(m_encoding->currentData().toString());
    options.freshEventId = m_freshId->isChecked();
    options.freshTimestamp = m_freshTimestamp->isChecked();
    return options;
}

bool ReplayDialog::send()
{
    const Sentry::Dsn dsn = Sentry::Dsn::parse(dsnText());
    if (dsnText().isEmpty()) {
        showMessage(tr("No DSN"), tr("Choose a target or type a DSN to send the replay to."));
        return false;
    }
    QString error;
    m_job->setTimeoutMs(m_timeout->value() * 1000);
    if (!m_job->start(m_original, dsn, options(), &error)) {
        showMessage(tr("Cannot replay"), error);
        return false;
    }
    m_outcome.reset();
    showMessage(tr("Replaying…"), m_job->request().url.toDisplayString());
    updateControls();
    return true;
}

void ReplayDialog::cancel()
{
    m_job->cancel();
}

bool ReplayDialog::isRunning() const
{
    return m_job->isRunning();
}

void ReplayDialog::reject()
{
    // An answered replay waiting for its row to be committed has gone out: closing does not undo
    // it (the writer commits the row all the same).
    if (isRunning() && !m_job->isRecording()) {
        cancel(); // the dialog stays to show that it was cancelled
        return;
    }
    QDialog::reject();
}

void ReplayDialog::showOutcome(const Sentry::ReplayOutcome &outcome)
{
    m_outcome = outcome;
    const Sentry::SendResult result = Sentry::SendResult::classify(outcome.response, QDateTime::currentDateTimeUtc());
    QString detail = result.explanation;
    if (outcome.replay.id > 0)
        detail += u"\n\n"_s + tr("Recorded as #%1, a replay of #%2.").arg(outcome.replay.id).arg(m_original.id);
    else if (!outcome.historyError.isEmpty())
        detail += u"\n\n"_s + tr("Sent but not recorded: %1").arg(outcome.historyError);
    showMessage(ResponsePanel::verdictTitle(result.verdict), detail);
    updateControls();
    Q_EMIT replayFinished(outcome);
}

void ReplayDialog::showMessage(const QString &title, const QString &detail)
{
    m_verdictTitle->setText(title);
    m_verdictDetail->setText(detail);
}

QString ReplayDialog::verdictText() const
{
    return m_verdictTitle->text() + u'\n' + m_verdictDetail->text();
}

} // namespace SentryUi
