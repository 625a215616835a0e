#pragma once

// Where DSN secrets live: the system keyring (QtKeychain) when one answers, otherwise memory for
// this session only. The UI shows statusText() so the user knows which one is in use. Tests use
// the Session backend so they never touch a real keyring.

#include <QHash>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace SentryUi {

class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Backend { Keyring, Session };
    Q_ENUM(Backend)

    explicit SecretStore(Backend backend, QObject *parent = nullptr);
    ~SecretStore() override;

    Backend backend() const { return m_backend; } // Keyring turns into Session when it fails
    bool isPersistent() const { return m_backend == Backend::Keyring; }
    QString statusText() const;
    // Why secrets are not persistent: which keyring was asked, what it said, what to do instead.
    static QString failureText(const QString &reason);

    QString cached(const QString &key) const { return m_cache.value(key); }
    void write(const QString &key, const QString &secret); // empty secret = remove
    void read(const QString &key); // answers with secretRead()
    void remove(const QString &key);

Q_SIGNALS:
    void secretRead(const QString &key, const QString &secret);
    void backendChanged(SentryUi::SecretStore::Backend backend);

private:
    void startJob(QKeychain::Job *job);
    void jobFinished(QKeychain::Job *job);
    void fallBackToSession(const QString &reason);

    Backend m_backend = Backend::Session;
    QString m_failure;
    QHash<QString, QString> m_cache;
};

} // namespace SentryUi
