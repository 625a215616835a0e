#include "backoffpanel.h"

#include "backoffchart.h"
#include "exchange.h"
#include "historywriter.h"
#include "icons.h"
#include "responsepanel.h"
#include "sendsession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

BackoffPanel::BackoffPanel(QNetworkAccessManager *network, Sentry::Backoff::Clock clock, QWidget *parent)
    : QWidget(parent)
    , m_session(new Sentry::SendSession(network, clock, this))
    , m_series(new Sentry::SendSeries(m_session, clock, this))
    , m_chart(new BackoffChart(this))
    , m_status(new QLabel(this))
    , m_last(new QLabel(this))
    , m_stop(new QPushButton(Icons::icon(u"cancel"_s), tr("S&top Series"), this))
    , m_ticker(new QTimer(this))
{
    m_chart->setSeries(m_series);
    m_status->setWordWrap(true);
    m_last->setWordWrap(true);
    m_last->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stop->setEnabled(false);
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_last);
    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, &BackoffPanel::updateStatus);
    connect(m_stop, &QPushButton::clicked, this, &BackoffPanel::stop);
    connect(m_series, &Sentry::SendSeries::attemptFinished, this,
            [this](const Sentry::SeriesAttempt &attempt) {
                m_historyError.clear();
                m_lastAttempt = attempt;
                m_last->setText(attemptText(attempt));
                record(attempt);
                updateStatus();
            });
    connect(m_series, &Sentry::SendSeries::waiting, this, &BackoffPanel::updateStatus);
    connect(m_series, &Sentry::SendSeries::attemptStarted, this, &BackoffPanel::updateStatus);
    connect(m_series, &Sentry::SendSeries::finished, this, [this](Sentry::SendSeries::End end) {
        m_end = end;
        m_ticker->stop();
        m_stop->setEnabled(false);
        updateStatus();
        Q_EMIT runningChanged(false);
    });
    updateStatus();
}

BackoffPanel::~BackoffPanel() = default;

bool BackoffPanel::start(const Sentry::StoreRequest &request, const Sentry::SendSeries::Options &options)
{
    if (!m_series->start(request, options))
        return false;
    m_request = request;
    m_lastAttempt.reset();
    m_last->clear();
    m_stop->setEnabled(true);
    m_ticker->start();
    updateStatus();
    Q_EMIT runningChanged(true);
    return true;
}

void BackoffPanel::stop()
{
    m_series->stop();
}

void BackoffPanel::record(const Sentry::SeriesAttempt &attempt)
{
    if (!m_history || !m_request)
        return;
    const auto isLast = [this, number = attempt.number, at = attempt.startedAt] {
        return m_lastAttempt && m_lastAttempt->number == number && m_lastAttempt->startedAt == at;
    };
    m_history->record(Sentry::exchangeFromSend(*m_request, attempt.result, attempt.startedAt), this,
                      [this, isLast](const Sentry::Exchange &stored, const QString &error) {
                          if (isLast()) { // a failure is told under the attempt it belongs to
                              m_historyError = error;
                              m_last->setText(attemptText(*m_lastAttempt));
                          }
                          Q_EMIT attemptRecorded(stored, error);
                      });
}

QString BackoffPanel::attemptText(const Sentry::SeriesAttempt &attempt) const
{
    QString text = tr("Attempt %1: %2").arg(attempt.number).arg(ResponsePanel::verdictTitle(attempt.result.verdict));
    if (attempt.result.status)
        text += tr(" (HTTP %1)").arg(attempt.result.status);
    if (attempt.result.retryAfterSeconds)
        text += tr(", Retry-After %1 s").arg(*attempt.result.retryAfterSeconds);
    text += u". "_s + attempt.state.reason;
    if (!m_historyError.isEmpty())
        text += u" "_s + tr("(Not recorded: %1)").arg(m_historyError);
    return text;
}

QString BackoffPanel::statusText() const
{
    return m_status->text();
}

void BackoffPanel::updateStatus()
{
    const int count = m_series->options().count;
    const int done = int(m_series->attempts().size());
    if (!m_series->isRunning()) {
        using End = Sentry::SendSeries::End;
        m_status->setText(done == 0 ? tr("No series yet: Event › Send Repeatedly… sends the event "
                                         "several times, honouring the backoff.")
                          : m_end == End::Stopped ? tr("Stopped after %n attempt(s).", nullptr, done)
                          : m_end == End::Refused ? tr("Ended after %n attempt(s): the server refused "
                                                       "the event for good, a client would not repeat it.",
                                                       nullptr, done)
                                                  : tr("Done: %n attempt(s).", nullptr, done));
        return;
    }
    const QDateTime until = m_series->waitingUntil();
    if (!until.isValid()) {
        m_status->setText(tr("Attempt %1 of %2: sending…").arg(done + 1).arg(count));
        return;
    }
    const double left = std::max<qint64>(0, m_series->now().msecsTo(until)) / 1000.0;
    const bool backoff = m_series->waitKind() == Sentry::SendSeries::Wait::Backoff;
    m_status->setText((backoff ? tr("Attempt %1 of %2 in %3 s, waiting out the backoff. %4")
                               : tr("Attempt %1 of %2 in %3 s: the interval between attempts. %4"))
                          .arg(done + 1).arg(count).arg(left, 0, 'f', 1)
                          .arg(backoff ? m_session->backoffState().reason : QString()));
}

} // namespace SentryUi
