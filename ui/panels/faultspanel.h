#pragma once

// Fault injection for a running receiver: its fault rows with live counters, one-click presets for
// a demonstration ("429 with Retry-After 5", "500", "slow 3 s", "drop", the rows of
// Sentry::faultPresets()), and a form to add or change a fault; rows are switched on and off by
// their check box. Works with any receiver given to setReceiver().

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Sentry {
class Receiver;
}

namespace SentryUi {

class FaultEditor;
class FaultsModel;

class FaultsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultsPanel)

public:
    explicit FaultsPanel(QWidget *parent = nullptr);

    void setReceiver(Sentry::Receiver *receiver); // nullptr: nothing to fault, the controls off
    FaultsModel *model() const { return m_model; }
    FaultEditor *editor() const { return m_editor; }
    QTableView *view() const { return m_view; }

    bool addPreset(const QString &spec); // a row of Sentry::faultPresets(), by its SPEC
    bool addFromEditor();                 // false (and the reason shown) when the form is refused
    bool updateSelected();                // the selected row becomes the form's fault
    void removeSelected();
    int selectedRow() const; // -1 when none

Q_SIGNALS:
    void faultsChanged();

private:
    QWidget *buildPresets();
    QWidget *buildTable();
    QWidget *buildEditor();
    void updateState();
    void showError(const QString &message);

    FaultsModel *m_model = nullptr;
    FaultEditor *m_editor = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_presets = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_update = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_clear = nullptr;
};

} // namespace SentryUi
