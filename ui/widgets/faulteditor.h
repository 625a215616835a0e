#pragma once

// A form for one receiver fault: what to answer (a status with or without X-Sentry-Error and
// Retry-After, a delay, a dropped connection, no answer), when (always, once, 1 in N, with a
// probability) and for whom (a project, a client). The form writes the fault's SPEC and the same
// parser as `serve --fault SPEC` checks it, so the GUI and the CLI accept exactly the same faults.

#include "faults.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace SentryUi {

class FaultEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultEditor)

public:
    explicit FaultEditor(QWidget *parent = nullptr);

    void setFault(const Sentry::Fault &fault);
    // The fault as the parser reads the form's SPEC; nullopt and *error when it refuses it.
    std::optional<Sentry::Fault> fault(QString *error = nullptr) const;
    QString specText() const; // what the form says, as a --fault SPEC

    // The form's controls, for tests.
    QComboBox *actionBox() const { return m_action; }
    QCheckBox *sentryErrorBox() const { return m_sentryError; }
    QSpinBox *retryAfterBox() const { return m_retryAfter; }
    QSpinBox *delayBox() const { return m_delay; }
    QComboBox *triggerBox() const { return m_trigger; }
    QSpinBox *everyBox() const { return m_every; }
    QDoubleSpinBox *probabilityBox() const { return m_probability; }
    QLineEdit *projectEdit() const { return m_project; }
    QLineEdit *clientEdit() const { return m_client; }

Q_SIGNALS:
    void changed();

private:
    enum ActionChoice { DelayChoice = -1, DropChoice = -2, HangChoice = -3 };

    void buildForm();
    void layoutForm();
    void connectForm();
    Sentry::Fault formFault() const;
    void updateState();

    QComboBox *m_action = nullptr;
    QCheckBox *m_sentryError = nullptr;
    QSpinBox *m_retryAfter = nullptr;
    QSpinBox *m_delay = nullptr;
    QComboBox *m_trigger = nullptr;
    QSpinBox *m_every = nullptr;
    QDoubleSpinBox *m_probability = nullptr;
    QLineEdit *m_project = nullptr;
    QLineEdit *m_client = nullptr;
    QLabel *m_spec = nullptr;
};

} // namespace SentryUi
