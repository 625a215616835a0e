#include "faultsmodel.h"

#include "receiver.h"

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

FaultsModel::FaultsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FaultsModel::setReceiver(Sentry::Receiver *receiver)
{
    beginResetModel();
    if (m_receiver)
        disconnect(m_receiver, nullptr, this, nullptr);
    m_receiver = receiver;
    if (m_receiver) {
        connect(m_receiver, &Sentry::Receiver::exchangeFinished, this, &FaultsModel::refreshHits);
        connect(m_receiver, &QObject::destroyed, this, [this] { setReceiver(nullptr); });
    }
    m_hits = table() ? table()->hits() : QList<int>();
    endResetModel();
}

Sentry::Receiver *FaultsModel::receiver() const
{
    return m_receiver;
}

Sentry::FaultTable *FaultsModel::table() const
{
    return m_receiver ? &m_receiver->faults() : nullptr;
}

void FaultsModel::addFault(const Sentry::Fault &fault)
{
    if (!table())
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    table()->add(fault);
    m_hits = table()->hits();
    endInsertRows();
}

void FaultsModel::replaceFault(int row, const Sentry::Fault &fault)
{
    if (!table() || row < 0 || row >= rowCount())
        return;
    const bool enabled = table()->isEnabled(row);
    table()->replace(row, fault);
    table()->setEnabled(row, enabled);
    m_hits = table()->hits();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void FaultsModel::removeFault(int row)
{
    if (!table() || row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    table()->remove(row);
    m_hits = table()->hits();
    endRemoveRows();
}

void FaultsModel::clear()
{
    if (!table() || rowCount() == 0)
        return;
    beginResetModel();
    table()->clear();
    m_hits.clear();
    endResetModel();
}

void FaultsModel::setFaultEnabled(int row, bool enabled)
{
    if (!table() || row < 0 || row >= rowCount())
        return;
    table()->setEnabled(row, enabled);
    Q_EMIT dataChanged(index(row, EnabledColumn), index(row, EnabledColumn));
}

Sentry::Fault FaultsModel::fault(int row) const
{
    return table() ? table()->faults().value(row) : Sentry::Fault();
}

void FaultsModel::refreshHits()
{
    if (!table())
        return;
    const QList<int> hits = table()->hits();
    if (hits.size() != m_hits.size()) { // changed behind the model's back: show it as it is
        beginResetModel();
        m_hits = hits;
        endResetModel();
        return;
    }
    for (int row = 0; row < hits.size(); ++row) {
        if (hits.at(row) != m_hits.at(row))
            Q_EMIT dataChanged(index(row, HitsColumn), index(row, HitsColumn));
    }
    m_hits = hits;
}

QString FaultsModel::answerText(const Sentry::Fault &fault)
{
    using Action = Sentry::Fault::Action;
    switch (fault.action) {
    case Action::Delay: return tr("answer after %1 ms").arg(fault.delayMs);
    case Action::Drop: return tr("drop the connection");
    case Action::Hang: return tr("never answer");
    case Action::Status: break;
    }
    QString text = QString::number(fault.status);
    if (!fault.sentryError)
        text += tr(" without X-Sentry-Error");
    if (fault.retryAfterSeconds >= 0)
        text += tr(" + Retry-After %1 s").arg(fault.retryAfterSeconds);
    if (fault.delayMs > 0)
        text += tr(", after %1 ms").arg(fault.delayMs);
    return text;
}

QString FaultsModel::whenText(const Sentry::Fault &fault)
{
    using Trigger = Sentry::Fault::Trigger;
    switch (fault.trigger) {
    case Trigger::Always: return tr("always");
    case Trigger::Once: return tr("once");
    case Trigger::EveryNth: return tr("1 in %1 requests").arg(fault.every);
    case Trigger::Probability: return tr("with probability %1").arg(fault.probability);
    }
    return {};
}

QString FaultsModel::scopeText(const Sentry::Fault &fault)
{
    QStringList parts;
    if (!fault.project.isEmpty())
        parts.append(tr("project %1").arg(fault.project));
    if (!fault.client.isEmpty())
        parts.append(tr("clients %1…").arg(fault.client));
    return parts.isEmpty() ? tr("everyone") : parts.join(u", "_s);
}

int FaultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !table() ? 0 : int(table()->faults().size());
}

int FaultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FaultsModel::displayData(int row, int column) const
{
    const Sentry::Fault fault = this->fault(row);
    switch (column) {
    case EnabledColumn: return fault.spec;
    case AnswerColumn: return answerText(fault);
    case WhenColumn: return whenText(fault);
    case ScopeColumn: return scopeText(fault);
    case HitsColumn: return m_hits.value(row);
    }
    return {};
}

QVariant FaultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole: return displayData(row, index.column());
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return table()->isEnabled(row) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        return tr("--fault %1: applied to %n request(s)", nullptr, m_hits.value(row)).arg(fault(row).spec);
    case Qt::TextAlignmentRole:
        return index.column() == HitsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SpecRole: return fault(row).spec;
    case HitsRole: return m_hits.value(row);
    }
    return {};
}

bool FaultsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != EnabledColumn
        || role != Qt::CheckStateRole)
        return false;
    setFaultEnabled(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags FaultsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant FaultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnabledColumn: return tr("Fault");
    case AnswerColumn: return tr("Answer");
    case WhenColumn: return tr("When");
    case ScopeColumn: return tr("For");
    case HitsColumn: return tr("Hits");
    }
    return {};
}

} // namespace SentryUi
