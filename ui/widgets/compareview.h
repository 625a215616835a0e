#pragma once

// Two texts side by side, row by row as Sentry::LineDiff::sideBySide pairs them: a changed row
// on both sides with its changed tokens marked, a removed row on the left, an added row on the
// right. The two views scroll together; the colours follow the light or dark palette.

#include "linediff.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QPlainTextEdit;

namespace SentryUi {

class CompareView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    explicit CompareView(QWidget *parent = nullptr);

    void setTitles(const QString &left, const QString &right);
    void compare(const QStringList &left, const QStringList &right);
    QList<Sentry::DiffRow> rows() const { return m_rows; }
    int differenceCount() const; // rows that are not the same on both sides
    void showNextDifference();   // the next run of changed rows below the top, wrapping around
    QPlainTextEdit *leftView() const { return m_left; }
    QPlainTextEdit *rightView() const { return m_right; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showRows();
    void markDifferences();
    void showFirstDifference();
    void scrollToRow(int row);

    QList<Sentry::DiffRow> m_rows;
    QLabel *m_leftTitle = nullptr;
    QLabel *m_rightTitle = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_next = nullptr;
    QPlainTextEdit *m_left = nullptr;
    QPlainTextEdit *m_right = nullptr;
};

} // namespace SentryUi
