#include "keyvaluemodel.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

bool isPair(const QJsonValue &value)
{
    return value.isArray() && value.toArray().size() == 2;
}

} // namespace

KeyValueModel::KeyValueModel(ValueKind valueKind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_valueKind(valueKind)
{
}

void KeyValueModel::setJson(const QJsonValue &value)
{
    beginResetModel();
    m_entries.clear();
    m_pairList = value.isArray();
    m_representable = value.isUndefined() || value.isNull() || value.isObject();
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            m_entries.append({it.key(), it.value()});
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        m_representable = std::all_of(array.begin(), array.end(), isPair);
        for (const QJsonValue pair : array) {
            if (m_representable)
                m_entries.append({displayText(pair.toArray().at(0)), pair.toArray().at(1)});
        }
    }
    endResetModel();
}

QJsonValue KeyValueModel::toJson() const
{
    if (m_entries.isEmpty())
        return QJsonValue::Undefined;
    if (m_pairList) {
        QJsonArray pairs;
        for (const Entry &entry : m_entries)
            pairs.append(QJsonArray {entry.key, entry.value});
        return pairs;
    }
    QJsonObject object;
    for (const Entry &entry : m_entries)
        object.insert(entry.key, entry.value);
    return object;
}

int KeyValueModel::rowForKey(const QString &key) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).key == key)
            return row;
    }
    return -1;
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == KeyColumn ? entry.key : displayText(entry.value);
    case Qt::ToolTipRole:
        return index.column() == ValueColumn && m_valueKind == ValueKind::Json
                   ? tr("Typed text that parses as JSON (42, true, {\"a\": 1}) is stored as JSON; "
                        "anything else as a string.")
                   : QVariant();
    case JsonValueRole:
        return entry.value.toVariant();
    default:
        return {};
    }
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : tr("Value");
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsEditable : base;
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Entry &entry = m_entries[index.row()];
    const QString text = value.toString();
    if (index.column() == KeyColumn) {
        entry.key = text;
    } else {
        const QJsonValue parsed = valueFromText(text, m_valueKind);
        entry.value = parsed.isUndefined() ? QJsonValue(u""_s) : parsed;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT edited();
    return true;
}

bool KeyValueModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_entries.size() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_entries.insert(row + i, {u"key%1"_s.arg(m_entries.size() + 1), QJsonValue(u""_s)});
    endInsertRows();
    Q_EMIT edited();
    return true;
}

bool KeyValueModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_entries.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_entries.remove(row, count);
    endRemoveRows();
    Q_EMIT edited();
    return true;
}

} // namespace SentryUi
