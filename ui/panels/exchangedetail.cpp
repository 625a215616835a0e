#include "exchangedetail.h"

#include "authheader.h"
#include "bodycodec.h"
#include "bytetext.h"
#include "findingsmodel.h"
#include "history.h"
#include "icons.h"
#include "jsontext.h"
#include "jsontreemodel.h"
#include "linediff.h"
#include "mask.h"
#include "pairsmodel.h"
#include "storerequest.h"
#include "unifieddiffview.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

constexpr auto LinkScheme = "exchange"_L1;

QPlainTextEdit *makeText(const QString &placeholder)
{
    auto *text = new QPlainTextEdit;
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlaceholderText(placeholder);
    return text;
}

QTableView *makeTable(PairsModel *model)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(PairsModel::NameColumn, QHeaderView::ResizeToContents);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().lineSpacing() + 6);
    view->setWordWrap(false);
    return view;
}

QWidget *column(std::initializer_list<QWidget *> widgets, QWidget *stretch)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    for (QWidget *widget : widgets)
        layout->addWidget(widget, widget == stretch ? 1 : 0);
    return box;
}

QLabel *makeLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QList<PairsModel::Pair> pairs(const Sentry::RawHeaders &headers)
{
    QList<PairsModel::Pair> out;
    for (const Sentry::RawHeader &header : headers)
        out.append({Sentry::ByteText::readable(header.first), Sentry::ByteText::readable(header.second)});
    return out;
}

QString link(qint64 id)
{
    return u"<a href=\"%1:%2\">#%2</a>"_s.arg(LinkScheme).arg(id);
}

QString formDescriptionOf(const QString &name)
{
    for (const auto form : {Sentry::BodyForm::Json, Sentry::BodyForm::Base64Json,
                            Sentry::BodyForm::Base64Zlib, Sentry::BodyForm::Unknown}) {
        if (Sentry::formName(form) == name)
            return Sentry::formDescription(form);
    }
    return name;
}

// A received exchange has the fields the judge found; a sent one has them in its header (or, for
// a browser beacon, its query string), read by core's parser.
QList<Sentry::AuthHeader::Field> sentAuthFields(const Sentry::Exchange &e)
{
    if (e.direction == Sentry::Exchange::Direction::In)
        return e.auth;
    const QByteArray header = Sentry::headerValue(e.requestHeaders, Sentry::HttpHeader::SentryAuth);
    return Sentry::AuthHeader::judge(QString::fromUtf8(header.isEmpty() ? e.url : header)).fields();
}

// Where the judge found the auth fields (Exchange::authSource), in words.
QString authSourceDescription(const Sentry::Exchange &e)
{
    if (e.direction == Sentry::Exchange::Direction::Out)
        return ExchangeDetailView::tr("Sent by the harness in the X-Sentry-Auth header (or, for a "
                                      "browser beacon, the query string).");
    if (e.authSource == "x-sentry-auth"_L1)
        return ExchangeDetailView::tr("Found in the X-Sentry-Auth header.");
    if (e.authSource == "authorization"_L1)
        return ExchangeDetailView::tr("Found in the Authorization header (\"Sentry …\").");
    if (e.authSource == "query"_L1)
        return ExchangeDetailView::tr("Found in the query string (sentry_* parameters), as a "
                                      "browser beacon sends them.");
    return ExchangeDetailView::tr("Not found: the request carried no auth fields in the "
                                  "X-Sentry-Auth or Authorization header or the query string.");
}

} // namespace

ExchangeDetailView::ExchangeDetailView(QWidget *parent)
    : QWidget(parent)
{
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildOverview(), tr("Overview"));
    m_tabs->addTab(buildEventTab(), tr("Event"));
    m_tabs->addTab(buildRequestTab(), tr("Request"));
    m_tabs->addTab(buildDecodedTab(), tr("Decoded body"));
    m_tabs->addTab(buildAuthTab(), tr("Auth"));
    m_tabs->addTab(buildFindingsTab(), tr("Findings"));
    m_tabs->addTab(buildAnswerTab(), tr("Answer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildHeader());
    layout->addWidget(m_tabs, 1);
    clear();
}

ExchangeDetailView::~ExchangeDetailView() = default;

QWidget *ExchangeDetailView::buildHeader()
{
    auto *bar = new QWidget;
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 2, 4, 2);
    m_title = makeLabel();
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_showSecret = new QCheckBox(tr("Show secret"));
    m_showSecret->setToolTip(tr("Show sentry_secret as received instead of %1").arg(QString::fromUtf16(Sentry::MaskText)));
    m_reopen = new QPushButton(Icons::icon(u"open"_s), tr("Reopen as Draft"));
    m_reopen->setToolTip(tr("Load this event into the composer as a new unsaved event (Undo "
                            "brings back what was there)"));
    m_replay = new QPushButton(Icons::icon(u"send"_s), tr("Replay…"));
    m_replay->setToolTip(tr("Send this request again to a target, exactly or rebuilt"));
    m_compare = new QPushButton(tr("Compare…"));
    m_reopen->setObjectName(u"reopenButton"_s);
    m_replay->setObjectName(u"replayButton"_s);
    m_compare->setObjectName(u"compareButton"_s);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_showSecret);
    layout->addWidget(m_reopen);
    layout->addWidget(m_replay);
    layout->addWidget(m_compare);
    connect(m_showSecret, &QCheckBox::toggled, this, &ExchangeDetailView::render);
    connect(m_reopen, &QPushButton::clicked, this, [this] { Q_EMIT reopenAsDraftRequested(m_exchange); });
    connect(m_replay, &QPushButton::clicked, this, [this] { Q_EMIT replayRequested(m_exchange); });
    connect(m_compare, &QPushButton::clicked, this, &ExchangeDetailView::compareWithLatest);
    return bar;
}

QWidget *ExchangeDetailView::buildOverview()
{
    m_overview = makeLabel();
    m_overview->setObjectName(u"exchangeOverview"_s);
    m_overview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_overview->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_overview, &QLabel::linkActivated, this, [this](const QString &target) {
        const QUrl url(target);
        if (url.scheme() != LinkScheme)
            return;
        const qint64 id = url.path().toLongLong();
        if (m_history)
            showExchangeId(id);
        Q_EMIT exchangeLinkActivated(id);
    });
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_overview);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QWidget *ExchangeDetailView::buildEventTab()
{
    m_event = new JsonTreeModel(this);
    m_eventView = new QTreeView;
    m_eventView->setModel(m_event);
    m_eventView->setAlternatingRowColors(true);
    m_eventView->setUniformRowHeights(true);
    m_eventView->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_eventView->header()->setStretchLastSection(false);
    return m_eventView;
}

QWidget *ExchangeDetailView::buildRequestTab()
{
    m_requestLine = makeLabel();
    m_requestLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_requestHeaders = new PairsModel(tr("Header"), tr("Value"), this);
    m_bodySize = makeLabel();
    m_bodyText = makeText(tr("No body"));
    m_bodyText->setObjectName(u"requestBodyText"_s);
    m_bodyHex = makeText(tr("No body"));
    m_bodyHex->setObjectName(u"requestBodyHex"_s);
    auto *body = new QTabWidget;
    body->setDocumentMode(true);
    body->addTab(m_bodyText, tr("Text"));
    body->addTab(m_bodyHex, tr("Hex"));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(makeTable(m_requestHeaders));
    splitter->addWidget(column({m_bodySize, body}, body));
    splitter->setChildrenCollapsible(false);
    return column({m_requestLine, splitter}, splitter);
}

QWidget *ExchangeDetailView::buildDecodedTab()
{
    m_encoding = makeLabel();
    m_decoded = makeText(tr("The body was not decoded"));
    return column({m_encoding, m_decoded}, m_decoded);
}

QWidget *ExchangeDetailView::buildAuthTab()
{
    m_authSource = makeLabel();
    m_auth = new PairsModel(tr("Field"), tr("Value"), this);
    QTableView *table = makeTable(m_auth);
    return column({m_authSource, table}, table);
}

QWidget *ExchangeDetailView::buildFindingsTab()
{
    m_findings = new FindingsModel(this);
    auto *view = new QTreeView;
    view->setModel(m_findings);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->header()->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    view->header()->setStretchLastSection(false);
    m_storedDiff = new UnifiedDiffView;
    m_storedDiff->setToolTip(tr("The stored event against the received one (both with sorted "
                                "keys): - removed, + added by the server"));
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(view);
    splitter->addWidget(m_storedDiff);
    splitter->setChildrenCollapsible(false);
    return splitter;
}

QWidget *ExchangeDetailView::buildAnswerTab()
{
    m_answerStatus = makeLabel();
    m_answerHeaders = new PairsModel(tr("Header"), tr("Value"), this);
    m_answerBody = makeText(tr("No body"));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(makeTable(m_answerHeaders));
    splitter->addWidget(m_answerBody);
    splitter->setChildrenCollapsible(false);
    return column({m_answerStatus, splitter}, splitter);
}

void ExchangeDetailView::showExchange(const Sentry::Exchange &exchange)
{
    m_exchange = exchange;
    m_hasExchange = true;
    findReplays();
    render();
}

bool ExchangeDetailView::showExchangeId(qint64 id, QString *error)
{
    if (!m_history) {
        if (error)
            *error = tr("No history is open to read exchange #%1 from.").arg(id);
        return false;
    }
    const auto exchange = m_history->exchange(id, error);
    if (!exchange)
        return false;
    showExchange(*exchange);
    return true;
}

void ExchangeDetailView::clear()
{
    m_exchange = {};
    m_replays.clear();
    m_hasExchange = false;
    render();
}

bool ExchangeDetailView::isSecretShown() const
{
    return m_showSecret->isChecked();
}

void ExchangeDetailView::setSecretShown(bool shown)
{
    m_showSecret->setChecked(shown);
}

void ExchangeDetailView::findReplays()
{
    m_replays.clear();
    if (!m_history || m_exchange.id <= 0)
        return;
    Sentry::HistoryQuery query;
    query.replayOf = m_exchange.id;
    query.limit = 100;
    for (const Sentry::Exchange &replay : m_history->search(query))
        m_replays.append(replay.id);
}

void ExchangeDetailView::render()
{
    for (QWidget *button : {static_cast<QWidget *>(m_reopen), static_cast<QWidget *>(m_replay)})
        button->setEnabled(m_hasExchange);
    m_compare->setEnabled(m_hasExchange && (m_exchange.replayOf > 0 || !m_replays.isEmpty()));
    m_compare->setToolTip(m_exchange.replayOf > 0
                              ? tr("This exchange beside its original, #%1").arg(m_exchange.replayOf)
                              : tr("This exchange beside its newest replay"));
    const Sentry::Exchange e = isSecretShown() ? m_exchange : m_exchange.withMaskedSecret();
    m_title->setText(m_hasExchange ? tr("#%1 %2 %3 %4 → %5")
                                         .arg(e.id)
                                         .arg(e.direction == Sentry::Exchange::Direction::In ? tr("received") : tr("sent"),
                                              QString::fromLatin1(e.method), Sentry::ByteText::readable(e.url),
                                              e.status ? QString::number(e.status) : tr("no answer"))
                                   : tr("No exchange shown"));
    showOverview(e);
    showRequest(e);
    showDecoded(e);
    showFindings(e);
    showAnswer(e);
}

void ExchangeDetailView::showOverview(const Sentry::Exchange &e)
{
    if (!m_hasExchange) {
        m_overview->setText(tr("Open an exchange from the history (History › Show Exchange…)."));
        return;
    }
    QStringList rows;
    const auto row = [&rows](const QString &name, const QString &html) {
        rows.append(u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(name, html));
    };
    const auto text = [](const QString &value) { return value.toHtmlEscaped(); };
    row(tr("Direction"), e.direction == Sentry::Exchange::Direction::In
                             ? tr("received by the local receiver") : tr("sent by the harness"));
    row(tr("At"), text(e.at.toString(Qt::ISODateWithMs)));
    row(e.direction == Sentry::Exchange::Direction::In ? tr("From") : tr("To"), text(e.peer));
    row(tr("Client"), text(e.client.isEmpty() ? tr("(not given)") : e.client));
    row(tr("Project"), text(e.project));
    row(tr("Event"), text(u"%1 %2 %3"_s.arg(e.eventId, e.level, e.message)));
    row(tr("Answer"), text(e.status ? QString::number(e.status) : tr("none: %1").arg(e.error.isEmpty() ? tr("no answer was sent") : e.error)));
    if (!e.refusal.isEmpty())
        row(tr("Refused"), text(e.refusal));
    row(tr("Time"), tr("%1 ms").arg(e.durationMs));
    row(tr("Fault applied"), text(e.fault.isEmpty() ? tr("none") : e.fault));
    row(tr("Replay of"), e.replayOf > 0 ? link(e.replayOf) : tr("— (an original)"));
    QStringList replays;
    for (qint64 id : std::as_const(m_replays))
        replays.append(link(id));
    row(tr("Replays"), replays.isEmpty() ? tr("none") : replays.join(u", "_s));
    m_overview->setText(u"<table cellspacing=\"4\">"_s + rows.join(QString()) + u"</table>"_s);
}

void ExchangeDetailView::showRequest(const Sentry::Exchange &e)
{
    m_requestLine->setText(m_hasExchange ? Sentry::ByteText::readable(QByteArray(e.method + ' ' + e.url + " HTTP/1.1"))
                                         : QString());
    m_requestHeaders->setPairs(pairs(e.requestHeaders));
    const qsizetype escaped = Sentry::ByteText::escapedCount(e.requestBody);
    m_bodySize->setText(!m_hasExchange ? QString()
                        : escaped == 0 ? tr("Body: %n byte(s)", nullptr, int(e.requestBody.size()))
                                       : tr("Body: %n byte(s); %1 of them not UTF-8 text (or control "
                                            "characters), shown as \\xNN in Text",
                                            nullptr, int(e.requestBody.size()))
                                             .arg(escaped));
    m_bodyText->setPlainText(Sentry::ByteText::readable(e.requestBody));
    m_bodyHex->setPlainText(Sentry::ByteText::hexDump(e.requestBody));
    QList<PairsModel::Pair> auth;
    for (const Sentry::AuthHeader::Field &field : sentAuthFields(e))
        auth.append({field.name, field.value});
    m_auth->setPairs(auth);
    m_authSource->setText(m_hasExchange ? authSourceDescription(e) : QString());
}

void ExchangeDetailView::showDecoded(const Sentry::Exchange &e)
{
    const QString json = QString::fromUtf8(e.eventJson);
    m_encoding->setText(!m_hasExchange ? QString()
                        : e.eventJson.isEmpty()
                            ? tr("Not decoded: %1").arg(e.refusal.isEmpty() ? tr("the request had no event") : e.refusal)
                            : tr("Encoding: %1 — %2 byte(s) on the wire, %3 byte(s) of JSON")
                                  .arg(formDescriptionOf(e.encoding))
                                  .arg(e.requestBody.size())
                                  .arg(e.eventJson.size()));
    m_decoded->setPlainText(Sentry::JsonText::format(json, 2).value_or(Sentry::ByteText::readable(e.eventJson)));
    const QJsonDocument event = QJsonDocument::fromJson(e.eventJson);
    m_event->setValue(event.isObject() ? QJsonValue(event.object()) : QJsonValue());
    m_eventView->expandToDepth(0);
    m_eventView->resizeColumnToContents(JsonTreeModel::KeyColumn);
}

void ExchangeDetailView::showFindings(const Sentry::Exchange &e)
{
    m_findings->setFindings(Sentry::findingsFromJson(e.findings, u"path"_s));
    const QJsonDocument received = QJsonDocument::fromJson(e.eventJson);
    if (!m_hasExchange)
        m_storedDiff->setPlainText(QString());
    else if (e.storedEvent.isEmpty())
        m_storedDiff->setPlainText(e.direction == Sentry::Exchange::Direction::Out
                                       ? tr("Sent by the harness: the target stored what it stored; "
                                            "the findings are the receiver's.")
                                       : tr("The event was not stored%1.")
                                             .arg(e.refusal.isEmpty() ? QString() : tr(" (refused: %1)").arg(e.refusal)));
    else
        m_storedDiff->setDiff(Sentry::LineDiff::compute(Sentry::LineDiff::jsonLines(received.object()),
                                                        Sentry::LineDiff::jsonLines(e.storedEvent)),
                              tr("The server stored the event as received (apart from key order)."));
}

void ExchangeDetailView::showAnswer(const Sentry::Exchange &e)
{
    m_answerStatus->setText(!m_hasExchange ? QString()
                            : e.status     ? tr("Status %1").arg(e.status)
                                           : tr("No answer: %1").arg(e.error.isEmpty() ? tr("none was sent (dropped or never answered)") : e.error));
    m_answerHeaders->setPairs(pairs(e.responseHeaders));
    m_answerBody->setPlainText(Sentry::ByteText::readable(e.responseBody));
}

void ExchangeDetailView::compareWithLatest()
{
    if (m_exchange.replayOf > 0)
        Q_EMIT compareRequested(m_exchange.replayOf, m_exchange.id);
    else if (!m_replays.isEmpty())
        Q_EMIT compareRequested(m_exchange.id, m_replays.constFirst());
}

QString ExchangeDetailView::overviewText() const { return m_overview->text(); }
QString ExchangeDetailView::requestLineText() const { return m_requestLine->text(); }
QString ExchangeDetailView::bodyText() const { return m_bodyText->toPlainText(); }
QString ExchangeDetailView::bodyHexText() const { return m_bodyHex->toPlainText(); }
QString ExchangeDetailView::bodySizeText() const { return m_bodySize->text(); }
QString ExchangeDetailView::decodedText() const { return m_decoded->toPlainText(); }
QString ExchangeDetailView::encodingText() const { return m_encoding->text(); }
QString ExchangeDetailView::authSourceText() const { return m_authSource->text(); }
QString ExchangeDetailView::storedDiffText() const { return m_storedDiff->toPlainText(); }
QString ExchangeDetailView::answerText() const
{
    return m_answerStatus->text() + u'\n' + m_answerBody->toPlainText();
}

} // namespace SentryUi
