#include "editcommands.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace SentryUi::EditCommands {

namespace {

// The line edit inside an editable combo or spin box is the one to act on.
QLineEdit *lineEdit(QWidget *widget)
{
    if (auto *line = qobject_cast<QLineEdit *>(widget))
        return line;
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        return combo->isEditable() ? combo->lineEdit() : nullptr;
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(widget))
        return spin->findChild<QLineEdit *>();
    return nullptr;
}

bool isReadOnly(QWidget *widget)
{
    if (QLineEdit *line = lineEdit(widget))
        return line->isReadOnly();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        return plain->isReadOnly();
    if (auto *rich = qobject_cast<QTextEdit *>(widget))
        return rich->isReadOnly();
    return true;
}

template<typename Editor>
void run(Editor *editor, Command command)
{
    switch (command) {
    case Command::Cut:
        editor->cut();
        return;
    case Command::Copy:
        editor->copy();
        return;
    case Command::Paste:
        editor->paste();
        return;
    case Command::SelectAll:
        editor->selectAll();
        return;
    }
}

} // namespace

bool isTextWidget(QWidget *widget)
{
    return lineEdit(widget) || qobject_cast<QPlainTextEdit *>(widget)
           || qobject_cast<QTextEdit *>(widget);
}

bool canApply(QWidget *widget, Command command)
{
    if (!widget || !isTextWidget(widget) || !widget->isEnabled())
        return false;
    const bool edits = command == Command::Cut || command == Command::Paste;
    return !edits || !isReadOnly(widget);
}

bool apply(QWidget *widget, Command command)
{
    if (!canApply(widget, command))
        return false;
    if (QLineEdit *line = lineEdit(widget))
        run(line, command);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        run(plain, command);
    else if (auto *rich = qobject_cast<QTextEdit *>(widget))
        run(rich, command);
    return true;
}

} // namespace SentryUi::EditCommands
