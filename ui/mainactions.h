#pragma once

// The main window's actions, by menu: their texts, icons, shortcuts and tips in one place. The
// window connects them (MainWindow::connectActions) and puts them in its menus and tool bar.

class QAction;
class QWidget;

namespace SentryUi {

struct MainActions
{
    QAction *newEvent, *open, *openExchange, *save, *saveAs, *quit;
    QAction *undo, *redo, *cut, *copy, *paste, *selectAll, *find, *findNext, *findPrevious;
    QAction *format, *minify;
    QAction *send, *cancel, *sendRepeatedly;
    QAction *showSidebar, *resetLayout;
    QAction *showTargets, *showEvent, *showRequest, *showValidation, *showResponse;
    QAction *showReceiver, *showHistory, *showBackoff, *showTimeline, *showFaults;
    QAction *about, *aboutQt;

    static MainActions create(QWidget *window); // the actions are children of `window`
};

} // namespace SentryUi
