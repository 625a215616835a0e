#include "secretstore.h"

#ifdef SENTRY_HAVE_KEYCHAIN
#    include <qt6keychain/keychain.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
const QString Service = u"sentry-harness"_s;

// The user info of a DSN: [begin, end) between "://" and the '@', or begin < 0 when there is none.
std::pair<qsizetype, qsizetype> userInfoRange(const QString &dsn)
{
    const qsizetype schemeEnd = dsn.indexOf("://"_L1);
    if (schemeEnd < 0)
        return {-1, -1};
    const qsizetype begin = schemeEnd + 3;
    const qsizetype at = dsn.indexOf(u'@', begin);
    const qsizetype slash = dsn.indexOf(u'/', begin);
    if (at < 0 || (slash >= 0 && slash < at))
        return {-1, -1};
    return {begin, at};
}
} // namespace

QString splitSecret(const QString &dsn, QString *secret)
{
    const auto [begin, end] = userInfoRange(dsn);
    const qsizetype colon = begin < 0 ? -1 : dsn.indexOf(u':', begin);
    if (colon < 0 || colon > end) {
        if (secret)
            secret->clear();
        return dsn;
    }
    if (secret)
        *secret = dsn.mid(colon + 1, end - colon - 1);
    return dsn.left(colon) + dsn.mid(end);
}

QString joinSecret(const QString &dsn, const QString &secret)
{
    const auto [begin, end] = userInfoRange(dsn);
    if (secret.isEmpty() || begin < 0)
        return dsn;
    const qsizetype colon = dsn.indexOf(u':', begin);
    if (colon >= 0 && colon < end)
        return dsn; // it has a secret already
    return dsn.left(end) + u':' + secret + dsn.mid(end);
}

SecretStore::SecretStore(Backend backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
#ifndef SENTRY_HAVE_KEYCHAIN
    m_backend = Backend::Session;
    m_failure = tr("built without QtKeychain");
#endif
}

SecretStore::~SecretStore() = default;

QString SecretStore::statusText() const
{
    if (m_backend == Backend::Keyring)
        return tr("Secrets are kept in the system keyring, never in the settings file.");
    if (m_failure.isEmpty())
        return tr("Secrets are kept for this session only and are not saved.");
    return tr("Secrets are kept for this session only (no keyring: %1).").arg(m_failure);
}

void SecretStore::write(const QString &key, const QString &secret)
{
    if (secret.isEmpty()) {
        // Only forget a secret we know: one still being read from the keyring must survive a
        // save that happens before it arrives.
        if (m_cache.contains(key))
            remove(key);
        return;
    }
    if (m_cache.value(key) == secret)
        return;
    m_cache.insert(key, secret);
#ifdef SENTRY_HAVE_KEYCHAIN
    if (m_backend == Backend::Keyring) {
        auto *job = new QKeychain::WritePasswordJob(Service, this);
        job->setKey(key);
        job->setTextData(secret);
        startJob(job);
    }
#endif
}

void SecretStore::read(const QString &key)
{
    if (m_cache.contains(key) || m_backend == Backend::Session) {
        if (m_cache.contains(key))
            Q_EMIT secretRead(key, m_cache.value(key));
        return;
    }
#ifdef SENTRY_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setKey(key);
    startJob(job);
#endif
}

void SecretStore::remove(const QString &key)
{
    m_cache.remove(key);
#ifdef SENTRY_HAVE_KEYCHAIN
    if (m_backend == Backend::Keyring) {
        auto *job = new QKeychain::DeletePasswordJob(Service, this);
        job->setKey(key);
        startJob(job);
    }
#endif
}

void SecretStore::startJob(QKeychain::Job *job)
{
#ifdef SENTRY_HAVE_KEYCHAIN
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, &SecretStore::jobFinished);
    job->start();
#else
    Q_UNUSED(job)
#endif
}

void SecretStore::jobFinished(QKeychain::Job *job)
{
#ifdef SENTRY_HAVE_KEYCHAIN
    if (job->error() == QKeychain::EntryNotFound)
        return;
    if (job->error() != QKeychain::NoError) {
        fallBackToSession(job->errorString());
        return;
    }
    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job)) {
        m_cache.insert(read->key(), read->textData());
        Q_EMIT secretRead(read->key(), read->textData());
    }
#else
    Q_UNUSED(job)
#endif
}

void SecretStore::fallBackToSession(const QString &reason)
{
    if (m_backend == Backend::Session)
        return;
    m_backend = Backend::Session;
    m_failure = reason;
    Q_EMIT backendChanged(m_backend);
}

} // namespace SentryUi
