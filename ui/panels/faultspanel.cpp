#include "faultspanel.h"

#include "faulteditor.h"
#include "faultsmodel.h"
#include "receiver.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

FaultsPanel::FaultsPanel(QWidget *parent)
    : QWidget(parent), m_model(new FaultsModel(this))
{
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Never what makes the tab wide: a long message is cut, and whole in the tool tip.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // Built in reading order, which is the Tab order: the one-click faults, the table, the form.
    QWidget *presets = buildPresets();
    auto *columns = new QHBoxLayout;
    columns->addWidget(buildTable(), 1);
    columns->addWidget(buildEditor(), 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(presets);
    layout->addLayout(columns, 1);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FaultsPanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FaultsPanel::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FaultsPanel::updateState);
    updateState();
}

QWidget *FaultsPanel::buildPresets()
{
    auto *holder = new QWidget(this);
    auto *outer = new QHBoxLayout(holder);
    outer->setContentsMargins(0, 0, 0, 0);
    m_presets = new QWidget(holder);
    auto *row = new QHBoxLayout(m_presets);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("One click:"), m_presets));
    for (const Sentry::FaultPreset &preset : Sentry::faultPresets()) {
        auto *button = new QToolButton(m_presets);
        button->setText(preset.name);
        button->setToolTip(tr("Add the fault --fault %1").arg(preset.spec));
        button->setObjectName(u"preset:"_s + preset.spec);
        connect(button, &QToolButton::clicked, this, [this, spec = preset.spec] { addPreset(spec); });
        row->addWidget(button);
    }
    outer->addWidget(m_presets);
    outer->addWidget(m_status, 1);
    return holder;
}

QWidget *FaultsPanel::buildTable()
{
    auto *holder = new QWidget(this);
    m_view = new QTableView(holder);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FaultsModel::AnswerColumn, QHeaderView::Stretch);
    // The header sizes its ResizeToContents sections on a layout, not when rows come or change:
    // without this, "always" and the counters were cut to "alw…" once a fault was added.
    const auto fitColumns = [this] {
        for (int column = 0; column < FaultsModel::ColumnCount; ++column) {
            if (column != FaultsModel::AnswerColumn)
                m_view->resizeColumnToContents(column);
        }
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, fitColumns);
    connect(m_model, &QAbstractItemModel::dataChanged, m_view, fitColumns);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, fitColumns);
    m_remove = new QPushButton(tr("&Remove"), holder);
    m_clear = new QPushButton(tr("Remove A&ll"), holder);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_remove);
    buttons->addWidget(m_clear);
    auto *layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_remove, &QPushButton::clicked, this, &FaultsPanel::removeSelected);
    connect(m_clear, &QPushButton::clicked, m_model, &FaultsModel::clear);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (selectedRow() >= 0)
            m_editor->setFault(m_model->fault(selectedRow()));
        updateState();
    });
    return holder;
}

QWidget *FaultsPanel::buildEditor()
{
    auto *holder = new QWidget(this);
    m_editor = new FaultEditor(holder);
    m_add = new QPushButton(tr("&Add Fault"), holder);
    m_update = new QPushButton(tr("&Change Selected"), holder);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_update);
    buttons->addWidget(m_add);
    auto *layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &FaultsPanel::addFromEditor);
    connect(m_update, &QPushButton::clicked, this, &FaultsPanel::updateSelected);
    return holder;
}

void FaultsPanel::setReceiver(Sentry::Receiver *receiver)
{
    m_model->setReceiver(receiver);
    updateState();
}

bool FaultsPanel::addPreset(const QString &spec)
{
    QString error;
    const auto fault = Sentry::Fault::parse(spec, &error);
    if (!fault || !m_model->receiver()) {
        showError(fault ? tr("Start the receiver first: faults belong to a running receiver.") : error);
        return false;
    }
    m_model->addFault(*fault);
    m_editor->setFault(*fault);
    Q_EMIT faultsChanged();
    return true;
}

bool FaultsPanel::addFromEditor()
{
    QString error;
    const auto fault = m_editor->fault(&error);
    if (!fault) {
        showError(error);
        return false;
    }
    m_model->addFault(*fault);
    m_view->selectRow(m_model->rowCount() - 1);
    Q_EMIT faultsChanged();
    return true;
}

bool FaultsPanel::updateSelected()
{
    QString error;
    const auto fault = m_editor->fault(&error);
    if (!fault || selectedRow() < 0) {
        showError(fault ? tr("Select the fault to change in the list first.") : error);
        return false;
    }
    m_model->replaceFault(selectedRow(), *fault);
    Q_EMIT faultsChanged();
    return true;
}

void FaultsPanel::removeSelected()
{
    if (selectedRow() < 0)
        return;
    m_model->removeFault(selectedRow());
    Q_EMIT faultsChanged();
}

int FaultsPanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void FaultsPanel::updateState()
{
    const Sentry::Receiver *receiver = m_model->receiver();
    m_status->setText(receiver ? tr("Receiver %1: from its next request").arg(receiver->url().toString())
                               : tr("No receiver running: start one to inject faults."));
    m_status->setToolTip(m_status->text() + u"\n"_s
                         + tr("Faults change the receiver's answers from its next request on; "
                              "untick one to pause it."));
    for (QWidget *widget : {m_presets, static_cast<QWidget *>(m_add), static_cast<QWidget *>(m_editor)})
        widget->setEnabled(receiver);
    m_update->setEnabled(receiver && selectedRow() >= 0);
    m_remove->setEnabled(selectedRow() >= 0);
    m_clear->setEnabled(m_model->rowCount() > 0);
}

void FaultsPanel::showError(const QString &message)
{
    m_status->setText(message);
    m_status->setToolTip(message);
}

} // namespace SentryUi
