#include "headersmodel.h"

#include "httpfield.h"
#include "icons.h"

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

HeadersModel::HeadersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HeadersModel::setHeaders(const QList<Target::Header> &headers)
{
    if (headers == m_headers)
        return;
    beginResetModel();
    m_headers = headers;
    endResetModel();
}

Sentry::Findings HeadersModel::findings(int row) const
{
    if (row < 0 || row >= m_headers.size())
        return {};
    const auto &[name, value] = m_headers.at(row);
    if (name.isEmpty() && value.isEmpty())
        return {}; // a row just added: not sent until it has a name
    return Sentry::checkHeaderField(name.toUtf8(), value.toUtf8());
}

QStringList HeadersModel::problems() const
{
    QStringList lines;
    for (int row = 0; row < m_headers.size(); ++row) {
        const Sentry::Findings found = findings(row);
        if (!found.isEmpty())
            lines.append(tr("Header %1 (%2): %3")
                             .arg(row + 1)
                             .arg(m_headers.at(row).first, found.constFirst().message));
    }
    return lines;
}

int HeadersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int HeadersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeadersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[name, value] = m_headers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == NameColumn ? name : value;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !findings(index.row()).isEmpty())
            return Icons::severity(Sentry::Severity::Error);
        return {};
    case Qt::ToolTipRole: {
        const Sentry::Findings found = findings(index.row());
        return found.isEmpty() ? QVariant() : QVariant(found.constFirst().message);
    }
    default:
        return {};
    }
}

QVariant HeadersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Header") : tr("Value");
}

Qt::ItemFlags HeadersModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool HeadersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    auto &[name, text] = m_headers[index.row()];
    QString &field = index.column() == NameColumn ? name : text;
    if (field == value.toString())
        return false;
    field = value.toString();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT edited();
    return true;
}

bool HeadersModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_headers.size() || count < 1)
        return false;
    beginInsertRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_headers.insert(row, {});
    endInsertRows();
    Q_EMIT edited();
    return true;
}

bool HeadersModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_headers.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_headers.remove(row, count);
    endRemoveRows();
    Q_EMIT edited();
    return true;
}

} // namespace SentryUi
