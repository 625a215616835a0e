#pragma once

// Event › Send Repeatedly: runs a series of sends of the current request (core's SendSeries, the
// same series as the CLI's `send --repeat N`), waiting out the backoff and each Retry-After as a
// client would, with the countdown shown and a Stop button; the chart draws every attempt against
// the protocol's min(n, 6)² schedule. With a history set, each attempt is recorded there, as the
// CLI's send --repeat does.

#include "sendseries.h"

#include <QWidget>

#include <optional>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTimer;

namespace Sentry {
class History;
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
    // Where each attempt is recorded (an open History the caller owns); nullptr: nowhere.
    void setHistory(Sentry::History *history) { m_history = history; }
    QString historyError() const { return m_historyError; } // why the last attempt was not recorded

    Sentry::SendSeries *series() const { return m_series; }
    Sentry::SendSession *session() const { return m_session; }
    BackoffChart *chart() const { return m_chart; }
    QString statusText() const;

Q_SIGNALS:
    void runningChanged(bool running);

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
    Sentry::History *m_history = nullptr;
    QString m_historyError;
};

} // namespace SentryUi
