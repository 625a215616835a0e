#pragma once

// A line diff (longest common subsequence) for showing how the server would change an event
// (input against stored) and how a replay differs from its original. Pure and bounded: beyond
// maxCells the middle part is shown as removed-then-added instead of being aligned. The same
// alignment over a line's tokens marks what changed inside a changed line.
//
//     const auto rows = Sentry::LineDiff::sideBySide(Sentry::LineDiff::compute(before, after));
//     const auto hunks = Sentry::LineDiff::unified(diff, 3); // "@@ line 4\n- a\n+ b\n…"

#include <QList>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace Sentry {

struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;

    friend bool operator==(const DiffLine &a, const DiffLine &b)
    {
        return a.kind == b.kind && a.text == b.text;
    }
};

// One row of a side-by-side view: a line on both sides (Same, or Changed with its text on the
// left replaced by the right), on the left only (Removed) or on the right only (Added).
struct DiffRow
{
    enum class Kind { Same, Changed, Removed, Added };
    Kind kind = Kind::Same;
    QString left;
    QString right;
};

// A stretch of characters inside one line: [start, start + length).
struct DiffSpan
{
    qsizetype start = 0;
    qsizetype length = 0;

    friend bool operator==(const DiffSpan &a, const DiffSpan &b)
    {
        return a.start == b.start && a.length == b.length;
    }
};

// What differs between two versions of one line: the removed spans of the left text and the
// added spans of the right, by whole tokens (a word, a number, a run of spaces, one symbol).
struct TokenChanges
{
    QList<DiffSpan> removed;
    QList<DiffSpan> added;
};

class LineDiff
{
public:
    static QList<DiffLine> compute(const QStringList &before, const QStringList &after,
                                   qsizetype maxCells = 4'000'000);
    // Pairs each run of removed lines with the added lines that follow it, row by row.
    static QList<DiffRow> sideBySide(const QList<DiffLine> &diff);
    static TokenChanges tokens(const QString &before, const QString &after);
    // The changed lines with `context` lines around them, like `diff -u`: each line marked
    // "+ ", "- " or "  ", each hunk opened by "@@ line N" (N its first line in the diff).
    static QString unified(const QList<DiffLine> &diff, int context = 3);
    // An object as indented lines (keys sorted, as QJsonDocument writes them), for diffing.
    static QStringList jsonLines(const QJsonObject &object);
};

} // namespace Sentry
