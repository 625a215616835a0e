#include "secretstore.h"

#ifdef SENTRY_HAVE_KEYCHAIN
#    include <qt6keychain/keychain.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
const QString Service = u"sentry-harness"_s;
const QString NoKeychain = u"no-qtkeychain"_s; // built without it: nothing was asked
} // namespace

SecretStore::SecretStore(Backend backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
#ifndef SENTRY_HAVE_KEYCHAIN
    m_backend = Backend::Session;
    m_failure = NoKeychain;
#endif
}

SecretStore::~SecretStore() = default;

QString SecretStore::statusText() const
{
    if (m_backend == Backend::Keyring)
        return tr("Secrets are kept in the system keyring, never in the settings file.");
    if (m_failure.isEmpty())
        return tr("Secrets are kept for this session only and are not saved.");
    if (m_failure == NoKeychain)
        return tr("Secrets are kept for this session only: this build has no keyring support "
                  "(QtKeychain). Tick \"Save secrets in plain text\" to keep them in the "
                  "settings file.");
    return failureText(m_failure);
}

// QtKeychain on Linux asks the Secret Service over D-Bus (through libsecret: GNOME Keyring,
// KeePassXC, KWallet 5.97+) or KWallet itself; its own message ("Unknown error") names neither.
QString SecretStore::failureText(const QString &reason)
{
    return tr("Secrets are kept for this session only: no system keyring answered. QtKeychain "
              "asked the Secret Service over D-Bus (GNOME Keyring, KeePassXC or KWallet) and "
              "was told: \"%1\". To keep secrets, run a keyring in your desktop session (e.g. "
              "install gnome-keyring and log in again), or tick \"Save secrets in plain text\" "
              "to keep them in the settings file.")
        .arg(reason.isEmpty() ? tr("no answer") : reason);
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
