#pragma once

// An editable key/value table over one event map (tags, extra, modules). It reads the map form and
// the list-of-pairs form of tags and writes back the form it read; other shapes are not editable
// here (isRepresentable() is false) and stay untouched in the JSON.

#include "fieldtext.h"

#include <QAbstractTableModel>
#include <QJsonValue>
#include <QList>

namespace SentryUi {

class KeyValueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueModel)

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    enum Role { JsonValueRole = Qt::UserRole + 1 };

    struct Entry
    {
        QString key;
        QJsonValue value;
    };

    explicit KeyValueModel(ValueKind valueKind, QObject *parent = nullptr);

    // Replaces the contents without emitting edited().
    void setJson(const QJsonValue &value);
    QJsonValue toJson() const; // Undefined when empty (the key should go)
    bool isRepresentable() const { return m_representable; }
    bool isPairList() const { return m_pairList; }
    QList<Entry> entries() const { return m_entries; }
    int rowForKey(const QString &key) const; // -1 if absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    void edited(); // the user changed the table (setData, insert, remove)

private:
    ValueKind m_valueKind;
    QList<Entry> m_entries;
    bool m_representable = true;
    bool m_pairList = false;
};

} // namespace SentryUi
