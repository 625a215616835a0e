#include "receivercontroller.h"

#include "historywriter.h"
#include "receiver.h"
#include "settings.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

ReceiverController::ReceiverController(Settings *settings, const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_historyPath(historyPath)
    , m_receiver(std::make_unique<Sentry::Receiver>(configFromSettings(settings)))
{
    openHistory();
}

ReceiverController::~ReceiverController()
{
    // The receiver first: an exchange it still holds is handed to the writer, which commits it.
    m_receiver.reset();
}

void ReceiverController::openHistory()
{
    m_writer = std::make_unique<Sentry::HistoryWriter>();
    if (!m_writer->open(m_historyPath, &m_historyError)) {
        m_writer.reset();
        m_historyError += tr("; received exchanges are shown but not kept");
    }
    m_receiver->setHistory(m_writer.get());
}

Sentry::ReceiverConfig ReceiverController::configFromSettings(Settings *settings)
{
    ReceiverSettings &saved = settings->receiver;
    QString error;
    Sentry::ReceiverProject project = Sentry::ReceiverProject::fromText(saved.project, &error)
                                          .value_or(Sentry::ReceiverProject{u"1"_s, {}, {}});
    for (const QString &text : std::as_const(saved.keys)) {
        if (const auto key = Sentry::ProjectKey::fromText(text, &error))
            project.keys.append(*key);
    }
    if (project.keys.isEmpty()) {
        project.keys.append({Sentry::ReceiverConfig::generateKey(), Sentry::ReceiverConfig::generateKey()});
        saved.keys = QStringList{project.keys.constFirst().toText()};
        settings->saveReceiver();
    }
    project.origins = saved.origins.isEmpty() ? QStringList{u"*"_s} : saved.origins;
    Sentry::ReceiverConfig config;
    config.projects.append(project);
    return config;
}

void ReceiverController::startAtLaunch()
{
    if (m_settings->receiver.enabled)
        start();
}

bool ReceiverController::start()
{
    const ReceiverSettings &saved = m_settings->receiver;
    Sentry::ListenAddress listen;
    listen.address = Sentry::ListenAddress::hostFromText(saved.address).value_or(listen.address);
    listen.port = quint16(qBound(0, saved.port, 65535));
    if (startOn(listen))
        return true;
    // The remembered port is taken (another program, another copy of this one): any free one.
    if (listen.port == 0)
        return false;
    const QString takenError = m_error;
    listen.port = 0;
    if (startOn(listen))
        return true;
    setState(State::Failed, takenError);
    return false;
}

bool ReceiverController::listenOn(const Sentry::ListenAddress &listen)
{
    const bool wasListening = m_receiver->isListening();
    const Sentry::ListenAddress previous = listenAddress();
    m_receiver->stop();
    if (startOn(listen))
        return true;
    const QString error = m_error;
    if (wasListening)
        startOn(previous);
    m_error = error;
    if (!m_receiver->isListening())
        setState(State::Failed, error);
    else
        Q_EMIT stateChanged(m_state); // still where it was; errorString() says why it did not move
    return false;
}

bool ReceiverController::startOn(const Sentry::ListenAddress &listen)
{
    QString error;
    if (!m_receiver->start(listen.address, listen.port, &error)) {
        setState(State::Failed, error);
        return false;
    }
    rememberAndFollow();
    setState(State::Listening);
    return true;
}

void ReceiverController::stop()
{
    m_receiver->stop();
    setState(State::Stopped);
}

void ReceiverController::setState(State state, const QString &error)
{
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged(state);
}

QString ReceiverController::statusText() const
{
    switch (m_state) {
    case State::Listening:
        return tr("Receiver listening on %1").arg(listenAddress().toText());
    case State::Failed:
        return tr("Receiver failed: %1").arg(m_error);
    case State::Stopped:
        break;
    }
    return tr("Receiver stopped");
}

Sentry::ListenAddress ReceiverController::listenAddress() const
{
    if (m_receiver->isListening())
        return {m_receiver->address(), m_receiver->port()};
    Sentry::ListenAddress saved;
    saved.address = Sentry::ListenAddress::hostFromText(m_settings->receiver.address).value_or(saved.address);
    saved.port = quint16(qBound(0, m_settings->receiver.port, 65535));
    return saved;
}

QString ReceiverController::dsn() const
{
    return m_receiver->isListening() ? m_receiver->dsn() : QString();
}

QString ReceiverController::targetId() const
{
    return m_settings->receiver.targetId;
}

Sentry::ReceiverConfig ReceiverController::config() const
{
    return m_receiver->config();
}

void ReceiverController::setConfig(const Sentry::ReceiverConfig &config)
{
    m_receiver->setConfig(config);
    saveConfig(config);
    if (m_receiver->isListening())
        rememberAndFollow();
    Q_EMIT stateChanged(m_state);
}

void ReceiverController::saveConfig(const Sentry::ReceiverConfig &config)
{
    if (config.projects.isEmpty())
        return;
    const Sentry::ReceiverProject &project = config.projects.constFirst();
    ReceiverSettings &saved = m_settings->receiver;
    saved.project = project.toText();
    saved.keys.clear();
    for (const Sentry::ProjectKey &key : project.keys)
        saved.keys.append(key.toText());
    saved.origins = project.origins;
    m_settings->saveReceiver();
}

// Remembers where it listens, and points the receiver's target at its DSN. A settings file from
// before the embedded receiver with no "Local receiver" of its own (Settings adopts that one) has
// no such target: one is added and selected.
void ReceiverController::rememberAndFollow()
{
    ReceiverSettings &saved = m_settings->receiver;
    saved.address = m_receiver->address().toString();
    saved.port = m_receiver->port();
    const QString dsn = m_receiver->dsn();
    if (saved.targetId.isEmpty()) {
        Target target{QUuid::createUuid().toString(QUuid::WithoutBraces), Settings::localReceiverName(), dsn};
        saved.targetId = target.id;
        m_settings->targets.append(target);
        m_settings->currentTargetId = target.id;
    }
    for (Target &target : m_settings->targets) {
        if (target.id == saved.targetId)
            target.dsn = dsn;
    }
    m_settings->saveReceiver();
    Q_EMIT dsnChanged(saved.targetId, dsn);
}

} // namespace SentryUi
