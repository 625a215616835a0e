#pragma once

// Event › Send Repeatedly: runs a series of sends of the current request (core's SendSeries, the
// same series as the CLI's `send --repeat N`), waiting out the backoff and each Retry-After as a
// client would, with the countdown shown and a Stop button; the chart draws every attempt against
// the protocol's min(n, 6)² schedule. With a history writer set, each attempt is recorded there
// (on the writer's thread), as the CLI's send --repeat does.

#include "exchange.h"
#include "sendseries.h"

#include <QWidget>

#include <optional>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTimer;

namespace Sentry {
class HistoryWriter;
class SendSession;
} // namespace Sentry

namespace SentryUi {

class BackoffChart;

class BackoffPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackoffPanel)

public:
    // The clock times the attempts and the waits (tests inject one); empty: the system's.
    explicit BackoffPanel(QNetworkAccessManager *network, Sentry::Backoff::Clock clock = {},
                          QWidget *parent = nullptr);
    ~BackoffPanel() override;

    bool start(const Sentry::StoreRequest &request, const Sentry::SendSeries::Options &options);
    void stop();
    bool isRunning() const { return m_series->isRunning(); }
    // Where each attempt is recorded (an open writer the caller owns); nullptr: nowhere.
    void setHistory(Sentry::HistoryWriter *history) { m_history = history; }
    // Why the last attempt was not recorded; known from its attemptRecorded on.
    QString historyError() const { return m_historyError; }

    Sentry::SendSeries *series() const { return m_series; }
    Sentry::SendSession *session() const { return m_session; }
    BackoffChart *chart() const { return m_chart; }
    QString statusText() const;

Q_SIGNALS:
    void runningChanged(bool running);
    void attemptRecorded(const Sentry::Exchange &stored, const QString &error); // with its id, or why not

private:
    void updateStatus();
    void record(const Sentry::SeriesAttempt &attempt);
    QString attemptText(const Sentry::SeriesAttempt &attempt) const;

    Sentry::SendSession *m_session = nullptr;
    Sentry::SendSeries *m_series = nullptr;
    BackoffChart *m_chart = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_last = nullptr;
    QPushButton *m_stop = nullptr;
    QTimer *m_ticker = nullptr;
    Sentry::SendSeries::End m_end = Sentry::SendSeries::End::Completed;
    std::optional<Sentry::StoreRequest> m_request; // of the series, for the history
    Sentry::HistoryWriter *m_history = nullptr;
    QString m_historyError;
    std::optional<Sentry::SeriesAttempt> m_lastAttempt; // shown below the chart
};

} // namespace SentryUi
