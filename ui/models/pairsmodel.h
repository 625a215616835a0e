#pragma once

// A read-only two-column table of name/value pairs in their original order (auth header fields,
// HTTP headers); duplicates are kept, as they matter on the wire.

#include <QAbstractTableModel>
#include <QList>
#include <QPair>
#include <QString>

namespace SentryUi {

class PairsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PairsModel)

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };
    using Pair = QPair<QString, QString>;

    PairsModel(const QString &nameHeader, const QString &valueHeader, QObject *parent = nullptr);

    void setPairs(const QList<Pair> &pairs);
    QList<Pair> pairs() const { return m_pairs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString m_nameHeader;
    QString m_valueHeader;
    QList<Pair> m_pairs;
};

} // namespace SentryUi
