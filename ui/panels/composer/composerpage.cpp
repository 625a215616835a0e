#include "composerpage.h"

#include "icons.h"

#include <QAbstractItemView>
#include <QAction>
#include <QToolButton>

namespace SentryUi {

ComposerPage::ComposerPage(EventDocument *document, ComposerFields *fields, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_fields(fields)
{
}

QToolButton *ComposerWidgets::toolButton(const QString &icon, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setIcon(Icons::icon(icon));
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

void ComposerWidgets::removeOnDelete(QAbstractItemView *view, QToolButton *remove)
{
    auto *action = new QAction(view);
    action->setShortcut(QKeySequence::Delete);
    action->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(action);
    QObject::connect(action, &QAction::triggered, remove, &QToolButton::click);
}

} // namespace SentryUi
