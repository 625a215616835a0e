#include "responsepanel.h"


#include "exchange.h"
#include "historywriter.h"
#include "icons.h"
#include "pairsmodel.h"
#include "sender.h"
#include "storerequest.h"
#include "theme.h"

#include <QClipboard>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

QString headerText(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

} // namespace

ResponsePanel::ResponsePanel(QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent)
    , m_session(new Sentry::SendSession(network, {}, this))
{
    m_headers = new PairsModel(tr("Header"), tr("Value"), this);
    m_ticker = new QTimer(this);
    m_ticker->setInterval(100);

    m_body = new QPlainTextEdit;
    m_body->setReadOnly(true);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(tr("The response body appears here"));

    // The banner across the top; below it the facts beside the body and headers, so the panel
    // stays readable when it is short (below the request, on a laptop).
    auto *answer = new QTabWidget;
    answer->setDocumentMode(true);
    answer->addTab(m_body, tr("Body"));
    answer->addTab(buildHeaders(), tr("Headers"));
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"responseSplitter"_s);
    // The facts scroll on their own when the panel is short, so wrapped lines are never cut.
    auto *details = new QScrollArea;
    details->setWidget(buildDetails());
    details->setWidgetResizable(true);
    details->setFrameShape(QFrame::NoFrame);
    details->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    splitter->addWidget(details);
    splitter->addWidget(answer);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildBanner());
    layout->addWidget(splitter, 1);

    connect(m_session, &Sentry::SendSession::attemptFinished, this, &ResponsePanel::showResult);
    connect(m_cancel, &QPushButton::clicked, this, &ResponsePanel::cancel);
    connect(m_ticker, &QTimer::timeout, this, [this] {
        updateProgress();
        updateBackoff();
    });
}

ResponsePanel::~ResponsePanel() = default;

QWidget *ResponsePanel::buildBanner()
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QFrame;
    m_banner->setAutoFillBackground(true);
    auto *bannerLayout = new QVBoxLayout(m_banner);
    m_verdictTitle = new QLabel(tr("Nothing sent yet"));
    QFont bold = m_verdictTitle->font();
    bold.setBold(true);
    m_verdictTitle->setFont(bold);
    m_verdictDetail
        = new QLabel(tr("Send the event with Ctrl+Return; the server's answer appears here."));
    for (QLabel *label : {m_verdictTitle, m_verdictDetail}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        bannerLayout->addWidget(label);
    }
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // busy indicator: the server gives no progress
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel = new QPushButton(Icons::icon(u"cancel"_s), tr("Cancel"));
    m_cancel->setEnabled(false);
    m_timeline = new QPushButton(tr("Protocol &Timeline"));
    m_timeline->setObjectName(u"timelineButton"_s);
    m_timeline->setToolTip(tr("This send step by step: DSN, URL, auth header, JSON, scrubbing, "
                              "encoding, bytes, response and verdict"));
    m_timeline->setEnabled(false);
    connect(m_timeline, &QPushButton::clicked, this, [this] {
        if (m_exchange)
            Q_EMIT timelineRequested(*m_exchange);
    });
    layout->addWidget(m_banner, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_timeline);
    return box;
}

QWidget *ResponsePanel::buildDetails()
{
    auto *box = new QWidget;
    auto *form = new QFormLayout(box);
    form->setContentsMargins(4, 4, 4, 4);
    m_status = new QLabel;
    m_serverError = new QLabel;
    m_serverError->setWordWrap(true);
    m_serverError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_eventId = new QLineEdit;
    m_eventId->setReadOnly(true);
    m_eventId->setPlaceholderText(tr("none: the server did not confirm storage"));
    auto *copyId = new QToolButton;
    copyId->setIcon(Icons::icon(u"copy"_s));
    copyId->setToolTip(tr("Copy the event id"));
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_eventId, 1);
    idRow->addWidget(copyId);
    m_time = new QLabel;
    m_backoffLabel = new QLabel(tr("ready"));
    m_backoffLabel->setWordWrap(true);
    form->addRow(tr("Status"), m_status);
    form->addRow(QString::fromLatin1(Sentry::HttpHeader::SentryError), m_serverError);
    form->addRow(tr("Event id"), idRow);
    form->addRow(tr("Time"), m_time);
    form->addRow(tr("Backoff"), m_backoffLabel);
    connect(copyId, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_eventId->text()); });
    return box;
}

QWidget *ResponsePanel::buildHeaders()
{
    auto *headers = new QTableView;
    headers->setModel(m_headers);
    headers->horizontalHeader()->setStretchLastSection(true);
    headers->verticalHeader()->hide();
    return headers;
}

void ResponsePanel::send(const Sentry::StoreRequest &request)
{
    if (m_busy)
        return;
    setBusy(true);
    m_elapsed.start();
    m_verdictTitle->setText(tr("Sending…"));
    m_verdictDetail->setText(request.url().toDisplayString());
    m_banner->setPalette(palette());
    m_request = request;
    m_sentAt = QDateTime::currentDateTimeUtc();
    m_session->send(request, Sentry::SendSession::Pace::Now);
}

void ResponsePanel::cancel()
{
    if (m_busy)
        m_session->cancel();
}

void ResponsePanel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_progress->setVisible(busy);
    m_cancel->setEnabled(busy);
    if (busy)
        m_ticker->start();
    Q_EMIT busyChanged(busy);
}

void ResponsePanel::showResult(const Sentry::SendResult &result)
{
    m_result = result;
    record(result);
    setBusy(false);
    showBanner(result);
    m_status->setText(result.status > 0 ? QString::number(result.status) : tr("no HTTP answer"));
    m_serverError->setText(
        result.hasServerError
            ? (result.serverError.isEmpty() ? tr("(present, empty)") : result.serverError)
            : tr("(absent)"));
    m_eventId->setText(result.eventId);
    m_time->setText(tr("%1 ms").arg(result.elapsedMs));
    QList<PairsModel::Pair> headers;
    for (const auto &header : result.headers)
        headers.append({headerText(header.first), headerText(header.second)});
    m_headers->setPairs(headers);
    m_body->setPlainText(QString::fromUtf8(result.body)
                         + (result.bodyTruncated ? u"\n…"_s + tr("(truncated)") : QString()));
    updateBackoff();
    if (m_session->backoffState().phase != Sentry::BackoffState::Phase::Waiting)
        m_ticker->stop();
    Q_EMIT sendFinished(result);
}

void ResponsePanel::record(const Sentry::SendResult &result)
{
    m_historyError.clear();
    const quint64 send = ++m_sends;
    if (!m_request)
        return;
    m_exchange = Sentry::exchangeFromSend(*m_request, result, m_sentAt);
    m_timeline->setEnabled(true);
    if (!m_history)
        return;
    m_history->record(*m_exchange, this, [this, send](const Sentry::Exchange &stored, const QString &error) {
        if (send == m_sends) { // still the last send: its timeline names the row
            m_exchange->id = stored.id;
            m_historyError = error;
        }
        Q_EMIT sendRecorded(stored, error);
    });
}

void ResponsePanel::showBanner(const Sentry::SendResult &result)
{
    m_verdictTitle->setText(verdictTitle(result.verdict));
    m_verdictDetail->setText(result.explanation);
    QPalette banner = palette();
    banner.setColor(QPalette::Window, Theme::verdictColor(result.verdict));
    banner.setColor(QPalette::WindowText, Qt::white);
    m_banner->setPalette(banner);
}

void ResponsePanel::updateProgress()
{
    if (m_busy)
        m_time->setText(tr("%1 ms…").arg(m_elapsed.elapsed()));
}

void ResponsePanel::updateBackoff()
{
    const Sentry::BackoffState state = m_session->backoffState();
    QString text;
    switch (state.phase) {
    case Sentry::BackoffState::Phase::Ready:
        text = tr("ready: a client would send now");
        break;
    case Sentry::BackoffState::Phase::WontRetry:
        text = tr("won't retry: the server will refuse the same request again");
        break;
    case Sentry::BackoffState::Phase::Waiting: {
        const qint64 seconds = (m_session->msUntilReady() + 999) / 1000;
        text = seconds > 0 ? tr("waiting: %n failure(s) in a row; a client would retry in %1 s",
                                nullptr, state.failures)
                                 .arg(seconds)
                           : tr("ready to retry after %n failure(s)", nullptr, state.failures);
        if (seconds <= 0 && !m_busy)
            m_ticker->stop();
        break;
    }
    }
    if (!state.reason.isEmpty())
        text += u" — "_s + state.reason;
    // Each target backs off on its own: say whose state this is.
    if (!m_session->currentTarget().isEmpty())
        text += u' ' + tr("(for %1)").arg(m_session->currentTarget());
    m_backoffLabel->setText(text);
}

QString ResponsePanel::verdictTitle(Sentry::Verdict verdict)
{
    switch (verdict) {
    case Sentry::Verdict::Accepted:
        return tr("Stored: the server accepted the event");
    case Sentry::Verdict::InvalidData:
        return tr("Refused: the server rejected the event data");
    case Sentry::Verdict::AuthFailed:
        return tr("Refused: the credentials were not accepted");
    case Sentry::Verdict::RateLimited:
        return tr("Rate limited: the server is dropping events for now");
    case Sentry::Verdict::ServerError:
        return tr("Server error: the event was not confirmed as stored");
    case Sentry::Verdict::Timeout:
        return tr("Timed out: no answer in time");
    case Sentry::Verdict::Unreachable:
        return tr("Unreachable: could not connect to the server");
    case Sentry::Verdict::TlsError:
        return tr("TLS error: the secure connection failed");
    case Sentry::Verdict::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString ResponsePanel::verdictText() const
{
    return m_verdictTitle->text() + u'\n' + m_verdictDetail->text();
}
QString ResponsePanel::statusText() const
{
    return m_status->text();
}
QString ResponsePanel::eventIdText() const
{
    return m_eventId->text();
}
QString ResponsePanel::bodyText() const
{
    return m_body->toPlainText();
}
QString ResponsePanel::backoffText() const
{
    return m_backoffLabel->text();
}

} // namespace SentryUi
