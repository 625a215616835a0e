#pragma once

// The receiver's fault rows (Sentry::FaultTable) as a table: each fault's SPEC, what it answers,
// when, for whom, and how many requests it was applied to. Adding, editing, enabling and removing
// go through here, while the receiver runs; the counters follow each exchange the receiver
// finishes. The receiver must live on this model's thread (the GUI's embedded receiver does).

#include "faults.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Sentry {
class Receiver;
}

namespace SentryUi {

class FaultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultsModel)

public:
    enum Column { EnabledColumn, AnswerColumn, WhenColumn, ScopeColumn, HitsColumn, ColumnCount };
    enum Role { SpecRole = Qt::UserRole + 1, HitsRole };

    explicit FaultsModel(QObject *parent = nullptr);

    // nullptr: no receiver, no rows. The model shows the receiver's table as it is now.
    void setReceiver(Sentry::Receiver *receiver);
    Sentry::Receiver *receiver() const;

    void addFault(const Sentry::Fault &fault);
    void replaceFault(int row, const Sentry::Fault &fault); // its counter starts again
    void removeFault(int row);
    void clear();
    void setFaultEnabled(int row, bool enabled);
    Sentry::Fault fault(int row) const;
    void refreshHits(); // the receiver counted a request: the counters that changed are redrawn

    static QString answerText(const Sentry::Fault &fault); // "429 + Retry-After 5 s", "drop the connection"
    static QString whenText(const Sentry::Fault &fault);   // "always", "every 3rd request", …
    static QString scopeText(const Sentry::Fault &fault);  // "every project and client", …

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Sentry::FaultTable *table() const;
    QVariant displayData(int row, int column) const;

    QPointer<Sentry::Receiver> m_receiver;
    QList<int> m_hits; // as last shown
};

} // namespace SentryUi
