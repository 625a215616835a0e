#include "requestpreviewpanel.h"

#include "authheader.h"
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
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

const QString SecretMask = u"********"_s;
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
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 2, 4, 2);
    m_encoding = new QComboBox;
    m_encoding->setObjectName(u"encoding"_s);
    m_encoding->addItem(tr("JSON body"), int(Sentry::BodyEncoding::Json));
    m_encoding->addItem(tr("base64(zlib(JSON)) body"), int(Sentry::BodyEncoding::Base64Zlib));
    m_encoding->setToolTip(tr("How the body is encoded on the wire (spec section 4)"));
    m_legacyEndpoint = new QCheckBox(tr("Legacy /api/store/"));
    m_legacyEndpoint->setToolTip(tr("Post to /api/store/ instead of /api/{project}/store/"));
    m_showSecrets = new QCheckBox(tr("Show secret"));
    m_showSecrets->setToolTip(
        tr("The secret key is masked on screen; copy buttons copy the real text"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_encoding);
    layout->addWidget(m_legacyEndpoint);
    layout->addWidget(m_showSecrets);
    layout->addWidget(m_status, 1);
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
    options.encoding = encoding();
    options.useLegacyEndpoint = m_legacyEndpoint->isChecked();
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
        showRequest(*m_request, built);
    else
        showError(error, built);
    showScrub(built);
}

void RequestPreviewPanel::showRequest(const Sentry::StoreRequest &request, const Built &built)
{
    m_body->setPlainText(shown(QString::fromUtf8(built.json)));
    m_auth->setRequestHeader(masked(QString::fromUtf8(request.header(Sentry::HttpHeader::SentryAuth))));
    m_http->setPlainText(shown(masked(httpAsText(request.toHttp()))));
    m_curl->setPlainText(shown(masked(request.toCurl())));
    m_status->setText(
        tr("%1 %2 — %n body byte(s)", nullptr, int(request.body().size()))
            .arg(QString::fromLatin1(request.method()), request.url().toDisplayString())
        + u" — "_s + timeoutText(request));
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

QString RequestPreviewPanel::masked(const QString &text) const
{
    if (m_showSecrets->isChecked() || !m_dsn.hasSecret())
        return text;
    QString copy = text;
    return copy.replace(m_dsn.secretKey(), SecretMask);
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
