#include "findingsfilter.h"

#include "findingsmodel.h"

namespace SentryUi {

FindingsFilter::FindingsFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void FindingsFilter::setMinimumSeverity(Sentry::Severity severity)
{
    if (m_minimum == severity)
        return;
    m_minimum = severity;
    invalidateFilter();
}

bool FindingsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(FindingsModel::SeverityRole).toInt() >= int(m_minimum);
}

// Severity sorts by rank (error above warning above info), not alphabetically.
bool FindingsFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == FindingsModel::SeverityColumn) {
        return left.data(FindingsModel::SeverityRole).toInt()
               < right.data(FindingsModel::SeverityRole).toInt();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace SentryUi
