#pragma once

// The composer's "Tags & extra" tab: tags, extra and modules as key/value tables (a map or a list
// of pairs); a value that is neither is left to the JSON editor, and the table says so.

#include "composerpage.h"
#include "fieldtext.h"

#include <QList>

class QLabel;
class QTableView;

namespace SentryUi {

class KeyValueModel;

class TablesPage final : public ComposerPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablesPage)

public:
    TablesPage(EventDocument *document, ComposerFields *fields, QWidget *parent = nullptr);

    void refresh(const QJsonObject &event) override;
    // "/tags/a" selects the row of key "a" (or pair 3 of a list for "/tags/3").
    QWidget *reveal(const QJsonObject &event, const QString &pointer) override;

private:
    struct Table
    {
        QString key;
        KeyValueModel *model = nullptr;
        QTableView *view = nullptr;
        QLabel *note = nullptr;
    };

    QWidget *buildTable(const QString &key, ValueKind kind);

    QList<Table> m_tables;
};

} // namespace SentryUi
