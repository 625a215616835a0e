#include "targetsmodel.h"

#include "dsn.h"
#include "icons.h"

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

TargetsModel::TargetsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void TargetsModel::setTargets(const QList<Target> &targets)
{
    beginResetModel();
    m_targets = targets;
    endResetModel();
}

int TargetsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_targets.size(); ++row) {
        if (m_targets.at(row).id == id)
            return row;
    }
    return -1;
}

int TargetsModel::addTarget(const Target &target)
{
    const int row = int(m_targets.size());
    beginInsertRows({}, row, row);
    m_targets.append(target);
    endInsertRows();
    Q_EMIT targetsEdited();
    return row;
}

bool TargetsModel::removeTarget(int row)
{
    if (row < 0 || row >= m_targets.size())
        return false;
    beginRemoveRows({}, row, row);
    m_targets.removeAt(row);
    endRemoveRows();
    Q_EMIT targetsEdited();
    return true;
}

bool TargetsModel::rename(int row, const QString &name)
{
    return setData(index(row), name, Qt::EditRole);
}

bool TargetsModel::setDsn(int row, const QString &dsn)
{
    return setData(index(row), dsn, DsnRole);
}

int TargetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

QVariant TargetsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Target &target = m_targets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return target.name;
    case Qt::ToolTipRole:
        return toolTip(target);
    case Qt::DecorationRole:
        return decoration(target);
    case IdRole:
        return target.id;
    case DsnRole:
        return target.dsn;
    case ValidRole:
        return Sentry::Dsn::parse(target.dsn).isValid();
    default:
        return {};
    }
}

bool TargetsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Target &target = m_targets[index.row()];
    const QString text = value.toString();
    if (role == Qt::EditRole) {
        if (text.trimmed().isEmpty() || text == target.name)
            return false;
        target.name = text.trimmed();
        Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    } else if (role == DsnRole) {
        if (text == target.dsn)
            return false;
        target.dsn = text;
        Q_EMIT dataChanged(index, index, {DsnRole, ValidRole, Qt::DecorationRole, Qt::ToolTipRole});
    } else {
        return false;
    }
    Q_EMIT targetsEdited();
    return true;
}

Qt::ItemFlags TargetsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> TargetsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(DsnRole, "dsn");
    names.insert(ValidRole, "valid");
    return names;
}

QVariant TargetsModel::decoration(const Target &target) const
{
    const Sentry::Dsn dsn = Sentry::Dsn::parse(target.dsn);
    if (dsn.isEmpty())
        return Icons::severity(Sentry::Severity::Info);
    if (!dsn.isValid())
        return Icons::severity(Sentry::Severity::Error);
    if (Sentry::countSeverity(dsn.findings(), Sentry::Severity::Warning) > 0)
        return Icons::severity(Sentry::Severity::Warning);
    return Icons::ok();
}

QString TargetsModel::toolTip(const Target &target) const
{
    const Sentry::Dsn dsn = Sentry::Dsn::parse(target.dsn);
    if (dsn.isEmpty())
        return tr("%1: no DSN (a client with an empty DSN is disabled)").arg(target.name);
    const int errors = Sentry::countSeverity(dsn.findings(), Sentry::Severity::Error);
    const QString health = errors > 0 ? tr("%n error(s)", nullptr, errors) : tr("valid");
    return tr("%1\n%2\n%3")
        .arg(target.name, dsn.toString(Sentry::Dsn::SecretDisplay::Masked), health);
}

} // namespace SentryUi
