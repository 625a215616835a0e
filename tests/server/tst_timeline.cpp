// The protocol timeline: the steps of a sent, a received, a refused and a faulted exchange, with
// their facts and outcomes; the Markdown and HTML renderers, the HTML well-formed and escaping
// hostile event text; secrets never shown.

#include "dsn.h"
#include "exchange.h"
#include "faults.h"
#include "requestjudge.h"
#include "sendresult.h"
#include "storerequest.h"
#include "timeline.h"

#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

const QDateTime At = QDateTime::fromMSecsSinceEpoch(1'765'000'000'000, Qt::UTC);
const QByteArray Event = R"({"event_id":"fc6d8c0c43fc4630ad850ee518f1b9d0","message":"Disk full",)"
                         R"("level":"error","extra":{"password":"********","api_key":"x"}})";

ReceiverConfig config()
{
    ReceiverConfig config;
    config.projects = {{u"1"_s, u"app"_s, {{u"pub"_s, u"sec"_s}}}};
    return config;
}

Exchange received(const QByteArray &auth, const QByteArray &body = Event, const QString &fault = {})
{
    ReceivedRequest request;
    request.target = "/api/1/store/";
    request.headers = {{"Host", "127.0.0.1:9000"},
                       {"X-Sentry-Auth", auth},
                       {"Content-Type", "application/json"}};
    request.body = body;
    request.peer = u"127.0.0.1:50000"_s;
    Decision decision = RequestJudge::judge(request, config());
    if (!fault.isEmpty())
        decision = Fault::parse(fault)->apply(decision);
    Exchange exchange = exchangeFromDecision(request, decision, At);
    exchange.fault = fault;
    return exchange;
}

const QByteArray GoodAuth = "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, "
                            "sentry_key=pub, sentry_secret=sec";

Exchange sent(int status, const RawHeaders &headers, const QByteArray &body)
{
    StoreRequestOptions options;
    options.encoding = BodyEncoding::Base64Zlib;
    const auto request = StoreRequest::build(Dsn::parse(u"http://pub:sec@127.0.0.1:9000/1"_s), Event, options);
    RawResponse response;
    response.status = status;
    response.headers = headers;
    response.body = body;
    return exchangeFromSend(*request, SendResult::classify(response, At), At);
}

Exchange byName(const QString &name)
{
    if (name == "sent"_L1)
        return sent(200, {{"Content-Type", "application/json"}}, R"({"id":"fc6d8c0c43fc4630ad850ee518f1b9d0"})");
    if (name == "sent-429"_L1)
        return sent(429, {{"X-Sentry-Error", "Creation of this event was denied due to rate limiting."},
                          {"Retry-After", "5"}}, {});
    if (name == "received"_L1)
        return received(GoodAuth);
    if (name == "refused-403"_L1)
        return received(GoodAuth, Event, u"403"_s);
    if (name == "refused-key"_L1)
        return received("Sentry sentry_version=4, sentry_client=x/1, sentry_key=nobody, sentry_secret=sec");
    return received(GoodAuth, Event, u"500,no-error"_s);
}

} // namespace

class tst_Timeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_stepsInProtocolOrder();
    void build_factsAndOutcomes_data();
    void build_factsAndOutcomes();
    void build_neverShowsTheSecret_data();
    void build_neverShowsTheSecret();
    void markdown_listsEveryStep();
    void html_isWellFormedAndEscapesHostileText();
};

void tst_Timeline::build_stepsInProtocolOrder()
{
    const QList<TimelineStep> steps = Timeline::build(byName(u"sent"_s));
    QStringList titles;
    for (const TimelineStep &step : steps)
        titles.append(stepTitle(step.kind));
    QCOMPARE(titles, (QStringList{u"DSN"_s, u"URL"_s, u"Auth header"_s, u"JSON"_s, u"Scrubbing"_s,
                                  u"Encoding"_s, u"Bytes"_s, u"Response"_s, u"Verdict"_s}));
}

void tst_Timeline::build_factsAndOutcomes_data()
{
    QTest::addColumn<QString>("exchange");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("outcome");
    using K = TimelineStep::Kind;
    QTest::addRow("sent: DSN read back") << u"sent"_s << int(K::Dsn) << u"DSN"_s << u"http://pub:********@127.0.0.1:9000/1"_s << u"ok"_s;
    QTest::addRow("sent: store URL") << u"sent"_s << int(K::Url) << u"URL"_s << u"http://127.0.0.1:9000/api/1/store/"_s << u"ok"_s;
    QTest::addRow("sent: version") << u"sent"_s << int(K::Auth) << u"sentry_version"_s << u"4"_s << u"ok"_s;
    QTest::addRow("sent: message") << u"sent"_s << int(K::Json) << u"message"_s << u"Disk full"_s << u"ok"_s;
    QTest::addRow("sent: masked") << u"sent"_s << int(K::Scrubbing) << u"masked values"_s << u"/extra/password"_s << u"note"_s;
    QTest::addRow("sent: still sensitive") << u"sent"_s << int(K::Scrubbing) << u"still sensitive"_s << u"/extra/api_key"_s << u"note"_s;
    QTest::addRow("sent: zlib form") << u"sent"_s << int(K::Encoding) << u"form"_s << formDescription(BodyForm::Base64Zlib) << u"ok"_s;
    QTest::addRow("sent: JSON size") << u"sent"_s << int(K::Encoding) << u"JSON"_s << u"%1 bytes"_s.arg(Event.size()) << u"ok"_s;
    QTest::addRow("sent: stored") << u"sent"_s << int(K::Response) << u"status"_s << u"200"_s << u"ok"_s;
    QTest::addRow("sent: accepted") << u"sent"_s << int(K::Verdict) << u"verdict"_s << u"accepted"_s << u"ok"_s;
    QTest::addRow("sent 429: Retry-After") << u"sent-429"_s << int(K::Response) << u"Retry-After"_s << u"5 s"_s << u"problem"_s;
    QTest::addRow("sent 429: backoff") << u"sent-429"_s << int(K::Verdict) << u"backoff"_s << u"retry after 5 s, as Retry-After asks"_s << u"problem"_s;
    QTest::addRow("received: from") << u"received"_s << int(K::Url) << u"from"_s << u"127.0.0.1:50000"_s << u"ok"_s;
    QTest::addRow("received: found in") << u"received"_s << int(K::Auth) << u"found in"_s << u"x-sentry-auth"_s << u"ok"_s;
    QTest::addRow("received: raw JSON") << u"received"_s << int(K::Encoding) << u"form"_s << formDescription(BodyForm::Json) << u"ok"_s;
    QTest::addRow("received: accepted") << u"received"_s << int(K::Verdict) << u"verdict"_s << u"accepted"_s << u"ok"_s;
    QTest::addRow("refused 403: status") << u"refused-403"_s << int(K::Response) << u"X-Sentry-Error"_s << u"Creation of this event was blocked"_s << u"problem"_s;
    QTest::addRow("refused 403: not retried") << u"refused-403"_s << int(K::Verdict) << u"backoff"_s << u"not retried: the same bytes would get the same answer"_s << u"problem"_s;
    QTest::addRow("refused key: auth step") << u"refused-key"_s << int(K::Auth) << u"sentry_key"_s << u"nobody"_s << u"problem"_s;
    QTest::addRow("refused key: reason") << u"refused-key"_s << int(K::Verdict) << u"receiver's reason"_s << u"auth.key"_s << u"problem"_s;
    QTest::addRow("faulted: fault named") << u"faulted"_s << int(K::Response) << u"fault"_s << u"500,no-error"_s << u"problem"_s;
    QTest::addRow("faulted: no X-Sentry-Error") << u"faulted"_s << int(K::Response) << u"X-Sentry-Error"_s << QString() << u"problem"_s;
    QTest::addRow("faulted: schedule") << u"faulted"_s << int(K::Verdict) << u"backoff"_s
        << u"retry after 1 s (min(n, 6)² for the n-th failure in a row: 1, 4, 9, 16, 25, 36, 36 s)"_s << u"problem"_s;
}

void tst_Timeline::build_factsAndOutcomes()
{
    QFETCH(QString, exchange);
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, outcome);
    const QList<TimelineStep> steps = Timeline::build(byName(exchange));
    const TimelineStep &step = steps.at(kind);
    QCOMPARE(int(step.kind), kind);
    QTEST(step.value(name), "value");
    QCOMPARE(outcomeName(step.outcome), outcome);
    QVERIFY(!step.summary.isEmpty());
    QVERIFY(!step.explanation.isEmpty());
}

void tst_Timeline::build_neverShowsTheSecret_data()
{
    QTest::addColumn<QString>("exchange");
    for (const char *name : {"sent", "sent-429", "received", "refused-403", "refused-key", "faulted"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void tst_Timeline::build_neverShowsTheSecret()
{
    QFETCH(QString, exchange);
    const QString markdown = Timeline::toMarkdown(byName(exchange));
    QVERIFY(markdown.contains(u"sentry_secret"_s));
    QVERIFY2(!markdown.contains(QRegularExpression(u"\\bsec\\b"_s)), qPrintable(markdown));
}

void tst_Timeline::markdown_listsEveryStep()
{
    const QString markdown = Timeline::toMarkdown(byName(u"refused-403"_s));
    QVERIFY(markdown.startsWith(u"# Protocol timeline — Exchange: received from 127.0.0.1:50000"_s));
    QVERIFY(markdown.contains(u"## 1. DSN ✓"_s));
    QVERIFY(markdown.contains(u"## 8. Response ✗"_s));
    QVERIFY(markdown.contains(u"| status | `403` |"_s));
    QCOMPARE(markdown.count(u"\n## "_s), 9);
}

void tst_Timeline::html_isWellFormedAndEscapesHostileText()
{
    Exchange exchange = received(GoodAuth, R"({"message":"<script>alert('x')</script> & </li>","level":"error"})");
    exchange.peer = u"<img src=x onerror=alert(1)>"_s;
    const QString html = Timeline::toHtml(exchange);
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(html.contains(u"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;/li&gt;"_s)
            || html.contains(u"&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;/li&gt;"_s));
    // Self-contained: no links, scripts, images or fonts from elsewhere.
    QVERIFY(!html.contains(u"<link"_s) && !html.contains(u"href="_s) && !html.contains(u"url("_s));
    // Well-formed: without the doctype it reads as XML to the end, every element closed.
    QXmlStreamReader xml(html.mid(html.indexOf(u"<html"_s)));
    int items = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == "li"_L1)
            ++items;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(items, 9);
}

QTEST_GUILESS_MAIN(tst_Timeline)
#include "tst_timeline.moc"
