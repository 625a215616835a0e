#pragma once

// The target: a DSN editor with a live breakdown of its parts, each finding shown next to the part
// at fault, and the saved targets, switchable with one click.

#include "dsn.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;
class QToolButton;

namespace SentryUi {

class Settings;
class TargetsModel;

class TargetPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetPanel)

public:
    // The breakdown rows, top to bottom.
    enum class Part { Scheme, Transport, PublicKey, Secret, Host, Port, Path, Project, StoreUrl };
    static constexpr int PartCount = 9;

    explicit TargetPanel(Settings *settings, QWidget *parent = nullptr);
    ~TargetPanel() override;

    Sentry::Dsn dsn() const { return m_dsn; }
    QString dsnText() const;
    void setDsnText(const QString &text); // edits the current target, as typing would

    TargetsModel *model() const { return m_model; }
    int currentRow() const;
    void selectTarget(int row);
    int addTarget(const QString &name, const QString &dsn); // selects it, returns its row
    void removeCurrentTarget();

    bool isSecretShown() const;
    void setSecretShown(bool shown);

    // What the breakdown shows for a part, and the findings it attaches there.
    QString partText(Part part) const;
    Sentry::Findings partFindings(Part part) const;
    Sentry::Findings otherFindings() const; // findings about no single part

    void saveTargets(); // writes the targets to the settings now (also done shortly after edits)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void dsnChanged(const Sentry::Dsn &dsn);

private:
    struct Row
    {
        QLineEdit *value = nullptr;
        QLabel *status = nullptr;
    };

    QWidget *createTargetList();
    QWidget *createBreakdown();
    void connectSignals();
    void loadTargets();
    void dsnEdited(const QString &text);
    void applyDsn(const QString &text);
    void showDsnText();
    void currentTargetChanged(int row);
    void targetSecretLoaded(const QString &id, const QString &dsn);
    void updateBreakdown();
    void showPart(Part part, const QString &text);
    QString portText() const;
    void updateSummary();
    void updateSecretStatus();
    void renameCurrentTarget();

    Settings *m_settings = nullptr;
    TargetsModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QLineEdit *m_dsnEdit = nullptr;
    QToolButton *m_showSecret = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_other = nullptr;
    QLabel *m_secretStatus = nullptr;
    QCheckBox *m_plainText = nullptr;
    QTimer *m_saveTimer = nullptr;
    std::array<Row, PartCount> m_rows {};
    Sentry::Dsn m_dsn;
    QString m_dsnText; // the real text; the editor masks the secret while it has no focus
    bool m_updatingEdit = false; // showDsnText() is writing to the editor
};

} // namespace SentryUi
