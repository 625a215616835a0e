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
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
