#include "targetpanel.h"

#include "icons.h"
#include "secretstore.h"
#include "settings.h"
#include "targetlist.h"
#include "targetsettingseditor.h"
#include "targetsmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
const QString MaskedSecret = u"••••••••"_s;

// Scrolls vertically only, and asks for the width its content needs: a plain QScrollArea's small
// minimum let the sidebar shrink below the DSN breakdown at 1024 px, cutting its text at the right.
class ContentWidthScrollArea final : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;

    QSize minimumSizeHint() const override
    {
        QSize hint = QScrollArea::minimumSizeHint();
        if (const QWidget *content = widget()) {
            const int needed = content->minimumSizeHint().expandedTo(content->minimumSize()).width()
                               + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * frameWidth();
            hint.setWidth(qMax(hint.width(), needed));
        }
        return hint;
    }
};

} // namespace

TargetPanel::TargetPanel(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_model(new TargetsModel(this))
    , m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(1000);
    // Spelled-out findings and the request settings make the panel taller than a laptop screen:
    // it scrolls rather than forcing its height on the window.
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_targetList = new TargetList(m_model, content);
    m_list = m_targetList->view();
    layout->addWidget(m_targetList);
    layout->addWidget(createDsnBox());
    layout->addWidget(createSettingsBox());
    layout->addStretch(1);
    auto *scroll = new ContentWidthScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    connectSignals();
    loadTargets();
    updateSecretStatus();
}

TargetPanel::~TargetPanel()
{
    if (m_saveTimer->isActive())
        saveTargets();
}

QWidget *TargetPanel::createDsnBox()
{
    auto *box = new QGroupBox(tr("DSN"), this);
    m_dsnEdit = new QLineEdit(box);
    m_dsnEdit->setObjectName(u"dsnEdit"_s);
    m_dsnEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_dsnEdit->setClearButtonEnabled(true);
    m_dsnEdit->setPlaceholderText(u"https://public:secret@example.com/1"_s);
    m_dsnEdit->setToolTip(tr("{PROTOCOL}://{PUBLIC_KEY}:{SECRET_KEY}@{HOST}/{PATH}{PROJECT_ID}"));
    m_dsnEdit->installEventFilter(this);
    m_breakdown = new DsnBreakdown(box);
    m_secretStatus = new QLabel(box);
    m_secretStatus->setWordWrap(true);
    m_secretStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_secretStatus->setEnabled(false); // greyed: a remark, not a value
    m_plainText = new QCheckBox(tr("Save secrets in plain text"), box);
    m_plainText->setObjectName(u"secretsInPlainText"_s);
    m_plainText->setToolTip(
        tr("Also write secrets into the settings file. Off: they stay in the keyring, or in memory "
           "for this session. On: anyone who can read your settings file can read them."));
    m_plainText->setChecked(m_settings->secretsInPlainText);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_dsnEdit);
    layout->addWidget(m_breakdown);
    layout->addWidget(m_secretStatus);
    layout->addWidget(m_plainText);
    return box;
}

QWidget *TargetPanel::createSettingsBox()
{
    auto *box = new QGroupBox(tr("Request settings"), this);
    m_settingsEditor = new TargetSettingsEditor(box);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_settingsEditor);
    return box;
}

void TargetPanel::connectSignals()
{
    connect(m_dsnEdit, &QLineEdit::textChanged, this, &TargetPanel::dsnEdited);
    connect(m_breakdown, &DsnBreakdown::secretShownChanged, this, &TargetPanel::showDsnText);
    connect(m_settingsEditor, &TargetSettingsEditor::edited, this, &TargetPanel::edited);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { currentTargetChanged(current.row()); });
    connect(m_targetList, &TargetList::addRequested, this,
            [this] { addTarget(tr("New target"), dsnText()); });
    connect(m_targetList, &TargetList::removeRequested, this, &TargetPanel::removeCurrentTarget);
    connect(m_targetList, &TargetList::saveRequested, this, &TargetPanel::saveCurrentTarget);
    connect(m_targetList, &TargetList::revertRequested, this, &TargetPanel::revertCurrentTarget);
    connect(m_model, &TargetsModel::targetsEdited, m_saveTimer, qOverload<>(&QTimer::start));
    connect(m_saveTimer, &QTimer::timeout, this, &TargetPanel::saveTargets);
    connect(m_plainText, &QCheckBox::toggled, this, [this](bool plainText) {
        m_settings->secretsInPlainText = plainText;
        updateSecretStatus();
        saveTargets();
    });
    connect(m_settings, &Settings::targetSecretLoaded, this, &TargetPanel::setSavedDsn);
    connect(m_settings, &Settings::draftSecretLoaded, this, &TargetPanel::draftSecretLoaded);
    connect(m_settings->secretStore(), &SecretStore::backendChanged, this,
            &TargetPanel::updateSecretStatus);
}

void TargetPanel::loadTargets()
{
    m_model->setTargets(m_settings->targets, m_settings->drafts);
    const int row = m_model->rowOf(m_settings->currentTargetId);
    if (m_model->rowCount() > 0)
        selectTarget(row >= 0 ? row : 0);
    else
        showTarget({});
}

QString TargetPanel::dsnText() const
{
    return m_working.dsn;
}

void TargetPanel::setDsnText(const QString &text)
{
    m_working.dsn = text;
    showDsnText();
    edited();
}

void TargetPanel::setEncoding(Sentry::BodyEncoding encoding)
{
    if (m_working.encoding == encoding)
        return;
    m_working.encoding = encoding;
    m_settingsEditor->setTarget(m_working);
    edited();
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
    const QString publicDsn = Sentry::Dsn::splitSecret(m_working.dsn, &secret);
    const bool mask = !secret.isEmpty() && !isSecretShown() && !m_dsnEdit->hasFocus();
    const QString shown = mask ? Sentry::Dsn::joinSecret(publicDsn, MaskedSecret) : m_working.dsn;
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
    Target target = m_working; // the current request settings come along
    target.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    target.name = name;
    target.dsn = dsn;
    const int row = m_model->addTarget(target);
    selectTarget(row);
    return row;
}

void TargetPanel::removeCurrentTarget()
{
    const int row = currentRow();
    if (row >= 0)
        m_model->removeTarget(row);
}

bool TargetPanel::isCurrentModified() const
{
    return m_model->isModified(currentRow());
}

void TargetPanel::saveCurrentTarget()
{
    if (m_model->saveDraft(currentRow()))
        updateDraftState();
}

void TargetPanel::revertCurrentTarget()
{
    const int row = currentRow();
    if (m_model->revertDraft(row))
        showTarget(m_model->workingTarget(row));
}

bool TargetPanel::isSecretShown() const
{
    return m_breakdown->isSecretShown();
}

void TargetPanel::setSecretShown(bool shown)
{
    m_breakdown->setSecretShown(shown);
}

void TargetPanel::dsnEdited(const QString &text)
{
    if (m_updatingEdit)
        return;
    m_working.dsn = text;
    edited();
}

// Every edit (DSN or request settings) lands in the current target's draft; what is saved
// changes only on Save.
void TargetPanel::edited()
{
    m_working = m_settingsEditor->applyTo(m_working);
    m_dsn = Sentry::Dsn::parse(m_working.dsn.trimmed());
    m_breakdown->setDsn(m_dsn);
    m_settingsEditor->setDsn(m_dsn);
    if (currentRow() >= 0)
        m_model->setWorkingTarget(currentRow(), m_working);
    updateDraftState();
    Q_EMIT dsnChanged(m_dsn);
    Q_EMIT targetChanged(m_working);
}

void TargetPanel::showTarget(const Target &target)
{
    m_working = target;
    m_dsn = Sentry::Dsn::parse(target.dsn.trimmed());
    showDsnText();
    m_settingsEditor->setTarget(target);
    m_settingsEditor->setDsn(m_dsn);
    m_breakdown->setDsn(m_dsn);
    updateDraftState();
    Q_EMIT dsnChanged(m_dsn);
    Q_EMIT targetChanged(m_working);
}

// Switching away from a modified target keeps its draft instead of asking. A question on every
// switch gets in the way of comparing two targets, and dropping the edits loses work without a
// word; kept, the draft stays in sight (italics and "•" in the list), survives a restart, and is
// one click from Save or Revert when the user comes back — as browser tabs and request tools
// keep unsaved requests.
void TargetPanel::currentTargetChanged(int row)
{
    if (row < 0)
        return;
    m_settings->currentTargetId = m_model->target(row).id;
    showTarget(m_model->workingTarget(row));
}

void TargetPanel::setSavedDsn(const QString &id, const QString &dsn)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_model->setDsn(row, dsn); // a draft that only lacked this secret is no draft any more
    if (row == currentRow() && !m_model->isModified(row))
        showTarget(m_model->workingTarget(row)); // typed meanwhile (a draft): the typing wins
}

void TargetPanel::draftSecretLoaded(const QString &id, const QString &dsn)
{
    const int row = m_model->rowOf(id);
    if (row < 0 || !m_model->isModified(row))
        return;
    Target draft = m_model->workingTarget(row);
    if (Sentry::Dsn::splitSecret(draft.dsn, nullptr) != draft.dsn
        || Sentry::Dsn::splitSecret(dsn, nullptr) != draft.dsn)
        return; // it has a secret already, or was edited since
    draft.dsn = dsn;
    m_model->setWorkingTarget(row, draft);
    if (row == currentRow())
        showTarget(draft);
}

void TargetPanel::updateDraftState()
{
    m_targetList->setModified(isCurrentModified());
}

void TargetPanel::saveTargets()
{
    m_saveTimer->stop();
    m_settings->targets = m_model->targets();
    m_settings->drafts = m_model->drafts();
    m_settings->save();
}

QString TargetPanel::partText(Part part) const
{
    return m_breakdown->partText(part);
}

Sentry::Findings TargetPanel::partFindings(Part part) const
{
    return m_breakdown->partFindings(part);
}

Sentry::Findings TargetPanel::otherFindings() const
{
    return m_breakdown->otherFindings();
}

void TargetPanel::updateSecretStatus()
{
    m_secretStatus->setText(m_settings->secretsInPlainText
                                ? tr("Secrets are saved in plain text in the settings file.")
                                : m_settings->secretStore()->statusText());
}

} // namespace SentryUi
