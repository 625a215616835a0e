#include "rulesmodel.h"

#include "findingsmodel.h"

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

RulesModel::RulesModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_rules(Sentry::Rules::all(m_profile))
{
}

void RulesModel::setProfile(Sentry::Profile profile)
{
    beginResetModel();
    m_profile = profile;
    m_rules = Sentry::Rules::all(profile);
    endResetModel();
}

int RulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Sentry::Rule &rule = m_rules.at(index.row());
    if (role == Qt::DisplayRole)
        return displayData(rule, index.column());
    if (role == Qt::ToolTipRole)
        return rule.verdict(m_profile).message;
    if (role == Qt::TextAlignmentRole && index.column() == LimitColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RulesModel::displayData(const Sentry::Rule &rule, int column) const
{
    switch (column) {
    case IdColumn:
        return rule.id;
    case PathColumn:
        return rule.path().isEmpty() ? tr("(document)") : rule.path();
    case SeverityColumn:
        return FindingsModel::severityText(rule.verdict(m_profile).severity);
    case ActionColumn:
        return FindingsModel::actionText(rule.verdict(m_profile).action);
    case LimitColumn:
        return rule.limit > 0 ? QVariant(rule.limit) : QVariant();
    case ConstraintColumn:
        return rule.constraint;
    }
    return {};
}

QVariant RulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Rule");
    case PathColumn: return tr("Path");
    case SeverityColumn: return tr("Severity");
    case ActionColumn: return tr("Server");
    case LimitColumn: return tr("Limit");
    case ConstraintColumn: return tr("Constraint");
    }
    return {};
}

QString RulesModel::tablesText(Sentry::Profile profile)
{
    QStringList levels;
    for (const Sentry::LevelInfo &level : Sentry::Rules::levels())
        levels << u"%1 (%2)"_s.arg(level.name).arg(level.number);
    if (profile == Sentry::Profile::Relay) {
        for (const auto &[alias, stored] : Sentry::Rules::relayLevelAliases())
            levels << tr("%1 as %2").arg(alias, stored);
    }
    QStringList attributes;
    QStringList later;
    for (const Sentry::TopLevelKey &key : Sentry::Rules::topLevelKeys())
        (key.role == Sentry::KeyRole::LaterProtocol ? later : attributes) << key.key;
    QStringList interfaces;
    for (const Sentry::InterfaceInfo &info : Sentry::Interfaces::all())
        interfaces << (info.alias.isEmpty() ? info.fullName : info.alias);
    return tr("Levels: %1.\nAttributes: %2.\nInterfaces: %3.\nKeys of later protocols (ignored by v4): %4.")
        .arg(levels.join(u", "_s), attributes.join(u", "_s), interfaces.join(u", "_s), later.join(u", "_s));
}

} // namespace SentryUi
