#pragma once

// A stack frames table bound to the frames array its locator finds in the event (an exception
// value's, or the top-level stacktrace's), with add and remove; disabled when there is none.

#include "eventpaths.h"

#include <QJsonValue>
#include <QWidget>

class QTableView;

namespace SentryUi {

class EventDocument;
class FramesModel;

class FramesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramesEditor)

public:
    // `name` names the table view (for tests and the focus chain).
    FramesEditor(EventDocument *document, const QString &name, EventPaths::Locator frames,
                 QWidget *parent = nullptr);

    void refresh(const QJsonObject &event);
    // "<frames>/3/lineno" selects row 3, column lineno; nullptr when `pointer` is not in the
    // frames.
    QTableView *reveal(const QJsonObject &event, const QString &pointer);

Q_SIGNALS:
    void edited(const QString &pointer, const QJsonValue &value);

private:
    void writeFrames();

    EventDocument *m_document = nullptr;
    EventPaths::Locator m_frames;
    FramesModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace SentryUi
