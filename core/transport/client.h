#pragma once

// Sentry::Client: the core as a protocol v4 client library for other Qt programs (spec sections 1,
// 8 and 9). Configured by a DSN and options; an empty DSN disables it (logged at construction, as
// are the reasons an invalid DSN disables it). capture*() return the event id at once and send in
// the background through an Outbox, after running the processors (the scrubbing chain).
//
//     Sentry::prepareNetworkAccess(&networkManager); // optional, see networkaccess.h
//     Sentry::ClientOptions options;
//     options.dsn = u"https://public:secret@sentry.example.com/1"_s;
//     options.tags = {{u"release"_s, u"1.2"_s}};
//     auto *client = new Sentry::Client(options, &networkManager, &app);
//     client->installMessageHandler(QtWarningMsg); // qWarning and worse become events
//     const QString id = client->captureMessage(u"Disk full"_s, Sentry::Level::Error);

#include "dsn.h"
#include "event.h"
#include "scrubber.h"
#include "sendresult.h"
#include "storerequest.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Sentry {

class Outbox;

struct ClientOptions
{
    QString dsn;                  // empty: the client is disabled
    QMap<QString, QString> tags;  // default tags; an event's own tags win
    QJsonObject extra;            // default extra; an event's own keys win
    QString logger;               // default logger name; empty keeps "root"
    QString serverName;           // server_name; empty: not sent
    QString platform = QStringLiteral("c++");
    StoreRequestOptions request;  // encoding, client name/version
    int timeoutMs = 3000;         // when the DSN has no usable ?timeout=SECONDS
    int outboxCapacity = 100;
    bool acceptSelfSigned = false; // for a self-signed test server only
    // The default scrubbing chain (spec section 9), run before any added processor; nullopt turns
    // it off. By default passwords and card numbers are masked, cookies and POST data removed.
    std::optional<ScrubOptions> scrub = ScrubOptions{};
};

class Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)

public:
    // Turns an event (as JSON) into the event to send: scrubbers, sanitizers, enrichers.
    using Processor = std::function<QJsonObject(const QJsonObject &event)>;

    Client(const ClientOptions &options, QNetworkAccessManager *manager, QObject *parent = nullptr);
    ~Client() override;

    bool isEnabled() const { return m_enabled; }
    QString statusMessage() const { return m_status; } // why it is enabled or disabled
    Dsn dsn() const { return m_dsn; }
    ClientOptions options() const { return m_options; }
    Outbox *outbox() const { return m_outbox; }

    // Processors run in the order added, on every event, before it is queued (after the scrubber
    // of ClientOptions::scrub, which the constructor adds first).
    void addProcessor(Processor processor) { m_processors.append(std::move(processor)); }
    static Processor scrubProcessor(const ScrubOptions &options);

    // Each returns the event id immediately, or "" when the client is disabled or the event could
    // not be queued (the reason goes to the log category sentry.errors).
    QString captureMessage(const QString &message, Level level = Level::Info);
    QString captureException(const QString &type, const QString &value, Level level = Level::Error);
    QString captureException(const QList<ExceptionValue> &values, Level level = Level::Error);
    QString captureEvent(Event event);

    // Runs an event loop until every queued event is finished or `timeoutMs` passed; true when the
    // outbox is empty. For shutdown, and used before a qFatal() aborts the process.
    bool flush(int timeoutMs);

    // Routes Qt messages at or above `threshold` (debug < info < warning < critical < fatal) into
    // events, chaining to the previous handler. One client at a time; the destructor uninstalls.
    // Messages logged while capturing, and messages of the sentry.* categories, never become events.
    // A qFatal() on the client's thread is flushed (up to the send timeout) before Qt aborts.
    void installMessageHandler(QtMsgType threshold = QtWarningMsg);
    void uninstallMessageHandler();
    bool hasMessageHandler() const;

    // The event a Qt message becomes (level, logger = category, culprit = function, file/line extra).
    static Event eventFromMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);

Q_SIGNALS:
    void eventCaptured(const QString &eventId);
    // Once per event: delivered, or refused for good.
    void eventFinished(const QString &eventId, const Sentry::SendResult &result);

private:
    void logStatus();
    void applyDefaults(Event &event) const;
    QJsonObject process(QJsonObject event) const;
    QString queue(const Event &event);

    ClientOptions m_options;
    Dsn m_dsn;
    bool m_enabled = false;
    QString m_status;
    Outbox *m_outbox = nullptr;
    QList<Processor> m_processors;
};

} // namespace Sentry
