// The ceiling of Qt 6.4's HTTP stack for bench/run_receiver_bench.sh: a bare QHttpServer that
// answers every POST to /api/<project>/store/ with a constant 200 {"id": …}, nothing else.
// Usage: bench_bare_httpserver PORT   (prints "listening PORT" once ready)

#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QHttpServer server;
    server.route(u"/api/<arg>/store/"_s, [](const QString &) {
        return QHttpServerResponse("application/json"_ba, R"({"id":"fc6d8c0c43fc4630ad850ee518f1b9d0"})"_ba);
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, quint16(app.arguments().value(1).toUInt()));
    if (!port)
        return 1;
    QTextStream(stdout) << "listening " << port << Qt::endl;
    return app.exec();
}
