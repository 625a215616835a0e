#include "targetsmodel.h"

#include "dsn.h"
#include "icons.h"

#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

TargetsModel::TargetsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void TargetsModel::setTargets(const QList<Target> &targets, const QHash<QString, Target> &drafts)
{
    beginResetModel();
    m_entries.clear();
    for (const Target &target : targets) {
        Entry entry {target, std::nullopt};
        const auto draft = drafts.constFind(target.id);
        if (draft != drafts.cend() && *draft != target)
            entry.draft = *draft;
        m_entries.append(entry);
    }
    endResetModel();
}

QList<Target> TargetsModel::targets() const
{
    QList<Target> result;
    for (const Entry &entry : m_entries)
        result.append(entry.saved);
    return result;
}

QHash<QString, Target> TargetsModel::drafts() const
{
    QHash<QString, Target> result;
    for (const Entry &entry : m_entries) {
        if (entry.draft)
            result.insert(entry.saved.id, *entry.draft);
    }
    return result;
}

Target TargetsModel::target(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).saved : Target();
}

Target TargetsModel::workingTarget(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).working() : Target();
}

bool TargetsModel::isModified(int row) const
{
    return row >= 0 && row < m_entries.size() && m_entries.at(row).draft.has_value();
}

int TargetsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).saved.id == id)
            return row;
    }
    return -1;
}

int TargetsModel::addTarget(const Target &target)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({target, std::nullopt});
    endInsertRows();
    Q_EMIT targetsEdited();
    return row;
}

bool TargetsModel::removeTarget(int row)
{
    if (row < 0 || row >= m_entries.size())
        return false;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
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

void TargetsModel::setWorkingTarget(int row, const Target &target)
{
    if (row < 0 || row >= m_entries.size() || target == m_entries.at(row).working())
        return;
    Entry &entry = m_entries[row];
    Target draft = target;
    draft.id = entry.saved.id;
    if (draft == entry.saved)
        entry.draft.reset();
    else
        entry.draft = draft;
    entryChanged(row);
}

bool TargetsModel::saveDraft(int row)
{
    if (!isModified(row))
        return false;
    Entry &entry = m_entries[row];
    entry.saved = *std::exchange(entry.draft, std::nullopt);
    entryChanged(row);
    return true;
}

bool TargetsModel::revertDraft(int row)
{
    if (!isModified(row))
        return false;
    m_entries[row].draft.reset();
    entryChanged(row);
    return true;
}

void TargetsModel::entryChanged(int row)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at,
                       {Qt::DisplayRole, Qt::EditRole, Qt::FontRole, Qt::ToolTipRole,
                        Qt::DecorationRole, IdRole, DsnRole, ValidRole, ModifiedRole});
    Q_EMIT targetsEdited();
}

int TargetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TargetsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const Target &target = entry.working();
    switch (role) {
    case Qt::DisplayRole:
        return entry.draft ? target.name + u" •"_s : target.name;
    case Qt::EditRole:
        return target.name;
    case Qt::FontRole: {
        if (!entry.draft)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::ToolTipRole:
        return toolTip(entry);
    case Qt::DecorationRole:
        return decoration(target);
    case IdRole:
        return target.id;
    case DsnRole:
        return target.dsn;
    case ValidRole:
        return Sentry::Dsn::parse(target.dsn).isValid();
    case ModifiedRole:
        return entry.draft.has_value();
    default:
        return {};
    }
}

bool TargetsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Entry &entry = m_entries[index.row()];
    const QString text = value.toString();
    if (role == Qt::EditRole) {
        // Renaming is an act on the list, like renaming a file: saved at once, draft or not.
        if (text.trimmed().isEmpty() || text.trimmed() == entry.working().name)
            return false;
        entry.saved.name = text.trimmed();
        if (entry.draft)
            entry.draft->name = entry.saved.name;
    } else if (role == DsnRole) {
        if (text == entry.saved.dsn)
            return false;
        entry.saved.dsn = text;
        if (entry.draft && *entry.draft == entry.saved)
            entry.draft.reset();
    } else {
        return false;
    }
    entryChanged(index.row());
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
    names.insert(ModifiedRole, "modified");
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

QString TargetsModel::toolTip(const Entry &entry) const
{
    const Target &target = entry.working();
    const Sentry::Dsn dsn = Sentry::Dsn::parse(target.dsn);
    const QString modified = entry.draft ? u'\n' + tr("Modified, not saved: Save keeps the edits, "
                                                       "Revert drops them")
                                         : QString();
    if (dsn.isEmpty())
        return tr("%1: no DSN (a client with an empty DSN is disabled)").arg(target.name) + modified;
    const int errors = Sentry::countSeverity(dsn.findings(), Sentry::Severity::Error);
    const QString health = errors > 0 ? tr("%n error(s)", nullptr, errors) : tr("valid");
    return tr("%1\n%2\n%3")
               .arg(target.name, dsn.toString(Sentry::Dsn::SecretDisplay::Masked), health)
           + modified;
}

} // namespace SentryUi
