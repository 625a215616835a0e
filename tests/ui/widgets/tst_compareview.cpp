#include "compareview.h"
#include "theme.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

class TestCompareView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_alignsRowsAndMarksDifferences()
    {
        CompareView view;
        view.setTitles(u"Original #1"_s, u"Replay #2"_s);
        view.compare({u"POST /api/1/store/"_s, u"Host: a"_s, u"200"_s},
                     {u"POST /api/1/store/"_s, u"Host: b"_s, u"X-New: 1"_s, u"200"_s});
        QCOMPARE(view.differenceCount(), 2);
        QCOMPARE(view.leftView()->toPlainText(), u"POST /api/1/store/\nHost: a\n\n200"_s);
        QCOMPARE(view.rightView()->toPlainText(), u"POST /api/1/store/\nHost: b\nX-New: 1\n200"_s);
        // A line mark on each changed side, and the changed token inside the changed row.
        const auto left = view.leftView()->extraSelections();
        const auto right = view.rightView()->extraSelections();
        QCOMPARE(left.size(), 2); // "Host: a" line + its token "a"
        QCOMPARE(right.size(), 3); // "Host: b" line + token "b", and the added line
        QCOMPARE(left.at(1).cursor.selectedText(), u"a"_s);
        QCOMPARE(left.at(0).format.background().color(),
                 Theme::diffColor(Theme::DiffTint::Removed, view.palette()));
    }

    void compare_sameTextsHaveNoMarks()
    {
        CompareView view;
        view.compare({u"a"_s, u"b"_s}, {u"a"_s, u"b"_s});
        QCOMPARE(view.differenceCount(), 0);
        QVERIFY(view.leftView()->extraSelections().isEmpty());
    }

    void scrolling_movesBothSides()
    {
        CompareView view;
        QStringList lines;
        for (int i = 0; i < 400; ++i)
            lines.append(u"line %1"_s.arg(i));
        view.compare(lines, lines);
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(view.leftView()->verticalScrollBar()->maximum() > 0);
        view.leftView()->verticalScrollBar()->setValue(100);
        QCOMPARE(view.rightView()->verticalScrollBar()->value(), 100);
        view.rightView()->verticalScrollBar()->setValue(40);
        QCOMPARE(view.leftView()->verticalScrollBar()->value(), 40);
    }

    void compare_scrollsToTheFirstDifference()
    {
        CompareView view;
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStringList left;
        for (int i = 0; i < 400; ++i)
            left.append(u"line %1"_s.arg(i));
        QStringList right = left;
        right[300] = u"changed"_s;
        view.compare(left, right);
        QCOMPARE(view.leftView()->verticalScrollBar()->value(), 297); // three rows of context above
        QCOMPARE(view.rightView()->verticalScrollBar()->value(), 297);
        view.compare(left, left);
        QCOMPARE(view.leftView()->verticalScrollBar()->value(), 0);
    }

    void nextDifference_visitsEachRunAndWraps()
    {
        CompareView view;
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStringList left;
        for (int i = 0; i < 400; ++i)
            left.append(u"line %1"_s.arg(i));
        QStringList right = left;
        right[10] = u"a"_s;
        right[11] = u"b"_s; // one run of two rows
        right[200] = u"c"_s;
        right[350] = u"d"_s;
        view.compare(left, right);
        QScrollBar *bar = view.leftView()->verticalScrollBar();
        QCOMPARE(bar->value(), 7);
        auto *next = view.findChild<QPushButton *>(u"nextDifference"_s);
        QVERIFY(next && next->isEnabled());
        next->click();
        QCOMPARE(bar->value(), 197);
        next->click();
        QCOMPARE(bar->value(), 347);
        next->click();
        QCOMPARE(bar->value(), 7); // around to the first
        view.compare(left, left);
        QVERIFY(!next->isEnabled());
    }

    void palette_changesTheMarks()
    {
        CompareView view;
        view.compare({u"x"_s}, {u"y"_s});
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        view.setPalette(dark);
        QCOMPARE(view.leftView()->extraSelections().constFirst().format.background().color(),
                 Theme::diffColor(Theme::DiffTint::Removed, dark));
        QVERIFY(Theme::diffColor(Theme::DiffTint::Removed, dark).lightness() < 128);
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
