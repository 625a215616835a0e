#include "targetlist.h"

#include "icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
QToolButton *listButton(const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}
} // namespace

TargetList::TargetList(QAbstractItemModel *model, QWidget *parent)
    : QGroupBox(tr("Saved targets"), parent)
{
    m_list = new QListView(this);
    m_list->setObjectName(u"targetList"_s);
    m_list->setModel(model);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_list->setToolTip(tr("Click a target to use it; double-click or F2 to rename. A modified "
                          "target is in italics, marked •"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 7);
    m_add = listButton(tr("Add a target (a copy of the current one, as edited)"), this);
    m_rename = listButton(tr("Rename the selected target (F2)"), this);
    m_remove = listButton(tr("Remove the selected target"), this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(u"saveTarget"_s);
    m_save->setToolTip(tr("Keep the edits to this target (its DSN and request settings)"));
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(u"revertTarget"_s);
    m_revert->setToolTip(tr("Drop the edits and go back to the saved target"));
    updateIcons();

    auto *buttons = new QVBoxLayout;
    for (QToolButton *button : {m_add, m_rename, m_remove})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *draftRow = new QHBoxLayout;
    draftRow->addStretch();
    draftRow->addWidget(m_revert);
    draftRow->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addLayout(draftRow);

    connect(m_add, &QToolButton::clicked, this, &TargetList::addRequested);
    connect(m_rename, &QToolButton::clicked, this, &TargetList::renameCurrent);
    connect(m_remove, &QToolButton::clicked, this, &TargetList::removeRequested);
    connect(m_save, &QPushButton::clicked, this, &TargetList::saveRequested);
    connect(m_revert, &QPushButton::clicked, this, &TargetList::revertRequested);
}

void TargetList::setModified(bool modified)
{
    m_save->setEnabled(modified);
    m_revert->setEnabled(modified);
}

void TargetList::renameCurrent()
{
    if (m_list->currentIndex().isValid())
        m_list->edit(m_list->currentIndex());
}

void TargetList::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcons(); // a dark palette needs light strokes, or the buttons look disabled
}

void TargetList::updateIcons()
{
    m_add->setIcon(Icons::icon(u"add"_s));
    m_rename->setIcon(Icons::icon(u"rename"_s));
    m_remove->setIcon(Icons::icon(u"remove"_s));
}

} // namespace SentryUi
