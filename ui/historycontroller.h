#pragma once

// History and replay for the main window: History › Show Exchange (by id) opens the exchange
// detail window; from there an exchange is reopened as a draft in the composer, replayed
// (ReplayDialog) or compared with its original or replay side by side (CompareView). The window
// owns the history; this only reads it and records replays in it. Dialogs are replaceable so
// tests can drive it.

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace Sentry {
class History;
class HistoryWriter;
struct Exchange;
}

namespace SentryUi {

class CompareView;
class ExchangeDetailView;
class FileController;
class ReplayDialog;
class TargetsModel;

class HistoryController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryController)

public:
    // Asked for an exchange id (History › Show Exchange); nullopt = cancelled.
    using IdPrompt = std::function<std::optional<qint64>(const Sentry::History *history)>;

    HistoryController(FileController *files, const TargetsModel *targets, QWidget *window);
    ~HistoryController() override;

    void setHistory(Sentry::History *history); // nullptr: none is open
    // Where replays are recorded (the receiver's writer, off the window's thread); nullptr: not
    // recorded, and the replay dialog says so.
    void setWriter(Sentry::HistoryWriter *writer) { m_writer = writer; }
    void setIdPrompt(IdPrompt prompt) { m_idPrompt = std::move(prompt); }

    bool askForExchange();          // History › Show Exchange…
    bool showExchange(qint64 id);   // in the detail window
    bool reopenAsDraft(const Sentry::Exchange &exchange);
    ReplayDialog *replay(const Sentry::Exchange &exchange); // opens the dialog (non-modal)
    bool compare(qint64 originalId, qint64 replayId);       // opens the side-by-side window

    ExchangeDetailView *detailView(); // created on first use
    CompareView *compareView() const; // nullptr until the first comparison

Q_SIGNALS:
    void statusMessage(const QString &message);
    void failed(const QString &message);
    void draftOpened(); // the composer holds a reopened exchange

private:
    QWidget *makeWindow(QWidget *content, const QString &title, const QString &name);

    FileController *m_files = nullptr;
    const TargetsModel *m_targets = nullptr;
    QWidget *m_window = nullptr;
    Sentry::History *m_history = nullptr;
    Sentry::HistoryWriter *m_writer = nullptr;
    IdPrompt m_idPrompt;
    QPointer<QWidget> m_detailWindow;
    QPointer<ExchangeDetailView> m_detail;
    QPointer<CompareView> m_compare;
};

} // namespace SentryUi
