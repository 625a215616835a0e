#pragma once

// Event › Send Repeatedly…: how many attempts, and an optional interval between them.

#include "sendseries.h"

#include <QDialog>

class QDoubleSpinBox;
class QSpinBox;

namespace SentryUi {

class SendRepeatedlyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendRepeatedlyDialog)

public:
    explicit SendRepeatedlyDialog(QWidget *parent = nullptr);

    Sentry::SendSeries::Options options() const;
    void setOptions(const Sentry::SendSeries::Options &options);

private:
    QSpinBox *m_count = nullptr;
    QDoubleSpinBox *m_interval = nullptr;
};

} // namespace SentryUi
