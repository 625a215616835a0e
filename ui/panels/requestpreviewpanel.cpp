#include "requestpreviewpanel.h"

#include "authheader.h"
#include "clientpreset.h"
#include "authpanel.h"
#include "eventdocument.h"
#include "icons.h"
#include "pairsmodel.h"
#include "sender.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

// A 1 MB event would make every view slow to lay out; the copy buttons still copy everything.
constexpr qsizetype MaxShownChars = 64 * 1024;

QString shown(const QString &text)
{
    if (text.size() <= MaxShownChars)
        return text;
    return text.left(MaxShownChars) + u"\n\n"_s
           + RequestPreviewPanel::tr("… %n more character(s) not shown; Copy copies everything.",
                                     nullptr, int(text.size() - MaxShownChars));
}

QPlainTextEdit *readOnlyText()
{
    auto *view = new QPlainTextEdit;
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QString processorLabel(const QString &id)
{
    if (id == QStringView(Sentry::ScrubProcessor::Sanitize))
        return RequestPreviewPanel::tr("Mask passwords, secrets and card numbers");
    if (id == QStringView(Sentry::ScrubProcessor::Cookies))
        return RequestPreviewPanel::tr("Remove cookies");
    if (id == QStringView(Sentry::ScrubProcessor::PostData))
        return RequestPreviewPanel::tr("Remove POST data");
    return id;
}

// Where the deadline comes from: it is not on the wire, but it decides what Send reports.
QString timeoutText(const Sentry::StoreRequest &request)
{
    const int ms = request.timeoutMs().value_or(Sentry::Sender::DefaultTimeoutMs);
    const QString seconds = ms % 1000 == 0 ? QString::number(ms / 1000)
                                           : QString::number(double(ms) / 1000.0);
    switch (request.timeoutSource()) {
    case Sentry::StoreRequest::TimeoutSource::Dsn:
        return RequestPreviewPanel::tr("timeout %1 s (the DSN's ?timeout=)").arg(seconds);
    case Sentry::StoreRequest::TimeoutSource::Options:
        return RequestPreviewPanel::tr("timeout %1 s (the target's)").arg(seconds);
    case Sentry::StoreRequest::TimeoutSource::SenderDefault:
        break;
    }
    return RequestPreviewPanel::tr("timeout %1 s (the default)").arg(seconds);
}

// Raw HTTP as readable text: the body is JSON or base64, so UTF-8 shows it faithfully.
QString httpAsText(const QByteArray &http)
{
    return QString::fromUtf8(http);
}

} // namespace

RequestPreviewPanel::RequestPreviewPanel(EventDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_body = readOnlyText();
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_http = readOnlyText();
    m_curl = readOnlyText();
    m_curl->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_auth = new AuthPanel;

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(textTab(m_body, [this] { return QString::fromUtf8(scrubbedBody().json); }),
                   tr("Event JSON"));
    m_tabs->addTab(m_auth, tr("Auth header"));
    m_tabs->addTab(
        textTab(m_http, [this] { return m_request ? httpAsText(m_request->toHttp()) : QString(); }),
        tr("HTTP request"));
    m_tabs->addTab(textTab(m_curl, [this] { return m_request ? m_request->toCurl() : QString(); }),
                   u"curl"_s);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tabs);
    splitter->addWidget(buildScrubbing());
    splitter->setStretchFactor(0, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildOptions());
    layout->addWidget(splitter, 1);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(200);
    connect(m_refreshTimer, &QTimer::timeout, this, &RequestPreviewPanel::refreshIfVisible);
    connect(m_document, &EventDocument::contentsChanged, m_refreshTimer,
            qOverload<>(&QTimer::start));
    refresh();
}

RequestPreviewPanel::~RequestPreviewPanel() = default;

QWidget *RequestPreviewPanel::buildOptions()
{
    auto *bar = new QWidget;
    // Two rows, so that the options fit the centre of a 1024 px wide window: how the request is
    // made, then the browser headers and what the preview says.
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(4, 2, 4, 2);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    auto *browser = new QHBoxLayout;
    rows->addLayout(layout);
    rows->addLayout(browser);
    m_encoding = new QComboBox;
    m_encoding->setObjectName(u"encoding"_s);
    m_encoding->addItem(tr("JSON body"), int(Sentry::BodyEncoding::Json));
    m_encoding->addItem(tr("base64(zlib(JSON)) body"), int(Sentry::BodyEncoding::Base64Zlib));
    m_encoding->setToolTip(tr("How the body is encoded on the wire (spec section 4)"));
    m_legacyEndpoint = new QCheckBox(tr("Legacy /api/store/"));
    m_legacyEndpoint->setToolTip(tr("Post to /api/store/ instead of /api/{project}/store/"));
    m_client = new QComboBox;
    m_client->setObjectName(u"client"_s);
    m_client->addItem(tr("sentry-harness"), QString());
    for (const Sentry::ClientPreset &preset : Sentry::ClientPreset::all())
        m_client->addItem(preset.id, preset.id);
    m_client->setToolTip(tr("Speak as a real v4 client: endpoint, method, encoding, auth field "
                            "order and headers as that client sent them"));
    m_method = new QComboBox;
    m_method->addItem(u"POST"_s, int(Sentry::RequestMethod::Post));
    m_method->addItem(tr("GET beacon"), int(Sentry::RequestMethod::Get));
    m_method->setToolTip(tr("GET: raven-js 1.1's image beacon, the auth and the event in the query"));
    m_origin = new QLineEdit;
    m_origin->setPlaceholderText(tr("Origin"));
    m_origin->setToolTip(tr("An Origin header, as a browser client sends (then no secret is needed)"));
    m_referer = new QLineEdit;
    m_referer->setPlaceholderText(tr("Referer"));
    m_referer->setToolTip(tr("A Referer header, as a browser client sends"));
    m_showSecrets = new QCheckBox(tr("Show secret"));
    m_showSecrets->setToolTip(
        tr("The secret key is masked on screen; copy buttons copy the real text"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_client);
    layout->addWidget(m_method);
    layout->addWidget(m_encoding);
    layout->addWidget(m_legacyEndpoint);
    layout->addWidget(m_showSecrets);
    layout->addStretch(1);
    browser->addWidget(m_origin);
    browser->addWidget(m_referer);
    browser->addWidget(m_status, 1);
    connect(m_client, &QComboBox::currentIndexChanged, this, &RequestPreviewPanel::applyPreset);
    connect(m_method, &QComboBox::currentIndexChanged, this, &RequestPreviewPanel::refresh);
    connect(m_origin, &QLineEdit::textChanged, this, &RequestPreviewPanel::refresh);
    connect(m_referer, &QLineEdit::textChanged, this, &RequestPreviewPanel::refresh);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &RequestPreviewPanel::refresh);
    connect(m_encoding, &QComboBox::activated, this,
            [this] { Q_EMIT encodingChosen(encoding()); });
    connect(m_legacyEndpoint, &QCheckBox::toggled, this, &RequestPreviewPanel::refresh);
    connect(m_showSecrets, &QCheckBox::toggled, this, &RequestPreviewPanel::refresh);
    return bar;
}

QWidget *RequestPreviewPanel::buildScrubbing()
{
    auto *group = new QGroupBox(tr("Scrubbing before sending"));
    auto *layout = new QVBoxLayout(group);
    auto *switches = new QHBoxLayout;
    for (const Sentry::ScrubProcessorInfo &processor : Sentry::Scrubber::processors()) {
        auto *box = new QCheckBox(processorLabel(processor.id));
        box->setObjectName(processor.id);
        box->setToolTip(processor.description);
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &RequestPreviewPanel::refresh);
        switches->addWidget(box);
        m_processors.append(box);
    }
    switches->addStretch();
    m_scrub = readOnlyText();
    m_scrub->setMinimumHeight(fontMetrics().lineSpacing() * 2); // fits below the tabs on a laptop
    layout->addLayout(switches);
    layout->addWidget(m_scrub);
    return group;
}

QWidget *RequestPreviewPanel::textTab(QPlainTextEdit *view,
                                      const std::function<QString()> &copyText)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *copy = new QToolButton;
    copy->setIcon(Icons::icon(u"copy"_s));
    copy->setText(tr("Copy"));
    copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    copy->setToolTip(tr("Copy to the clipboard (with the real secret)"));
    auto *bar = new QHBoxLayout;
    bar->addStretch();
    bar->addWidget(copy);
    layout->addLayout(bar);
    layout->addWidget(view, 1);
    connect(copy, &QToolButton::clicked, this,
            [copyText] { QGuiApplication::clipboard()->setText(copyText()); });
    return page;
}

void RequestPreviewPanel::setDsn(const Sentry::Dsn &dsn)
{
    m_dsn = dsn;
    refresh();
}

void RequestPreviewPanel::setRequestDefaults(const Sentry::StoreRequestOptions &options)
{
    m_defaults = options;
    const QSignalBlocker blocker(m_encoding); // one refresh, below
    setEncoding(options.encoding);
    refresh();
}

PairsModel *RequestPreviewPanel::authFieldsModel() const
{
    return m_auth->fieldsModel();
}

Sentry::BodyEncoding RequestPreviewPanel::encoding() const
{
    return Sentry::BodyEncoding(m_encoding->currentData().toInt());
}

void RequestPreviewPanel::setEncoding(Sentry::BodyEncoding encoding)
{
    m_encoding->setCurrentIndex(m_encoding->findData(int(encoding)));
}

void RequestPreviewPanel::setClientPreset(const QString &id)
{
    m_client->setCurrentIndex(std::max(0, m_client->findData(id)));
}

void RequestPreviewPanel::setOrigin(const QString &origin)
{
    m_origin->setText(origin);
}

Sentry::ScrubOptions RequestPreviewPanel::scrubOptions() const
{
    Sentry::ScrubOptions options;
    for (const QCheckBox *box : m_processors) {
        const QString id = box->objectName();
        if (id == QStringView(Sentry::ScrubProcessor::Sanitize))
            options.sanitize = box->isChecked();
        else if (id == QStringView(Sentry::ScrubProcessor::Cookies))
            options.removeCookies = box->isChecked();
        else if (id == QStringView(Sentry::ScrubProcessor::PostData))
            options.removePostData = box->isChecked();
    }
    return options;
}

void RequestPreviewPanel::setProcessorEnabled(const QString &processorId, bool enabled)
{
    for (QCheckBox *box : std::as_const(m_processors)) {
        if (box->objectName() == processorId)
            box->setChecked(enabled);
    }
}

// The text is sent as typed unless scrubbing changes something; then the scrubbed object is sent
// compact. Text that is not a JSON object is sent as is (the harness can send broken events).
RequestPreviewPanel::Built RequestPreviewPanel::scrubbedBody() const
{
    Built built;
    built.json = m_document->json();
    const auto event = m_document->object();
    if (!event)
        return built;
    built.scrub = Sentry::Scrubber::scrub(*event, scrubOptions());
    built.scrubbed = !built.scrub.entries.isEmpty();
    if (built.scrubbed)
        built.json = QJsonDocument(built.scrub.event).toJson(QJsonDocument::Compact);
    return built;
}

std::optional<Sentry::StoreRequest> RequestPreviewPanel::currentRequest(QString *error) const
{
    if (m_dsn.isEmpty() || !m_dsn.isValid()) {
        if (error)
            *error = tr("Set a valid DSN in the Target panel first.");
        return std::nullopt;
    }
    Sentry::StoreRequestOptions options = m_defaults;
    if (const auto preset = Sentry::ClientPreset::find(m_client->currentData().toString())) {
        // The preset is the wire form; the target's extra headers and timeout still apply.
        const auto extraHeaders = options.extraHeaders;
        const auto timeoutMs = options.timeoutMs;
        options = preset->options;
        options.extraHeaders = extraHeaders;
        options.timeoutMs = timeoutMs;
    }
    options.encoding = encoding();
    options.method = Sentry::RequestMethod(m_method->currentData().toInt());
    options.useLegacyEndpoint = m_legacyEndpoint->isChecked();
    options.origin = m_origin->text().trimmed();
    options.referer = m_referer->text().trimmed();
    return Sentry::StoreRequest::build(m_dsn, scrubbedBody().json, options, error);
}

void RequestPreviewPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

// Building, encoding and laying out a large request costs real time: skip it while hidden.
void RequestPreviewPanel::refreshIfVisible()
{
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void RequestPreviewPanel::refresh()
{
    m_stale = false;
    m_refreshTimer->stop();
    const Built built = scrubbedBody();
    QString error;
    m_request = currentRequest(&error);
    if (m_request)
        showRequest(*m_request);
    else
        showError(error, built);
    showScrub(built);
}

// On screen the secret is masked by field (the value of sentry_secret), so the rest of the
// header reads as sent; the copy buttons copy the real request.
void RequestPreviewPanel::showRequest(const Sentry::StoreRequest &request)
{
    const Sentry::StoreRequest shownRequest =
        m_showSecrets->isChecked() ? request : request.withMaskedSecret();
    m_body->setPlainText(shown(QString::fromUtf8(request.eventJson()))); // as a preset shaped it
    m_auth->setRequestHeader(QString::fromUtf8(request.isBeacon() ? shownRequest.urlText()
                                                                   : shownRequest.header(Sentry::HttpHeader::SentryAuth)));
    m_http->setPlainText(shown(httpAsText(shownRequest.toHttp())));
    m_curl->setPlainText(shown(shownRequest.toCurl()));
    QStringList lines = {tr("%1 %2 — %n body byte(s)", nullptr, int(request.body().size()))
                             .arg(QString::fromLatin1(request.method()), request.url().toDisplayString())
                         + u" — "_s + timeoutText(request)};
    // What the server would refuse before reading the event (the same judge as the CLI's).
    const Sentry::Findings findings = request.findings();
    for (const Sentry::Finding &finding : findings)
        lines.append(tr("%1 (%2): %3").arg(Sentry::severityName(finding.severity), finding.location,
                                           finding.message));
    m_status->setText(lines.join(u'\n'));
}

// A preset sets the options a user sees (method, encoding, endpoint); they can be changed after.
void RequestPreviewPanel::applyPreset()
{
    if (const auto preset = Sentry::ClientPreset::find(m_client->currentData().toString())) {
        const QSignalBlocker blockMethod(m_method), blockEncoding(m_encoding), blockLegacy(m_legacyEndpoint);
        m_method->setCurrentIndex(m_method->findData(int(preset->options.method)));
        m_encoding->setCurrentIndex(m_encoding->findData(int(preset->options.encoding)));
        m_legacyEndpoint->setChecked(preset->options.useLegacyEndpoint);
        m_client->setToolTip(preset->source);
    }
    refresh();
}

void RequestPreviewPanel::showError(const QString &error, const Built &built)
{
    m_body->setPlainText(shown(QString::fromUtf8(built.json)));
    m_auth->setRequestHeader({});
    m_http->setPlainText(error);
    m_curl->setPlainText(error);
    m_status->setText(error);
}

void RequestPreviewPanel::showScrub(const Built &built)
{
    if (!m_document->object()) {
        m_scrub->setPlainText(
            tr("The text is not a JSON object: it is sent as typed, unscrubbed."));
        return;
    }
    QStringList lines;
    for (const Sentry::ScrubEntry &entry : built.scrub.entries) {
        const QString what
            = entry.kind == Sentry::ScrubEntry::Kind::Masked ? tr("masked") : tr("removed");
        lines.append(tr("%1  %2  (%3)").arg(what, entry.path, processorLabel(entry.processor)));
    }
    m_scrub->setPlainText(lines.isEmpty()
                              ? tr("Nothing to scrub: the event is sent exactly as typed.")
                              : lines.join(u'\n'));
}

QString RequestPreviewPanel::bodyText() const
{
    return m_body->toPlainText();
}
QString RequestPreviewPanel::authText() const
{
    return m_auth->headerText();
}
QString RequestPreviewPanel::httpText() const
{
    return m_http->toPlainText();
}
QString RequestPreviewPanel::curlText() const
{
    return m_curl->toPlainText();
}
QString RequestPreviewPanel::statusText() const
{
    return m_status->text();
}
QString RequestPreviewPanel::scrubText() const
{
    return m_scrub->toPlainText();
}

} // namespace SentryUi
