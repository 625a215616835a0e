#include "mainactions.h"

#include "icons.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SentryUi::MainWindow", text);
}

QAction *make(QWidget *window, const QString &icon, const QString &text,
              const QKeySequence &keys, const QString &tip)
{
    auto *action = new QAction(icon.isEmpty() ? QIcon() : Icons::icon(icon), text, window);
    action->setShortcut(keys);
    action->setStatusTip(tip);
    action->setToolTip(keys.isEmpty() ? QString(text).remove(u'&')
                                      : u"%1 (%2)"_s.arg(QString(text).remove(u'&'),
                                                         keys.toString(QKeySequence::NativeText)));
    return action;
}

void addFileActions(MainActions &a, QWidget *w)
{
    a.newEvent = make(w, u"new"_s, tr("&New Event"), QKeySequence::New,
                      tr("Start an event with a fresh id and the current time"));
    a.open = make(w, u"open"_s, tr("&Open…"), QKeySequence::Open, tr("Open an event from a JSON file"));
    a.openExchange = make(w, u"recent"_s, tr("Open E&xchange…"), QKeySequence(u"Ctrl+Shift+O"_s),
                          tr("Show a recorded exchange from the history by its id: reopen it as a "
                             "draft, replay it, compare it with its replays"));
    a.save = make(w, u"save"_s, tr("&Save"), QKeySequence::Save, tr("Save the event JSON"));
    a.saveAs = make(w, u"save-as"_s, tr("Save &As…"), QKeySequence::SaveAs,
                    tr("Save the event JSON under a new name"));
    a.quit = make(w, u"quit"_s, tr("&Quit"), QKeySequence::Quit, tr("Quit Sentry Harness"));
}

void addEditActions(MainActions &a, QWidget *w)
{
    a.undo = make(w, u"undo"_s, tr("&Undo"), QKeySequence::Undo, tr("Undo the last change of the event"));
    a.redo = make(w, u"redo"_s, tr("&Redo"), QKeySequence::Redo, tr("Redo the change"));
    a.cut = make(w, u"cut"_s, tr("Cu&t"), QKeySequence::Cut, tr("Cut the selected text"));
    a.copy = make(w, u"copy"_s, tr("&Copy"), QKeySequence::Copy, tr("Copy the selected text"));
    a.paste = make(w, u"paste"_s, tr("&Paste"), QKeySequence::Paste,
                   tr("Paste into the field or editor with the focus"));
    a.selectAll = make(w, {}, tr("Select &All"), QKeySequence::SelectAll,
                       tr("Select all the text of the field or editor with the focus"));
    a.find = make(w, u"find"_s, tr("&Find…"), QKeySequence::Find, tr("Find text in the JSON editor"));
    a.findNext = make(w, {}, tr("Find &Next"), QKeySequence::FindNext, tr("Go to the next match"));
    a.findPrevious = make(w, {}, tr("Find Pre&vious"), QKeySequence::FindPrevious,
                          tr("Go to the previous match"));
    a.format = make(w, u"format"_s, tr("&Format JSON"), QKeySequence(u"Ctrl+Shift+F"_s),
                    tr("Indent the JSON, keeping the key order"));
    a.minify = make(w, u"minify"_s, tr("&Minify JSON"), QKeySequence(u"Ctrl+Shift+M"_s),
                    tr("Remove whitespace outside strings"));
    a.undo->setEnabled(false);
    a.redo->setEnabled(false);
}

void addViewActions(MainActions &a, QWidget *w)
{
    a.showSidebar = make(w, u"sidebar"_s, tr("Show &Sidebar"), QKeySequence(u"Ctrl+B"_s),
                         tr("Show or hide the sidebar with the targets"));
    a.showSidebar->setCheckable(true);
    a.showSidebar->setChecked(true);
    a.resetLayout = make(w, {}, tr("&Reset Layout"), {},
                         tr("Put every panel back where it starts, at its default size"));
    a.showTargets = make(w, u"target"_s, tr("&Targets"), QKeySequence(u"Alt+1"_s),
                         tr("The saved targets and the DSN breakdown"));
    a.showEvent = make(w, {}, tr("&Event"), QKeySequence(u"Alt+2"_s),
                       tr("The event: form and JSON editor"));
    a.showRequest = make(w, {}, tr("Re&quest"), QKeySequence(u"Alt+3"_s),
                         tr("The exact request: JSON, auth header, HTTP, curl, scrubbing"));
    a.showValidation = make(w, u"validate"_s, tr("&Validation"), QKeySequence(u"Alt+4"_s),
                            tr("The findings and the event as the server would store it"));
    a.showResponse = make(w, {}, tr("Res&ponse"), QKeySequence(u"Alt+5"_s),
                          tr("The server's answer and the verdict"));
    a.showReceiver = make(w, {}, tr("Rece&iver"), QKeySequence(u"Alt+6"_s),
                          tr("The local receiver: where it listens, its DSN and keys"));
    a.showHistory = make(w, {}, tr("&History"), QKeySequence(u"Alt+7"_s),
                         tr("Every exchange sent and received"));
    a.showBackoff = make(w, {}, tr("&Backoff"), QKeySequence(u"Alt+8"_s),
                         tr("Event › Send Repeatedly's attempts against the protocol's backoff, as a chart"));
    a.showTimeline = make(w, {}, tr("Ti&meline"), QKeySequence(u"Alt+9"_s),
                          tr("The protocol timeline of the last send or the selected history row"));
    a.showFaults = make(w, {}, tr("&Faults"), QKeySequence(u"Alt+0"_s),
                        tr("Make the local receiver answer 429, 500, slowly or not at all, on purpose"));
}

} // namespace

MainActions MainActions::create(QWidget *window)
{
    MainActions a {};
    addFileActions(a, window);
    addEditActions(a, window);
    a.send = make(window, u"send"_s, tr("&Send"), QKeySequence(u"Ctrl+Return"_s),
                  tr("Send the event to the target"));
    a.send->setObjectName(u"sendAction"_s);
    a.cancel = make(window, u"cancel"_s, tr("&Cancel Send"), QKeySequence(u"Ctrl+."_s),
                    tr("Abort the request in flight"));
    a.cancel->setEnabled(false);
    a.sendRepeatedly = make(window, {}, tr("Send &Repeatedly…"), QKeySequence(u"Ctrl+Shift+Return"_s),
                            tr("Send the event several times, honouring the backoff, and chart the attempts"));
    addViewActions(a, window);
    a.about = make(window, u"about"_s, tr("&About Sentry Harness"), {}, tr("Version and credits"));
    a.aboutQt = new QAction(tr("About &Qt"), window);
    return a;
}

} // namespace SentryUi
