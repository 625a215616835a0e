#pragma once

// The embedded receiver: started at launch (unless turned off in the settings) on the remembered
// address and port — another free port when that one is taken — with the remembered or generated
// keys, recording into the history database the GUI's sends and the CLI use. The "Local receiver"
// target's DSN follows it (dsnChanged). The fault panel edits receiver()->faults(); the history
// list reads historyPath().
//
//     auto *controller = new ReceiverController(settings, Sentry::History::defaultPath(), this);
//     controller->startAtLaunch();
//     statusBar()->addPermanentWidget(new QLabel(controller->statusText()));

#include "listenaddress.h"
#include "receiverconfig.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Sentry {
class HistoryWriter;
class Receiver;
} // namespace Sentry

namespace SentryUi {

class Settings;

class ReceiverController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverController)

public:
    enum class State { Stopped, Listening, Failed };
    Q_ENUM(State)

    ReceiverController(Settings *settings, const QString &historyPath, QObject *parent = nullptr);
    ~ReceiverController() override;

    Sentry::Receiver *receiver() const { return m_receiver.get(); }
    Sentry::HistoryWriter *historyWriter() const { return m_writer.get(); } // nullptr: not recording
    QString historyPath() const { return m_historyPath; }
    QString historyError() const { return m_historyError; } // why exchanges are not recorded

    void startAtLaunch(); // when enabled in the settings
    bool start();         // on the remembered address and port (a free one when it is taken)
    // Moves to another address or port (0: a free one), remembered once listening; on failure it
    // keeps listening where it was, and errorString() says why.
    bool listenOn(const Sentry::ListenAddress &listen);
    void stop();

    State state() const { return m_state; }
    QString errorString() const { return m_error; } // why the last start or move failed
    QString statusText() const;                      // for the status bar
    Sentry::ListenAddress listenAddress() const;     // where it listens, else where it would
    QString dsn() const;                             // with the secret; empty when not listening
    QString targetId() const;

    Sentry::ReceiverConfig config() const;
    // Applied to requests judged from now on and remembered; the target follows its first key.
    void setConfig(const Sentry::ReceiverConfig &config);
    // The remembered projects, keys and origins; a key pair is generated when none is remembered.
    static Sentry::ReceiverConfig configFromSettings(Settings *settings);

Q_SIGNALS:
    void stateChanged(SentryUi::ReceiverController::State state);
    void dsnChanged(const QString &targetId, const QString &dsn); // the target to follow it

private:
    void openHistory();
    bool startOn(const Sentry::ListenAddress &listen);
    void setState(State state, const QString &error = {});
    void rememberAndFollow();
    void saveConfig(const Sentry::ReceiverConfig &config);

    Settings *m_settings = nullptr;
    QString m_historyPath;
    QString m_historyError;
    std::unique_ptr<Sentry::HistoryWriter> m_writer;
    std::unique_ptr<Sentry::Receiver> m_receiver;
    State m_state = State::Stopped;
    QString m_error;
};

} // namespace SentryUi
