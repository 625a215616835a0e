#include "dsnbreakdown.h"

#include "icons.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
using Part = DsnBreakdown::Part;

// One row: the part, the finding location that points at it, its label and hint.
struct PartInfo
{
    Part part;
    QLatin1StringView location;
    const char *label;
    const char *toolTip;
};

const std::array<PartInfo, DsnBreakdown::PartCount> Parts {{
    {Part::Scheme, "scheme"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Scheme"),
     QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "http or https: how the event travels")},
    {Part::Transport, "transport"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Transport"),
     QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown",
                       "The client transport before '+' (threaded+https); the harness always "
                       "sends synchronously over HTTP")},
    {Part::PublicKey, "public key"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Public key"),
     QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Sent as sentry_key")},
    {Part::Secret, "secret"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Secret key"),
     QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown",
                       "Sent as sentry_secret; a server-side client needs it")},
    {Part::Host, "host"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Host"), nullptr},
    {Part::Port, "port"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Port"), nullptr},
    {Part::Path, "path"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Path"),
     QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "The prefix before the project id")},
    {Part::Project, "project"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Project"),
     QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "The last path segment of the DSN")},
    {Part::StoreUrl, "store url"_L1, QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown", "Store URL"),
     QT_TRANSLATE_NOOP("SentryUi::DsnBreakdown",
                       "Where events are POSTed: {base}api/{project}/store/")},
}};

const QString MaskedSecret = u"••••••••"_s;

Sentry::Severity worst(const Sentry::Findings &findings)
{
    Sentry::Severity result = Sentry::Severity::Info;
    for (const Sentry::Finding &finding : findings)
        result = std::max(result, finding.severity);
    return result;
}

// Under a part's row its name would only repeat the label beside it; elsewhere it says where.
QString describe(const Sentry::Findings &findings, bool withLocation)
{
    QStringList lines;
    for (const Sentry::Finding &finding : findings) {
        const QString where = !withLocation || finding.location.isEmpty() ? QString()
                                                                          : finding.location + u": "_s;
        lines.append(Sentry::severityName(finding.severity) + u": "_s + where + finding.message);
    }
    return lines.join(u'\n');
}

QString firstError(const Sentry::Findings &findings)
{
    for (const Sentry::Finding &finding : findings) {
        if (finding.severity == Sentry::Severity::Error)
            return finding.location.isEmpty() ? finding.message
                                              : finding.location + u": "_s + finding.message;
    }
    return {};
}

bool isPartLocation(const QString &location)
{
    return std::any_of(Parts.begin(), Parts.end(),
                       [&location](const PartInfo &info) { return info.location == location; });
}

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Its minimum width must not be the width of its longest word: the panel decides the width.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setMinimumWidth(1);
    return label;
}
} // namespace

DsnBreakdown::DsnBreakdown(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_summary = wrappingLabel(u"dsnSummary"_s, this);
    grid->addWidget(m_summary, 0, 0, 1, 4);
    for (const PartInfo &info : Parts)
        addRow(grid, info.part);
    m_other = wrappingLabel(u"otherFindings"_s, this);
    grid->addWidget(m_other, grid->rowCount(), 0, 1, 4);
    grid->setColumnStretch(1, 1);
    update();
}

void DsnBreakdown::addRow(QGridLayout *grid, Part part)
{
    const PartInfo &info = Parts[size_t(part)];
    const int row = grid->rowCount();
    Row &widgets = m_rows[size_t(part)];
    auto *label = new QLabel(tr(info.label), this);
    widgets.value = new QLineEdit(this);
    widgets.value->setReadOnly(true);
    const QString name = QString(info.location).replace(u' ', u'_');
    widgets.value->setObjectName(u"part_"_s + name);
    widgets.value->setToolTip(info.toolTip ? tr(info.toolTip) : QString());
    label->setBuddy(widgets.value);
    widgets.status = new QLabel(this);
    widgets.status->setFixedWidth(20);
    widgets.message = wrappingLabel(u"message_"_s + name, this);
    widgets.message->hide();
    grid->addWidget(label, row, 0);
    grid->addWidget(widgets.value, row, 1);
    grid->addWidget(widgets.status, row, 3);
    grid->addWidget(widgets.message, row + 1, 1, 1, 3);
    if (part != Part::Secret)
        return;
    m_showSecret = new QToolButton(this);
    m_showSecret->setCheckable(true);
    m_showSecret->setAutoRaise(true);
    m_showSecret->setIcon(Icons::icon(u"eye"_s));
    m_showSecret->setToolTip(tr("Show the secret key"));
    grid->addWidget(m_showSecret, row, 2);
    connect(m_showSecret, &QToolButton::toggled, this, [this](bool shown) {
        m_showSecret->setIcon(Icons::icon(shown ? u"eye-off"_s : u"eye"_s));
        m_showSecret->setToolTip(shown ? tr("Hide the secret key") : tr("Show the secret key"));
        update();
        Q_EMIT secretShownChanged(shown);
    });
}

void DsnBreakdown::setDsn(const Sentry::Dsn &dsn)
{
    m_dsn = dsn;
    update();
}

bool DsnBreakdown::isSecretShown() const
{
    return m_showSecret->isChecked();
}

void DsnBreakdown::setSecretShown(bool shown)
{
    m_showSecret->setChecked(shown);
}

QString DsnBreakdown::partText(Part part) const
{
    return m_rows[size_t(part)].value->text();
}

Sentry::Findings DsnBreakdown::partFindings(Part part) const
{
    Sentry::Findings result;
    const QLatin1StringView location = Parts[size_t(part)].location;
    for (const Sentry::Finding &finding : m_dsn.findings()) {
        if (finding.location == location)
            result.append(finding);
    }
    return result;
}

Sentry::Findings DsnBreakdown::otherFindings() const
{
    Sentry::Findings result;
    for (const Sentry::Finding &finding : m_dsn.findings()) {
        if (!isPartLocation(finding.location) && finding.location != "dsn"_L1)
            result.append(finding);
    }
    return result;
}

QString DsnBreakdown::summaryText() const
{
    return m_summary->text();
}

QString DsnBreakdown::wrappable(const QString &text)
{
    static const QRegularExpression longRun(u"\\S{24,}"_s);
    QString result = text;
    QRegularExpressionMatchIterator matches = longRun.globalMatch(text);
    qsizetype shift = 0;
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        for (qsizetype at = match.capturedStart() + 16; at < match.capturedEnd(); at += 16) {
            result.insert(at + shift, QChar(0x200B)); // zero-width space: a break, not a space
            ++shift;
        }
    }
    return result;
}

void DsnBreakdown::update()
{
    const bool hasHost = !m_dsn.host().isEmpty();
    showPart(Part::Scheme, m_dsn.scheme());
    showPart(Part::Transport, m_dsn.transport());
    showPart(Part::PublicKey, m_dsn.publicKey());
    showPart(Part::Secret,
             isSecretShown() || !m_dsn.hasSecret() ? m_dsn.secretKey() : MaskedSecret);
    showPart(Part::Host, m_dsn.host());
    showPart(Part::Port, portText());
    showPart(Part::Path, hasHost ? m_dsn.path() : QString());
    showPart(Part::Project, m_dsn.projectId());
    showPart(Part::StoreUrl, m_dsn.isValid() ? m_dsn.storeUrl().toString() : QString());
    updateSummary();
}

QString DsnBreakdown::portText() const
{
    if (!partFindings(Part::Port).isEmpty())
        return m_dsn.portText(); // the typo itself, next to its finding
    if (m_dsn.host().isEmpty() || m_dsn.port() <= 0)
        return {};
    const QString port = QString::number(m_dsn.port());
    return m_dsn.hasExplicitPort() ? port : tr("%1 (default)").arg(port);
}

void DsnBreakdown::showPart(Part part, const QString &text)
{
    const Row &row = m_rows[size_t(part)];
    row.value->setText(text);
    row.value->setCursorPosition(0);
    const Sentry::Findings findings = partFindings(part);
    row.message->setVisible(!findings.isEmpty());
    if (!findings.isEmpty()) {
        const QString message = describe(findings, false);
        row.status->setPixmap(Icons::severity(worst(findings)).pixmap(16, 16));
        row.status->setToolTip(message);
        row.value->setToolTip(message);
        row.message->setText(wrappable(message));
        return;
    }
    const char *hint = Parts[size_t(part)].toolTip;
    row.value->setToolTip(hint ? tr(hint) : QString());
    row.status->setPixmap(text.isEmpty() ? QPixmap() : Icons::ok().pixmap(16, 16));
    row.status->setToolTip(text.isEmpty() ? QString() : tr("OK"));
    row.message->clear();
}

void DsnBreakdown::updateSummary()
{
    const Sentry::Findings findings = m_dsn.findings();
    const int errors = Sentry::countSeverity(findings, Sentry::Severity::Error);
    const int warnings = Sentry::countSeverity(findings, Sentry::Severity::Warning);
    QString summary;
    if (m_dsn.isEmpty())
        summary = tr("Empty DSN: a client configured with no DSN is disabled. Enter one to send "
                     "events.");
    else if (errors > 0)
        summary = firstError(findings)
                  + (errors > 1 ? u' ' + tr("(%n more spelled out below)", nullptr, errors - 1)
                                : QString());
    else if (warnings > 0)
        summary = tr("Usable, with %n warning(s), spelled out below.", nullptr, warnings);
    else
        summary = tr("Valid DSN. Events go to %1").arg(m_dsn.storeUrl().toString());
    m_summary->setText(wrappable(summary));
    const Sentry::Findings other = otherFindings();
    m_other->setText(wrappable(describe(other, true)));
    m_other->setVisible(!other.isEmpty());
}

} // namespace SentryUi
