#pragma once

// A timeline of a series of sends to one target, drawn with QPainter: each attempt where it
// started (coloured by its verdict, labelled with its status), each wait the client then kept
// (Retry-After's, or the backoff's) and, beneath it, what the protocol's min(n, 6)² schedule
// asks after n failures in a row — so a Retry-After longer or shorter than the schedule shows.
// Live while the series runs: a "now" line and the countdown to the next attempt.

#include "sendresult.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QTimer;

namespace Sentry {
class SendSeries;
}

namespace SentryUi {

// What the chart draws, in seconds from the start of the series: plain values, for tests.
struct BackoffPlot
{
    struct Attempt
    {
        int number = 0;
        double start = 0;
        double end = 0;
        int status = 0; // 0: no HTTP answer
        Sentry::Verdict verdict = Sentry::Verdict::Unreachable;
    };
    struct Wait
    {
        double from = 0;
        double to = 0;
        int failures = 0;          // n, failures in a row
        qint64 scheduleSeconds = 0; // min(n, 6)²
        bool fromRetryAfter = false;
    };

    QList<Attempt> attempts;
    QList<Wait> waits;
    double now = 0;
    double nextAttempt = -1; // when the series waits: the next attempt's time; else -1
    double span = 10;        // the width of the axis

    static BackoffPlot of(const Sentry::SendSeries &series);
};

class BackoffChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackoffChart)

public:
    explicit BackoffChart(QWidget *parent = nullptr);

    void setSeries(const Sentry::SendSeries *series); // repaints as it runs; nullptr: empty
    BackoffPlot plot() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Geometry;
    void paintAxis(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const;
    void paintWaits(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const;
    void paintAttempts(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const;
    void paintNow(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const;

    QPointer<const Sentry::SendSeries> m_series;
    QTimer *m_ticker = nullptr;
};

} // namespace SentryUi
