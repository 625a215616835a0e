#pragma once

// The extra headers of a target as an editable table (Name, Value), each row checked as an HTTP
// field by core (checkHeaderField): a row HTTP cannot carry shows its problem as an error icon
// and tooltip, and problems() spells them out.

#include "finding.h"
#include "settings.h"

#include <QAbstractTableModel>

namespace SentryUi {

class HeadersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadersModel)

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit HeadersModel(QObject *parent = nullptr);

    void setHeaders(const QList<Target::Header> &headers); // without emitting edited()
    QList<Target::Header> headers() const { return m_headers; }
    Sentry::Findings findings(int row) const;
    QStringList problems() const; // "Row 2 (X A): …", one per faulty row

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    void edited(); // the user changed the table

private:
    QList<Target::Header> m_headers;
};

} // namespace SentryUi
