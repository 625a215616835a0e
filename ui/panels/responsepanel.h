#pragma once

// Send and response: sends a built StoreRequest through core's SendSession (on the injected network
// manager; at once, as a person asked), shows progress with Cancel, then the answer — a verdict
// banner in plain words, status, X-Sentry-Error, headers, body, event id, time — and the client's
// backoff state with a countdown. With a history writer set, each send's exchange is recorded
// there (on the writer's thread, never blocking the window), as the CLI's send does.

#include "backoff.h"
#include "exchange.h"
#include "sendresult.h"
#include "sendsession.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QWidget>

#include <optional>

class QFrame;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace Sentry {
class HistoryWriter;
class Sender;
} // namespace Sentry

namespace SentryUi {

class PairsModel;

class ResponsePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponsePanel)

public:
    explicit ResponsePanel(QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~ResponsePanel() override;

    void send(const Sentry::StoreRequest &request); // ignored while busy
    void cancel();
    bool isBusy() const { return m_busy; }

    Sentry::Sender *sender() const { return m_session->sender(); }
    // Where each finished send is recorded (an open writer the caller owns, such as the embedded
    // receiver's); nullptr: nowhere. sendRecorded follows sendFinished once the row is committed.
    void setHistory(Sentry::HistoryWriter *history) { m_history = history; }
    // Why the last send was not recorded; known from its sendRecorded on.
    QString historyError() const { return m_historyError; }
    Sentry::BackoffState backoffState() const { return m_session->backoffState(); }
    std::optional<Sentry::SendResult> lastResult() const { return m_result; }
    // The last send as an exchange (with its history id when recorded), for the protocol timeline.
    std::optional<Sentry::Exchange> lastExchange() const { return m_exchange; }

    // What the panel shows, for tests and copy.
    QString verdictText() const;
    QString statusText() const;
    QString eventIdText() const;
    QString bodyText() const;
    QString backoffText() const;
    PairsModel *headersModel() const { return m_headers; }

    static QString verdictTitle(Sentry::Verdict verdict); // "Stored", "Refused: bad credentials", …

Q_SIGNALS:
    void busyChanged(bool busy);
    void sendFinished(const Sentry::SendResult &result);
    void timelineRequested(const Sentry::Exchange &exchange); // the last send's
    void sendRecorded(const Sentry::Exchange &stored, const QString &error); // with its id, or why not

private:
    QWidget *buildBanner();
    QWidget *buildDetails();
    QWidget *buildHeaders();
    void setBusy(bool busy);
    void showResult(const Sentry::SendResult &result);
    void record(const Sentry::SendResult &result);
    void showBanner(const Sentry::SendResult &result);
    void updateProgress();
    void updateBackoff();

    Sentry::SendSession *m_session = nullptr;
    std::optional<Sentry::SendResult> m_result;
    Sentry::HistoryWriter *m_history = nullptr;
    std::optional<Sentry::StoreRequest> m_request; // the one in flight, for the history
    QDateTime m_sentAt;
    std::optional<Sentry::Exchange> m_exchange;
    quint64 m_sends = 0; // counts finished sends: a commit names the one it belongs to
    QString m_historyError;
    bool m_busy = false;
    QElapsedTimer m_elapsed;
    QTimer *m_ticker = nullptr; // progress and backoff countdown, once per 100 ms / 1 s

    QFrame *m_banner = nullptr; // coloured by outcome
    QLabel *m_verdictTitle = nullptr;
    QLabel *m_verdictDetail = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_timeline = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_serverError = nullptr;
    QLineEdit *m_eventId = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_backoffLabel = nullptr;
    QPlainTextEdit *m_body = nullptr;
    PairsModel *m_headers = nullptr;
};

} // namespace SentryUi
