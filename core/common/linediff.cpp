#include "linediff.h"

#include <vector>

namespace Sentry {

namespace {

void appendAll(QList<DiffLine> &out, DiffLine::Kind kind, const QStringList &lines, qsizetype from,
               qsizetype to)
{
    for (qsizetype i = from; i < to; ++i)
        out.append({kind, lines.at(i)});
}

// Classic LCS table over the differing middle part [b0, b1) × [a0, a1).
void alignMiddle(QList<DiffLine> &out, const QStringList &a, const QStringList &b, qsizetype a0,
                 qsizetype a1, qsizetype b0, qsizetype b1)
{
    const qsizetype n = a1 - a0;
    const qsizetype m = b1 - b0;
    std::vector<quint32> table(size_t((n + 1) * (m + 1)), 0);
    const auto at = [m](qsizetype i, qsizetype j) {
        return size_t(i * (m + 1) + j);
    };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            table[at(i, j)] = a.at(a0 + i) == b.at(b0 + j)
                                  ? table[at(i + 1, j + 1)] + 1
                                  : qMax(table[at(i + 1, j)], table[at(i, j + 1)]);
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a.at(a0 + i) == b.at(b0 + j)) {
            out.append({DiffLine::Kind::Same, a.at(a0 + i)});
            ++i;
            ++j;
        } else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) {
            out.append({DiffLine::Kind::Removed, a.at(a0 + i++)});
        } else {
            out.append({DiffLine::Kind::Added, b.at(b0 + j++)});
        }
    }
    appendAll(out, DiffLine::Kind::Removed, a, a0 + i, a1);
    appendAll(out, DiffLine::Kind::Added, b, b0 + j, b1);
}

} // namespace

QList<DiffLine> LineDiff::compute(const QStringList &before, const QStringList &after,
                                  qsizetype maxCells)
{
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;

    QList<DiffLine> out;
    appendAll(out, DiffLine::Kind::Same, before, 0, prefix);
    const qsizetype a1 = before.size() - suffix;
    const qsizetype b1 = after.size() - suffix;
    if ((a1 - prefix + 1) * (b1 - prefix + 1) <= maxCells) {
        alignMiddle(out, before, after, prefix, a1, prefix, b1);
    } else {
        appendAll(out, DiffLine::Kind::Removed, before, prefix, a1);
        appendAll(out, DiffLine::Kind::Added, after, prefix, b1);
    }
    appendAll(out, DiffLine::Kind::Same, before, a1, before.size());
    return out;
}

} // namespace Sentry
