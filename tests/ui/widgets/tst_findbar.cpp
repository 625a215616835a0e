#include "eventdocument.h"
#include "findbar.h"
#include "jsoneditor.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

// The extra selections that are search highlights (the error mark has an underline instead).
int highlighted(const JsonEditor &editor)
{
    int count = 0;
    const auto selections = editor.extraSelections();
    for (const QTextEdit::ExtraSelection &selection : selections)
        count += selection.format.underlineStyle() == QTextCharFormat::NoUnderline
                 && !selection.format.hasProperty(QTextFormat::FullWidthSelection);
    return count;
}

} // namespace

class TestFindBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_document = new EventDocument;
        m_document->reset(u"{\"level\": \"error\", \"logger\": \"root\", \"Level\": 1}"_s);
        m_editor = new JsonEditor(m_document);
        m_bar = new FindBar(m_editor);
    }
    void cleanup()
    {
        delete m_bar;
        delete m_editor;
        delete m_document;
    }

    void typing_highlightsEveryMatch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matchCase");
        QTest::addColumn<int>("matches");
        QTest::addColumn<QString>("status");
        QTest::addRow("ignoring case") << u"level"_s << false << 2 << u"1 of 2"_s;
        QTest::addRow("matching case") << u"Level"_s << true << 1 << u"1 of 1"_s;
        QTest::addRow("no match") << u"warning"_s << false << 0 << u"No match"_s;
        QTest::addRow("empty") << QString() << false << 0 << QString();
    }
    void typing_highlightsEveryMatch()
    {
        QFETCH(QString, text);
        QFETCH(bool, matchCase);
        QFETCH(int, matches);
        QFETCH(QString, status);
        m_bar->setMatchCase(matchCase);
        m_bar->open();
        m_bar->searchEdit()->setText(text);
        QCOMPARE(m_editor->searchMatchCount(), matches);
        QCOMPARE(highlighted(*m_editor), matches);
        QCOMPARE(m_bar->statusText(), status);
        if (matches > 0)
            QCOMPARE(m_editor->textCursor().selectedText().toLower(), text.toLower());
    }

    void nextAndPrevious_wrapAround()
    {
        m_bar->open();
        m_bar->searchEdit()->setText(u"\""_s); // 10 quotes
        const int count = m_editor->searchMatchCount();
        QCOMPARE(count, 10);
        QCOMPARE(m_editor->currentMatch(), 0);
        m_bar->findPrevious();
        QCOMPARE(m_editor->currentMatch(), count - 1);
        m_bar->findNext();
        QCOMPARE(m_editor->currentMatch(), 0);
        m_bar->findNext();
        QCOMPARE(m_bar->statusText(), u"2 of 10"_s);
    }

    void enterAndEscape_fromTheSearchField()
    {
        m_bar->open();
        m_bar->searchEdit()->setText(u"l"_s);
        const int first = m_editor->currentMatch();
        QTest::keyClick(m_bar->searchEdit(), Qt::Key_Return);
        QCOMPARE(m_editor->currentMatch(), first + 1);
        QTest::keyClick(m_bar->searchEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(m_editor->currentMatch(), first);
        QTest::keyClick(m_bar->searchEdit(), Qt::Key_Escape);
        QVERIFY(m_bar->isHidden());
        QCOMPARE(highlighted(*m_editor), 0);
    }

    void open_takesTheSelectedText()
    {
        QTextCursor cursor(m_document->textDocument());
        cursor.setPosition(2);
        cursor.setPosition(7, QTextCursor::KeepAnchor); // level
        m_editor->setTextCursor(cursor);
        m_bar->open();
        QCOMPARE(m_bar->searchEdit()->text(), u"level"_s);
        QCOMPARE(m_bar->statusText(), u"1 of 2"_s);
    }

    void highlights_followEdits()
    {
        m_bar->open();
        m_bar->searchEdit()->setText(u"root"_s);
        QCOMPARE(m_editor->searchMatchCount(), 1);
        m_document->setText(u"{\"logger\": \"root\", \"culprit\": \"root\"}"_s);
        QTRY_COMPARE(m_editor->searchMatchCount(), 2);
        QCOMPARE(highlighted(*m_editor), 2);
    }

private:
    EventDocument *m_document = nullptr;
    JsonEditor *m_editor = nullptr;
    FindBar *m_bar = nullptr;
};

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"
