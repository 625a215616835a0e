// The snippets that point a client at a DSN: each client's config line with the DSN quoted for its
// language (the browser's without the secret), and a curl command that is the store request
// StoreRequest builds for the same DSN and clock.

#include "clientsnippet.h"
#include "dsn.h"
#include "storerequest.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sentry::ClientSnippet;
using Sentry::Dsn;

namespace {
constexpr qint64 Clock = 1767225600; // 2026-01-01T00:00:00Z

QString snippetText(const QList<ClientSnippet> &snippets, const QString &id)
{
    for (const ClientSnippet &snippet : snippets) {
        if (snippet.id == id)
            return snippet.text;
    }
    return u"(no snippet %1)"_s.arg(id);
}
} // namespace

class tst_ClientSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configLine_data();
    void configLine();
    void curl_isTheStoreRequestForTheDsnAndClock();
    void forDsn_isPure();
    void forDsn_emptyForAnInvalidDsn();
};

void tst_ClientSnippet::configLine_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("dsn");
    QTest::addColumn<QString>("expected");
    const QString dsn = u"http://pub:sec@127.0.0.1:9000/1"_s;
    QTest::newRow("raven-python") << u"raven-python-4"_s << dsn
        << u"from raven import Client\nclient = Client('http://pub:sec@127.0.0.1:9000/1')"_s;
    QTest::newRow("raven-node") << u"raven-node-0.6"_s << dsn
        << u"var raven = require('raven');\nvar client = new raven.Client('http://pub:sec@127.0.0.1:9000/1');"_s;
    QTest::newRow("raven-js: no secret in a browser") << u"raven-js-1.1"_s << dsn
        << u"Raven.config('http://pub@127.0.0.1:9000/1').install();"_s;
    QTest::newRow("quote escaped") << u"raven-python-4"_s << u"http://p'b:sec@127.0.0.1:9000/1"_s
        << u"from raven import Client\nclient = Client('http://p\\'b:sec@127.0.0.1:9000/1')"_s;
}

void tst_ClientSnippet::configLine()
{
    QFETCH(QString, id);
    QFETCH(QString, dsn);
    QTEST(snippetText(ClientSnippet::forDsn(Dsn::parse(dsn), Clock), id), "expected");
}

void tst_ClientSnippet::curl_isTheStoreRequestForTheDsnAndClock()
{
    const Dsn dsn = Dsn::parse(u"http://pub:sec@127.0.0.1:9000/1"_s);
    const QString curl = snippetText(ClientSnippet::forDsn(dsn, Clock), u"curl"_s);
    QVERIFY2(curl.startsWith(u"curl -sS --http1.1 -X POST 'http://127.0.0.1:9000/api/1/store/'"_s), qPrintable(curl));
    QVERIFY2(curl.contains(u"sentry_timestamp=1767225600"_s), qPrintable(curl));
    QVERIFY2(curl.contains(u"sentry_key=pub"_s) && curl.contains(u"sentry_secret=sec"_s), qPrintable(curl));
    QVERIFY2(curl.contains(u"Hello from curl"_s) && curl.contains(u"2026-01-01T00:00:00"_s), qPrintable(curl));
}

void tst_ClientSnippet::forDsn_isPure()
{
    const Dsn dsn = Dsn::parse(u"http://pub:sec@127.0.0.1:9000/1"_s);
    const auto first = ClientSnippet::forDsn(dsn, Clock);
    const auto second = ClientSnippet::forDsn(dsn, Clock);
    QCOMPARE(first.size(), 4);
    for (int i = 0; i < first.size(); ++i)
        QCOMPARE(first.at(i).text, second.at(i).text);
    QVERIFY(snippetText(ClientSnippet::forDsn(dsn, Clock + 1), u"curl"_s) != snippetText(first, u"curl"_s));
}

void tst_ClientSnippet::forDsn_emptyForAnInvalidDsn()
{
    QVERIFY(ClientSnippet::forDsn(Dsn::parse(u"not a dsn"_s), Clock).isEmpty());
    QVERIFY(ClientSnippet::forDsn(Dsn::parse(QString()), Clock).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ClientSnippet)
#include "tst_clientsnippet.moc"
