#include "framesmodel.h"

#include "fieldtext.h"

#include <QJsonObject>

#include <algorithm>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

const std::array<QString, FramesModel::ColumnCount> &columnKeys()
{
    static const std::array<QString, FramesModel::ColumnCount> keys = {
        u"filename"_s, u"function"_s, u"module"_s,       u"lineno"_s,
        u"colno"_s,    u"in_app"_s,   u"context_line"_s, u"abs_path"_s,
    };
    return keys;
}

bool isNumberColumn(int column)
{
    return column == FramesModel::LinenoColumn || column == FramesModel::ColnoColumn;
}

} // namespace

FramesModel::FramesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString FramesModel::columnKey(int column)
{
    return column >= 0 && column < ColumnCount ? columnKeys().at(size_t(column)) : QString();
}

int FramesModel::columnForKey(const QString &key)
{
    const auto &keys = columnKeys();
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end() ? -1 : int(it - keys.begin());
}

void FramesModel::setFrames(const QJsonArray &frames)
{
    beginResetModel();
    m_frames = frames;
    endResetModel();
}

int FramesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_frames.size());
}

int FramesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FramesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QJsonValue value = m_frames.at(index.row()).toObject().value(columnKey(index.column()));
    if (index.column() == InAppColumn) {
        if (role == Qt::CheckStateRole)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return role == Qt::ToolTipRole
                   ? tr("in_app: whether the frame is the application's own code")
                   : QVariant();
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return displayText(value);
    return {};
}

QVariant FramesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section;
    return columnKey(section);
}

Qt::ItemFlags FramesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    return index.column() == InAppColumn ? flags | Qt::ItemIsUserCheckable
                                         : flags | Qt::ItemIsEditable;
}

bool FramesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    if (index.column() == InAppColumn)
        return role == Qt::CheckStateRole && setInApp(index, value);
    if (role != Qt::EditRole)
        return false;
    QJsonObject frame = m_frames.at(index.row()).toObject();
    const QJsonValue json = valueFromText(
        value.toString(), isNumberColumn(index.column()) ? ValueKind::Integer : ValueKind::Text);
    if (json.isUndefined())
        frame.remove(columnKey(index.column()));
    else
        frame.insert(columnKey(index.column()), json);
    m_frames[index.row()] = frame;
    Q_EMIT dataChanged(index, index);
    Q_EMIT edited();
    return true;
}

bool FramesModel::setInApp(const QModelIndex &index, const QVariant &value)
{
    QJsonObject frame = m_frames.at(index.row()).toObject();
    frame.insert(columnKey(InAppColumn), value.toInt() == Qt::Checked);
    m_frames[index.row()] = frame;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT edited();
    return true;
}

bool FramesModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_frames.size() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_frames.insert(row,
                        QJsonObject {{u"filename"_s, u"app.py"_s}, {u"function"_s, u"main"_s}});
    endInsertRows();
    Q_EMIT edited();
    return true;
}

bool FramesModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_frames.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_frames.removeAt(row);
    endRemoveRows();
    Q_EMIT edited();
    return true;
}

} // namespace SentryUi
