#pragma once

// The JSON editor: a plain-text view of the EventDocument's text with line numbers, syntax
// colours, and the parse error marked where it is (wavy underline, gutter marker, tooltip).
// Format and minify keep the key order and are one undo step each. Search highlights every match
// (FindBar is its user interface).

#include "jsontext.h"

#include <QPlainTextEdit>

#include <optional>

class QTimer;

namespace SentryUi {

class EventDocument;
class JsonHighlighter;

class JsonEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonEditor)

public:
    explicit JsonEditor(EventDocument *document, QWidget *parent = nullptr);
    ~JsonEditor() override;

    // The current parse error (checked ~150 ms after the last edit, or by checkSyntax()).
    std::optional<Sentry::JsonSyntaxError> syntaxError() const { return m_error; }
    void checkSyntax();

    bool format(QString *error = nullptr); // false (and *error) while the text is not JSON
    bool minify(QString *error = nullptr);
    void goToOffset(qsizetype offset, qsizetype length = 0); // selects, scrolls, focuses
    void goToLineColumn(int line, int column);

    // Highlights every match of `text` (none for an empty text) and returns how many there are;
    // the highlights follow edits until the search text is cleared.
    int setSearchText(const QString &text, QTextDocument::FindFlags flags = {});
    QString searchText() const { return m_searchText; }
    int searchMatchCount() const { return int(m_matches.size()); }
    int currentMatch() const; // the index of the selected match, -1 when no match is selected
    bool findNext(bool backward = false); // selects the next match after the cursor, wrapping

    JsonHighlighter *highlighter() const { return m_highlighter; }
    int lineNumberAreaWidth() const;

Q_SIGNALS:
    void syntaxErrorChanged(); // the error appeared, moved or went away

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    class LineNumberArea;
    friend class LineNumberArea;

    void paintLineNumbers(QPaintEvent *event);
    bool showGutterToolTip(QHelpEvent *event);
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateErrorSelection();
    void updateSearchMatches();
    void updateExtraSelections();
    bool replaceText(const std::optional<QString> &text, QString *error);
    bool isErrorLine(int blockNumber) const;

    EventDocument *m_document = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    QWidget *m_lineNumberArea = nullptr;
    QTimer *m_syntaxTimer = nullptr;
    std::optional<Sentry::JsonSyntaxError> m_error;
    QList<QTextEdit::ExtraSelection> m_errorSelections;
    QString m_searchText;
    QTextDocument::FindFlags m_searchFlags;
    QList<QTextCursor> m_matches; // in document order
};

} // namespace SentryUi
