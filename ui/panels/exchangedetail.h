#pragma once

// One recorded exchange in full: an overview (direction, peer, client, status, the fault applied,
// the exchange it replays and its replays), the event as a tree, the raw request (request line,
// headers in wire order with duplicates, the body in hex and as text), the decoded body with its
// encoding, the auth fields and where they were found, the findings with what the server changed
// between the received and the stored event, and the answer. Secrets read as masked until
// "Show secret" is checked. It shows; what to do with the exchange it asks for with signals.
//
//     auto *detail = new SentryUi::ExchangeDetailView;
//     detail->setHistory(&history);          // for the replays list and the links
//     detail->showExchange(exchange);
//     connect(detail, &ExchangeDetailView::replayRequested, …);

#include "exchange.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeView;

namespace Sentry {
class History;
}

namespace SentryUi {

class FindingsModel;
class JsonTreeModel;
class PairsModel;
class UnifiedDiffView;

class ExchangeDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeDetailView)

public:
    enum Tab { OverviewTab, EventTab, RequestTab, DecodedTab, AuthTab, FindingsTab, AnswerTab };

    explicit ExchangeDetailView(QWidget *parent = nullptr);
    ~ExchangeDetailView() override;

    void setHistory(const Sentry::History *history) { m_history = history; }
    void showExchange(const Sentry::Exchange &exchange);
    bool showExchangeId(qint64 id, QString *error = nullptr); // needs a history
    void clear();
    Sentry::Exchange exchange() const { return m_exchange; }
    QList<qint64> replays() const { return m_replays; } // of the exchange shown, newest first

    bool isSecretShown() const;
    void setSecretShown(bool shown);

    // What the sections show, for tests and copy.
    QTabWidget *tabs() const { return m_tabs; }
    QString overviewText() const;
    QString requestLineText() const;
    QString bodyText() const;
    QString bodyHexText() const;
    QString bodySizeText() const;
    QString decodedText() const;
    QString encodingText() const;
    QString authSourceText() const;
    QString storedDiffText() const;
    QString answerText() const;
    PairsModel *requestHeadersModel() const { return m_requestHeaders; }
    PairsModel *authModel() const { return m_auth; }
    PairsModel *answerHeadersModel() const { return m_answerHeaders; }
    FindingsModel *findingsModel() const { return m_findings; }
    JsonTreeModel *eventModel() const { return m_event; }

Q_SIGNALS:
    void reopenAsDraftRequested(const Sentry::Exchange &exchange);
    void replayRequested(const Sentry::Exchange &exchange);
    void compareRequested(qint64 originalId, qint64 replayId);
    void exchangeLinkActivated(qint64 id); // an exchange named in the overview (original, replay)

private:
    QWidget *buildHeader();
    QWidget *buildOverview();
    QWidget *buildEventTab();
    QWidget *buildRequestTab();
    QWidget *buildDecodedTab();
    QWidget *buildAuthTab();
    QWidget *buildFindingsTab();
    QWidget *buildAnswerTab();
    void render();
    void showOverview(const Sentry::Exchange &e);
    void showRequest(const Sentry::Exchange &e);
    void showDecoded(const Sentry::Exchange &e);
    void showFindings(const Sentry::Exchange &e);
    void showAnswer(const Sentry::Exchange &e);
    void findReplays();
    void compareWithLatest();

    const Sentry::History *m_history = nullptr;
    Sentry::Exchange m_exchange;
    QList<qint64> m_replays;
    bool m_hasExchange = false;

    QLabel *m_title = nullptr;
    QCheckBox *m_showSecret = nullptr;
    QPushButton *m_reopen = nullptr;
    QPushButton *m_replay = nullptr;
    QPushButton *m_compare = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_overview = nullptr;
    JsonTreeModel *m_event = nullptr;
    QTreeView *m_eventView = nullptr;
    QLabel *m_requestLine = nullptr;
    PairsModel *m_requestHeaders = nullptr;
    QLabel *m_bodySize = nullptr;
    QPlainTextEdit *m_bodyText = nullptr;
    QPlainTextEdit *m_bodyHex = nullptr;
    QLabel *m_encoding = nullptr;
    QPlainTextEdit *m_decoded = nullptr;
    QLabel *m_authSource = nullptr;
    PairsModel *m_auth = nullptr;
    FindingsModel *m_findings = nullptr;
    UnifiedDiffView *m_storedDiff = nullptr;
    QLabel *m_answerStatus = nullptr;
    PairsModel *m_answerHeaders = nullptr;
    QPlainTextEdit *m_answerBody = nullptr;
};

} // namespace SentryUi
