#include "targetsettingseditor.h"

#include "headersmodel.h"
#include "icons.h"
#include "sender.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
QString secondsText(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(double(ms) / 1000.0);
}
} // namespace

TargetSettingsEditor::TargetSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_headers(new HeadersModel(this))
{
    m_timeout = new QDoubleSpinBox(this);
    m_timeout->setObjectName(u"timeout"_s);
    m_timeout->setRange(0, Sentry::Dsn::MaxTimeoutSeconds);
    m_timeout->setDecimals(1);
    m_timeout->setSingleStep(0.5);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("From the DSN"));
    m_timeout->setToolTip(tr("The deadline for the whole exchange (connect, send, the complete "
                             "answer). \"From the DSN\": its ?timeout=, else 3 s."));
    m_timeoutHint = new QLabel(this);
    m_timeoutHint->setEnabled(false); // a remark, not a value
    m_timeoutHint->setWordWrap(true);
    m_client = new QLineEdit(this);
    m_client->setObjectName(u"client"_s);
    m_client->setPlaceholderText(QString::fromLatin1(Sentry::DefaultClient));
    m_client->setToolTip(tr("sentry_client and User-Agent, as name/version"));
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(u"encoding"_s);
    m_encoding->addItem(tr("JSON body"), int(Sentry::BodyEncoding::Json));
    m_encoding->addItem(tr("base64(zlib(JSON)) body"), int(Sentry::BodyEncoding::Base64Zlib));
    // The longest item would set the sidebar's width; it elides instead and opens full width.
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_encoding->setMinimumContentsLength(10);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_timeout);
    timeoutRow->addWidget(m_timeoutHint, 1);
    form->addRow(tr("Timeout"), timeoutRow);
    form->addRow(tr("Client"), m_client);
    form->addRow(tr("Encoding"), m_encoding);
    form->addRow(tr("Headers"), buildHeaders());

    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, [this] {
        updateHints();
        if (!m_loading)
            Q_EMIT edited();
    });
    const auto changed = [this] {
        if (!m_loading)
            Q_EMIT edited();
    };
    connect(m_client, &QLineEdit::textEdited, this, changed);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, changed);
    connect(m_headers, &HeadersModel::edited, this, [this] {
        updateHints();
        Q_EMIT edited();
    });
    updateHints();
}

QWidget *TargetSettingsEditor::buildHeaders()
{
    auto *box = new QWidget(this);
    m_headerView = new QTableView(box);
    m_headerView->setObjectName(u"headers"_s);
    m_headerView->setModel(m_headers);
    m_headerView->horizontalHeader()->setStretchLastSection(true);
    m_headerView->verticalHeader()->hide();
    m_headerView->setMaximumHeight(m_headerView->fontMetrics().height() * 6);
    m_headerView->setToolTip(tr("Sent after the harness's own headers; one named like them "
                                "(User-Agent, X-Sentry-Auth) replaces it"));
    auto *add = new QToolButton(box);
    add->setIcon(Icons::icon(u"add"_s));
    add->setToolTip(tr("Add a header (Origin, Referer, anything)"));
    auto *remove = new QToolButton(box);
    remove->setIcon(Icons::icon(u"remove"_s));
    remove->setToolTip(tr("Remove the selected header"));
    m_problems = new QLabel(box);
    m_problems->setObjectName(u"headerProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_headerView, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problems);
    connect(add, &QToolButton::clicked, this, [this] {
        const int row = m_headers->rowCount();
        m_headers->insertRows(row, 1);
        m_headerView->edit(m_headers->index(row, HeadersModel::NameColumn));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_headerView->currentIndex().isValid())
            m_headers->removeRows(m_headerView->currentIndex().row(), 1);
    });
    return box;
}

void TargetSettingsEditor::setTarget(const Target &target)
{
    m_loading = true;
    m_timeout->setValue(target.timeoutMs ? double(*target.timeoutMs) / 1000.0 : 0.0);
    if (m_client->text() != target.client)
        m_client->setText(target.client);
    m_encoding->setCurrentIndex(m_encoding->findData(int(target.encoding)));
    m_headers->setHeaders(target.headers);
    m_loading = false;
    updateHints();
}

void TargetSettingsEditor::setDsn(const Sentry::Dsn &dsn)
{
    m_dsn = dsn;
    updateHints();
}

Target TargetSettingsEditor::applyTo(Target target) const
{
    const int ms = int(m_timeout->value() * 1000 + 0.5);
    target.timeoutMs = ms > 0 ? std::optional<int>(ms) : std::nullopt;
    target.client = m_client->text();
    target.encoding = Sentry::BodyEncoding(m_encoding->currentData().toInt());
    target.headers = m_headers->headers();
    return target;
}

QString TargetSettingsEditor::timeoutText() const
{
    return m_timeoutHint->text();
}

QString TargetSettingsEditor::problemsText() const
{
    return m_problems->text();
}

void TargetSettingsEditor::updateHints()
{
    const std::optional<int> fromDsn = m_dsn.timeoutMs();
    if (m_timeout->value() > 0)
        m_timeoutHint->setText(fromDsn ? tr("overrides the DSN's ?timeout=%1").arg(secondsText(*fromDsn))
                                       : tr("set for this target"));
    else if (fromDsn)
        m_timeoutHint->setText(tr("%1 s, from the DSN's ?timeout=").arg(secondsText(*fromDsn)));
    else
        m_timeoutHint->setText(
            tr("%1 s, the default (the DSN sets none)").arg(secondsText(Sentry::Sender::DefaultTimeoutMs)));
    const QStringList problems = m_headers->problems();
    m_problems->setText(problems.isEmpty()
                            ? QString()
                            : problems.join(u'\n') + u'\n'
                                  + tr("Until fixed, the request cannot be built or sent."));
    m_problems->setVisible(!problems.isEmpty());
}

} // namespace SentryUi
