#include "authpanel.h"

#include "pairsmodel.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
QLabel *wrappingLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}
} // namespace

AuthPanel::AuthPanel(QWidget *parent)
    : QWidget(parent)
    , m_fields(new PairsModel(tr("Field"), tr("Value"), this))
{
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(u"authEditor"_s);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setMaximumHeight(fontMetrics().height() * 5);
    m_editor->setPlaceholderText(tr("Paste an X-Sentry-Auth value, or a whole header line"));
    m_browser = new QCheckBox(tr("Browser client"));
    m_browser->setObjectName(u"authBrowser"_s);
    m_browser->setToolTip(tr("Judge it as sent by a browser client (no secret expected), as the "
                             "CLI's auth --browser"));
    m_useRequest = new QPushButton(tr("Use the request's header"));
    m_useRequest->setObjectName(u"authUseRequest"_s);
    m_source = new QLabel;
    m_summary = wrappingLabel(u"authSummary"_s);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_findings = wrappingLabel(u"authFindings"_s);
    auto *table = new QTableView;
    table->setModel(m_fields);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_source, 1);
    bar->addWidget(m_browser);
    bar->addWidget(m_useRequest);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_editor);
    layout->addWidget(m_summary);
    layout->addWidget(m_findings);
    layout->addWidget(table, 1);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &AuthPanel::textEdited);
    connect(m_browser, &QCheckBox::toggled, this, &AuthPanel::judge);
    connect(m_useRequest, &QPushButton::clicked, this, &AuthPanel::useRequestHeader);
    useRequestHeader();
}

void AuthPanel::setRequestHeader(const QString &header)
{
    m_requestHeader = header;
    if (m_following)
        useRequestHeader();
}

void AuthPanel::setHeaderText(const QString &text)
{
    m_editor->setPlainText(text); // textEdited() stops following the request
}

void AuthPanel::useRequestHeader()
{
    m_following = true;
    m_updating = true;
    if (m_editor->toPlainText() != m_requestHeader)
        m_editor->setPlainText(m_requestHeader);
    m_updating = false;
    m_useRequest->setEnabled(false);
    m_source->setText(tr("The request's own header, judged:"));
    judge();
}

void AuthPanel::textEdited()
{
    if (m_updating)
        return;
    m_following = false;
    m_useRequest->setEnabled(true);
    m_source->setText(tr("Pasted text, judged as the v4 server would:"));
    judge();
}

void AuthPanel::judge()
{
    const auto kind = m_browser->isChecked() ? Sentry::ClientKind::Browser : Sentry::ClientKind::Server;
    const QString text = m_editor->toPlainText();
    m_judged = Sentry::AuthHeader::parse(text, kind);
    QList<PairsModel::Pair> fields;
    for (const Sentry::AuthHeader::Field &field : m_judged.fields())
        fields.append({field.name, field.value});
    m_fields->setPairs(fields);
    m_summary->setText(text.trimmed().isEmpty() && m_following ? QString() : m_judged.summary());
    QStringList lines;
    for (const Sentry::Finding &finding : m_judged.findings())
        lines.append(Sentry::severityName(finding.severity).leftJustified(8) + finding.location
                     + u": "_s + finding.message);
    m_findings->setText(m_summary->text().isEmpty() ? QString() : lines.join(u'\n'));
    m_findings->setVisible(!m_findings->text().isEmpty());
}

QString AuthPanel::headerText() const
{
    return m_editor->toPlainText();
}

QString AuthPanel::summaryText() const
{
    return m_summary->text();
}

QString AuthPanel::findingsText() const
{
    return m_findings->text();
}

} // namespace SentryUi
