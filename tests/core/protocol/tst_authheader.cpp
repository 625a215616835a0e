#include "authheader.h"
#include "dsn.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "testsupport.h"

#include <algorithm>
#include <functional>
#include <iterator>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace TestSupport;

namespace {

const QStringList VectorKeys = {u"name"_s, u"header"_s, u"valid"_s, u"fields"_s,
                                u"fault"_s, u"expect_warning"_s, u"kind"_s};


// The fields as the server's dict would hold them: the last occurrence wins.
QJsonObject lastWins(const AuthHeader &header)
{
    QJsonObject object;
    for (const AuthHeader::Field &field : header.fields())
        object.insert(field.name, field.value);
    return object;
}

Findings filtered(const Findings &findings, const QString &rule)
{
    Findings matching;
    std::copy_if(findings.cbegin(), findings.cend(), std::back_inserter(matching),
                 [&rule](const Finding &f) { return f.rule == rule; });
    return matching;
}

AuthParams serverParams()
{
    AuthParams params;
    params.client = u"sentry-harness/0.1"_s;
    params.timestamp = 1329096377;
    params.publicKey = u"b70a31b3510c4cf793964a185cfe1fd0"_s;
    params.secretKey = u"b7d80b520139450f903720eb7991bf3d"_s;
    return params;
}

} // namespace

class TestAuthHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_matchesVector_data() { addVectorRows({u"auth.json"_s, u"auth-extra.json"_s}); }
    void parse_matchesVector()
    {
        QFETCH(QJsonObject, vector);
        for (const QString &key : vector.keys())
            QVERIFY2(VectorKeys.contains(key), qPrintable(u"the test does not know the vector key '%1'"_s.arg(key)));
        const ClientKind kind = vector[u"kind"_s].toString() == "browser"_L1 ? ClientKind::Browser : ClientKind::Server;
        const AuthHeader header = AuthHeader::parse(vector[u"header"_s].toString(), kind);
        QVERIFY2(header.isValid() == vector[u"valid"_s].toBool(), qPrintable(describe(header.findings())));
        if (vector.contains(u"fields"_s))
            QCOMPARE(lastWins(header), vector[u"fields"_s].toObject());
        const QString fault = vector[u"fault"_s].toString();
        if (!fault.isEmpty())
            QVERIFY2(hasFinding(header.findings(), Severity::Error, [&](const Finding &f) { return f.location == fault; }),
                     qPrintable(u"no error on '%1':\n%2"_s.arg(fault, describe(header.findings()))));
        const QString warning = vector[u"expect_warning"_s].toString();
        if (!warning.isEmpty())
            QVERIFY2(hasFinding(header.findings(), Severity::Warning,
                                [&](const Finding &f) { return f.location.contains(warning); }),
                     qPrintable(u"no warning on '%1':\n%2"_s.arg(warning, describe(header.findings()))));
    }

    void parse_everyFindingHasRuleAndLocation()
    {
        for (const QString &file : {u"auth.json"_s, u"auth-extra.json"_s}) {
            const QJsonArray vectors = loadVectors(file);
            for (const QJsonValue &vector : vectors) {
                const AuthHeader header = AuthHeader::parse(vector[u"header"_s].toString());
                for (const Finding &f : header.findings()) {
                    QVERIFY2(f.rule.startsWith(u"auth."_s), qPrintable(f.message));
                    QVERIFY2(!f.location.isEmpty(), qPrintable(f.message));
                }
            }
        }
    }

    void parse_quotesServerMessages_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("serverText");
        const QString tail = u", sentry_client=x/1, sentry_key=pub, sentry_secret=sec"_s;
        QTest::addRow("version 4.0") << u"Sentry sentry_version=4.0"_s + tail << u"sentry_version"_s
                                     << u"Client/server version mismatch: Unsupported protocol version (4.0)"_s;
        QTest::addRow("value with =") << u"Sentry sentry_version=4, sentry_client=a (b=c), sentry_key=pub"_s
                                      << u"sentry_client"_s << u"Invalid auth header"_s;
        QTest::addRow("missing key") << u"Sentry sentry_version=4, sentry_client=x/1, sentry_secret=sec"_s
                                     << u"sentry_key"_s << u"Invalid api key"_s;
        QTest::addRow("missing secret") << u"Sentry sentry_version=4, sentry_client=x/1, sentry_key=pub"_s
                                        << u"sentry_secret"_s
                                        << u"Missing required attribute in authentication header: sentry_secret"_s;
        QTest::addRow("missing client") << u"Sentry sentry_version=4, sentry_key=pub, sentry_secret=sec"_s
                                        << u"sentry_client"_s
                                        << u"Client request error: Missing client version identifier"_s;
        QTest::addRow("trailing comma") << u"Sentry sentry_version=4"_s + tail + u","_s << u"header"_s
                                        << u"Invalid auth header"_s;
    }
    void parse_quotesServerMessages()
    {
        QFETCH(QString, header);
        QFETCH(QString, location);
        QFETCH(QString, serverText);
        const AuthHeader parsed = AuthHeader::parse(header);
        QVERIFY2(hasFinding(parsed.findings(), Severity::Error,
                            [&](const Finding &f) { return f.location == location && f.message.contains(serverText); })
                     || hasFinding(parsed.findings(), Severity::Warning, [&](const Finding &f) {
                            return f.location == location && f.message.contains(serverText);
                        }),
                 qPrintable(describe(parsed.findings())));
    }

    void parse_browserWithoutSecretHasNoWarnings()
    {
        const AuthHeader header = AuthHeader::parse(
            u"Sentry sentry_version=4, sentry_client=raven-js/1.1.0, sentry_timestamp=1329096377, sentry_key=pub"_s,
            ClientKind::Browser);
        QVERIFY(header.isValid());
        QCOMPARE(countSeverity(header.findings(), Severity::Warning), 0);
    }

    void parse_judgesFieldNames_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("location");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("rule");
        QTest::addRow("unknown") << u"sentry_flavour=vanilla"_s << u"sentry_flavour"_s << int(Severity::Info)
                                 << u"auth.field.unknown"_s;
        QTest::addRow("mis-cased") << u"Sentry_Client=y/2"_s << u"Sentry_Client"_s << int(Severity::Warning)
                                   << u"auth.field.case"_s;
        QTest::addRow("duplicate") << u"sentry_client=y/2"_s << u"sentry_client"_s << int(Severity::Warning)
                                   << u"auth.field.duplicate"_s;
        QTest::addRow("quoted") << u"sentry_flavour='x'"_s << u"sentry_flavour"_s << int(Severity::Warning)
                                << u"auth.value.quoted"_s;
    }
    void parse_judgesFieldNames()
    {
        QFETCH(QString, extra);
        QFETCH(QString, location);
        QFETCH(int, severity);
        QFETCH(QString, rule);
        const AuthHeader header = AuthHeader::parse(
            u"Sentry sentry_version=4, sentry_client=x/1, sentry_timestamp=1, sentry_key=pub, sentry_secret=s, "_s
            + extra);
        QVERIFY2(header.isValid(), qPrintable(describe(header.findings())));
        QVERIFY2(hasFinding(header.findings(), Severity(severity),
                            [&](const Finding &f) { return f.location == location && f.rule == rule; }),
                 qPrintable(describe(header.findings())));
    }

    // sentry_client in the form name/version: something before the first '/', no whitespace in
    // it, and no whitespace right after it (only ASCII whitespace counts).
    void parse_judgesTheClientsForm_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<bool>("nameVersion");
        QTest::addRow("name/version") << u"raven-python/4.0.0"_s << true;
        QTest::addRow("one character each") << u"x/1"_s << true;
        QTest::addRow("more after the version") << u"raven/1.0 (linux)"_s << true;
        QTest::addRow("more slashes") << u"a/b/c"_s << true;
        QTest::addRow("non-ASCII space in the name") << u"raven\u00a0js/1.1"_s << true;
        QTest::addRow("non-ASCII letters") << u"r\u00e4ven/1"_s << true;
        QTest::addRow("no slash") << u"raven"_s << false;
        QTest::addRow("nothing before the slash") << u"/1.0"_s << false;
        QTest::addRow("nothing after the slash") << u"raven/"_s << false;
        QTest::addRow("space after the slash") << u"raven/ 1.0"_s << false;
        QTest::addRow("space before the slash") << u"raven /1.0"_s << false;
        QTest::addRow("tab in the name") << u"rav\ten/1.0"_s << false;
        QTest::addRow("vertical tab after the slash") << u"raven/\v1"_s << false;
        QTest::addRow("carriage return in the name") << u"ra\rven/1"_s << false;
    }
    void parse_judgesTheClientsForm()
    {
        QFETCH(QString, client);
        QFETCH(bool, nameVersion);
        const AuthHeader header = AuthHeader::parse(
            u"Sentry sentry_version=4, sentry_client=%1, sentry_timestamp=1, sentry_key=pub, sentry_secret=s"_s.arg(client));
        const bool flagged = hasFinding(header.findings(), Severity::Info, [](const Finding &f) {
            return f.location == u"sentry_client"_s && f.rule == u"auth.client.format"_s;
        });
        QVERIFY2(flagged != nameVersion, qPrintable(describe(header.findings())));
    }

    // Empty pieces, as the server's split on ',' makes them: a trailing comma is named as such, an
    // empty piece elsewhere as an empty piece.
    void parse_namesEmptyPieces_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QStringList>("rules");
        const QString all = u"sentry_version=4, sentry_client=x/1, sentry_key=pub, sentry_secret=s"_s;
        QTest::addRow("trailing comma") << all + u","_s << QStringList{u"auth.trailing-comma"_s};
        QTest::addRow("trailing comma and space") << all + u", "_s << QStringList{u"auth.trailing-comma"_s};
        QTest::addRow("doubled comma") << u"sentry_version=4,, sentry_client=x/1, sentry_key=pub, sentry_secret=s"_s
                                       << QStringList{u"auth.piece.empty"_s};
        QTest::addRow("both") << u"sentry_version=4,, sentry_client=x/1, sentry_key=pub, sentry_secret=s,"_s
                              << QStringList{u"auth.piece.empty"_s, u"auth.trailing-comma"_s};
        QTest::addRow("leading comma") << u","_s + all << QStringList{u"auth.piece.empty"_s};
        QTest::addRow("only a comma") << u","_s << QStringList{u"auth.piece.empty"_s, u"auth.trailing-comma"_s};
    }
    void parse_namesEmptyPieces()
    {
        QFETCH(QString, fields);
        QFETCH(QStringList, rules);
        const AuthHeader header = AuthHeader::parse(u"Sentry "_s + fields);
        QStringList found;
        for (const Finding &finding : header.findings()) {
            if (finding.rule == u"auth.trailing-comma"_s || finding.rule == u"auth.piece.empty"_s)
                found.append(finding.rule);
        }
        QCOMPARE(found, rules);
    }

    void parse_keepsDuplicatesInOrder()
    {
        const AuthHeader header = AuthHeader::parse(
            u"Sentry sentry_key=a, sentry_version=4, sentry_key=b, sentry_client=x/1, sentry_secret=s"_s);
        QCOMPARE(header.fields().size(), 5);
        QCOMPARE(header.fields().at(0).value, u"a"_s);
        QCOMPARE(header.value(u"sentry_key"_s), u"b"_s);
        QVERIFY(header.contains(u"sentry_client"_s));
        QVERIFY(!header.contains(u"sentry_timestamp"_s));
    }

    void maskSecretIn_masksOnlyTheSecretsValue_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("header") << QByteArray("Sentry sentry_key=k, sentry_secret=s3cr3t, sentry_client=x/1")
                                << QByteArray("Sentry sentry_key=k, sentry_secret=********, sentry_client=x/1");
        QTest::addRow("last field") << QByteArray("Sentry sentry_secret=s") << QByteArray("Sentry sentry_secret=********");
        QTest::addRow("query") << QByteArray("/api/1/store/?sentry_key=k&sentry_secret=abc&sentry_data=%7B%7D")
                               << QByteArray("/api/1/store/?sentry_key=k&sentry_secret=********&sentry_data=%7B%7D");
        QTest::addRow("twice") << QByteArray("sentry_secret=a,sentry_secret=b")
                               << QByteArray("sentry_secret=********,sentry_secret=********");
        QTest::addRow("none") << QByteArray("Sentry sentry_key=k") << QByteArray("Sentry sentry_key=k");
    }
    void maskSecretIn_masksOnlyTheSecretsValue()
    {
        QFETCH(QByteArray, text);
        QTEST(AuthHeader::maskSecretIn(text), "expected");
    }

    // Found by fuzz_auth: a field with no name got an "unknown field" finding with no place.
    void parse_everyFindingHasAPlace()
    {
        const AuthHeader header = AuthHeader::parse(
            u"Sentry sentry_version=4, sentry_client=x/1, sentry_key=a, =1, =2, =a=b,  = c, =\"q\", d, sentry_secret=s"_s);
        QVERIFY(!header.isValid());
        for (const Finding &finding : header.findings())
            QVERIFY2(!finding.location.isEmpty(), qPrintable(finding.rule + u": "_s + finding.message));
    }

    void parse_countsEachDuplicateName()
    {
        QString text = u"Sentry sentry_version=4, sentry_client=x/1, sentry_secret=s"_s;
        for (int i = 0; i < 300; ++i)
            text += u", sentry_key=k%1, x%2=y"_s.arg(i).arg(i % 7);
        const AuthHeader header = AuthHeader::parse(text);
        const Findings duplicates = filtered(header.findings(), u"auth.field.duplicate"_s);
        QCOMPARE(duplicates.size(), 8); // sentry_key, x0 … x6, each once, in header order
        QCOMPARE(duplicates.first().location, u"sentry_key"_s);
        QVERIFY2(duplicates.first().message.contains(u"300 times"_s), qPrintable(duplicates.first().message));
        QVERIFY(duplicates.first().message.contains(u"'k299'"_s));
        QCOMPARE(duplicates.at(1).location, u"x0"_s);
        QVERIFY2(duplicates.at(1).message.contains(u"43 times"_s), qPrintable(duplicates.at(1).message));
    }

    // A pasted megabyte of commas took 75 s (each field searched all others); past the limit the
    // header is refused with the reason, without splitting it.
    void parse_refusesAHeaderPastTheLimit_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("refused");
        QTest::addRow("at the limit") << int(AuthHeader::MaxParsedLength) << false;
        QTest::addRow("one past") << int(AuthHeader::MaxParsedLength) + 1 << true;
        QTest::addRow("a megabyte of commas") << 1'090'000 << true;
    }
    void parse_refusesAHeaderPastTheLimit()
    {
        QFETCH(int, length);
        QFETCH(bool, refused);
        QString text = u"Sentry sentry_version=4, sentry_client=x/1, sentry_key=k, sentry_secret=s, a=b"_s;
        text += QString(length - text.size(), u',');
        const AuthHeader header = AuthHeader::parse(text);
        const Findings tooLong = filtered(header.findings(), u"auth.too-long"_s);
        QCOMPARE(tooLong.size(), refused ? 1 : 0);
        QCOMPARE(header.fields().isEmpty(), refused);
        QVERIFY(!header.isValid());
        if (refused)
            QVERIFY(tooLong.first().message.contains(QString::number(length)));
    }

    void build_refusesWhatTheServerCannotParse_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("client with ,") << u"client"_s << u"app/1.0 (a, b)"_s << u","_s;
        QTest::addRow("client with =") << u"client"_s << u"app/1.0 (build=5)"_s << u"="_s;
        QTest::addRow("client empty") << u"client"_s << QString() << u"sentry_client"_s;
        QTest::addRow("client with newline") << u"client"_s << u"app/1.0\r\nX-Evil: 1"_s << u"sentry_client"_s;
        QTest::addRow("client leading space") << u"client"_s << u" app/1.0"_s << u"sentry_client"_s;
        QTest::addRow("key with ,") << u"key"_s << u"pu,b"_s << u","_s;
        QTest::addRow("key with =") << u"key"_s << u"pub="_s << u"="_s;
        QTest::addRow("key with space") << u"key"_s << u"pu b"_s << u"sentry_key"_s;
        QTest::addRow("key empty") << u"key"_s << QString() << u"sentry_key"_s;
        QTest::addRow("secret with =") << u"secret"_s << u"se=c"_s << u"="_s;
        QTest::addRow("secret with tab") << u"secret"_s << u"se\tc"_s << u"sentry_secret"_s;
        QTest::addRow("version 4.0") << u"version"_s << u"4.0"_s << u"Unsupported protocol version (4.0)"_s;
        QTest::addRow("order unknown") << u"order"_s << u"sentry_nonsense"_s << u"sentry_nonsense"_s;
        QTest::addRow("order twice") << u"order"_s << u"sentry_key,sentry_key"_s << u"twice"_s;
    }
    void build_refusesWhatTheServerCannotParse()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, mentions);
        AuthParams params = serverParams();
        if (field == "client"_L1)
            params.client = value;
        else if (field == "key"_L1)
            params.publicKey = value;
        else if (field == "secret"_L1)
            params.secretKey = value;
        else if (field == "version"_L1)
            params.version = value;
        else
            params.order = value.split(u',');
        QString error;
        QVERIFY(!AuthHeader::build(params, &error).has_value());
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(!AuthHeader::build(params).has_value()); // no error out-param: still refused, no crash
    }

    void build_followsFieldOrder_data()
    {
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<bool>("withSecret");
        QTest::addColumn<QString>("expected");
        QTest::addRow("document order")
            << QStringList() << true
            << u"Sentry sentry_version=4, sentry_client=sentry-harness/0.1, sentry_timestamp=1329096377, "
               "sentry_key=b70a31b3510c4cf793964a185cfe1fd0, sentry_secret=b7d80b520139450f903720eb7991bf3d"_s;
        QTest::addRow("raven-python 4 order")
            << QStringList{u"sentry_timestamp"_s, u"sentry_client"_s, u"sentry_version"_s, u"sentry_key"_s,
                           u"sentry_secret"_s}
            << true
            << u"Sentry sentry_timestamp=1329096377, sentry_client=sentry-harness/0.1, sentry_version=4, "
               "sentry_key=b70a31b3510c4cf793964a185cfe1fd0, sentry_secret=b7d80b520139450f903720eb7991bf3d"_s;
        QTest::addRow("partial order, rest in document order")
            << QStringList{u"sentry_key"_s} << true
            << u"Sentry sentry_key=b70a31b3510c4cf793964a185cfe1fd0, sentry_version=4, "
               "sentry_client=sentry-harness/0.1, sentry_timestamp=1329096377, "
               "sentry_secret=b7d80b520139450f903720eb7991bf3d"_s;
        QTest::addRow("no secret, omitted")
            << QStringList{u"sentry_secret"_s, u"sentry_key"_s} << false
            << u"Sentry sentry_key=b70a31b3510c4cf793964a185cfe1fd0, sentry_version=4, "
               "sentry_client=sentry-harness/0.1, sentry_timestamp=1329096377"_s;
    }
    void build_followsFieldOrder()
    {
        QFETCH(QStringList, order);
        QFETCH(bool, withSecret);
        QFETCH(QString, expected);
        AuthParams params = serverParams();
        params.order = order;
        if (!withSecret)
            params.secretKey.clear();
        QString error;
        const std::optional<AuthHeader> header = AuthHeader::build(params, &error);
        QVERIFY2(header.has_value(), qPrintable(error));
        QCOMPARE(header->toString(), expected);
        QVERIFY(header->findings().isEmpty());
    }

    void build_roundTripIsAcceptedByTheParser_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("client");
        QTest::addColumn<int>("kind");
        QTest::addRow("server client") << u"https://pub:sec@example.com/1"_s << u"raven-python/4.0.0"_s
                                       << int(ClientKind::Server);
        QTest::addRow("escaped keys") << u"https://p%2Bub:s%40ec@example.com/1"_s << u"app/1.0 (Linux)"_s
                                      << int(ClientKind::Server);
        QTest::addRow("browser, no secret") << u"https://pub@example.com/1"_s << u"raven-js/1.1.0"_s
                                            << int(ClientKind::Browser);
    }
    void build_roundTripIsAcceptedByTheParser()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, client);
        QFETCH(int, kind);
        const Dsn parsedDsn = Dsn::parse(dsn);
        const AuthParams params = AuthHeader::paramsFor(parsedDsn, client, 1329096377);
        QCOMPARE(params.publicKey, parsedDsn.publicKey());
        QCOMPARE(params.secretKey, parsedDsn.secretKey());
        QCOMPARE(params.version, u"4"_s);
        QString error;
        const std::optional<AuthHeader> built = AuthHeader::build(params, &error);
        QVERIFY2(built.has_value(), qPrintable(error));
        const AuthHeader parsed = AuthHeader::parse(built->toString(), ClientKind(kind));
        QVERIFY2(parsed.isValid(), qPrintable(describe(parsed.findings())));
        QCOMPARE(countSeverity(parsed.findings(), Severity::Warning), 0);
        QCOMPARE(lastWins(parsed), lastWins(*built));
        QCOMPARE(parsed.toString(), built->toString());
    }
};

QTEST_GUILESS_MAIN(TestAuthHeader)
#include "tst_authheader.moc"
