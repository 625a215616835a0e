#pragma once

// The one wrapper around QSettings (snake_case keys). Values are plain members: load() fills them,
// save() writes them. DSN secrets go to the SecretStore, not to the settings file, unless the user
// opted in with secretsInPlainText.

#include "storerequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace SentryUi {

class SecretStore;

// A saved target: where to send and how. In memory `dsn` carries its secret; on disk the secret
// is split off. The request settings left empty defer to the DSN (its ?timeout=) or the harness.
struct Target
{
    using Header = QPair<QString, QString>;

    QString id; // stable across renames: names the secret in the keyring
    QString name;
    QString dsn;
    std::optional<int> timeoutMs; // overrides the DSN's ?timeout=
    QString client;               // sentry_client and User-Agent; empty: the harness's own
    QList<Header> headers;        // extra headers (Origin, Referer, …), in wire order
    Sentry::BodyEncoding encoding = Sentry::BodyEncoding::Json;

    // The target's part of a store request's options (encoding, client, headers, timeout).
    Sentry::StoreRequestOptions requestOptions() const;

    friend bool operator==(const Target &a, const Target &b)
    {
        return a.id == b.id && a.name == b.name && a.dsn == b.dsn && a.timeoutMs == b.timeoutMs
            && a.client == b.client && a.headers == b.headers && a.encoding == b.encoding;
    }
    friend bool operator!=(const Target &a, const Target &b) { return !(a == b); }
};

// The embedded receiver as the user left it. Its key pairs stay in the settings file, secrets
// included: they guard a receiver on this machine only, and must be there at start-up, before a
// keyring answers (the "Local receiver" target's copy of the secret goes to the keyring as usual).
struct ReceiverSettings
{
    bool enabled = true;                  // started at launch
    QString address = QStringLiteral("127.0.0.1");
    int port = 0;                         // 0: none remembered yet (a free one is picked)
    QString project = QStringLiteral("1"); // ID[:SLUG]
    QStringList keys;                     // PUBLIC[:SECRET]; empty: generate a pair
    QStringList origins = {QStringLiteral("*")};
    QString targetId;                     // the target whose DSN follows the receiver's
};

class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    static constexpr int MaxRecentFiles = 10;

    // No ini file: the user's settings. useKeyring false keeps secrets for the session only
    // (tests, and machines where asking the keyring is unwelcome).
    explicit Settings(const QString &iniFile = {}, bool useKeyring = true,
                      QObject *parent = nullptr);
    ~Settings() override;

    void load();
    void save();
    // The receiver's part alone, written at once: its port and keys are remembered the moment
    // they are chosen, not only when the window closes.
    void saveReceiver();
    SecretStore *secretStore() const { return m_secrets; }

    void addRecentFile(const QString &path); // most recent first, no duplicates
    static Target defaultTarget();
    static QString localReceiverName(); // the name of the target that follows the embedded receiver

    QList<Target> targets;
    QHash<QString, Target> drafts; // by target id: edits not saved yet, kept across sessions
    QString currentTargetId;
    QStringList recentFiles;
    QString lastDirectory; // where a file was last opened or saved
    QString saveDirectory; // where a file was last saved: a folder the user can write to
    Theme theme = Theme::System;
    QByteArray windowGeometry;
    QByteArray windowState; // the tool bar (QMainWindow::saveState)
    QByteArray layoutState; // the panels' arrangement (LayoutState::toBytes)
    bool secretsInPlainText = false;
    ReceiverSettings receiver;

Q_SIGNALS:
    void targetSecretLoaded(const QString &id, const QString &dsn); // arrived from the keyring
    void draftSecretLoaded(const QString &id, const QString &dsn);  // the same, for a draft

private:
    void loadTargets();
    void saveTargets();
    void loadReceiver();
    QString targetFromBeforeTheReceiver() const;
    void writeTarget(const Target &target, const QString &secretKey);
    Target readTarget() const;
    void applySecret(const QString &key, const QString &secret);
    void applyTargetSecret(Target &target, const QString &secret, bool draft);

    std::unique_ptr<QSettings> m_settings;
    SecretStore *m_secrets = nullptr;
    QStringList m_savedIds; // to forget secrets of removed targets
};

} // namespace SentryUi

Q_DECLARE_METATYPE(SentryUi::Target)
