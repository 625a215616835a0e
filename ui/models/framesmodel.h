#pragma once

// The stack frames of one exception (or of the top-level stacktrace) as an editable table. Each row
// is the frame's JSON object, so keys without a column (vars, pre_context, …) are kept on edit.

#include <QAbstractTableModel>
#include <QJsonArray>

namespace SentryUi {

class FramesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramesModel)

public:
    enum Column {
        FilenameColumn,
        FunctionColumn,
        ModuleColumn,
        LinenoColumn,
        ColnoColumn,
        InAppColumn,
        ContextLineColumn,
        AbsPathColumn,
        ColumnCount
    };

    explicit FramesModel(QObject *parent = nullptr);

    static QString columnKey(int column); // "filename", "lineno", …; the frame's JSON key
    static int columnForKey(const QString &key); // -1 when the key has no column

    void setFrames(const QJsonArray &frames); // replaces without emitting edited()
    QJsonArray frames() const { return m_frames; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    void edited();

private:
    bool setInApp(const QModelIndex &index, const QVariant &value);

    QJsonArray m_frames;
};

} // namespace SentryUi
