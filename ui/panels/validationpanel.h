#pragma once

// Validation: the findings for the current event under a profile (v4 or Relay), and the event the
// server would store shown as a diff against the input. Validation runs on a worker thread ~250 ms
// after the last edit; results for text that has since changed are dropped.

#include "linediff.h"
#include "validator.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTimer;
class QTreeView;
template<typename T>
class QFutureWatcher;

namespace SentryUi {

class EventDocument;
class FindingsFilter;
class FindingsModel;
class RulesModel;
class UnifiedDiffView;

class ValidationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidationPanel)

public:
    explicit ValidationPanel(EventDocument *document, QWidget *parent = nullptr);
    ~ValidationPanel() override;

    Sentry::Profile profile() const;
    void setProfile(Sentry::Profile profile);
    Sentry::ValidationResult result() const { return m_result; }
    FindingsModel *findingsModel() const { return m_model; }
    FindingsFilter *findingsFilter() const { return m_filter; }
    QTreeView *findingsView() const { return m_view; }
    RulesModel *rulesModel() const { return m_rules; }
    QString diffText() const; // the normalized-vs-input diff as shown

    void validateNow(); // starts a validation at once (normally debounced after edits)
    void activateFinding(const QModelIndex &proxyIndex);

    struct Outcome
    {
        Sentry::ValidationResult result;
        QList<Sentry::DiffLine> diff;
        quint64 generation = 0;
    };

Q_SIGNALS:
    void findingActivated(const QString &jsonPointer, int textOffset); // offset -1 if unknown
    void validated(const Sentry::ValidationResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildToolbar();
    QWidget *buildRulesTab();
    void showRules();
    void scheduleValidation();
    void workerFinished();
    void apply(const Outcome &outcome);
    void fitPathColumn();
    void showSummary(const Sentry::ValidationResult &result);
    void showDiff(const QList<Sentry::DiffLine> &diff);
    void showChanges(const QList<Sentry::Change> &changes);
    int offsetOf(const Sentry::Finding &finding) const;

    EventDocument *m_document = nullptr;
    FindingsModel *m_model = nullptr;
    FindingsFilter *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_severity = nullptr;
    QLabel *m_summary = nullptr;
    UnifiedDiffView *m_diff = nullptr;
    QPlainTextEdit *m_changes = nullptr;
    RulesModel *m_rules = nullptr;
    QPlainTextEdit *m_tables = nullptr;
    QTimer *m_debounce = nullptr;
    QFutureWatcher<Outcome> *m_watcher = nullptr;
    Sentry::ValidationResult m_result;
    quint64 m_generation = 0; // bumped on every edit; older outcomes are stale
    bool m_rerun = false; // an edit arrived while the worker ran
};

} // namespace SentryUi
