#pragma once

// Shows only findings at or above a severity (errors; warnings and errors; everything).

#include "finding.h"

#include <QSortFilterProxyModel>

namespace SentryUi {

class FindingsFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsFilter)

public:
    explicit FindingsFilter(QObject *parent = nullptr);

    Sentry::Severity minimumSeverity() const { return m_minimum; }
    void setMinimumSeverity(Sentry::Severity severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Sentry::Severity m_minimum = Sentry::Severity::Info;
};

} // namespace SentryUi
