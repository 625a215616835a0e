#include "pairsmodel.h"

namespace SentryUi {

PairsModel::PairsModel(const QString &nameHeader, const QString &valueHeader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_nameHeader(nameHeader)
    , m_valueHeader(valueHeader)
{
}

void PairsModel::setPairs(const QList<Pair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    endResetModel();
}

int PairsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int PairsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Pair &pair = m_pairs.at(index.row());
    return index.column() == NameColumn ? pair.first : pair.second;
}

QVariant PairsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? m_nameHeader : m_valueHeader;
}

} // namespace SentryUi
