#pragma once

// Find in the JSON editor (Ctrl+F): a bar under the editor with the search text, next and
// previous (Enter, Shift+Enter, F3), match case, and how many matches there are; every match is
// highlighted while the bar is open. Escape closes it and returns to the editor.

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace SentryUi {

class JsonEditor;

class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(JsonEditor *editor, QWidget *parent = nullptr);
    ~FindBar() override;

    void open(); // shows the bar; the editor's selected text (one line) becomes the search
    void close(); // hides it, clears the highlights, gives the focus back to the editor
    void findNext();
    void findPrevious();

    QLineEdit *searchEdit() const { return m_search; }
    QString statusText() const; // "2 of 5", "No match"
    void setMatchCase(bool matchCase);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void find(bool backward);
    void showStatus();

    JsonEditor *m_editor = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_matchCase = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace SentryUi
