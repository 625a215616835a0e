#include "sendrepeatedlydialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace SentryUi {

SendRepeatedlyDialog::SendRepeatedlyDialog(QWidget *parent)
    : QDialog(parent), m_count(new QSpinBox(this)), m_interval(new QDoubleSpinBox(this))
{
    setWindowTitle(tr("Send Repeatedly"));
    m_count->setRange(1, 1000);
    m_count->setValue(5);
    m_count->setSuffix(tr(" attempts"));
    m_interval->setRange(0, 3600);
    m_interval->setDecimals(1);
    m_interval->setSuffix(tr(" s"));
    m_interval->setSpecialValueText(tr("none: as soon as the backoff allows"));
    auto *note = new QLabel(tr("Each attempt waits out the protocol's backoff first, as a client "
                               "would: min(n, 6)² seconds after n failures in a row, or the "
                               "server's Retry-After. A refusal for good (400, 401, 403, 413) ends "
                               "the series."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Count:"), m_count);
    form->addRow(tr("&Interval:"), m_interval);
    form->addRow(note);
    form->addRow(buttons);
}

Sentry::SendSeries::Options SendRepeatedlyDialog::options() const
{
    return {m_count->value(), int(m_interval->value() * 1000)};
}

void SendRepeatedlyDialog::setOptions(const Sentry::SendSeries::Options &options)
{
    m_count->setValue(options.count);
    m_interval->setValue(options.intervalMs / 1000.0);
}

} // namespace SentryUi
