#pragma once

// The saved targets as a list with its buttons: add (+), rename (✎), remove (−), and Save and
// Revert for the selected target's draft. Shows and forwards intent; the target panel acts.

#include <QGroupBox>

class QAbstractItemModel;
class QListView;
class QPushButton;
class QToolButton;

namespace SentryUi {

class TargetList final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetList)

public:
    explicit TargetList(QAbstractItemModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_list; }
    void setModified(bool modified); // enables Save and Revert
    void renameCurrent();            // opens the name for editing

Q_SIGNALS:
    void addRequested();
    void removeRequested();
    void saveRequested();
    void revertRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIcons();

    QListView *m_list = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_rename = nullptr;
    QToolButton *m_remove = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace SentryUi
