#include "backoffchart.h"

#include "backoff.h"
#include "sendseries.h"
#include "theme.h"

#include <QPaintEvent>
#include <QPainter>
#include <QTimer>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

double secondsBetween(const QDateTime &from, const QDateTime &to)
{
    return double(from.msecsTo(to)) / 1000.0;
}

// A tick step that gives five to ten ticks over the span.
double tickStep(double span)
{
    for (double step : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0}) {
        if (span / step <= 10)
            return step;
    }
    return 1800;
}

const QColor WaitColor(0xe6, 0x7c, 0x00);     // Retry-After: the server's word
const QColor BackoffColor(0x1e, 0x88, 0xe5);  // the client's own schedule

} // namespace

BackoffPlot BackoffPlot::of(const Sentry::SendSeries &series)
{
    BackoffPlot plot;
    const QDateTime start = series.startedAt();
    for (const Sentry::SeriesAttempt &attempt : series.attempts()) {
        plot.attempts.append({attempt.number, secondsBetween(start, attempt.startedAt),
                              secondsBetween(start, attempt.finishedAt), attempt.result.status,
                              attempt.result.verdict});
        const Sentry::BackoffState &state = attempt.state;
        if (state.phase != Sentry::BackoffState::Phase::Waiting)
            continue;
        const double from = secondsBetween(start, attempt.finishedAt);
        plot.waits.append({from, secondsBetween(start, state.retryAt), state.failures,
                           Sentry::Backoff::delayForFailures(state.failures), state.fromRetryAfter});
    }
    plot.now = series.isRunning() || plot.attempts.isEmpty() ? secondsBetween(start, series.now())
                                                            : plot.attempts.last().end;
    if (series.waitingUntil().isValid())
        plot.nextAttempt = secondsBetween(start, series.waitingUntil());
    double end = std::max(plot.now, plot.nextAttempt);
    for (const Wait &wait : plot.waits)
        end = std::max({end, wait.to, wait.from + double(wait.scheduleSeconds)});
    plot.span = std::max(10.0, std::ceil(end * 1.1));
    return plot;
}

struct BackoffChart::Geometry
{
    QRectF area; // the plotting area, right of the lane labels
    double span = 10;
    double attemptsY = 0;
    double waitY = 0;
    double scheduleY = 0;
    double laneHeight = 0;

    double x(double seconds) const { return area.left() + area.width() * seconds / span; }
};

BackoffChart::BackoffChart(QWidget *parent) : QWidget(parent), m_ticker(new QTimer(this))
{
    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void BackoffChart::setSeries(const Sentry::SendSeries *series)
{
    if (m_series)
        disconnect(m_series, nullptr, this, nullptr);
    m_series = series;
    m_ticker->stop();
    if (series) {
        const auto follow = [this] {
            m_series && m_series->isRunning() ? m_ticker->start() : m_ticker->stop();
            update();
        };
        connect(series, &Sentry::SendSeries::attemptStarted, this, follow);
        connect(series, &Sentry::SendSeries::attemptFinished, this, follow);
        connect(series, &Sentry::SendSeries::waiting, this, follow);
        connect(series, &Sentry::SendSeries::finished, this, follow);
    }
    update();
}

BackoffPlot BackoffChart::plot() const
{
    return m_series ? BackoffPlot::of(*m_series) : BackoffPlot();
}

QSize BackoffChart::sizeHint() const
{
    return {640, 11 * fontMetrics().height()};
}

QSize BackoffChart::minimumSizeHint() const
{
    return {320, 9 * fontMetrics().height()};
}

void BackoffChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    const BackoffPlot plot = this->plot();
    const int line = fontMetrics().height();
    if (plot.attempts.isEmpty() && !(m_series && m_series->isRunning())) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(line, line, -line, -line), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Event › Send Repeatedly… draws each attempt here, with the waits the "
                            "backoff and Retry-After ask for."));
        return;
    }
    Geometry g;
    const double labels = fontMetrics().horizontalAdvance(tr("min(n, 6)²")) + line;
    g.area = QRectF(labels, line * 0.5, width() - labels - line, height() - line * 2.5);
    g.span = plot.span;
    g.laneHeight = g.area.height() / 3;
    g.attemptsY = g.area.top() + g.laneHeight * 0.5;
    g.waitY = g.area.top() + g.laneHeight * 1.5;
    g.scheduleY = g.area.top() + g.laneHeight * 2.5;
    paintAxis(painter, g, plot);
    paintWaits(painter, g, plot);
    paintAttempts(painter, g, plot);
    paintNow(painter, g, plot);
}

void BackoffChart::paintAxis(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const
{
    const QColor text = palette().color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.15);
    const double step = tickStep(plot.span);
    for (double t = 0; t <= plot.span + 1e-9; t += step) {
        painter.setPen(grid);
        painter.drawLine(QPointF(g.x(t), g.area.top()), QPointF(g.x(t), g.area.bottom()));
        painter.setPen(text);
        painter.drawText(QRectF(g.x(t) - 40, g.area.bottom() + 2, 80, fontMetrics().height()),
                         Qt::AlignHCenter | Qt::AlignTop, tr("%1 s").arg(t));
    }
    const std::pair<double, QString> lanes[] = {
        {g.attemptsY, tr("Attempts")}, {g.waitY, tr("Waits")}, {g.scheduleY, tr("min(n, 6)²")}};
    for (const auto &[y, name] : lanes)
        painter.drawText(QRectF(0, y - g.laneHeight / 2, g.area.left() - 6, g.laneHeight),
                         Qt::AlignRight | Qt::AlignVCenter, name);
}

void BackoffChart::paintWaits(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const
{
    const double h = std::min(g.laneHeight * 0.6, fontMetrics().height() * 1.4);
    // A label is cut to the room it has (its bar; for the schedule, up to the next box), never
    // written over the next one.
    const auto label = [this, &painter](const QRectF &room, const QString &text) {
        const int width = int(room.width()) - 3;
        if (width > fontMetrics().horizontalAdvance(u'…') * 2)
            painter.drawText(room.adjusted(3, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                             fontMetrics().elidedText(text, Qt::ElideRight, width));
    };
    for (qsizetype i = 0; i < plot.waits.size(); ++i) {
        const BackoffPlot::Wait &wait = plot.waits.at(i);
        const QColor colour = wait.fromRetryAfter ? WaitColor : BackoffColor;
        QRectF bar(QPointF(g.x(wait.from), g.waitY - h / 2), QPointF(g.x(wait.to), g.waitY + h / 2));
        painter.fillRect(bar, colour);
        painter.setPen(Qt::white);
        label(bar, wait.fromRetryAfter ? tr("Retry-After %1 s").arg(wait.to - wait.from, 0, 'f', 0)
                                       : tr("backoff %1 s").arg(wait.to - wait.from, 0, 'f', 0));
        QRectF scheduled(QPointF(g.x(wait.from), g.scheduleY - h / 2),
                         QPointF(g.x(wait.from + double(wait.scheduleSeconds)), g.scheduleY + h / 2));
        painter.setPen(QPen(BackoffColor, 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(scheduled);
        painter.setPen(palette().color(QPalette::Text));
        const double roomEnd = i + 1 < plot.waits.size() ? g.x(plot.waits.at(i + 1).from) : g.area.right();
        label(QRectF(scheduled.topLeft(), QPointF(roomEnd, scheduled.bottom())),
              tr("n=%1: %2 s").arg(wait.failures).arg(wait.scheduleSeconds));
    }
}

// Attempts closer together than a dot (a 429 answered at once, then the next) are stacked
// downwards, their status beside them instead of above.
void BackoffChart::paintAttempts(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const
{
    const double r = std::min(g.laneHeight * 0.2, fontMetrics().height() * 0.45);
    const int line = fontMetrics().height();
    double previousX = -1e9;
    int stack = 0;
    for (const BackoffPlot::Attempt &attempt : plot.attempts) {
        const double x = g.x(attempt.start);
        stack = x - previousX < 2 * r + 2 ? (stack + 1) % 3 : 0;
        previousX = x;
        const QPointF centre(x, g.attemptsY - g.laneHeight * 0.15 + stack * (2 * r + 2));
        painter.setPen(QPen(palette().color(QPalette::Text), 1));
        painter.setBrush(Theme::verdictColor(attempt.verdict));
        painter.drawEllipse(centre, r, r);
        const QString label = attempt.status ? QString::number(attempt.status) : tr("none");
        const QRectF above(centre.x() - 30, centre.y() - r - line - 1, 60, line);
        const QRectF beside(centre.x() + r + 3, centre.y() - line / 2.0, 60, line);
        painter.drawText(stack == 0 ? above : beside,
                         (stack == 0 ? Qt::AlignHCenter | Qt::AlignBottom : Qt::AlignLeft | Qt::AlignVCenter),
                         label);
    }
}

void BackoffChart::paintNow(QPainter &painter, const Geometry &g, const BackoffPlot &plot) const
{
    if (!m_series || !m_series->isRunning())
        return;
    const QColor highlight = palette().color(QPalette::Highlight);
    painter.setPen(QPen(highlight, 2));
    painter.drawLine(QPointF(g.x(plot.now), g.area.top()), QPointF(g.x(plot.now), g.area.bottom()));
    if (plot.nextAttempt < 0)
        return;
    painter.setPen(QPen(highlight, 1, Qt::DotLine));
    painter.drawLine(QPointF(g.x(plot.nextAttempt), g.area.top()),
                     QPointF(g.x(plot.nextAttempt), g.area.bottom()));
    const double left = std::max(0.0, plot.nextAttempt - plot.now);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRectF(g.x(plot.now) + 4, g.area.top(), 200, fontMetrics().height()),
                     Qt::AlignLeft | Qt::AlignTop, tr("next in %1 s").arg(left, 0, 'f', 1));
}

} // namespace SentryUi
