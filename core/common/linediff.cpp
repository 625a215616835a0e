#include "linediff.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

using namespace Qt::Literals::StringLiterals;

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

// Words, numbers, runs of spaces and single symbols: a changed value stands out whole.
QStringList splitTokens(const QString &text)
{
    const auto kindOf = [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' ? 1 : c.isSpace() ? 2 : 0;
    };
    QStringList tokens;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= text.size(); ++i) {
        const int kind = kindOf(text.at(i - 1));
        if (i == text.size() || kind == 0 || kindOf(text.at(i)) != kind) {
            tokens.append(text.mid(start, i - start));
            start = i;
        }
    }
    return tokens;
}

void appendSpan(QList<DiffSpan> &spans, qsizetype start, qsizetype length)
{
    if (!spans.isEmpty() && spans.constLast().start + spans.constLast().length == start)
        spans.last().length += length; // neighbouring tokens make one span
    else
        spans.append({start, length});
}

QString mark(DiffLine::Kind kind)
{
    switch (kind) {
    case DiffLine::Kind::Added:
        return u"+ "_s;
    case DiffLine::Kind::Removed:
        return u"- "_s;
    case DiffLine::Kind::Same:
        break;
    }
    return u"  "_s;
}

} // namespace

QList<DiffRow> LineDiff::sideBySide(const QList<DiffLine> &diff)
{
    QList<DiffRow> rows;
    qsizetype i = 0;
    while (i < diff.size()) {
        if (diff.at(i).kind == DiffLine::Kind::Same) {
            rows.append({DiffRow::Kind::Same, diff.at(i).text, diff.at(i).text});
            ++i;
            continue;
        }
        QStringList removed;
        QStringList added;
        for (; i < diff.size() && diff.at(i).kind != DiffLine::Kind::Same; ++i)
            (diff.at(i).kind == DiffLine::Kind::Removed ? removed : added).append(diff.at(i).text);
        const qsizetype paired = qMin(removed.size(), added.size());
        for (qsizetype j = 0; j < paired; ++j)
            rows.append({DiffRow::Kind::Changed, removed.at(j), added.at(j)});
        for (qsizetype j = paired; j < removed.size(); ++j)
            rows.append({DiffRow::Kind::Removed, removed.at(j), {}});
        for (qsizetype j = paired; j < added.size(); ++j)
            rows.append({DiffRow::Kind::Added, {}, added.at(j)});
    }
    return rows;
}

TokenChanges LineDiff::tokens(const QString &before, const QString &after)
{
    TokenChanges changes;
    qsizetype left = 0;
    qsizetype right = 0;
    for (const DiffLine &token : compute(splitTokens(before), splitTokens(after), 250'000)) {
        switch (token.kind) {
        case DiffLine::Kind::Same:
            left += token.text.size();
            right += token.text.size();
            break;
        case DiffLine::Kind::Removed:
            appendSpan(changes.removed, left, token.text.size());
            left += token.text.size();
            break;
        case DiffLine::Kind::Added:
            appendSpan(changes.added, right, token.text.size());
            right += token.text.size();
            break;
        }
    }
    return changes;
}

QString LineDiff::unified(const QList<DiffLine> &diff, int context)
{
    QList<bool> shown(diff.size(), false);
    for (qsizetype i = 0; i < diff.size(); ++i) {
        if (diff.at(i).kind == DiffLine::Kind::Same)
            continue;
        for (qsizetype j = qMax<qsizetype>(0, i - context); j <= qMin(diff.size() - 1, i + context); ++j)
            shown[j] = true;
    }
    QString out;
    bool gap = false;
    for (qsizetype i = 0; i < diff.size(); ++i) {
        if (!shown.at(i)) {
            gap = true;
            continue;
        }
        if (gap || out.isEmpty())
            out += u"@@ line %1\n"_s.arg(i + 1);
        gap = false;
        out += mark(diff.at(i).kind) + diff.at(i).text + u'\n';
    }
    return out;
}

QStringList LineDiff::jsonLines(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).split(u'\n');
}

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
