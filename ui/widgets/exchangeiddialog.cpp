#include "exchangeiddialog.h"

#include "history.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

ExchangeIdDialog::ExchangeIdDialog(const Sentry::History *history, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Show Exchange"));
    m_ids = new QComboBox;
    m_ids->setEditable(true);
    m_ids->setInsertPolicy(QComboBox::NoInsert);
    m_ids->setMinimumContentsLength(50);
    m_ids->lineEdit()->setPlaceholderText(tr("An exchange id, such as 12"));
    Sentry::HistoryQuery query;
    query.limit = RecentCount;
    QString error;
    const QList<Sentry::Exchange> recent = history ? history->search(query, &error) : QList<Sentry::Exchange>();
    for (const Sentry::Exchange &e : recent) {
        // A sent exchange keeps its full URL: its path is what tells them apart here.
        const QUrl url = QUrl::fromEncoded(e.url);
        const QString path = url.scheme().isEmpty() ? QString::fromUtf8(e.url) : url.path();
        m_ids->addItem(u"#%1  %2  %3 %4 → %5  %6"_s.arg(e.id).arg(
                           e.direction == Sentry::Exchange::Direction::In ? tr("received") : tr("sent"),
                           QString::fromLatin1(e.method), path.left(40),
                           e.status ? QString::number(e.status) : tr("no answer"), e.message.left(50)));
    }
    m_ids->lineEdit()->setCursorPosition(0); // the id first, not the end of the message
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    if (!history)
        m_problem->setText(tr("No history is open, so no exchange can be shown."));
    else if (!error.isEmpty())
        m_problem->setText(error);
    else if (recent.isEmpty())
        m_problem->setText(tr("The history is empty: send an event, or point a client at the receiver."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Exchange"), m_ids);
    form->addRow(m_problem);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExchangeIdDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExchangeIdDialog::reject);
}

std::optional<qint64> ExchangeIdDialog::parseId(const QString &text)
{
    static const QRegularExpression id(u"^\\s*#?(\\d+)(\\s|$)"_s);
    const QRegularExpressionMatch match = id.match(text);
    bool ok = false;
    const qint64 value = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    return ok && value > 0 ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<qint64> ExchangeIdDialog::exchangeId() const
{
    return parseId(m_ids->currentText());
}

void ExchangeIdDialog::setText(const QString &text)
{
    m_ids->setEditText(text);
}

int ExchangeIdDialog::recentCount() const
{
    return m_ids->count();
}

void ExchangeIdDialog::accept()
{
    if (!exchangeId()) {
        m_problem->setText(tr("\"%1\" is not an exchange id: type a number such as 12, or pick one "
                              "from the list.").arg(m_ids->currentText()));
        return;
    }
    QDialog::accept();
}

} // namespace SentryUi
