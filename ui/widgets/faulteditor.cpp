#include "faulteditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

template<typename Box> Box *spin(int min, int max, const QString &suffix, QWidget *parent)
{
    auto *box = new Box(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    return box;
}

QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *holder = new QWidget(parent);
    auto *layout = new QHBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    return holder;
}

} // namespace

FaultEditor::FaultEditor(QWidget *parent) : QWidget(parent)
{
    buildForm();
    setFault(*Sentry::Fault::parse(u"500"_s));
}

void FaultEditor::buildForm()
{
    m_action = new QComboBox(this);
    for (int status : Sentry::Fault::statuses())
        m_action->addItem(tr("Answer %1").arg(status), status);
    m_action->addItem(tr("Delay only"), DelayChoice);
    m_action->addItem(tr("Drop"), DropChoice);
    m_action->addItem(tr("Never answer"), HangChoice);
    m_action->setToolTip(tr("A status answer, a late answer (Delay), a closed connection (Drop), or none"));
    m_sentryError = new QCheckBox(tr("X-Sentry-Error"), this);
    m_sentryError->setToolTip(tr("Untick for a 500 without X-Sentry-Error, as a proxy answers"));
    m_retryAfter = spin<QSpinBox>(-1, 86400, tr(" s"), this);
    m_retryAfter->setSpecialValueText(tr("none"));
    m_delay = spin<QSpinBox>(0, 600000, tr(" ms"), this);
    m_delay->setSingleStep(500);
    m_trigger = new QComboBox(this);
    m_trigger->addItems({tr("Always"), tr("Once"), tr("1 in N requests"), tr("With probability")});
    m_every = spin<QSpinBox>(1, 1000000, {}, this);
    m_every->setPrefix(tr("N = "));
    m_probability = spin<QDoubleSpinBox>(0, 1, {}, this);
    m_probability->setSingleStep(0.1);
    m_project = new QLineEdit(this);
    m_project->setPlaceholderText(tr("any project"));
    m_client = new QLineEdit(this);
    m_client->setPlaceholderText(tr("any client (name prefix)"));
    m_spec = new QLabel(this);
    m_spec->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_spec->setWordWrap(true);
    m_spec->setMinimumWidth(1); // a long error wraps instead of widening the tab

    layoutForm();
    connectForm();
}

// Four rows, so the Faults tab fits the result area of a 1366x768 laptop.
void FaultEditor::layoutForm()
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const auto addLabel = [this, grid](const QString &text, QWidget *buddy, int row, int column) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        grid->addWidget(label, row, column);
    };
    addLabel(tr("&Answer:"), m_action, 0, 0);
    grid->addWidget(row(this, {m_action, m_sentryError}), 0, 1);
    addLabel(tr("&Retry-After:"), m_retryAfter, 0, 2);
    grid->addWidget(m_retryAfter, 0, 3);
    addLabel(tr("&When:"), m_trigger, 1, 0);
    grid->addWidget(row(this, {m_trigger, m_every, m_probability}), 1, 1);
    addLabel(tr("&Delay:"), m_delay, 1, 2);
    grid->addWidget(m_delay, 1, 3);
    addLabel(tr("&Only for:"), m_project, 2, 0);
    grid->addWidget(row(this, {m_project, m_client}), 2, 1, 1, 3);
    grid->addWidget(m_spec, 3, 0, 1, 4);
    grid->setColumnStretch(1, 1);
}

void FaultEditor::connectForm()
{
    const auto update = [this] { updateState(); };
    connect(m_action, &QComboBox::currentIndexChanged, this, update);
    connect(m_trigger, &QComboBox::currentIndexChanged, this, update);
    connect(m_sentryError, &QCheckBox::toggled, this, update);
    for (QSpinBox *box : {m_retryAfter, m_delay, m_every})
        connect(box, &QSpinBox::valueChanged, this, update);
    connect(m_probability, &QDoubleSpinBox::valueChanged, this, update);
    connect(m_project, &QLineEdit::textChanged, this, update);
    connect(m_client, &QLineEdit::textChanged, this, update);
}

void FaultEditor::setFault(const Sentry::Fault &fault)
{
    using Action = Sentry::Fault::Action;
    const int choice = fault.action == Action::Status ? fault.status
        : fault.action == Action::Delay              ? int(DelayChoice)
        : fault.action == Action::Drop               ? int(DropChoice)
                                                     : int(HangChoice);
    const QSignalBlocker blocker(this);
    m_action->setCurrentIndex(m_action->findData(choice));
    m_sentryError->setChecked(fault.sentryError);
    m_retryAfter->setValue(fault.retryAfterSeconds);
    m_delay->setValue(fault.delayMs);
    m_trigger->setCurrentIndex(int(fault.trigger));
    m_every->setValue(fault.every);
    m_probability->setValue(fault.probability);
    m_project->setText(fault.project);
    m_client->setText(fault.client);
    updateState();
}

Sentry::Fault FaultEditor::formFault() const
{
    using Action = Sentry::Fault::Action;
    Sentry::Fault fault;
    const int choice = m_action->currentData().toInt();
    fault.action = choice > 0 ? Action::Status
        : choice == DelayChoice ? Action::Delay
        : choice == DropChoice  ? Action::Drop
                                : Action::Hang;
    fault.status = std::max(choice, 0);
    fault.sentryError = m_sentryError->isChecked();
    fault.retryAfterSeconds = m_retryAfter->value();
    fault.delayMs = m_delay->value();
    fault.trigger = Sentry::Fault::Trigger(m_trigger->currentIndex());
    fault.every = m_every->value();
    fault.probability = m_probability->value();
    fault.project = m_project->text().trimmed();
    fault.client = m_client->text().trimmed();
    return fault;
}

QString FaultEditor::specText() const
{
    return formFault().toSpec();
}

std::optional<Sentry::Fault> FaultEditor::fault(QString *error) const
{
    return Sentry::Fault::parse(specText(), error);
}

void FaultEditor::updateState()
{
    const bool status = m_action->currentData().toInt() > 0;
    m_sentryError->setEnabled(status);
    m_retryAfter->setEnabled(status);
    m_delay->setEnabled(m_action->currentData().toInt() != DropChoice
                        && m_action->currentData().toInt() != HangChoice);
    m_every->setVisible(m_trigger->currentIndex() == int(Sentry::Fault::Trigger::EveryNth));
    m_probability->setVisible(m_trigger->currentIndex() == int(Sentry::Fault::Trigger::Probability));
    QString error;
    const bool ok = fault(&error).has_value();
    m_spec->setText(ok ? u"--fault "_s + specText() : error);
    Q_EMIT changed();
}

} // namespace SentryUi
