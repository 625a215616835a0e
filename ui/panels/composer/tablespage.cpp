#include "tablespage.h"

#include "event.h"
#include "jsonpointer.h"
#include "keyvaluemodel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

TablesPage::TablesPage(EventDocument *document, ComposerFields *fields, QWidget *parent)
    : ComposerPage(document, fields, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildTable(QString::fromUtf16(Sentry::EventKey::Tags), ValueKind::Text));
    layout->addWidget(buildTable(QString::fromUtf16(Sentry::EventKey::Extra), ValueKind::Json));
    layout->addWidget(buildTable(QString::fromUtf16(Sentry::EventKey::Modules), ValueKind::Text));
}

QWidget *TablesPage::buildTable(const QString &key, ValueKind kind)
{
    auto *group = new QGroupBox(key);
    auto *layout = new QVBoxLayout(group);
    Table table {key, new KeyValueModel(kind, this), new QTableView, new QLabel};
    table.view->setObjectName(key + u"View"_s);
    table.view->setModel(table.model);
    table.view->horizontalHeader()->setStretchLastSection(true);
    table.view->verticalHeader()->hide();
    table.note->setWordWrap(true);
    table.note->hide();
    auto *buttons = new QHBoxLayout;
    auto *add = ComposerWidgets::toolButton(u"add"_s, tr("Add a row"));
    auto *remove = ComposerWidgets::toolButton(u"remove"_s, tr("Remove the selected row (Delete)"));
    ComposerWidgets::removeOnDelete(table.view, remove);
    buttons->addWidget(table.note, 1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    layout->addWidget(table.view);
    layout->addLayout(buttons);
    KeyValueModel *model = table.model;
    QTableView *view = table.view;
    connect(model, &KeyValueModel::edited, this,
            [this, key, model] { Q_EMIT edited(u'/' + key, model->toJson()); });
    connect(add, &QToolButton::clicked, this, [model, view] {
        model->insertRows(model->rowCount(), 1);
        view->edit(model->index(model->rowCount() - 1, KeyValueModel::KeyColumn));
    });
    connect(remove, &QToolButton::clicked, this, [model, view] {
        if (view->currentIndex().isValid())
            model->removeRows(view->currentIndex().row(), 1);
    });
    m_tables.append(table);
    return group;
}

void TablesPage::refresh(const QJsonObject &event)
{
    for (const Table &table : std::as_const(m_tables)) {
        const QJsonValue value = event.value(table.key);
        if (!table.model->isRepresentable() || table.model->toJson() != value)
            table.model->setJson(value);
        const bool editable = table.model->isRepresentable();
        table.view->setEnabled(editable);
        table.note->setVisible(!editable);
        table.note->setText(
            tr("\"%1\" is neither a map nor a list of pairs: edit it in the JSON.").arg(table.key));
    }
}

QWidget *TablesPage::reveal(const QJsonObject &event, const QString &pointer)
{
    Q_UNUSED(event);
    const QStringList tokens = Sentry::JsonPointer::split(pointer);
    for (const Table &table : std::as_const(m_tables)) {
        if (tokens.isEmpty() || tokens.first() != table.key || !table.model->isRepresentable())
            continue;
        int row = -1;
        if (tokens.size() > 1)
            row = table.model->isPairList() ? tokens.at(1).toInt()
                                            : table.model->rowForKey(tokens.at(1));
        if (row >= 0 && row < table.model->rowCount())
            table.view->setCurrentIndex(table.model->index(row, KeyValueModel::ValueColumn));
        return table.view;
    }
    return nullptr;
}

} // namespace SentryUi
