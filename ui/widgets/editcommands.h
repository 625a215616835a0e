#pragma once

// The Edit menu's Cut, Copy, Paste and Select All, applied to a text widget: a line edit, a plain
// or rich text edit, an editable combo box or spin box. A read-only one copies and selects only.

class QWidget;

namespace SentryUi::EditCommands {

enum class Command { Cut, Copy, Paste, SelectAll };

bool isTextWidget(QWidget *widget);
bool canApply(QWidget *widget, Command command); // false for no text widget
bool apply(QWidget *widget, Command command); // false when it does not apply

} // namespace SentryUi::EditCommands
