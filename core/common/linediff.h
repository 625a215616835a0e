#pragma once

// A line diff (longest common subsequence) for showing how the server would change an event:
// input and normalized event side by side as "+"/"-" lines. Pure and bounded: beyond maxCells
// the middle part is shown as removed-then-added instead of being aligned.

#include <QList>
#include <QString>
#include <QStringList>

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

class LineDiff
{
public:
    static QList<DiffLine> compute(const QStringList &before, const QStringList &after,
                                   qsizetype maxCells = 4'000'000);
};

} // namespace Sentry
