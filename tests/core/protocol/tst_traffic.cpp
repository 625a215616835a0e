// Every capture of a real v4-era client in tests/data/traffic (made by scripts/capture-clients.sh):
// split as a server reads the request, the event decoded from where the client put it, validated
// as v4, and the credentials judged wherever they were placed.

#include "authheader.h"
#include "bodycodec.h"
#include "validator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTest>

#include "testsupport.h"

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace TestSupport;

namespace {

const QString TrafficDir = u"traffic"_s;

// What the capture script ran, per client folder (a capture missing here or there fails).
const QList<QPair<QString, int>> ExpectedClients = {
    {u"raven-node-0.6.3"_s, 8}, {u"raven-js-1.1.11"_s, 4}, {u"raven-js-1.1.22"_s, 4}};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// A request as it came off the socket: request line, headers in order and case, body.
struct RawRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    Headers headers;
    QByteArray body;

    // The last occurrence of a header (case-insensitive), as the v4 server's request dict held it.
    std::optional<QByteArray> header(const QByteArray &name) const
    {
        for (auto it = headers.crbegin(); it != headers.crend(); ++it) {
            if (it->first.compare(name, Qt::CaseInsensitive) == 0)
                return it->second;
        }
        return std::nullopt;
    }
};

std::optional<RawRequest> splitRequest(const QByteArray &raw, QString *error)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
        *error = u"no blank line (CRLF CRLF) ends the headers"_s;
        return std::nullopt;
    }
    QList<QByteArray> lines = raw.left(end + 2).split('\n'); // each line still ends in "\r"
    lines.removeLast();                                          // the empty rest after the last "\n"
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].endsWith('\r')) {
            *error = u"line %1 ends in a bare LF, not CRLF"_s.arg(i + 1);
            return std::nullopt;
        }
        lines[i].chop(1);
    }
    const QList<QByteArray> requestLine = lines.first().split(' ');
    if (requestLine.size() != 3) {
        *error = u"the request line is not 'METHOD TARGET VERSION': "_s + QString::fromLatin1(lines.first());
        return std::nullopt;
    }
    RawRequest request{requestLine[0], requestLine[1], requestLine[2], {}, raw.mid(end + 4)};
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0) {
            *error = u"line %1 is not a header 'Name: value'"_s.arg(i + 1);
            return std::nullopt;
        }
        request.headers.append({lines[i].left(colon), lines[i].mid(colon + 1).trimmed()});
    }
    return request;
}

// The query string's parameters in order, decoded as the v4 server (Django) decoded them.
QList<QPair<QString, QByteArray>> queryParameters(const QByteArray &target)
{
    QList<QPair<QString, QByteArray>> parameters;
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return parameters;
    for (QByteArray pair : target.mid(question + 1).split('&')) {
        pair.replace('+', ' ');
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = QByteArray::fromPercentEncoding(pair.left(equals));
        const QByteArray value = equals < 0 ? QByteArray() : QByteArray::fromPercentEncoding(pair.mid(equals + 1));
        parameters.append({QString::fromUtf8(name), value});
    }
    return parameters;
}

QJsonObject listing()
{
    return QJsonDocument::fromJson(readTestData(TrafficDir + u"/captures.json"_s)).object();
}

QJsonObject captureEntry(const QString &file)
{
    for (const QJsonValue &entry : listing().value(u"captures"_s).toArray()) {
        if (entry[u"file"_s].toString() == file)
            return entry.toObject();
    }
    return {};
}

std::optional<RawRequest> loadCapture(const QString &file, QString *error)
{
    const auto request = splitRequest(readTestData(TrafficDir + u'/' + file), error);
    if (!request)
        *error = file + u": "_s + *error;
    return request;
}

// The event's JSON text from where the client put it: the body (any encoding the server read),
// or the sentry_data query parameter of a GET beacon.
QByteArray eventJson(const RawRequest &request, QString *error)
{
    if (request.method == "GET") {
        for (const auto &[name, value] : queryParameters(request.target)) {
            if (name == "sentry_data"_L1)
                return value;
        }
        *error = u"the GET has no sentry_data query parameter"_s;
        return {};
    }
    const DecodeResult decoded = BodyCodec::decode(request.body);
    *error = decoded.errorString;
    return decoded.json;
}

// A fixed receipt time a day after the capture, so no capture's timestamp is "in the future".
ValidateOptions validateOptions()
{
    ValidateOptions options;
    const QDate captured = QDate::fromString(listing().value(u"captured"_s).toString(), Qt::ISODate);
    options.clock = [captured] { return QDateTime(captured.addDays(1), QTime(12, 0), Qt::UTC); };
    return options;
}

// One row per capture (column "file"), or per capture sent with `method`.
void addCaptureRows(const QString &method = {})
{
    QTest::addColumn<QString>("file");
    for (const QJsonValue &entry : listing().value(u"captures"_s).toArray()) {
        if (method.isEmpty() || entry[u"method"_s].toString() == method)
            QTest::newRow(qPrintable(entry[u"file"_s].toString())) << entry[u"file"_s].toString();
    }
}

} // namespace

class TestTraffic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listing_namesEveryCaptureFile()
    {
        QStringList listed;
        for (const QJsonValue &entry : listing().value(u"captures"_s).toArray())
            listed << entry[u"file"_s].toString();
        QStringList found;
        const QDir dir(QStringLiteral(SENTRY_TEST_DATA_DIR) + u'/' + TrafficDir);
        for (const auto &[client, count] : ExpectedClients) {
            const QStringList files = QDir(dir.filePath(client)).entryList({u"*.http"_s}, QDir::Files);
            QVERIFY2(files.size() == count, qPrintable(u"%1: %2 captures, expected %3"_s.arg(client).arg(files.size()).arg(count)));
            for (const QString &file : files)
                found << client + u'/' + file;
        }
        listed.sort();
        found.sort();
        QCOMPARE(listed, found);
    }

    void capture_isOneWellFormedRequest_data() { addCaptureRows(); }
    void capture_isOneWellFormedRequest()
    {
        QFETCH(QString, file);
        QString error;
        const auto loaded = loadCapture(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        const RawRequest &request = *loaded;
        QCOMPARE(request.version, "HTTP/1.1"_ba);
        QVERIFY(request.target.startsWith('/'));
        QVERIFY2(request.target.contains("/store/"), request.target.constData());
        QVERIFY(request.header("Host").has_value());
        QCOMPARE(QString::fromLatin1(request.method), captureEntry(file).value(u"method"_s).toString());
        if (request.method == "POST") {
            QCOMPARE(request.header("Content-Length").value_or(QByteArray()), QByteArray::number(request.body.size()));
        } else {
            QCOMPARE(request.method, "GET"_ba);
            QVERIFY(request.body.isEmpty());
            QVERIFY(!request.header("Content-Length").has_value());
        }
    }

    void capture_eventValidatesWithoutErrors_data() { addCaptureRows(); }
    void capture_eventValidatesWithoutErrors()
    {
        QFETCH(QString, file);
        QString error;
        const auto loaded = loadCapture(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        const RawRequest &request = *loaded;
        const QByteArray json = eventJson(request, &error);
        QVERIFY2(!json.isEmpty(), qPrintable(error));
        const ValidationResult result = Validator::validate(json, validateOptions());
        QVERIFY(result.parsed);
        QVERIFY2(result.isValid(), qPrintable(describe(result.findings)));
        // The project in the body is the DSN's: the legacy endpoint answered 403 otherwise.
        const QJsonObject event = QJsonDocument::fromJson(json).object();
        QCOMPARE(event.value(u"project"_s).toString(), captureEntry(file).value(u"project"_s).toString());
    }

    void post_bodyIsBase64Zlib_data() { addCaptureRows(u"POST"_s); }
    void post_bodyIsBase64Zlib()
    {
        QFETCH(QString, file);
        QString error;
        const auto loaded = loadCapture(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        const RawRequest &request = *loaded;
        const DecodeResult decoded = BodyCodec::decode(request.body);
        QVERIFY2(decoded.isOk(), qPrintable(decoded.errorString));
        QCOMPARE(decoded.form, BodyForm::Base64Zlib); // raven-node: zlib.deflate, then base64
        QCOMPARE(request.header("Content-Type").value_or(QByteArray()), "application/octet-stream"_ba);
    }

    // raven-js 1.1's image beacon: the auth fields, then the event, in the query string of a GET.
    void get_queryHasAuthThenTheEvent_data() { addCaptureRows(u"GET"_s); }
    void get_queryHasAuthThenTheEvent()
    {
        QFETCH(QString, file);
        QString error;
        const auto request = loadCapture(file, &error);
        QVERIFY2(request, qPrintable(error));
        const QByteArray path = "/api/" + captureEntry(file).value(u"project"_s).toString().toUtf8() + "/store/?";
        QVERIFY2(request->target.startsWith(path), request->target.left(80).constData());
        QStringList names;
        for (const auto &parameter : queryParameters(request->target))
            names << parameter.first;
        QCOMPARE(names, QStringList({u"sentry_version"_s, u"sentry_client"_s, u"sentry_key"_s, u"sentry_data"_s}));
        QVERIFY(!request->header("Content-Type").has_value());
    }

    void capture_credentialsAreAccepted_data() { addCaptureRows(); }
    void capture_credentialsAreAccepted()
    {
        QFETCH(QString, file);
        QString error;
        const auto loaded = loadCapture(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        const RawRequest &request = *loaded;
        const QJsonObject all = listing();
        QString header;
        ClientKind kind = ClientKind::Server;
        if (const auto value = request.header("X-Sentry-Auth")) {
            header = QString::fromLatin1(*value);
        } else if (const auto authorization = request.header("Authorization")) {
            header = QString::fromLatin1(*authorization);
        } else {
            // The query string (a GET beacon). The core's parser reads header values only, so the
            // sentry_* parameters are judged as the header they stand for; what only the query
            // form has (no secret, so an Origin or Referer is required) is checked here.
            QStringList fields;
            for (const auto &[name, value] : queryParameters(request.target)) {
                if (name.startsWith(u"sentry_"_s) && name != "sentry_data"_L1)
                    fields << name + u'=' + QString::fromUtf8(value);
            }
            QVERIFY2(!fields.isEmpty(), "no credentials: no X-Sentry-Auth, Authorization or sentry_* parameters");
            header = u"Sentry "_s + fields.join(u", "_s);
            kind = ClientKind::Browser;
            QVERIFY2(request.header("Origin") || request.header("Referer"),
                     "no secret and neither Origin nor Referer: the v4 server answered 400");
        }
        const AuthHeader auth = AuthHeader::parse(header, kind);
        QVERIFY2(auth.isValid(), qPrintable(header + u'\n' + describe(auth.findings())));
        QCOMPARE(auth.value(u"sentry_key"_s), all.value(u"public_key"_s).toString());
        QCOMPARE(auth.value(u"sentry_secret"_s),
                 kind == ClientKind::Server ? all.value(u"secret_key"_s).toString() : QString());
        // "raven-js-1.1.22/…" sent sentry_client=raven-js/1.1.22 (1.1.22 percent-encodes the slash)
        const QString folder = file.section(u'/', 0, 0);
        const qsizetype dash = folder.lastIndexOf(u'-');
        QCOMPARE(auth.value(u"sentry_client"_s), folder.left(dash) + u'/' + folder.mid(dash + 1));
    }

    // raven-node 0.6.3 sends sentry_timestamp in milliseconds (new Date().getTime()) and puts it
    // before sentry_client; the parser warns about the unit.
    void ravenNode_sendsMillisecondTimestampsSecondInTheHeader_data()
    {
        QTest::addColumn<QString>("file");
        for (const QJsonValue &entry : listing().value(u"captures"_s).toArray()) {
            if (entry[u"client"_s].toString().startsWith(u"raven-node"_s))
                QTest::newRow(qPrintable(entry[u"file"_s].toString())) << entry[u"file"_s].toString();
        }
    }
    void ravenNode_sendsMillisecondTimestampsSecondInTheHeader()
    {
        QFETCH(QString, file);
        QString error;
        const auto request = loadCapture(file, &error);
        QVERIFY2(request, qPrintable(error));
        const AuthHeader auth = AuthHeader::parse(QString::fromLatin1(request->header("X-Sentry-Auth").value_or(QByteArray())));
        QStringList order;
        for (const AuthHeader::Field &field : auth.fields())
            order << field.name;
        QCOMPARE(order, QStringList({u"sentry_version"_s, u"sentry_timestamp"_s, u"sentry_client"_s,
                                     u"sentry_key"_s, u"sentry_secret"_s}));
        QVERIFY2(hasFinding(auth.findings(), Severity::Warning,
                            [](const Finding &f) { return f.rule == "auth.timestamp.milliseconds"_L1; }),
                 qPrintable(describe(auth.findings())));
        QVERIFY(!request->header("User-Agent").has_value()); // raven-node sets none, and node adds none
    }

    // The two corpus samples that stand for raven-node and raven-js are these captures' events.
    void samples_areCapturedEvents_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("capture");
        QTest::newRow("raven-node") << u"raven-node-express-exception.json"_s << u"raven-node-0.6.3/express-post.http"_s;
        QTest::newRow("raven-js") << u"raven-js-browser-error.json"_s << u"raven-js-1.1.22/uncaught.http"_s;
    }
    void samples_areCapturedEvents()
    {
        QFETCH(QString, sample);
        QFETCH(QString, capture);
        QFile file(QStringLiteral(SENTRY_SAMPLES_DIR) + u'/' + sample);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QString error;
        const auto request = loadCapture(capture, &error);
        QVERIFY2(request, qPrintable(error));
        const QByteArray json = eventJson(*request, &error);
        QVERIFY2(!json.isEmpty(), qPrintable(error));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), QJsonDocument::fromJson(json).object());
    }
};

QTEST_GUILESS_MAIN(TestTraffic)
#include "tst_traffic.moc"
