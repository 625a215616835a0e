#include "targetpanel.h"

#include "icons.h"
#include "secretstore.h"
#include "settings.h"
#include "targetsmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
using Part = TargetPanel::Part;

// One breakdown row: the part, the finding location that points at it, its label.
struct PartInfo
{
    Part part;
    QLatin1StringView location;
    const char *label;
    const char *toolTip;
};

const std::array<PartInfo, TargetPanel::PartCount> Parts {{
    {Part::Scheme, "scheme"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Scheme"),
     QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "http or https: how the event travels")},
    {Part::Transport, "transport"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Transport"),
     QT_TRANSLATE_NOOP("SentryUi::TargetPanel",
                       "The client transport before '+' (threaded+https); the harness always "
                       "sends synchronously over HTTP")},
    {Part::PublicKey, "public key"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Public key"),
     QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Sent as sentry_key")},
    {Part::Secret, "secret"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Secret key"),
     QT_TRANSLATE_NOOP("SentryUi::TargetPanel",
                       "Sent as sentry_secret; a server-side client needs it")},
    {Part::Host, "host"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Host"), nullptr},
    {Part::Port, "port"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Port"), nullptr},
    {Part::Path, "path"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Path"),
     QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "The prefix before the project id")},
    {Part::Project, "project"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Project"),
     QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "The last path segment of the DSN")},
    {Part::StoreUrl, "store url"_L1, QT_TRANSLATE_NOOP("SentryUi::TargetPanel", "Store URL"),
     QT_TRANSLATE_NOOP("SentryUi::TargetPanel",
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

QString describe(const Sentry::Findings &findings)
{
    QStringList lines;
    for (const Sentry::Finding &finding : findings)
        lines.append(Sentry::severityName(finding.severity) + u": "_s + finding.message);
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
} // namespace

TargetPanel::TargetPanel(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_model(new TargetsModel(this))
    , m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(1000);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createTargetList());
    layout->addWidget(createBreakdown(), 1);
    connectSignals();
    loadTargets();
    updateSecretStatus();
}

TargetPanel::~TargetPanel()
{
    if (m_saveTimer->isActive())
        saveTargets();
}

QWidget *TargetPanel::createTargetList()
{
    auto *box = new QGroupBox(tr("Saved targets"), this);
    m_list = new QListView(box);
    m_list->setObjectName(u"targetList"_s);
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_list->setToolTip(tr("Click a target to use it; double-click or F2 to rename"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 7);

    const auto button = [box](const QString &icon, const QString &toolTip) {
        auto *b = new QToolButton(box);
        b->setIcon(Icons::icon(icon));
        b->setToolTip(toolTip);
        b->setAutoRaise(true);
        return b;
    };
    auto *add = button(u"add"_s, tr("Add a target (a copy of the current DSN)"));
    auto *rename = button(u"rename"_s, tr("Rename the selected target (F2)"));
    auto *remove = button(u"remove"_s, tr("Remove the selected target"));
    connect(add, &QToolButton::clicked, this, [this] { addTarget(tr("New target"), dsnText()); });
    connect(rename, &QToolButton::clicked, this, &TargetPanel::renameCurrentTarget);
    connect(remove, &QToolButton::clicked, this, &TargetPanel::removeCurrentTarget);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(rename);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(box);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget *TargetPanel::createBreakdown()
{
    auto *box = new QGroupBox(tr("DSN"), this);
    auto *grid = new QGridLayout(box);
    m_dsnEdit = new QLineEdit(box);
    m_dsnEdit->setObjectName(u"dsnEdit"_s);
    m_dsnEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_dsnEdit->setClearButtonEnabled(true);
    m_dsnEdit->setPlaceholderText(u"https://public:secret@example.com/1"_s);
    m_dsnEdit->setToolTip(tr("{PROTOCOL}://{PUBLIC_KEY}:{SECRET_KEY}@{HOST}/{PATH}{PROJECT_ID}"));
    m_dsnEdit->installEventFilter(this);
    grid->addWidget(m_dsnEdit, 0, 0, 1, 4);
    m_summary = new QLabel(box);
    m_summary->setObjectName(u"dsnSummary"_s);
    m_summary->setWordWrap(true);
    grid->addWidget(m_summary, 1, 0, 1, 4);

    for (const PartInfo &info : Parts) {
        const int row = grid->rowCount();
        Row &widgets = m_rows[size_t(info.part)];
        auto *label = new QLabel(tr(info.label), box);
        widgets.value = new QLineEdit(box);
        widgets.value->setReadOnly(true);
        widgets.value->setObjectName(u"part_"_s + QString(info.location).replace(u' ', u'_'));
        widgets.value->setToolTip(info.toolTip ? tr(info.toolTip) : QString());
        label->setBuddy(widgets.value);
        widgets.status = new QLabel(box);
        widgets.status->setFixedWidth(20);
        grid->addWidget(label, row, 0);
        grid->addWidget(widgets.value, row, 1);
        grid->addWidget(widgets.status, row, 3);
    }
    m_showSecret = new QToolButton(box);
    m_showSecret->setCheckable(true);
    m_showSecret->setAutoRaise(true);
    m_showSecret->setIcon(Icons::icon(u"eye"_s));
    m_showSecret->setToolTip(tr("Show the secret key"));
    grid->addWidget(m_showSecret, 2 + int(Part::Secret), 2);

    m_other = new QLabel(box);
    m_other->setWordWrap(true);
    m_other->setObjectName(u"otherFindings"_s);
    grid->addWidget(m_other, grid->rowCount(), 0, 1, 4);
    m_secretStatus = new QLabel(box);
    m_secretStatus->setWordWrap(true);
    m_secretStatus->setEnabled(false); // greyed: a remark, not a value
    grid->addWidget(m_secretStatus, grid->rowCount(), 0, 1, 4);
    m_plainText = new QCheckBox(tr("Save secrets in plain text"), box);
    m_plainText->setObjectName(u"secretsInPlainText"_s);
    m_plainText->setToolTip(
        tr("Also write secrets into the settings file. Off: they stay in the keyring, or in memory "
           "for "
           "this session. On: anyone who can read your settings file can read them."));
    m_plainText->setChecked(m_settings->secretsInPlainText);
    grid->addWidget(m_plainText, grid->rowCount(), 0, 1, 4);
    grid->setRowStretch(grid->rowCount(), 1);
    grid->setColumnStretch(1, 1);
    return box;
}

void TargetPanel::connectSignals()
{
    connect(m_dsnEdit, &QLineEdit::textChanged, this, &TargetPanel::dsnEdited);
    connect(m_showSecret, &QToolButton::toggled, this, [this](bool shown) {
        m_showSecret->setIcon(Icons::icon(shown ? u"eye-off"_s : u"eye"_s));
        m_showSecret->setToolTip(shown ? tr("Hide the secret key") : tr("Show the secret key"));
        showDsnText();
        updateBreakdown();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { currentTargetChanged(current.row()); });
    connect(m_model, &TargetsModel::targetsEdited, m_saveTimer, qOverload<>(&QTimer::start));
    connect(m_saveTimer, &QTimer::timeout, this, &TargetPanel::saveTargets);
    connect(m_plainText, &QCheckBox::toggled, this, [this](bool plainText) {
        m_settings->secretsInPlainText = plainText;
        updateSecretStatus();
        saveTargets();
    });
    connect(m_settings, &Settings::targetSecretLoaded, this, &TargetPanel::targetSecretLoaded);
    connect(m_settings->secretStore(), &SecretStore::backendChanged, this,
            &TargetPanel::updateSecretStatus);
}

void TargetPanel::loadTargets()
{
    m_model->setTargets(m_settings->targets);
    const int row = m_model->rowOf(m_settings->currentTargetId);
    if (m_model->rowCount() > 0)
        selectTarget(row >= 0 ? row : 0);
    else
        updateBreakdown();
}

QString TargetPanel::dsnText() const
{
    return m_dsnText;
}

void TargetPanel::setDsnText(const QString &text)
{
    applyDsn(text);
    showDsnText();
}

bool TargetPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_dsnEdit
        && (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut))
        showDsnText();
    return QWidget::eventFilter(watched, event);
}

void TargetPanel::showDsnText()
{
    // Masked while not being edited, so a screen share or a screenshot does not leak the secret.
    QString secret;
    const QString publicDsn = Sentry::Dsn::splitSecret(m_dsnText, &secret);
    const bool mask = !secret.isEmpty() && !isSecretShown() && !m_dsnEdit->hasFocus();
    const QString shown = mask ? Sentry::Dsn::joinSecret(publicDsn, MaskedSecret) : m_dsnText;
    if (m_dsnEdit->text() == shown)
        return;
    m_updatingEdit = true;
    m_dsnEdit->setText(shown);
    if (!m_dsnEdit->hasFocus())
        m_dsnEdit->setCursorPosition(0); // the scheme and key are the informative start
    m_updatingEdit = false;
}

int TargetPanel::currentRow() const
{
    return m_list->currentIndex().row();
}

void TargetPanel::selectTarget(int row)
{
    m_list->setCurrentIndex(m_model->index(row));
}

int TargetPanel::addTarget(const QString &name, const QString &dsn)
{
    const int row
        = m_model->addTarget({QUuid::createUuid().toString(QUuid::WithoutBraces), name, dsn});
    selectTarget(row);
    return row;
}

void TargetPanel::removeCurrentTarget()
{
    const int row = currentRow();
    if (row >= 0)
        m_model->removeTarget(row);
}

void TargetPanel::renameCurrentTarget()
{
    if (m_list->currentIndex().isValid())
        m_list->edit(m_list->currentIndex());
}

bool TargetPanel::isSecretShown() const
{
    return m_showSecret->isChecked();
}

void TargetPanel::setSecretShown(bool shown)
{
    m_showSecret->setChecked(shown);
}

void TargetPanel::dsnEdited(const QString &text)
{
    if (!m_updatingEdit)
        applyDsn(text);
}

void TargetPanel::applyDsn(const QString &text)
{
    m_dsnText = text;
    if (currentRow() >= 0)
        m_model->setDsn(currentRow(), text);
    m_dsn = Sentry::Dsn::parse(text.trimmed());
    updateBreakdown();
    Q_EMIT dsnChanged(m_dsn);
}

void TargetPanel::currentTargetChanged(int row)
{
    if (row < 0)
        return;
    const Target target = m_model->target(row);
    m_settings->currentTargetId = target.id;
    setDsnText(target.dsn);
}

void TargetPanel::targetSecretLoaded(const QString &id, const QString &dsn)
{
    const int row = m_model->rowOf(id);
    QString typed;
    const bool current
        = row == currentRow()
          && Sentry::Dsn::splitSecret(dsnText(), &typed) == Sentry::Dsn::splitSecret(dsn, nullptr);
    if (row < 0 || (current && !typed.isEmpty()))
        return; // the user typed a secret meanwhile: theirs wins
    m_model->setDsn(row, dsn);
    if (current)
        setDsnText(dsn);
}

void TargetPanel::saveTargets()
{
    m_saveTimer->stop();
    m_settings->targets = m_model->targets();
    m_settings->save();
}

QString TargetPanel::partText(Part part) const
{
    return m_rows[size_t(part)].value->text();
}

Sentry::Findings TargetPanel::partFindings(Part part) const
{
    Sentry::Findings result;
    const QLatin1StringView location = Parts[size_t(part)].location;
    for (const Sentry::Finding &finding : m_dsn.findings()) {
        if (finding.location == location)
            result.append(finding);
    }
    return result;
}

Sentry::Findings TargetPanel::otherFindings() const
{
    Sentry::Findings result;
    for (const Sentry::Finding &finding : m_dsn.findings()) {
        if (!isPartLocation(finding.location))
            result.append(finding);
    }
    return result;
}

void TargetPanel::updateBreakdown()
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

QString TargetPanel::portText() const
{
    if (!partFindings(Part::Port).isEmpty())
        return m_dsn.portText(); // the typo itself, next to its finding
    if (m_dsn.host().isEmpty() || m_dsn.port() <= 0)
        return {};
    const QString port = QString::number(m_dsn.port());
    return m_dsn.hasExplicitPort() ? port : tr("%1 (default)").arg(port);
}

void TargetPanel::showPart(Part part, const QString &text)
{
    const Row &row = m_rows[size_t(part)];
    row.value->setText(text);
    row.value->setCursorPosition(0);
    const Sentry::Findings findings = partFindings(part);
    if (!findings.isEmpty()) {
        const QString message = describe(findings);
        row.status->setPixmap(Icons::severity(worst(findings)).pixmap(16, 16));
        row.status->setToolTip(message);
        row.value->setToolTip(message);
        return;
    }
    const char *hint = Parts[size_t(part)].toolTip;
    row.value->setToolTip(hint ? tr(hint) : QString());
    row.status->setPixmap(text.isEmpty() ? QPixmap() : Icons::ok().pixmap(16, 16));
    row.status->setToolTip(text.isEmpty() ? QString() : tr("OK"));
}

void TargetPanel::updateSummary()
{
    const Sentry::Findings findings = m_dsn.findings();
    const int errors = Sentry::countSeverity(findings, Sentry::Severity::Error);
    const int warnings = Sentry::countSeverity(findings, Sentry::Severity::Warning);
    if (m_dsn.isEmpty())
        m_summary->setText(tr("Empty DSN: a client configured with no DSN is disabled. Enter one "
                              "to send events."));
    else if (errors > 0)
        m_summary->setText(
            firstError(findings)
            + (errors > 1 ? u' ' + tr("(%n more marked below)", nullptr, errors - 1) : QString()));
    else if (warnings > 0)
        m_summary->setText(tr("Usable, with %n warning(s).", nullptr, warnings));
    else
        m_summary->setText(tr("Valid DSN. Events go to %1").arg(m_dsn.storeUrl().toString()));
    const Sentry::Findings other = otherFindings();
    m_other->setText(describe(other));
    m_other->setVisible(!other.isEmpty());
}

void TargetPanel::updateSecretStatus()
{
    m_secretStatus->setText(m_settings->secretsInPlainText
                                ? tr("Secrets are saved in plain text in the settings file.")
                                : m_settings->secretStore()->statusText());
}

} // namespace SentryUi
