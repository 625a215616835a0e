#pragma once

// Replay: sends a recorded exchange again to a saved target or a typed DSN, exactly as it was
// received or rebuilt (its encoding or another, a fresh event_id, a fresh timestamp), with a
// timeout and Cancel. Sending is Sentry::ReplayJob's (asynchronous: the window never blocks);
// the replay is recorded in the history linked to its original (through the receiver's
// HistoryWriter, off the window's thread), and the verdict is shown in the words of the Response
// panel.

#include "replayjob.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace Sentry {
class HistoryWriter;
}

namespace SentryUi {

class TargetsModel;

class ReplayDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayDialog)

public:
    // `targets` may be nullptr (a DSN is typed then); `history` may be nullptr (not recorded).
    ReplayDialog(const Sentry::Exchange &original, const TargetsModel *targets,
                 Sentry::HistoryWriter *history, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    // The choices, as the controls make them.
    void selectTarget(int row);
    void setDsnText(const QString &dsn); // selects "another DSN" and types it
    QString dsnText() const;             // the DSN that Send uses (with its secret)
    void setExact(bool exact);
    bool isExact() const;
    void setEncoding(std::optional<Sentry::BodyEncoding> encoding); // empty: the original's
    void setFreshEventId(bool fresh);
    void setFreshTimestamp(bool fresh);
    void setTimeoutSeconds(int seconds);
    Sentry::ReplayOptions options() const;

    bool send(); // false, with the reason shown, when the request cannot be built
    void cancel();
    bool isRunning() const;
    std::optional<Sentry::ReplayOutcome> outcome() const { return m_outcome; }
    QString verdictText() const;
    void reject() override; // Escape or Close: cancels a replay in flight first, then closes

Q_SIGNALS:
    void replayFinished(const Sentry::ReplayOutcome &outcome);
    void compareRequested(qint64 originalId, qint64 replayId);

private:
    QWidget *buildTarget(const TargetsModel *targets);
    QWidget *buildMode();
    void updateControls();
    void showOutcome(const Sentry::ReplayOutcome &outcome);
    void showMessage(const QString &title, const QString &detail);

    Sentry::Exchange m_original;
    Sentry::ReplayJob *m_job = nullptr;
    std::optional<Sentry::ReplayOutcome> m_outcome;
    QComboBox *m_target = nullptr;
    QLineEdit *m_dsn = nullptr;
    QRadioButton *m_exact = nullptr;
    QRadioButton *m_rebuild = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_freshId = nullptr;
    QCheckBox *m_freshTimestamp = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_verdictTitle = nullptr;
    QLabel *m_verdictDetail = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_compare = nullptr;
};

} // namespace SentryUi
