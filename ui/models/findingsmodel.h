#pragma once

// The findings of one validation as a table: severity (icon), path, message, server action; the
// rule id in the tooltip. Read-only; filter it with FindingsFilter.

#include "finding.h"

#include <QAbstractTableModel>

namespace SentryUi {

class FindingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)

public:
    enum Column { SeverityColumn, PathColumn, MessageColumn, ActionColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(Sentry::Severity)
        LocationRole, // the JSON pointer
        RuleRole,
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const Sentry::Findings &findings);
    Sentry::Findings findings() const { return m_findings; }
    Sentry::Finding finding(int row) const { return m_findings.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString severityText(Sentry::Severity severity); // translated
    static QString actionText(Sentry::ServerAction action); // translated, plain words

private:
    QVariant displayData(const Sentry::Finding &finding, int column) const;
    QString toolTip(const Sentry::Finding &finding, int column) const;

    Sentry::Findings m_findings;
};

} // namespace SentryUi
