#pragma once

// The saved targets as a list model: one row per target, the name as display and edit text
// (editing renames), the DSN's health as the decoration. Each target may carry a draft: the
// edits made to it (DSN, request settings) that are not saved yet. A modified target shows in
// italics with a "•" after its name until its draft is saved or reverted.

#include "settings.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

namespace SentryUi {

class TargetsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetsModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DsnRole, // the working DSN text (the draft's, else the saved one), with its secret
        ValidRole, // bool: the working DSN parses without errors
        ModifiedRole, // bool: the target has a draft that differs from what is saved
    };

    explicit TargetsModel(QObject *parent = nullptr);

    void setTargets(const QList<Target> &targets, const QHash<QString, Target> &drafts = {});
    QList<Target> targets() const; // as saved
    QHash<QString, Target> drafts() const; // by id
    Target target(int row) const; // as saved
    Target workingTarget(int row) const; // the draft if there is one, else as saved
    bool isModified(int row) const;
    int rowOf(const QString &id) const; // -1 when unknown

    int addTarget(const Target &target); // returns its row
    bool removeTarget(int row);
    bool rename(int row, const QString &name); // refuses an empty name; renames draft and saved
    bool setDsn(int row, const QString &dsn); // the saved DSN (a secret arrived from the keyring)

    // Edits become the draft; a draft equal to what is saved is dropped (the target is clean).
    void setWorkingTarget(int row, const Target &target);
    bool saveDraft(int row);
    bool revertDraft(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void targetsEdited(); // a user-visible change worth saving (drafts included)

private:
    struct Entry
    {
        Target saved;
        std::optional<Target> draft;

        const Target &working() const { return draft ? *draft : saved; }
    };

    void entryChanged(int row);
    QVariant decoration(const Target &target) const;
    QString toolTip(const Entry &entry) const;

    QList<Entry> m_entries;
};

} // namespace SentryUi
