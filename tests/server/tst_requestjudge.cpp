// The request judge: every route, method, auth placement, key/secret/origin case, encoding and
// limit, judged without a socket.

#include "bodycodec.h"
#include "judgefixture.h"
#include "requestjudge.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const QByteArray Event = R"({"event_id":"0123456789abcdef0123456789abcdef","message":"Disk full","level":"error","timestamp":"2013-05-02T17:41:36"})";
const QByteArray ServerAuth = "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_timestamp=1329096377, sentry_key=pub, sentry_secret=sec";
const QByteArray BrowserAuth = "sentry_version=4&sentry_client=raven-js/1.1.0&sentry_key=pub2";

ReceiverConfig config(Profile profile = Profile::V4)
{
    ReceiverConfig config;
    config.profile = profile;
    config.projects = {
        {u"1"_s, u"web"_s, {{u"pub"_s, u"sec"_s}}},
        {u"2"_s, u"shop"_s, {{u"pub2"_s, u"sec2"_s}}, {u"https://shop.example"_s}},
    };
    return config;
}


ReceivedRequest post(const QByteArray &target, const QByteArray &body, RawHeaders headers = {{"X-Sentry-Auth", ServerAuth}})
{
    return {"POST", target, headers, body, u"127.0.0.1"_s};
}

} // namespace

class tst_RequestJudge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judge_data();
    void judge();
    void accepted_answersIdAndStoresEvent();
    void beacon_answersPixelAndReadsQuery();
    void head_sameAnswerAsGet();
    void options_answersAllowAndCors();
    void allowedOrigin_getsItsNameBack();
    void originWithALineBreak_staysOnOneLine();
    void errorWithOrigin_allowsEveryOrigin();
    void crossdomain_listsOrigins();
    void noTrailingSlash_redirects();
    void legacyEndpoint_takesProjectFromKey();
    void authFields_keptInOrderWithSource();
    void inflatedBomb_refusedAtCap();
    void relayProfile_answersJsonDetail();
    void xSentryError_isFirst200Characters();
};

void tst_RequestJudge::judge_data()
{
    QTest::addColumn<ReceivedRequest>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("refusal");
    QTest::addColumn<QString>("part");
    QTest::addColumn<QByteArray>("sentryError");

    const QByteArray store = "/api/1/store/";
    const RawHeaders noAuth;
    const auto auth = [](const QByteArray &value) { return RawHeaders{{"X-Sentry-Auth", value}}; };
    QTest::newRow("post-json") << post(store, Event) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("post-base64-zlib") << post(store, BodyCodec::encode(Event, BodyEncoding::Base64Zlib)) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("post-base64-json") << post(store, Event.toBase64()) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("post-slug") << post("/api/web/store/", Event) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("path-prefix") << post("/sentry/api/1/store/", Event) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("path-prefix-legacy") << post("/a/b/api/store/", Event) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("crossdomain-under-prefix") << ReceivedRequest{"GET", "/x/crossdomain.xml", {}, {}, {}} << 404 << u"route.not-found"_s << u"path"_s << QByteArray("Not found");
    QTest::newRow("api-project-missing") << post("/api/store/store/", Event) << 400 << u"project.unknown"_s << u"project"_s << QByteArray("Invalid project_id: u'store'");
    QTest::newRow("doubled-slashes") << post("//api//1//store/", Event) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("authorization-header") << post(store, Event, {{"Authorization", ServerAuth}}) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("query-auth-on-post") << post(store + "?sentry_version=4&sentry_client=a/1&sentry_key=pub&sentry_secret=sec", Event, noAuth) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("x-sentry-auth-wins") << post(store + "?sentry_key=nope", Event) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("user-agent-as-client") << post(store, Event, {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_key=pub, sentry_secret=sec"}, {"User-Agent", "curl/7"}}) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("version-3") << post(store, Event, auth("Sentry sentry_version=3, sentry_client=a/1, sentry_key=pub, sentry_secret=sec")) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("version-2.0-no-secret") << post(store, Event, auth("Sentry sentry_version=2.0, sentry_client=a/1, sentry_key=pub")) << 200 << QString() << QString() << QByteArray();

    QTest::newRow("path-unknown") << post("/api/1/events/", Event) << 404 << u"route.not-found"_s << u"path"_s << QByteArray("Not found: the receiver serves /api/{project}/store/, /api/store/ and crossdomain.xml (/api/1/events/)");
    QTest::newRow("method-put") << ReceivedRequest{"PUT", store, auth(ServerAuth), Event, {}} << 405 << u"method.not-allowed"_s << u"method"_s << QByteArray("Method not allowed: PUT (use POST, or GET/HEAD with sentry_data, or OPTIONS)");
    QTest::newRow("method-delete") << ReceivedRequest{"DELETE", store, auth(ServerAuth), {}, {}} << 405 << u"method.not-allowed"_s << u"method"_s << QByteArray("Method not allowed: DELETE (use POST, or GET/HEAD with sentry_data, or OPTIONS)");
    QTest::newRow("project-unknown") << post("/api/9/store/", Event) << 400 << u"project.unknown"_s << u"project"_s << QByteArray("Invalid project_id: u'9'");
    QTest::newRow("no-auth") << post(store, Event, noAuth) << 400 << u"auth.none"_s << u"auth"_s << QByteArray("Client/server version mismatch: Unsupported client");
    QTest::newRow("auth-not-sentry-prefix") << post(store, Event, auth("sentry_version=4, sentry_key=pub")) << 400 << u"auth.none"_s << u"auth"_s << QByteArray("Client/server version mismatch: Unsupported client");
    QTest::newRow("auth-trailing-comma") << post(store, Event, auth(ServerAuth + ",")) << 400 << u"auth.invalid-header"_s << u"header"_s << QByteArray("Invalid auth header");
    QTest::newRow("auth-equals-in-client") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=app/1.0 (build=5), sentry_key=pub, sentry_secret=sec")) << 400 << u"auth.invalid-header"_s << u"sentry_client"_s << QByteArray("Invalid auth header");
    QTest::newRow("auth-comma-in-client") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=app/1.0 (a, b), sentry_key=pub, sentry_secret=sec")) << 400 << u"auth.invalid-header"_s << u"sentry_client"_s << QByteArray("Invalid auth header");
    QTest::newRow("auth-no-space") << post(store, Event, auth("Sentry")) << 400 << u"auth.invalid-header"_s << u"header"_s << QByteArray("Invalid auth header");
    QTest::newRow("key-missing") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=a/1, sentry_secret=sec")) << 403 << u"auth.key"_s << u"sentry_key"_s << QByteArray("Invalid api key");
    QTest::newRow("key-unknown") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=a/1, sentry_key=nope, sentry_secret=sec")) << 403 << u"auth.key"_s << u"sentry_key"_s << QByteArray("Invalid api key");
    QTest::newRow("key-spaces-around-equals") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=a/1, sentry_key =pub, sentry_secret=sec")) << 403 << u"auth.key"_s << u"sentry_key"_s << QByteArray("Invalid api key");
    QTest::newRow("secret-wrong") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub, sentry_secret=bad")) << 403 << u"auth.secret-wrong"_s << u"sentry_secret"_s << QByteArray("Invalid api key");
    QTest::newRow("secret-missing-server-side") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub")) << 400 << u"auth.secret-missing"_s << u"sentry_secret"_s << QByteArray("Missing required attribute in authentication header: sentry_secret");
    QTest::newRow("secret-missing-with-origin") << post(store, Event, {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub"}, {"Origin", "https://any.example"}}) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("secret-missing-with-referer") << post(store, Event, {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub"}, {"Referer", "https://any.example/page"}}) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("key-of-other-project") << post(store, Event, auth("Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub2, sentry_secret=sec2")) << 400 << u"auth.project-mismatch"_s << u"project"_s << QByteArray("Project ID mismatch");
    QTest::newRow("origin-not-allowed") << post("/api/2/store/", Event, {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub2"}, {"Origin", "https://evil.example"}}) << 400 << u"origin.not-allowed"_s << u"origin"_s << QByteArray("Invalid origin: 'https://evil.example'");
    QTest::newRow("referer-not-allowed") << post("/api/2/store/", Event, {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub2"}, {"Referer", "https://evil.example/x"}}) << 400 << u"origin.not-allowed"_s << u"origin"_s << QByteArray("Invalid origin: 'https://evil.example'");
    QTest::newRow("origin-allowed") << post("/api/2/store/", Event, {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub2"}, {"Origin", "https://shop.example"}}) << 200 << QString() << QString() << QByteArray();
    QTest::newRow("version-missing") << post(store, Event, auth("Sentry sentry_client=a/1, sentry_key=pub, sentry_secret=sec")) << 400 << u"auth.version"_s << u"sentry_version"_s << QByteArray("Client/server version mismatch: Unsupported protocol version (None)");
    QTest::newRow("version-4.0") << post(store, Event, auth("Sentry sentry_version=4.0, sentry_client=a/1, sentry_key=pub, sentry_secret=sec")) << 400 << u"auth.version"_s << u"sentry_version"_s << QByteArray("Client/server version mismatch: Unsupported protocol version (4.0)");
    QTest::newRow("client-missing-no-user-agent") << post(store, Event, auth("Sentry sentry_version=4, sentry_key=pub, sentry_secret=sec")) << 400 << u"auth.client"_s << u"sentry_client"_s << QByteArray("Client request error: Missing client version identifier");

    const QByteArray gzip = QByteArray::fromHex("1f8b08000000000000ff") + "junk";
    const QByteArray decoding = "Bad data decoding request (";
    QTest::newRow("body-gzip") << post(store, gzip.toBase64()) << 403 << u"body.decode"_s << u"body"_s << decoding;
    QTest::newRow("body-raw-zlib") << post(store, BodyCodec::zlibCompress(Event)) << 403 << u"body.decode"_s << u"body"_s << decoding;
    QTest::newRow("body-leading-space") << post(store, " " + Event) << 403 << u"body.decode"_s << u"body"_s << decoding;
    QTest::newRow("body-bom") << post(store, "\xef\xbb\xbf" + Event) << 403 << u"body.decode"_s << u"body"_s << decoding;
    QTest::newRow("body-broken-json") << post(store, "{\"message\": ") << 403 << u"body.reconstruct"_s << u"body"_s << QByteArray("Bad data reconstructing object (");
    QTest::newRow("body-not-object-base64") << post(store, QByteArray("[1, 2]").toBase64()) << 403 << u"body.decode"_s << u"body"_s << decoding;
    QTest::newRow("body-empty") << post(store, {}) << 403 << u"body.decode"_s << u"body"_s << decoding;
    QTest::newRow("body-over-200kb") << post(store, "{\"message\":\"" + QByteArray(200 * 1000, 'a') + "\"}") << 413 << u"body.too-large"_s << u"body"_s << QByteArray("Request body too large: the body is 200014 bytes on the wire");
    QTest::newRow("message-not-string") << post(store, R"({"message": {"a": 1}})") << 400 << u"event.message"_s << u"/message"_s << QByteArray("Invalid value for message");
    QTest::newRow("event-id-number-crash") << post(store, R"({"message": "x", "event_id": 5})") << 500 << u"event.crash"_s << u"/event_id"_s << QByteArray("");
    QTest::newRow("legacy-project-mismatch") << post("/api/store/", R"({"message": "x", "project": "7"})") << 403 << u"body.legacy-project"_s << u"/project"_s << QByteArray("Invalid credentials");
    QTest::newRow("legacy-project-slug") << post("/api/store/", R"({"message": "x", "project": "web"})") << 200 << QString() << QString() << QByteArray();
    QTest::newRow("legacy-project-number") << post("/api/store/", R"({"message": "x", "project": 1})") << 200 << QString() << QString() << QByteArray();
    QTest::newRow("get-without-data") << ReceivedRequest{"GET", "/api/2/store/?" + BrowserAuth, {{"Referer", "https://shop.example/"}}, {}, {}} << 403 << u"body.decode"_s << u"body"_s << QByteArray();
}

void tst_RequestJudge::judge()
{
    QFETCH(ReceivedRequest, request);
    QFETCH(int, status);
    QFETCH(QString, refusal);
    QFETCH(QString, part);
    QFETCH(QByteArray, sentryError);

    const Decision decision = RequestJudge::judge(request, config(), fixedClock());
    QCOMPARE(decision.answer.status, status);
    QCOMPARE(decision.refusal, refusal);
    QCOMPARE(decision.refusedPart, part);
    QCOMPARE(decision.isAccepted(), status == 200);
    if (status == 200) {
        QVERIFY(!decision.answer.headers.contains(RawHeader("X-Sentry-Error", {})));
        QVERIFY(decision.answer.header("X-Sentry-Error").isNull());
    } else {
        // Every refusal carries X-Sentry-Error: the first 200 characters of the text body.
        QVERIFY(std::any_of(decision.answer.headers.cbegin(), decision.answer.headers.cend(),
                            [](const RawHeader &h) { return h.first == "X-Sentry-Error"; }));
        const QByteArray header = decision.answer.header("X-Sentry-Error");
        QVERIFY2(header.startsWith(sentryError), header.constData());
        QCOMPARE(header.isEmpty(), status == 500);
    }
}

void tst_RequestJudge::accepted_answersIdAndStoresEvent()
{
    const Decision decision = RequestJudge::judge(post("/api/1/store/", BodyCodec::encode(Event, BodyEncoding::Base64Zlib)), config(), fixedClock());
    QCOMPARE(decision.answer.header("Content-Type"), "application/json");
    QCOMPARE(QJsonDocument::fromJson(decision.answer.body).object().value("id"_L1).toString(), u"0123456789abcdef0123456789abcdef"_s);
    QCOMPARE(decision.encoding, BodyForm::Base64Zlib);
    QCOMPARE(decision.eventJson, Event);
    QCOMPARE(decision.storedEvent.value("message"_L1).toString(), u"Disk full"_s);
    QCOMPARE(decision.projectId, u"1"_s);
    QCOMPARE(decision.client, u"raven-python/4.0.0"_s);
    QCOMPARE(decision.authSource, AuthSource::SentryAuthHeader);
    QCOMPARE(decision.answer.toHttp(), "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                           + QByteArray::number(decision.answer.body.size()) + "\r\n\r\n" + decision.answer.body);
}

void tst_RequestJudge::beacon_answersPixelAndReadsQuery()
{
    QByteArray data = QUrl::toPercentEncoding(QString::fromUtf8(Event));
    const ReceivedRequest request{"GET", "/api/2/store/?" + BrowserAuth + "&sentry_data=" + data,
                                  {{"Referer", "https://shop.example/page"}}, {}, {}};
    const Decision decision = RequestJudge::judge(request, config(), fixedClock());
    QCOMPARE(decision.answer.status, 200);
    QCOMPARE(decision.answer.header("Content-Type"), "image/gif");
    QCOMPARE(decision.answer.body, RequestJudge::pixelGif());
    QVERIFY(decision.answer.body.startsWith("GIF89a\x01\x00\x01\x00"));
    QCOMPARE(decision.authSource, AuthSource::Query);
    QCOMPARE(decision.origin, u"https://shop.example"_s);
    QCOMPARE(decision.eventId(), u"0123456789abcdef0123456789abcdef"_s);
    // '+' in a query is a space, as Django read it.
    const ReceivedRequest plus{"GET", "/api/2/store/?" + BrowserAuth + "&sentry_data=" + data.replace("%20", "+"),
                               {{"Origin", "https://shop.example"}}, {}, {}};
    QCOMPARE(RequestJudge::judge(plus, config(), fixedClock()).storedEvent.value("message"_L1).toString(), u"Disk full"_s);
}

void tst_RequestJudge::head_sameAnswerAsGet()
{
    const QByteArray target = "/api/2/store/?" + BrowserAuth + "&sentry_data=" + QUrl::toPercentEncoding(QString::fromUtf8(Event));
    const Decision decision = RequestJudge::judge({"HEAD", target, {{"Origin", "https://shop.example"}}, {}, {}}, config(), fixedClock());
    QCOMPARE(decision.answer.status, 200);
    const QByteArray http = decision.answer.toHttp(false);
    QVERIFY(http.contains(QByteArray("Content-Length: " + QByteArray::number(RequestJudge::pixelGif().size()) + "\r\n")));
    QVERIFY(http.endsWith("\r\n\r\n"));
}

void tst_RequestJudge::options_answersAllowAndCors()
{
    const Decision decision = RequestJudge::judge({"OPTIONS", "/api/2/store/", {{"Origin", "https://shop.example"}}, {}, {}}, config());
    QCOMPARE(decision.answer.status, 200);
    QCOMPARE(decision.answer.header("Allow"), "GET, POST, HEAD, OPTIONS");
    QCOMPARE(decision.answer.header("Access-Control-Allow-Origin"), "https://shop.example");
    QCOMPARE(decision.answer.header("Access-Control-Allow-Methods"), "GET, POST, HEAD, OPTIONS");
    QVERIFY(decision.answer.header("Access-Control-Allow-Headers").contains("X-Sentry-Auth"));
    QVERIFY(decision.answer.body.isEmpty());
    // Without an origin: no CORS headers; an origin the project does not allow: 400.
    QVERIFY(RequestJudge::judge({"OPTIONS", "/api/1/store/", {}, {}, {}}, config()).answer.header("Access-Control-Allow-Origin").isNull());
    QCOMPARE(RequestJudge::judge({"OPTIONS", "/api/2/store/", {{"Origin", "https://evil.example"}}, {}, {}}, config()).answer.status, 400);
}

void tst_RequestJudge::allowedOrigin_getsItsNameBack()
{
    const Decision decision = RequestJudge::judge(post("/api/1/store/", Event, {{"X-Sentry-Auth", ServerAuth}, {"Origin", "http://localhost:8000"}}), config());
    QCOMPARE(decision.answer.header("Access-Control-Allow-Origin"), "http://localhost:8000");
}

void tst_RequestJudge::originWithALineBreak_staysOnOneLine()
{
    // Found by fuzz_requestjudge: a bare CR inside Origin (the head's lines end at CR LF) was echoed
    // into Access-Control-Allow-Origin, splitting the answer's head for a client that breaks on CR.
    for (const QByteArray &method : {QByteArray("OPTIONS"), QByteArray("POST")}) {
        const ReceivedRequest request{method, "/api/1/store/",
                                      {{"X-Sentry-Auth", ServerAuth}, {"Origin", QByteArray("http://127.0.0.1:8000\r.1\nX: \0y", 30)}},
                                      Event, {}};
        const Decision decision = RequestJudge::judge(request, config());
        QCOMPARE(decision.answer.status, 200);
        QCOMPARE(decision.answer.header("Access-Control-Allow-Origin"), QByteArray("http://127.0.0.1:8000 .1 X:  y"));
        for (const RawHeader &header : decision.answer.headers) {
            QVERIFY2(!header.second.contains('\r') && !header.second.contains('\n') && !header.second.contains('\0'),
                     header.first.constData());
        }
    }
}

void tst_RequestJudge::errorWithOrigin_allowsEveryOrigin()
{
    const Decision decision = RequestJudge::judge(post("/api/1/store/", "nope", {{"X-Sentry-Auth", ServerAuth}, {"Origin", "http://localhost:8000"}}), config());
    QCOMPARE(decision.answer.status, 403);
    QCOMPARE(decision.answer.header("Access-Control-Allow-Origin"), "*");
}

void tst_RequestJudge::crossdomain_listsOrigins()
{
    const Decision any = RequestJudge::judge({"GET", "/crossdomain.xml", {}, {}, {}}, config());
    QCOMPARE(any.answer.status, 200);
    QCOMPARE(any.route, Route::CrossDomain);
    QVERIFY(any.answer.body.contains("<allow-access-from domain=\"*\""));
    const Decision shop = RequestJudge::judge({"GET", "/api/2/crossdomain.xml", {}, {}, {}}, config());
    QCOMPARE(shop.route, Route::ProjectCrossDomain);
    QVERIFY(shop.answer.body.contains("<allow-access-from domain=\"shop.example\""));
    QCOMPARE(RequestJudge::judge({"GET", "/api/9/crossdomain.xml", {}, {}, {}}, config()).answer.status, 400);
}

void tst_RequestJudge::noTrailingSlash_redirects()
{
    const Decision decision = RequestJudge::judge(post("/api/1/store?x=1", Event), config());
    QCOMPARE(decision.answer.status, 301);
    QCOMPARE(decision.answer.header("Location"), "/api/1/store/?x=1");
    QVERIFY(!decision.isAccepted());
    // Found by fuzz_requestjudge: the target's bytes went into Location as they were, a bare CR
    // (and NUL, and any byte) included. Everything but visible ASCII is percent-encoded now.
    const Decision hostile = RequestJudge::judge(
        post(QByteArray("/api/1/store?x=1\r\0Set-Cookie: a=\xfe" "%41", 36), Event), config());
    QCOMPARE(hostile.answer.status, 301);
    QCOMPARE(hostile.answer.header("Location"), "/api/1/store/?x=1%0D%00Set-Cookie:%20a=%FE%41");
}

void tst_RequestJudge::legacyEndpoint_takesProjectFromKey()
{
    const QByteArray body = BodyCodec::encode(R"({"message":"from node","project":"1"})", BodyEncoding::Base64Zlib);
    const Decision decision = RequestJudge::judge(post("/api/store/", body), config());
    QCOMPARE(decision.route, Route::LegacyStore);
    QCOMPARE(decision.projectId, u"1"_s);
    QVERIFY(decision.isAccepted());
    // The key's project's origins apply on the legacy endpoint.
    const Decision evil = RequestJudge::judge(post("/api/store/", body, {{"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=a/1, sentry_key=pub2"}, {"Origin", "https://evil.example"}}), config());
    QCOMPARE(evil.refusal, u"origin.not-allowed"_s);
}

void tst_RequestJudge::authFields_keptInOrderWithSource()
{
    const Decision decision = RequestJudge::judge(post("/api/1/store/", Event, {{"X-Sentry-Auth", "Sentry sentry_key=old, sentry_version=4, sentry_client=a/1, sentry_key=pub, sentry_secret=sec"}}), config());
    QVERIFY(decision.isAccepted()); // duplicates: the last one wins
    QCOMPARE(decision.authFields.size(), 5);
    QCOMPARE(decision.authFields.first().value, u"old"_s);
    QCOMPARE(decision.authFields.at(3).value, u"pub"_s);
    const Decision query = RequestJudge::judge(post("/api/1/store/?sentry_version=4&sentry_client=a%2F1&sentry_key=pub&sentry_secret=sec", Event, {}), config());
    QCOMPARE(query.authSource, AuthSource::Query);
    QCOMPARE(query.client, u"a/1"_s);
}

void tst_RequestJudge::inflatedBomb_refusedAtCap()
{
    const QByteArray bomb = BodyCodec::encode("{\"message\":\"" + QByteArray(5 * 1000 * 1000, ' ') + "\"}", BodyEncoding::Base64Zlib);
    QVERIFY(bomb.size() < 200 * 1000);
    const Decision decision = RequestJudge::judge(post("/api/1/store/", bomb), config());
    QCOMPARE(decision.answer.status, 413);
    QCOMPARE(decision.refusal, u"body.too-large"_s);
    QCOMPARE(decision.decodeError, u"inflated-too-large"_s);
}

void tst_RequestJudge::relayProfile_answersJsonDetail()
{
    const Decision decision = RequestJudge::judge(post("/api/1/store/", Event, {{"X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=a/1, sentry_key=nope"}}), config(Profile::Relay));
    QCOMPARE(decision.answer.status, 401);
    QCOMPARE(QJsonDocument::fromJson(decision.answer.body).object().value("detail"_L1).toString(), u"Invalid api key"_s);
    // Relay reads the version up to the first dot.
    QVERIFY(RequestJudge::judge(post("/api/1/store/", Event, {{"X-Sentry-Auth", "Sentry sentry_version=7.0, sentry_client=a/1, sentry_key=pub, sentry_secret=sec"}}), config(Profile::Relay)).isAccepted());
    // A message that is not a string: Relay drops it and stores the event.
    QVERIFY(RequestJudge::judge(post("/api/1/store/", R"({"message": {"a": 1}})"), config(Profile::Relay)).isAccepted());
}

void tst_RequestJudge::xSentryError_isFirst200Characters()
{
    const Answer answer = RequestJudge::refusalAnswer(u"body.decode"_s, Profile::V4, QString(300, u'x'));
    QCOMPARE(answer.header("X-Sentry-Error").size(), 200);
    QCOMPARE(answer.body.size(), 300 + int(qstrlen("Bad data decoding request ()")));
    const Answer crash = RequestJudge::refusalAnswer(u"event.crash"_s, Profile::V4);
    QCOMPARE(crash.status, 500);
    QVERIFY(crash.headers.contains(RawHeader("X-Sentry-Error", "")));
}

QTEST_GUILESS_MAIN(tst_RequestJudge)
#include "tst_requestjudge.moc"
