#pragma once

// The target: the saved targets (switchable with one click), the DSN being edited with a live
// breakdown of its parts, and the target's request settings. Edits are a draft of the selected
// target until saved (Save, or Revert to drop them); the list marks a modified target.

#include "dsn.h"
#include "dsnbreakdown.h"
#include "settings.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace SentryUi {

class TargetList;
class TargetSettingsEditor;
class TargetsModel;

class TargetPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetPanel)

public:
    using Part = DsnBreakdown::Part;
    static constexpr int PartCount = DsnBreakdown::PartCount;

    explicit TargetPanel(Settings *settings, QWidget *parent = nullptr);
    ~TargetPanel() override;

    Sentry::Dsn dsn() const { return m_dsn; }
    QString dsnText() const;
    void setDsnText(const QString &text); // edits the current target's draft, as typing would

    // The target as edited (its draft, or as saved): what Send and the preview use.
    Target currentTarget() const { return m_working; }
    void setEncoding(Sentry::BodyEncoding encoding); // edits the draft, as the editor would

    TargetsModel *model() const { return m_model; }
    TargetSettingsEditor *settingsEditor() const { return m_settingsEditor; }
    DsnBreakdown *breakdown() const { return m_breakdown; }
    int currentRow() const;
    void selectTarget(int row);
    int addTarget(const QString &name, const QString &dsn); // selects it, returns its row
    void removeCurrentTarget();
    bool isCurrentModified() const;
    void saveCurrentTarget(); // the draft becomes the saved target
    void revertCurrentTarget(); // the draft is dropped

    bool isSecretShown() const;
    void setSecretShown(bool shown);

    // What the breakdown shows for a part, and the findings it attaches there.
    QString partText(Part part) const;
    Sentry::Findings partFindings(Part part) const;
    Sentry::Findings otherFindings() const; // findings about no single part

    void saveTargets(); // writes targets and drafts to the settings now (also done after edits)
    // The saved DSN of a target changed elsewhere (a keyring answered, the embedded receiver
    // moved); shown at once when it is the current target without a draft.
    void setSavedDsn(const QString &targetId, const QString &dsn);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void dsnChanged(const Sentry::Dsn &dsn);
    void targetChanged(const SentryUi::Target &target); // any edit, or another target selected

private:
    QWidget *createDsnBox();
    QWidget *createSettingsBox();
    void connectSignals();
    void loadTargets();
    void dsnEdited(const QString &text);
    void edited();
    void showTarget(const Target &target);
    void showDsnText();
    void currentTargetChanged(int row);
    void draftSecretLoaded(const QString &id, const QString &dsn);
    void updateDraftState();
    void updateSecretStatus();

    Settings *m_settings = nullptr;
    TargetsModel *m_model = nullptr;
    TargetList *m_targetList = nullptr;
    QListView *m_list = nullptr; // the target list's view
    QLineEdit *m_dsnEdit = nullptr;
    DsnBreakdown *m_breakdown = nullptr;
    TargetSettingsEditor *m_settingsEditor = nullptr;
    QLabel *m_secretStatus = nullptr;
    QCheckBox *m_plainText = nullptr;
    QTimer *m_saveTimer = nullptr;
    Target m_working; // the current target as edited
    Sentry::Dsn m_dsn;
    bool m_updatingEdit = false; // showDsnText() is writing to the editor
};

} // namespace SentryUi
