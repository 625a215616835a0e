#include "frameseditor.h"

#include "composerpage.h"
#include "eventdocument.h"
#include "framesmodel.h"
#include "jsonpointer.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using Sentry::JsonPointer;

namespace SentryUi {

FramesEditor::FramesEditor(EventDocument *document, const QString &name, EventPaths::Locator frames,
                           QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_frames(std::move(frames))
    , m_model(new FramesModel(this))
    , m_view(new QTableView)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setObjectName(name);
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setMinimumHeight(120);
    auto *row = new QHBoxLayout;
    auto *add
        = ComposerWidgets::toolButton(u"add"_s, tr("Add a frame (frames are oldest call first)"));
    auto *remove
        = ComposerWidgets::toolButton(u"remove"_s, tr("Remove the selected frame (Delete)"));
    ComposerWidgets::removeOnDelete(m_view, remove);
    row->addWidget(new QLabel(tr("Stack frames (oldest call first)")), 1);
    row->addWidget(add);
    row->addWidget(remove);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    connect(m_model, &FramesModel::edited, this, &FramesEditor::writeFrames);
    connect(add, &QToolButton::clicked, this, [this] {
        m_model->insertRows(m_model->rowCount(), 1);
        m_view->setCurrentIndex(m_model->index(m_model->rowCount() - 1, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_view->currentIndex().isValid())
            m_model->removeRows(m_view->currentIndex().row(), 1);
    });
}

void FramesEditor::writeFrames()
{
    const auto event = m_document->object();
    if (!event || m_frames(*event).isEmpty())
        return;
    const QJsonArray frames = m_model->frames();
    Q_EMIT edited(m_frames(*event),
                  frames.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(frames));
}

void FramesEditor::refresh(const QJsonObject &event)
{
    const QString pointer = m_frames(event);
    const QJsonArray frames
        = pointer.isEmpty() ? QJsonArray() : JsonPointer::value(event, pointer).toArray();
    if (frames != m_model->frames()) {
        m_model->setFrames(frames);
        m_view->resizeColumnsToContents();
    }
    m_view->setEnabled(!pointer.isEmpty());
}

QTableView *FramesEditor::reveal(const QJsonObject &event, const QString &pointer)
{
    const QString frames = m_frames(event);
    if (frames.isEmpty() || !pointer.startsWith(frames + u'/'))
        return nullptr;
    const QStringList tokens = JsonPointer::split(pointer.mid(frames.size()));
    const int column = tokens.size() > 1 ? FramesModel::columnForKey(tokens.at(1)) : 0;
    m_view->setCurrentIndex(m_model->index(tokens.at(0).toInt(), qMax(0, column)));
    return m_view;
}

} // namespace SentryUi
