#include "historycontroller.h"

#include "compareview.h"
#include "exchangedetail.h"
#include "exchangeiddialog.h"
#include "filecontroller.h"
#include "history.h"
#include "replaydialog.h"

#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

HistoryController::HistoryController(FileController *files, const TargetsModel *targets, QWidget *window)
    : QObject(window)
    , m_files(files)
    , m_targets(targets)
    , m_window(window)
{
}

HistoryController::~HistoryController() = default; // its windows are the main window's children

void HistoryController::setHistory(Sentry::History *history)
{
    m_history = history;
    if (m_detail)
        m_detail->setHistory(history);
}

bool HistoryController::askForExchange()
{
    std::optional<qint64> id;
    if (m_idPrompt) {
        id = m_idPrompt(m_history);
    } else {
        ExchangeIdDialog dialog(m_history, m_window);
        if (dialog.exec() == QDialog::Accepted)
            id = dialog.exchangeId();
    }
    return id && showExchange(*id);
}

QWidget *HistoryController::makeWindow(QWidget *content, const QString &title, const QString &name)
{
    auto *window = new QWidget(m_window, Qt::Window);
    window->setObjectName(name);
    window->setWindowTitle(title);
    auto *layout = new QVBoxLayout(window);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    window->resize(QSize(1000, 680));
    return window;
}

CompareView *HistoryController::compareView() const
{
    return m_compare;
}

ExchangeDetailView *HistoryController::detailView()
{
    if (m_detail)
        return m_detail;
    m_detail = new ExchangeDetailView;
    m_detail->setHistory(m_history);
    m_detailWindow = makeWindow(m_detail, tr("Exchange"), u"exchangeWindow"_s);
    connect(m_detail, &ExchangeDetailView::reopenAsDraftRequested, this, &HistoryController::reopenAsDraft);
    connect(m_detail, &ExchangeDetailView::replayRequested, this, &HistoryController::replay);
    connect(m_detail, &ExchangeDetailView::compareRequested, this, &HistoryController::compare);
    return m_detail;
}

bool HistoryController::showExchange(qint64 id)
{
    QString error;
    if (!detailView()->showExchangeId(id, &error)) {
        Q_EMIT failed(tr("Cannot show exchange #%1: %2").arg(id).arg(error));
        return false;
    }
    m_detailWindow->setWindowTitle(tr("Exchange #%1").arg(id));
    m_detailWindow->show();
    m_detailWindow->raise();
    m_detailWindow->activateWindow();
    return true;
}

bool HistoryController::reopenAsDraft(const Sentry::Exchange &exchange)
{
    const QByteArray event = exchange.eventJson.isEmpty() ? exchange.requestBody : exchange.eventJson;
    if (event.isEmpty()) {
        Q_EMIT failed(tr("Exchange #%1 carries no event to reopen (%2).")
                          .arg(exchange.id)
                          .arg(exchange.refusal.isEmpty() ? tr("its body is empty") : exchange.refusal));
        return false;
    }
    if (!m_files->openDraft(event, tr("exchange #%1").arg(exchange.id)))
        return false;
    m_window->raise(); // the composer is where the draft is; the detail window stays open behind
    m_window->activateWindow();
    Q_EMIT draftOpened();
    return true;
}

ReplayDialog *HistoryController::replay(const Sentry::Exchange &exchange)
{
    auto *dialog = new ReplayDialog(exchange, m_targets, m_writer, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReplayDialog::compareRequested, this, &HistoryController::compare);
    connect(dialog, &ReplayDialog::replayFinished, this, [this](const Sentry::ReplayOutcome &outcome) {
        if (m_detail && m_detail->exchange().id == outcome.original.id)
            m_detail->showExchange(m_detail->exchange()); // its replays now list this one
        Q_EMIT statusMessage(outcome.replay.id > 0
                                 ? tr("Replay of #%1 recorded as #%2").arg(outcome.original.id).arg(outcome.replay.id)
                                 : tr("Replay of #%1 not recorded: %2").arg(outcome.original.id).arg(outcome.historyError));
    });
    dialog->show();
    return dialog;
}

bool HistoryController::compare(qint64 originalId, qint64 replayId)
{
    QString error;
    const auto original = m_history ? m_history->exchange(originalId, &error) : std::nullopt;
    const auto replayed = original ? m_history->exchange(replayId, &error) : std::nullopt;
    if (!replayed) {
        Q_EMIT failed(tr("Cannot compare #%1 with #%2: %3")
                          .arg(originalId)
                          .arg(replayId)
                          .arg(m_history ? error : tr("no history is open")));
        return false;
    }
    if (!m_compare) {
        m_compare = new CompareView;
        makeWindow(m_compare, {}, u"compareWindow"_s);
    }
    QWidget *window = m_compare->window();
    window->setWindowTitle(tr("Original #%1 and Replay #%2").arg(originalId).arg(replayId));
    window->show(); // first: the view scrolls to the first difference once it has a size
    window->raise();
    const bool secret = m_detail && m_detail->isSecretShown();
    const auto shown = [secret](const Sentry::Exchange &e) { return secret ? e : e.withMaskedSecret(); };
    m_compare->setTitles(tr("Original #%1").arg(originalId), tr("Replay #%1").arg(replayId));
    m_compare->compare(Sentry::Replay::comparisonLines(shown(*original)),
                       Sentry::Replay::comparisonLines(shown(*replayed)));
    return true;
}

} // namespace SentryUi
