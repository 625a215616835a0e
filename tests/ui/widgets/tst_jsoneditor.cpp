#include "eventdocument.h"
#include "jsoneditor.h"
#include "jsonhighlighter.h"
#include "validator.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

// The wavy-underlined extra selection, if any.
std::optional<QTextCursor> errorUnderline(const JsonEditor &editor)
{
    const auto selections = editor.extraSelections();
    for (const QTextEdit::ExtraSelection &selection : selections) {
        if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            return selection.cursor;
    }
    return std::nullopt;
}

} // namespace

class TestJsonEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorMark_sitsAtLineAndColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        // Where the comma belongs: right after the value on line 2 (as the validator's finding says).
        QTest::addRow("missing comma before line 3") << u"{\n  \"a\": 1\n  \"b\": 2\n}"_s << 2 << 9;
        QTest::addRow("missing comma, the issue's example") << u"{\"a\": 1\n\"b\": 2}"_s << 1 << 8;
        QTest::addRow("unterminated string") << u"{\"a\": \"x"_s << 1 << 9;
        QTest::addRow("array, not an object") << u"\n\n   [1, 2]"_s << 3 << 4;
    }
    void errorMark_sitsAtLineAndColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        EventDocument document;
        document.reset(u"{}"_s);
        JsonEditor editor(&document);
        QSignalSpy changed(&editor, &JsonEditor::syntaxErrorChanged);
        QVERIFY(!editor.syntaxError());
        QVERIFY(!errorUnderline(editor));

        document.setText(text);
        QVERIFY(changed.wait());
        QVERIFY(editor.syntaxError());
        QCOMPARE(editor.syntaxError()->line, line);
        QCOMPARE(editor.syntaxError()->column, column);
        const auto underline = errorUnderline(editor);
        QVERIFY(underline);
        QCOMPARE(underline->block().blockNumber(), line - 1);
        QVERIFY(underline->hasSelection());

        document.setText(u"{\"fixed\": true}"_s);
        QVERIFY(changed.wait());
        QVERIFY(!editor.syntaxError());
        QVERIFY(!errorUnderline(editor));
    }

    void formatAndMinify_areOneUndoStepEach()
    {
        EventDocument document;
        const QString original = u"{\"b\":1,\"a\":[true,null]}"_s;
        document.reset(original);
        JsonEditor editor(&document);
        QVERIFY(editor.format());
        QCOMPARE(document.text(),
                 u"{\n    \"b\": 1,\n    \"a\": [\n        true,\n        null\n    ]\n}\n"_s);
        QVERIFY(editor.minify());
        QCOMPARE(document.text(), original);
        document.textDocument()->undo();
        QVERIFY(document.text().startsWith(u"{\n    \"b\""_s));
        document.textDocument()->undo();
        QCOMPARE(document.text(), original);
    }

    // The editor's mark and the validator's finding name the same line and column.
    void errorMark_agreesWithTheFinding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("missing comma") << u"{\"a\": 1\n\"b\": 2}"_s;
        QTest::addRow("trailing comma") << u"{\"a\": 1,\n\"b\": 2,}"_s;
        QTest::addRow("unterminated string") << u"{\"a\": 1,\n\"b\": \"x}"_s;
        QTest::addRow("bad escape") << u"{\"a\": \"\\u12\",\n\"b\": 2}"_s;
        QTest::addRow("non-ASCII before it") << u"{\"é😀\": \"ü\" \"b\": 2}"_s;
    }
    void errorMark_agreesWithTheFinding()
    {
        QFETCH(QString, text);
        EventDocument document;
        document.reset(text);
        JsonEditor editor(&document);
        editor.checkSyntax();
        QVERIFY(editor.syntaxError());
        const Sentry::ValidationResult result = Sentry::Validator::validate(text.toUtf8());
        QCOMPARE(editor.syntaxError()->line, result.errorLine);
        QCOMPARE(editor.syntaxError()->column, result.errorColumn);
        const auto underline = errorUnderline(editor);
        QVERIFY(underline);
        QCOMPARE(underline->block().blockNumber(), result.errorLine - 1);
    }

    void format_refusesBrokenJsonWithTheLine()
    {
        EventDocument document;
        document.reset(u"{\n\"a\": }"_s);
        JsonEditor editor(&document);
        QString error;
        QVERIFY(!editor.format(&error));
        QVERIFY2(error.contains(u"line 2"_s), qPrintable(error));
        QCOMPARE(document.text(), u"{\n\"a\": }"_s);
    }

    void goToOffset_selectsTheRange()
    {
        EventDocument document;
        document.reset(u"{\"message\": \"hi\"}"_s);
        JsonEditor editor(&document);
        editor.goToOffset(12, 4);
        QCOMPARE(editor.textCursor().selectedText(), u"\"hi\""_s);
        editor.goToLineColumn(1, 2);
        QCOMPARE(editor.textCursor().position(), 1);
    }

    void highlighter_tellsKeysFromStrings()
    {
        EventDocument document;
        document.reset(u"{\"key\": \"value\", \"n\": 12, \"t\": true}"_s);
        JsonEditor editor(&document);
        editor.highlighter()->rehighlight();
        const QList<QTextLayout::FormatRange> formats
            = document.textDocument()->firstBlock().layout()->formats();
        const auto colourAt = [&formats](int position) {
            for (const QTextLayout::FormatRange &range : formats) {
                if (position >= range.start && position < range.start + range.length)
                    return range.format.foreground().color();
            }
            return QColor();
        };
        const auto colourOf = [&editor](JsonHighlighter::Token token) {
            return editor.highlighter()->tokenFormat(token).foreground().color();
        };
        QCOMPARE(colourAt(2), colourOf(JsonHighlighter::Token::Key));
        QCOMPARE(colourAt(10), colourOf(JsonHighlighter::Token::String));
        QCOMPARE(colourAt(22), colourOf(JsonHighlighter::Token::Number));
        QCOMPARE(colourAt(32), colourOf(JsonHighlighter::Token::Literal));
        QVERIFY(colourOf(JsonHighlighter::Token::Key) != colourOf(JsonHighlighter::Token::String));
        editor.highlighter()->setDark(true);
        QVERIFY(editor.highlighter()->tokenFormat(JsonHighlighter::Token::Key).foreground().color()
                != QColor(u"#0b5394"_s));
    }
};

QTEST_MAIN(TestJsonEditor)
#include "tst_jsoneditor.moc"
