#pragma once

// The saved targets as a list model: one row per target, the name as display and edit text
// (editing renames), the DSN's health as the decoration.

#include "settings.h"

#include <QAbstractListModel>
#include <QList>

namespace SentryUi {

class TargetsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetsModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DsnRole, // the DSN text with its secret
        ValidRole, // bool: the DSN parses without errors
    };

    explicit TargetsModel(QObject *parent = nullptr);

    void setTargets(const QList<Target> &targets);
    QList<Target> targets() const { return m_targets; }
    Target target(int row) const { return m_targets.value(row); }
    int rowOf(const QString &id) const; // -1 when unknown

    int addTarget(const Target &target); // returns its row
    bool removeTarget(int row);
    bool rename(int row, const QString &name); // refuses an empty name
    bool setDsn(int row, const QString &dsn);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void targetsEdited(); // a user-visible change worth saving

private:
    QVariant decoration(const Target &target) const;
    QString toolTip(const Target &target) const;

    QList<Target> m_targets;
};

} // namespace SentryUi
