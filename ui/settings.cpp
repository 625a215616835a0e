#include "settings.h"

#include "dsn.h"
#include "secretstore.h"

#include <QSettings>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace Key {
const QString Targets = u"targets"_s;
const QString Id = u"id"_s;
const QString Name = u"name"_s;
const QString Dsn = u"dsn"_s;
const QString CurrentTarget = u"current_target"_s;
const QString RecentFiles = u"recent_files"_s;
const QString LastDirectory = u"last_directory"_s;
const QString SaveDirectory = u"save_directory"_s;
const QString Theme = u"theme"_s;
const QString WindowGeometry = u"window/geometry"_s;
const QString WindowState = u"window/state"_s;
const QString LayoutState = u"window/layout"_s;
const QString SecretsInPlainText = u"secrets_in_plain_text"_s;
const QString TimeoutMs = u"timeout_ms"_s;
const QString Client = u"client"_s;
const QString Headers = u"headers"_s; // "Name: value" per header
const QString Encoding = u"encoding"_s;
const QString Draft = u"draft"_s; // a group inside a target: its unsaved edits
const QString Receiver = u"receiver"_s; // a group: the embedded receiver
const QString Enabled = u"enabled"_s;
const QString Address = u"address"_s;
const QString Port = u"port"_s;
const QString Project = u"project"_s;
const QString Keys = u"keys"_s;
const QString Origins = u"origins"_s;
const QString TargetId = u"target_id"_s;
} // namespace Key

namespace {
QString secretKey(const QString &targetId)
{
    return u"target/"_s + targetId;
}

QString draftSecretKey(const QString &targetId)
{
    return secretKey(targetId) + u"/draft"_s;
}

QStringList headerLines(const QList<Target::Header> &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers)
        lines.append(name + u": "_s + value);
    return lines;
}

QList<Target::Header> headersFrom(const QStringList &lines)
{
    QList<Target::Header> headers;
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u':');
        headers.append(colon < 0 ? Target::Header{line, {}}
                                 : Target::Header{line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

QString themeName(Settings::Theme theme)
{
    switch (theme) {
    case Settings::Theme::Light:
        return u"light"_s;
    case Settings::Theme::Dark:
        return u"dark"_s;
    case Settings::Theme::System:
        break;
    }
    return u"system"_s;
}

Settings::Theme themeFromName(const QString &name)
{
    if (name == "light"_L1)
        return Settings::Theme::Light;
    if (name == "dark"_L1)
        return Settings::Theme::Dark;
    return Settings::Theme::System;
}
} // namespace

Sentry::StoreRequestOptions Target::requestOptions() const
{
    Sentry::StoreRequestOptions options;
    options.encoding = encoding;
    if (!client.trimmed().isEmpty())
        options.client = client.trimmed();
    for (const auto &[name, value] : headers) {
        if (!name.isEmpty() || !value.isEmpty()) // a row just added and left blank is no header
            options.extraHeaders.append({name.toUtf8(), value.toUtf8()});
    }
    options.timeoutMs = timeoutMs;
    return options;
}

Settings::Settings(const QString &iniFile, bool useKeyring, QObject *parent)
    : QObject(parent)
    , m_settings(iniFile.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
    , m_secrets(new SecretStore(
          useKeyring ? SecretStore::Backend::Keyring : SecretStore::Backend::Session, this))
{
    connect(m_secrets, &SecretStore::secretRead, this, &Settings::applySecret);
}

Settings::~Settings() = default;

Target Settings::defaultTarget()
{
    return {QUuid::createUuid().toString(QUuid::WithoutBraces), localReceiverName(),
            u"http://public:secret@127.0.0.1:9000/1"_s};
}

QString Settings::localReceiverName()
{
    return tr("Local receiver");
}

void Settings::load()
{
    loadTargets();
    currentTargetId = m_settings->value(Key::CurrentTarget).toString();
    recentFiles = m_settings->value(Key::RecentFiles).toStringList();
    lastDirectory = m_settings->value(Key::LastDirectory).toString();
    saveDirectory = m_settings->value(Key::SaveDirectory).toString();
    theme = themeFromName(m_settings->value(Key::Theme).toString());
    windowGeometry = m_settings->value(Key::WindowGeometry).toByteArray();
    windowState = m_settings->value(Key::WindowState).toByteArray();
    layoutState = m_settings->value(Key::LayoutState).toByteArray();
    secretsInPlainText = m_settings->value(Key::SecretsInPlainText, false).toBool();
    loadReceiver();
}

void Settings::loadReceiver()
{
    const ReceiverSettings defaults;
    m_settings->beginGroup(Key::Receiver);
    receiver.enabled = m_settings->value(Key::Enabled, defaults.enabled).toBool();
    receiver.address = m_settings->value(Key::Address, defaults.address).toString();
    receiver.port = m_settings->value(Key::Port, defaults.port).toInt();
    receiver.project = m_settings->value(Key::Project, defaults.project).toString();
    receiver.keys = m_settings->value(Key::Keys).toStringList();
    receiver.origins = m_settings->value(Key::Origins, defaults.origins).toStringList();
    const bool fromBefore = !m_settings->contains(Key::TargetId);
    // No targets saved yet (a first start, or one that ended before they were written): the
    // default target loadTargets() just made is the receiver's.
    if (receiver.targetId.isEmpty())
        receiver.targetId = m_settings->value(Key::TargetId).toString();
    m_settings->endGroup();
    if (receiver.targetId.isEmpty() && fromBefore)
        receiver.targetId = targetFromBeforeTheReceiver();
}

// Settings written before the embedded receiver existed hold the default target of those
// versions, "Local receiver" on 127.0.0.1:9000: it becomes the receiver's (its DSN follows the
// receiver from now on) instead of a second "Local receiver" beside it. "" when there is none.
QString Settings::targetFromBeforeTheReceiver() const
{
    for (const Target &target : targets) {
        if (target.name == localReceiverName() || target.name == "Local receiver"_L1)
            return target.id;
    }
    return {};
}

void Settings::saveReceiver()
{
    m_settings->beginGroup(Key::Receiver);
    m_settings->setValue(Key::Enabled, receiver.enabled);
    m_settings->setValue(Key::Address, receiver.address);
    m_settings->setValue(Key::Port, receiver.port);
    m_settings->setValue(Key::Project, receiver.project);
    m_settings->setValue(Key::Keys, receiver.keys);
    m_settings->setValue(Key::Origins, receiver.origins);
    m_settings->setValue(Key::TargetId, receiver.targetId);
    m_settings->endGroup();
    m_settings->sync();
}

void Settings::save()
{
    saveTargets();
    m_settings->setValue(Key::CurrentTarget, currentTargetId);
    m_settings->setValue(Key::RecentFiles, recentFiles);
    m_settings->setValue(Key::LastDirectory, lastDirectory);
    m_settings->setValue(Key::SaveDirectory, saveDirectory);
    m_settings->setValue(Key::Theme, themeName(theme));
    m_settings->setValue(Key::WindowGeometry, windowGeometry);
    m_settings->setValue(Key::WindowState, windowState);
    m_settings->setValue(Key::LayoutState, layoutState);
    m_settings->setValue(Key::SecretsInPlainText, secretsInPlainText);
    saveReceiver();
    m_settings->sync();
}

void Settings::addRecentFile(const QString &path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > MaxRecentFiles)
        recentFiles.removeLast();
}

void Settings::loadTargets()
{
    targets.clear();
    drafts.clear();
    m_savedIds.clear();
    const int count = m_settings->beginReadArray(Key::Targets);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Target target = readTarget();
        if (target.id.isEmpty())
            target.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (m_settings->childGroups().contains(Key::Draft)) {
            m_settings->beginGroup(Key::Draft);
            Target draft = readTarget();
            draft.id = target.id;
            drafts.insert(target.id, draft);
            m_settings->endGroup();
        }
        targets.append(target);
        m_savedIds.append(target.id);
    }
    m_settings->endArray();
    receiver.targetId.clear();
    if (!m_settings->contains(Key::Targets + "/size"_L1)) {
        targets.append(defaultTarget());
        receiver.targetId = targets.constLast().id; // its DSN follows the embedded receiver
    }
    for (const Target &target : std::as_const(targets)) {
        m_secrets->read(secretKey(target.id));
        if (drafts.contains(target.id))
            m_secrets->read(draftSecretKey(target.id));
    }
}

Target Settings::readTarget() const
{
    Target target {m_settings->value(Key::Id).toString(), m_settings->value(Key::Name).toString(),
                   m_settings->value(Key::Dsn).toString()};
    bool ok = false;
    const int timeout = m_settings->value(Key::TimeoutMs).toInt(&ok);
    if (ok && timeout > 0)
        target.timeoutMs = timeout;
    target.client = m_settings->value(Key::Client).toString();
    target.headers = headersFrom(m_settings->value(Key::Headers).toStringList());
    target.encoding = Sentry::encodingFromName(m_settings->value(Key::Encoding).toString())
                          .value_or(Sentry::BodyEncoding::Json);
    return target;
}

void Settings::writeTarget(const Target &target, const QString &secretKey)
{
    QString secret;
    const QString publicDsn = Sentry::Dsn::splitSecret(target.dsn, &secret);
    m_settings->setValue(Key::Id, target.id);
    m_settings->setValue(Key::Name, target.name);
    m_settings->setValue(Key::Dsn, secretsInPlainText ? target.dsn : publicDsn);
    m_secrets->write(secretKey, secretsInPlainText ? QString() : secret);
    if (target.timeoutMs)
        m_settings->setValue(Key::TimeoutMs, *target.timeoutMs);
    if (!target.client.isEmpty())
        m_settings->setValue(Key::Client, target.client);
    if (!target.headers.isEmpty())
        m_settings->setValue(Key::Headers, headerLines(target.headers));
    m_settings->setValue(Key::Encoding, Sentry::encodingName(target.encoding));
}

void Settings::saveTargets()
{
    m_settings->remove(Key::Targets);
    m_settings->beginWriteArray(Key::Targets, int(targets.size()));
    QStringList ids;
    for (int i = 0; i < targets.size(); ++i) {
        const Target &target = targets.at(i);
        m_settings->setArrayIndex(i);
        writeTarget(target, secretKey(target.id));
        const auto draft = drafts.constFind(target.id);
        if (draft != drafts.cend()) {
            m_settings->beginGroup(Key::Draft);
            writeTarget(*draft, draftSecretKey(target.id));
            m_settings->endGroup();
        } else {
            m_secrets->write(draftSecretKey(target.id), QString()); // forgets only a known one
        }
        ids.append(target.id);
    }
    m_settings->endArray();
    for (const QString &id : std::as_const(m_savedIds)) {
        if (!ids.contains(id)) {
            m_secrets->remove(secretKey(id));
            m_secrets->remove(draftSecretKey(id));
        }
    }
    m_savedIds = ids;
}

void Settings::applySecret(const QString &key, const QString &secret)
{
    for (Target &target : targets) {
        if (secretKey(target.id) == key)
            return applyTargetSecret(target, secret, false);
        if (draftSecretKey(target.id) == key) {
            const auto draft = drafts.find(target.id);
            if (draft != drafts.end())
                applyTargetSecret(*draft, secret, true);
            return;
        }
    }
}

void Settings::applyTargetSecret(Target &target, const QString &secret, bool draft)
{
    QString existing;
    Sentry::Dsn::splitSecret(target.dsn, &existing);
    if (!existing.isEmpty() || secret.isEmpty())
        return; // typed in the meantime, or stored in plain text
    target.dsn = Sentry::Dsn::joinSecret(target.dsn, secret);
    if (draft)
        Q_EMIT draftSecretLoaded(target.id, target.dsn);
    else
        Q_EMIT targetSecretLoaded(target.id, target.dsn);
}

} // namespace SentryUi
