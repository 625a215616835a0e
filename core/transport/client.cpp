#include "client.h"

#include "logcategories.h"
#include "outbox.h"
#include "sender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// The installed handler's state. Qt has one process-wide handler, so this is global by nature.
std::atomic<Client *> handlerClient{nullptr};
std::atomic<int> handlerThreshold{0};
QtMessageHandler previousHandler = nullptr;
// Set while a message is being turned into an event on this thread: anything logged meanwhile
// (by the client, the outbox or Qt itself) is passed on but never captured again.
thread_local bool capturingMessage = false;

int severityRank(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 0;
    case QtInfoMsg: return 1;
    case QtWarningMsg: return 2;
    case QtCriticalMsg: return 3;
    case QtFatalMsg: return 4;
    }
    return 0;
}

Level levelFor(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return Level::Debug;
    case QtInfoMsg: return Level::Info;
    case QtWarningMsg: return Level::Warning;
    case QtCriticalMsg: return Level::Error;
    case QtFatalMsg: return Level::Fatal;
    }
    return Level::Error;
}

// Our own categories report on sending; capturing them would feed failures back into the outbox.
bool isOwnCategory(const char *category)
{
    return category && qstrncmp(category, "sentry.", 7) == 0;
}

void captureOnClientThread(Client *client, const Event &event)
{
    if (QThread::currentThread() == client->thread()) {
        client->captureEvent(event);
        return;
    }
    QMetaObject::invokeMethod(client, [client, event] { client->captureEvent(event); }, Qt::QueuedConnection);
}

void sentryMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (previousHandler)
        previousHandler(type, context, message);
    Client *client = handlerClient.load();
    if (!client || capturingMessage || isOwnCategory(context.category)
        || severityRank(type) < handlerThreshold.load())
        return;
    capturingMessage = true;
    captureOnClientThread(client, Client::eventFromMessage(type, context, message));
    if (type == QtFatalMsg && QThread::currentThread() == client->thread())
        client->flush(client->options().timeoutMs); // Qt aborts as soon as the handler returns
    capturingMessage = false;
}

QJsonObject mergedTags(const QMap<QString, QString> &defaults, const QJsonValue &eventTags)
{
    QJsonObject tags;
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
        tags.insert(it.key(), it.value());
    const QJsonObject own = eventTags.toObject();
    for (auto it = own.begin(); it != own.end(); ++it)
        tags.insert(it.key(), it.value());
    return tags;
}

QJsonObject mergedObject(const QJsonObject &defaults, const QJsonObject &own)
{
    QJsonObject merged = defaults;
    for (auto it = own.begin(); it != own.end(); ++it)
        merged.insert(it.key(), it.value());
    return merged;
}

} // namespace

Client::Client(const ClientOptions &options, QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_dsn(Dsn::parse(options.dsn))
    , m_enabled(m_dsn.isValid())
    , m_outbox(new Outbox(manager, {}, this))
{
    m_outbox->setCapacity(options.outboxCapacity);
    m_outbox->sender()->setTimeoutMs(options.timeoutMs);
    m_outbox->sender()->setAcceptSelfSigned(options.acceptSelfSigned);
    connect(m_outbox, &Outbox::eventFinished, this, &Client::eventFinished);
    if (options.scrub)
        addProcessor(scrubProcessor(*options.scrub));
    logStatus();
}

Client::~Client()
{
    uninstallMessageHandler();
}

void Client::logStatus()
{
    if (m_dsn.isEmpty()) {
        m_status = u"Sentry client disabled: the DSN is empty."_s;
        qCInfo(lcClient).noquote() << m_status;
        return;
    }
    if (!m_enabled) {
        QStringList problems;
        for (const Finding &finding : m_dsn.findings()) {
            if (finding.severity == Severity::Error)
                problems.append(finding.location % u": "_s % finding.message);
        }
        m_status = u"Sentry client disabled: the DSN %1 is invalid (%2)."_s.arg(m_dsn.toString(), problems.join("; "_L1));
        qCWarning(lcClient).noquote() << m_status;
        return;
    }
    m_status = u"Sentry client enabled: events go to %1 (project %2)%3."_s
                   .arg(m_dsn.storeUrl().toDisplayString(), m_dsn.projectId(),
                        m_dsn.hasSecret() ? QString() : u", without a secret key"_s);
    qCInfo(lcClient).noquote() << m_status;
}

QString Client::captureMessage(const QString &message, Level level)
{
    return captureEvent(Event::message(message, level));
}

QString Client::captureException(const QString &type, const QString &value, Level level)
{
    return captureException(QList<ExceptionValue>{{type, value, QString(), QJsonObject()}}, level);
}

QString Client::captureException(const QList<ExceptionValue> &values, Level level)
{
    return captureEvent(Event::exception(values, level));
}

QString Client::captureEvent(Event event)
{
    if (!m_enabled) {
        qCDebug(lcClient) << "event not captured:" << m_status;
        return {};
    }
    if (event.eventId().isEmpty())
        event.setEventId(Event::newEventId());
    applyDefaults(event);
    return queue(Event(process(event.object())));
}

void Client::applyDefaults(Event &event) const
{
    if (!m_options.logger.isEmpty() && event.value(QString::fromUtf16(EventKey::Logger)).toString() == "root"_L1)
        event.setLogger(m_options.logger);
    if (!m_options.serverName.isEmpty() && !event.object().contains(QString::fromUtf16(EventKey::ServerName)))
        event.setValue(QString::fromUtf16(EventKey::ServerName), m_options.serverName);
    if (!m_options.platform.isEmpty() && !event.object().contains(QString::fromUtf16(EventKey::Platform)))
        event.setValue(QString::fromUtf16(EventKey::Platform), m_options.platform);
    const QString tagsKey = QString::fromUtf16(EventKey::Tags);
    if (!m_options.tags.isEmpty() && !event.value(tagsKey).isArray())
        event.setValue(tagsKey, mergedTags(m_options.tags, event.value(tagsKey)));
    const QString extraKey = QString::fromUtf16(EventKey::Extra);
    if (!m_options.extra.isEmpty())
        event.setValue(extraKey, mergedObject(m_options.extra, event.value(extraKey).toObject()));
}

Client::Processor Client::scrubProcessor(const ScrubOptions &options)
{
    return [options](const QJsonObject &event) { return Scrubber::scrub(event, options).event; };
}

QJsonObject Client::process(QJsonObject event) const
{
    for (const Processor &processor : m_processors)
        event = processor(event);
    return event;
}

QString Client::queue(const Event &event)
{
    QString error;
    const auto request = StoreRequest::build(m_dsn, event.toJson(), m_options.request, &error);
    const QString id = event.eventId();
    if (!request) {
        qCWarning(lcErrors).noquote() << "event" << id << "not sent: cannot build the request:" << error;
        return {};
    }
    if (!m_outbox->submit(id, *request, &error))
        return {}; // the outbox logged why
    Q_EMIT eventCaptured(id);
    return id;
}

bool Client::flush(int timeoutMs)
{
    if (m_outbox->isEmpty())
        return true;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(m_outbox, &Outbox::drained, &loop, &QEventLoop::quit);
    loop.exec();
    return m_outbox->isEmpty();
}

void Client::installMessageHandler(QtMsgType threshold)
{
    handlerThreshold.store(severityRank(threshold));
    Client *expected = nullptr;
    if (handlerClient.compare_exchange_strong(expected, this)) {
        previousHandler = qInstallMessageHandler(sentryMessageHandler);
    } else if (expected != this) {
        qCWarning(lcClient) << "another Sentry::Client already handles Qt messages; replacing it";
        handlerClient.store(this);
    }
}

void Client::uninstallMessageHandler()
{
    Client *expected = this;
    if (!handlerClient.compare_exchange_strong(expected, nullptr))
        return;
    qInstallMessageHandler(previousHandler);
    previousHandler = nullptr;
}

bool Client::hasMessageHandler() const
{
    return handlerClient.load() == this;
}

Event Client::eventFromMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    Event event = Event::message(message, levelFor(type));
    if (context.category && qstrcmp(context.category, "default") != 0)
        event.setLogger(QString::fromUtf8(context.category));
    if (context.function)
        event.setValue(QString::fromUtf16(EventKey::Culprit), QString::fromUtf8(context.function).left(200));
    if (context.file) {
        event.setExtra(u"file"_s, QString::fromUtf8(context.file));
        event.setExtra(u"line"_s, context.line);
    }
    return event;
}

} // namespace Sentry
