#pragma once

// A read-only view of a line diff as `diff -u` hunks (Sentry::LineDiff::unified): removed lines on
// a red, added lines on a green background that follow the light or dark palette. The validation
// panel's stored-event diff and the exchange detail's use it.

#include "linediff.h"

#include <QPlainTextEdit>

namespace SentryUi {

class UnifiedDiffView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnifiedDiffView)

public:
    explicit UnifiedDiffView(QWidget *parent = nullptr);

    // The hunks of `diff`, or `sameText` when nothing differs.
    void setDiff(const QList<Sentry::DiffLine> &diff, const QString &sameText);

protected:
    void changeEvent(QEvent *event) override;

private:
    class Highlighter;
    Highlighter *m_highlighter = nullptr;
};

} // namespace SentryUi
