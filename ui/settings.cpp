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
} // namespace Key

namespace {
QString secretKey(const QString &targetId)
{
    return u"target/"_s + targetId;
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
    return {QUuid::createUuid().toString(QUuid::WithoutBraces), tr("Local receiver"),
            u"http://public:secret@127.0.0.1:9000/1"_s};
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
    m_savedIds.clear();
    const int count = m_settings->beginReadArray(Key::Targets);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Target target {m_settings->value(Key::Id).toString(),
                       m_settings->value(Key::Name).toString(),
                       m_settings->value(Key::Dsn).toString()};
        if (target.id.isEmpty())
            target.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        targets.append(target);
        m_savedIds.append(target.id);
    }
    m_settings->endArray();
    if (!m_settings->contains(Key::Targets + "/size"_L1))
        targets.append(defaultTarget());
    for (const Target &target : std::as_const(targets))
        m_secrets->read(secretKey(target.id));
}

void Settings::saveTargets()
{
    m_settings->remove(Key::Targets);
    m_settings->beginWriteArray(Key::Targets, int(targets.size()));
    QStringList ids;
    for (int i = 0; i < targets.size(); ++i) {
        const Target &target = targets.at(i);
        QString secret;
        const QString publicDsn = Sentry::Dsn::splitSecret(target.dsn, &secret);
        m_settings->setArrayIndex(i);
        m_settings->setValue(Key::Id, target.id);
        m_settings->setValue(Key::Name, target.name);
        m_settings->setValue(Key::Dsn, secretsInPlainText ? target.dsn : publicDsn);
        m_secrets->write(secretKey(target.id), secretsInPlainText ? QString() : secret);
        ids.append(target.id);
    }
    m_settings->endArray();
    for (const QString &id : std::as_const(m_savedIds)) {
        if (!ids.contains(id))
            m_secrets->remove(secretKey(id));
    }
    m_savedIds = ids;
}

void Settings::applySecret(const QString &key, const QString &secret)
{
    for (Target &target : targets) {
        if (secretKey(target.id) != key)
            continue;
        QString existing;
        Sentry::Dsn::splitSecret(target.dsn, &existing);
        if (!existing.isEmpty())
            return; // typed in the meantime, or stored in plain text
        target.dsn = Sentry::Dsn::joinSecret(target.dsn, secret);
        Q_EMIT targetSecretLoaded(target.id, target.dsn);
        return;
    }
}

} // namespace SentryUi
