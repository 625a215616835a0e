#include "backoffs.h"

#include "authheader.h"
#include "storerequest.h"

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

Backoffs::Backoffs(Backoff::Clock clock)
    : m_clock(std::move(clock))
{
}

QString Backoffs::targetOf(const StoreRequest &request)
{
    const QString url = request.url().adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment
                                               | QUrl::RemoveUserInfo).toString();
    const AuthHeader auth = AuthHeader::parse(QString::fromUtf8(request.header(HttpHeader::SentryAuth)));
    QString key;
    for (const AuthHeader::Field &field : auth.fields()) {
        if (field.name.trimmed() == QStringView(AuthField::Key))
            key = field.value.trimmed(); // the last one wins, as on the server
    }
    return key.isEmpty() ? url : url + u" key="_s + key;
}

BackoffState Backoffs::record(const QString &target, const SendResult &result)
{
    auto it = m_backoffs.find(target);
    if (it == m_backoffs.end())
        it = m_backoffs.insert(target, Backoff(m_clock));
    return it->record(result);
}

BackoffState Backoffs::state(const QString &target) const
{
    const auto it = m_backoffs.constFind(target);
    return it == m_backoffs.cend() ? BackoffState{} : it->state();
}

bool Backoffs::canSendNow(const QString &target) const
{
    return msUntilReady(target) == 0;
}

qint64 Backoffs::msUntilReady(const QString &target) const
{
    const auto it = m_backoffs.constFind(target);
    return it == m_backoffs.cend() ? 0 : it->msUntilReady();
}

void Backoffs::reset(const QString &target)
{
    m_backoffs.remove(target);
}

QStringList Backoffs::targets() const
{
    return m_backoffs.keys();
}

} // namespace Sentry
