#include "linediff.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {
// Renders a diff as "a -b +c" for compact expectations.
QString render(const QList<DiffLine> &diff)
{
    QStringList parts;
    for (const DiffLine &line : diff) {
        const QString mark = line.kind == DiffLine::Kind::Added     ? u"+"_s
                             : line.kind == DiffLine::Kind::Removed ? u"-"_s
                                                                    : QString();
        parts.append(mark + line.text);
    }
    return parts.join(u' ');
}
} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_alignsCommonLines_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<QString>("expected");
        QTest::addRow("equal") << QStringList {u"a"_s, u"b"_s} << QStringList {u"a"_s, u"b"_s}
                               << u"a b"_s;
        QTest::addRow("added") << QStringList {u"a"_s, u"c"_s}
                               << QStringList {u"a"_s, u"b"_s, u"c"_s} << u"a +b c"_s;
        QTest::addRow("removed") << QStringList {u"a"_s, u"b"_s, u"c"_s}
                                 << QStringList {u"a"_s, u"c"_s} << u"a -b c"_s;
        QTest::addRow("changed") << QStringList {u"a"_s, u"x"_s, u"c"_s}
                                 << QStringList {u"a"_s, u"y"_s, u"c"_s} << u"a -x +y c"_s;
        QTest::addRow("from empty") << QStringList {} << QStringList {u"a"_s} << u"+a"_s;
        QTest::addRow("interleaved") << QStringList {u"a"_s, u"b"_s, u"c"_s, u"d"_s}
                                     << QStringList {u"b"_s, u"x"_s, u"d"_s} << u"-a b -c +x d"_s;
    }
    void compute_alignsCommonLines()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QString, expected);
        QCOMPARE(render(LineDiff::compute(before, after)), expected);
    }

    void compute_beyondTheCellLimitReplacesTheMiddle()
    {
        const QStringList before {u"a"_s, u"b"_s, u"c"_s, u"z"_s};
        const QStringList after {u"a"_s, u"c"_s, u"b"_s, u"z"_s};
        QCOMPARE(render(LineDiff::compute(before, after, 4)), u"a -b -c +c +b z"_s);
    }

    void sideBySide_pairsRemovedWithAddedRows_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<QString>("expected"); // "kind:left|right" per row
        QTest::addRow("same") << QStringList{u"a"_s} << QStringList{u"a"_s} << u"=a|a"_s;
        QTest::addRow("changed") << QStringList{u"a"_s, u"x"_s} << QStringList{u"a"_s, u"y"_s}
                                 << u"=a|a ~x|y"_s;
        QTest::addRow("more removed than added")
            << QStringList{u"x1"_s, u"x2"_s, u"c"_s} << QStringList{u"y"_s, u"c"_s} << u"~x1|y -x2| =c|c"_s;
        QTest::addRow("more added than removed")
            << QStringList{u"x"_s} << QStringList{u"y1"_s, u"y2"_s} << u"~x|y1 +|y2"_s;
        QTest::addRow("only added") << QStringList{u"a"_s} << QStringList{u"a"_s, u"b"_s} << u"=a|a +|b"_s;
    }
    void sideBySide_pairsRemovedWithAddedRows()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QStringList rows;
        for (const DiffRow &row : LineDiff::sideBySide(LineDiff::compute(before, after))) {
            const QString kind = row.kind == DiffRow::Kind::Same      ? u"="_s
                                 : row.kind == DiffRow::Kind::Changed ? u"~"_s
                                 : row.kind == DiffRow::Kind::Removed ? u"-"_s
                                                                      : u"+"_s;
            rows.append(kind + row.left + u'|' + row.right);
        }
        QTEST(rows.join(u' '), "expected");
    }

    void tokens_marksWholeChangedTokens_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("removed"); // the marked text, joined by "|"
        QTest::addColumn<QString>("added");
        QTest::addRow("status") << u"HTTP 200 OK"_s << u"HTTP 429 OK"_s << u"200"_s << u"429"_s;
        QTest::addRow("event id") << u"\"event_id\": \"abc\","_s << u"\"event_id\": \"def\","_s
                                  << u"abc"_s << u"def"_s;
        QTest::addRow("appended word") << u"a b"_s << u"a b c"_s << QString() << u" c"_s;
        QTest::addRow("neighbours merge") << u"x-1"_s << u"y+2"_s << u"x-1"_s << u"y+2"_s;
        QTest::addRow("equal") << u"same"_s << u"same"_s << QString() << QString();
    }
    void tokens_marksWholeChangedTokens()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const TokenChanges changes = LineDiff::tokens(before, after);
        const auto text = [](const QString &line, const QList<DiffSpan> &spans) {
            QStringList parts;
            for (const DiffSpan &span : spans)
                parts.append(line.mid(span.start, span.length));
            return parts.join(u'|');
        };
        QTEST(text(before, changes.removed), "removed");
        QTEST(text(after, changes.added), "added");
    }

    void unified_showsHunksWithContext()
    {
        QStringList before;
        for (int i = 1; i <= 12; ++i)
            before.append(QString::number(i));
        QStringList after = before;
        after[1] = u"two"_s;   // line 2
        after[10] = u"eleven"_s; // line 11
        const QString hunks = LineDiff::unified(LineDiff::compute(before, after), 1);
        QCOMPARE(hunks, u"@@ line 1\n  1\n- 2\n+ two\n  3\n@@ line 11\n  10\n- 11\n+ eleven\n  12\n"_s);
        QCOMPARE(LineDiff::unified(LineDiff::compute(before, before)), QString());
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
