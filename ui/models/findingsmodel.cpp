#include "findingsmodel.h"

#include "icons.h"

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FindingsModel::setFindings(const Sentry::Findings &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Sentry::Finding &finding = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(finding, index.column());
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(Icons::severity(finding.severity))
                                                : QVariant();
    case Qt::ToolTipRole:
        return toolTip(finding, index.column());
    case SeverityRole:
        return int(finding.severity);
    case LocationRole:
        return finding.location;
    case RuleRole:
        return finding.rule;
    default:
        return {};
    }
}

QVariant FindingsModel::displayData(const Sentry::Finding &finding, int column) const
{
    switch (column) {
    case SeverityColumn:
        return severityText(finding.severity);
    case PathColumn:
        return finding.location.isEmpty() ? u"/"_s : finding.location;
    case MessageColumn:
        return finding.message;
    case ActionColumn:
        return actionText(finding.action);
    default:
        return {};
    }
}

// The Path column may elide a long path in the middle: its tooltip starts with the whole path.
QString FindingsModel::toolTip(const Sentry::Finding &finding, int column) const
{
    QString text = finding.message;
    if (column == PathColumn)
        text = displayData(finding, PathColumn).toString() + u"\n\n"_s + text;
    if (!finding.rule.isEmpty())
        text += u"\n\n"_s + tr("Rule: %1").arg(finding.rule);
    if (finding.action != Sentry::ServerAction::None)
        text += u'\n' + tr("What the server does: it %1.").arg(actionText(finding.action));
    return text;
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case PathColumn:
        return tr("Path");
    case MessageColumn:
        return tr("Message");
    case ActionColumn:
        return tr("Server action");
    default:
        return {};
    }
}

QString FindingsModel::severityText(Sentry::Severity severity)
{
    switch (severity) {
    case Sentry::Severity::Error:
        return tr("Error");
    case Sentry::Severity::Warning:
        return tr("Warning");
    case Sentry::Severity::Info:
        break;
    }
    return tr("Note"); // as the summary counts them: "0 note(s)"
}

QString FindingsModel::actionText(Sentry::ServerAction action)
{
    switch (action) {
    case Sentry::ServerAction::None:
        return {};
    case Sentry::ServerAction::Accept:
        return tr("accepts it");
    case Sentry::ServerAction::Default:
        return tr("uses a default");
    case Sentry::ServerAction::Replace:
        return tr("replaces it");
    case Sentry::ServerAction::Truncate:
        return tr("truncates it");
    case Sentry::ServerAction::Discard:
        return tr("drops it");
    case Sentry::ServerAction::Refuse:
        return tr("refuses the event");
    }
    return {};
}

} // namespace SentryUi
