// Sends the same store request N times through Sentry::Sender to a keep-alive sink, `concurrency`
// at a time, and prints events/s as one JSON line. With --dump it writes the exact request (method,
// URL, headers, base64 body) for node_sender.js, so both senders put the same bytes on the wire.
// run_send_bench.sh runs both against one sink in the same run; see RESULTS.md.
//
//   bench_send --dsn http://public:secret@127.0.0.1:PORT/1 [--count N] [--concurrency C]
//              [--warmup W] [--event FILE] [--dump FILE]

#include "dsn.h"
#include "networkaccess.h"
#include "sender.h"
#include "storerequest.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>
#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace {

// A typical small error event (about 600 bytes of JSON).
const QByteArray defaultEvent = R"({"event_id": "fc6d8c0c43fc4630ad850ee518f1b9d0",
 "culprit": "my.module.function_name", "timestamp": "2026-11-28T12:00:00",
 "message": "SyntaxError: Wattttt!", "level": "error", "logger": "root", "platform": "c++",
 "server_name": "bench-host", "tags": {"release": "1.0", "site": "bench"},
 "exception": [{"type": "SyntaxError", "value": "Wattttt!", "module": "__builtins__",
   "stacktrace": {"frames": [{"filename": "main.cpp", "function": "main", "lineno": 12,
     "in_app": true}, {"filename": "app.cpp", "function": "App::run", "lineno": 99}]}}],
 "extra": {"build": 7, "user_count": 3}})";

// BENCH_PLAIN_MANAGER=1: a QNetworkAccessManager as Qt sets it up, without prepareNetworkAccess(),
// on the GLib dispatcher (the "before" of RESULTS.md).
bool plainManager()
{
    return !qEnvironmentVariableIsEmpty("BENCH_PLAIN_MANAGER");
}

class Run
{
public:
    Run(const Sentry::StoreRequest &request, int count, int concurrency)
        : m_request(request), m_count(count), m_concurrency(concurrency), m_sender(&m_manager)
    {
        if (!plainManager()) // as the GUI and the CLI send
            Sentry::prepareNetworkAccess(&m_manager);
        QObject::connect(&m_sender, &Sentry::Sender::finished, &m_manager,
                         [this](const Sentry::SendResult &result) { handle(result); });
    }

    // Sends `count` requests; returns the elapsed milliseconds.
    double exec()
    {
        m_started = m_finished = m_accepted = 0;
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock(); // CPU time of every thread, incl. Qt's HTTP thread
        for (int i = 0; i < std::min(m_concurrency, m_count); ++i)
            sendOne();
        QCoreApplication::exec();
        m_cpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
        return double(timer.nsecsElapsed()) / 1e6;
    }

    double cpuMs() const { return m_cpuMs; }

    int accepted() const { return m_accepted; }
    void setCount(int count) { m_count = count; }

private:
    void sendOne()
    {
        ++m_started;
        m_sender.send(m_request);
    }

    void handle(const Sentry::SendResult &result)
    {
        ++m_finished;
        m_accepted += result.isAccepted() ? 1 : 0;
        if (m_started < m_count)
            sendOne();
        else if (m_finished == m_count)
            QCoreApplication::exit(0);
    }

    Sentry::StoreRequest m_request;
    int m_count;
    int m_concurrency;
    int m_started = 0;
    int m_finished = 0;
    int m_accepted = 0;
    double m_cpuMs = 0;
    QNetworkAccessManager m_manager;
    Sentry::Sender m_sender;
};

bool dumpRequest(const Sentry::StoreRequest &request, const QString &path)
{
    QJsonObject headers;
    for (const auto &header : request.headers())
        headers.insert(QString::fromLatin1(header.first), QString::fromLatin1(header.second));
    const QJsonObject dump{{u"method"_s, QString::fromLatin1(request.method())},
                           {u"url"_s, request.url().toString()},
                           {u"headers"_s, headers},
                           {u"body_base64"_s, QString::fromLatin1(request.body().toBase64())}};
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(dump).toJson()) > 0;
}

QByteArray readEvent(const QString &path)
{
    if (path.isEmpty())
        return defaultEvent;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

int main(int argc, char *argv[])
{
    // As sentry-harness-cli runs (see app/cli/main.cpp): Qt's poll() dispatcher, not GLib's. The
    // plain-manager arm keeps GLib too: it is the sender as it was before both changes.
    if (!plainManager() && !qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"dsn"_s, u"Sink DSN."_s, u"DSN"_s},
                       {u"count"_s, u"Requests to time."_s, u"N"_s, u"5000"_s},
                       {u"warmup"_s, u"Untimed requests first."_s, u"N"_s, u"200"_s},
                       {u"concurrency"_s, u"Requests in flight."_s, u"C"_s, u"1"_s},
                       {u"event"_s, u"Event JSON file."_s, u"FILE"_s},
                       {u"dump"_s, u"Write the request for node_sender.js and exit."_s, u"FILE"_s}});
    parser.process(app);

    QString error;
    const auto request = Sentry::StoreRequest::build(Sentry::Dsn::parse(parser.value(u"dsn"_s)),
                                                     readEvent(parser.value(u"event"_s)), {}, &error);
    if (!request) {
        std::fprintf(stderr, "bench_send: %s\n", qPrintable(error));
        return 2;
    }
    if (parser.isSet(u"dump"_s))
        return dumpRequest(*request, parser.value(u"dump"_s)) ? 0 : 2;

    const int count = parser.value(u"count"_s).toInt();
    const int concurrency = std::max(1, parser.value(u"concurrency"_s).toInt());
    Run run(*request, std::max(1, parser.value(u"warmup"_s).toInt()), concurrency);
    run.exec();
    run.setCount(count);
    const double ms = run.exec();
    const QJsonObject report{{u"sender"_s, plainManager() ? u"qt-plain"_s : u"qt"_s},         {u"count"_s, count},
                             {u"concurrency"_s, concurrency}, {u"accepted"_s, run.accepted()},
                              {u"elapsed_ms"_s, ms},           {u"events_per_s"_s, count / (ms / 1000.0)},
                             {u"cpu_us_per_event"_s, run.cpuMs() * 1000.0 / count}};
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    return run.accepted() == count ? 0 : 1;
}
