#pragma once

// The rules one profile checks, as core lists them (Sentry::Rules::all): id, path, severity,
// server action, limit and constraint, the message in the tooltip. Read-only; it shows the table
// the judge reads, so the GUI and `validate --list-rules` list the same rows.

#include "rules.h"

#include <QAbstractTableModel>

namespace SentryUi {

class RulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesModel)

public:
    enum Column { IdColumn, PathColumn, SeverityColumn, ActionColumn, LimitColumn, ConstraintColumn, ColumnCount };

    explicit RulesModel(QObject *parent = nullptr);

    void setProfile(Sentry::Profile profile);
    Sentry::Profile profile() const { return m_profile; }
    Sentry::Rule rule(int row) const { return m_rules.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The lists the judge walks beside the rows (levels, top-level keys), in a sentence each.
    static QString tablesText(Sentry::Profile profile);

private:
    QVariant displayData(const Sentry::Rule &rule, int column) const;

    Sentry::Profile m_profile = Sentry::Profile::V4;
    QList<Sentry::Rule> m_rules;
};

} // namespace SentryUi
