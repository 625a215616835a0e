#include "dsn.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "testsupport.h"

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace TestSupport;

namespace {

// The vector keys that name a Dsn property, and how to read it back as JSON.
using Getter = std::function<QJsonValue(const Dsn &)>;
const QList<QPair<QString, Getter>> &vectorFields()
{
    static const QList<QPair<QString, Getter>> fields = {
        {u"scheme"_s, [](const Dsn &d) { return QJsonValue(d.scheme()); }},
        {u"transport"_s, [](const Dsn &d) { return QJsonValue(d.transport()); }},
        {u"public_key"_s, [](const Dsn &d) { return QJsonValue(d.publicKey()); }},
        {u"secret_key"_s, [](const Dsn &d) { return QJsonValue(d.secretKey()); }},
        {u"host"_s, [](const Dsn &d) { return QJsonValue(d.host()); }},
        {u"port"_s, [](const Dsn &d) { return QJsonValue(d.port()); }},
        {u"path"_s, [](const Dsn &d) { return QJsonValue(d.path()); }},
        {u"project_id"_s, [](const Dsn &d) { return QJsonValue(d.projectId()); }},
        {u"store_url"_s, [](const Dsn &d) { return QJsonValue(d.storeUrl().toString()); }},
        {u"legacy_store_url"_s, [](const Dsn &d) { return QJsonValue(d.legacyStoreUrl().toString()); }},
    };
    return fields;
}

const QStringList ControlKeys = {u"name"_s, u"dsn"_s, u"valid"_s, u"fault"_s, u"expect_warning"_s};


} // namespace

class TestDsn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_matchesVector_data() { addVectorRows({u"dsn.json"_s, u"dsn-extra.json"_s}); }
    void parse_matchesVector()
    {
        QFETCH(QJsonObject, vector);
        const Dsn dsn = Dsn::parse(vector[u"dsn"_s].toString());
        const QString findings = describe(dsn.findings());
        QVERIFY2(dsn.isValid() == vector[u"valid"_s].toBool(), qPrintable(findings));
        int checked = 0;
        for (const auto &[key, getter] : vectorFields()) {
            if (!vector.contains(key))
                continue;
            QCOMPARE(getter(dsn), vector.value(key));
            ++checked;
        }
        for (const QString &key : vector.keys())
            QVERIFY2(ControlKeys.contains(key) || std::any_of(vectorFields().cbegin(), vectorFields().cend(),
                                                               [&key](const auto &f) { return f.first == key; }),
                     qPrintable(u"the test does not know the vector key '%1'"_s.arg(key)));
        checkFault(dsn, vector[u"fault"_s].toString());
        checkWarning(dsn, vector[u"expect_warning"_s].toString());
        QVERIFY(checked > 0 || vector.contains(u"fault"_s) || vector.contains(u"expect_warning"_s));
    }

    void parse_emptyMeansDisabled_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("empty") << QString();
        QTest::addRow("blank") << u" \n\t"_s;
    }
    void parse_emptyMeansDisabled()
    {
        QFETCH(QString, text);
        const Dsn dsn = Dsn::parse(text);
        QVERIFY(dsn.isEmpty());
        QVERIFY(!dsn.isValid());
        QCOMPARE(dsn.findings().size(), 1);
        QCOMPARE(dsn.findings().constFirst().severity, Severity::Info);
        QVERIFY(dsn.findings().constFirst().message.contains(u"disabled"_s));
        QVERIFY(dsn.storeUrl().isEmpty());
    }

    void parse_keepsOptionsOutOfUrls()
    {
        const Dsn dsn = Dsn::parse(u"https://pub:sec@example.com/1?timeout=3&verify_ssl=0&name=a+b%26c"_s);
        QVERIFY(dsn.isValid());
        const QList<QPair<QString, QString>> expected = {
            {u"timeout"_s, u"3"_s}, {u"verify_ssl"_s, u"0"_s}, {u"name"_s, u"a b&c"_s}};
        QCOMPARE(dsn.options(), expected);
        QVERIFY(!dsn.storeUrl().hasQuery());
        QVERIFY(!dsn.legacyStoreUrl().hasQuery());
        QVERIFY(!dsn.baseUrl().hasQuery());
    }

    // ?timeout= was accepted and then ignored; it is the client's deadline.
    void timeoutMs_readsTheTimeoutOption_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("expectedMs"); // 0: none
        QTest::addColumn<bool>("warned");
        QTest::addRow("absent") << QString() << 0 << false;
        QTest::addRow("whole seconds") << u"?timeout=3"_s << 3000 << false;
        QTest::addRow("fraction") << u"?timeout=0.5"_s << 500 << false;
        QTest::addRow("among others") << u"?verify_ssl=0&timeout=10"_s << 10000 << false;
        QTest::addRow("the last one wins") << u"?timeout=1&timeout=2"_s << 2000 << false;
        QTest::addRow("the maximum") << u"?timeout=600"_s << 600000 << false;
        QTest::addRow("not a number") << u"?timeout=soon"_s << 0 << true;
        QTest::addRow("empty") << u"?timeout="_s << 0 << true;
        QTest::addRow("zero") << u"?timeout=0"_s << 0 << true;
        QTest::addRow("negative") << u"?timeout=-3"_s << 0 << true;
        QTest::addRow("past the maximum") << u"?timeout=601"_s << 0 << true;
        QTest::addRow("not finite") << u"?timeout=inf"_s << 0 << true;
    }
    void timeoutMs_readsTheTimeoutOption()
    {
        QFETCH(QString, query);
        QFETCH(int, expectedMs);
        QFETCH(bool, warned);
        const Dsn dsn = Dsn::parse(u"https://pub:sec@example.com/1"_s + query);
        QVERIFY(dsn.isValid()); // an unusable option never makes the DSN unusable
        QCOMPARE(dsn.timeoutMs().value_or(0), expectedMs);
        const bool hasWarning = std::any_of(dsn.findings().cbegin(), dsn.findings().cend(), [](const Finding &f) {
            return f.rule == "dsn.option.timeout"_L1 && f.severity == Severity::Warning && f.location == "options"_L1
                && f.message.contains(u"?timeout=3"_s);
        });
        QVERIFY2(hasWarning == warned, qPrintable(describe(dsn.findings())));
    }

    void parse_ipv6_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("explicitPort");
        QTest::addColumn<QString>("storeUrl");
        QTest::addRow("with port") << u"http://pub:sec@[::1]:9000/8"_s << 9000 << true
                                   << u"http://[::1]:9000/api/8/store/"_s;
        QTest::addRow("without port") << u"http://pub:sec@[fe80::1]/8"_s << 80 << false
                                      << u"http://[fe80::1]/api/8/store/"_s;
    }
    void parse_ipv6()
    {
        QFETCH(QString, text);
        QFETCH(int, port);
        QFETCH(bool, explicitPort);
        QFETCH(QString, storeUrl);
        const Dsn dsn = Dsn::parse(text);
        QVERIFY2(dsn.isValid(), qPrintable(describe(dsn.findings())));
        QVERIFY(!dsn.host().contains(u'['));
        QCOMPARE(dsn.port(), port);
        QCOMPARE(dsn.hasExplicitPort(), explicitPort);
        QCOMPARE(dsn.storeUrl().toString(), storeUrl);
        QVERIFY(dsn.toString().contains(u'[' + dsn.host() + u']'));
    }

    void splitSecret_separatesTheSecret_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("publicDsn");
        QTest::addColumn<QString>("secret");
        QTest::newRow("with secret") << u"https://pub:sec@example.com/1"_s
                                     << u"https://pub@example.com/1"_s << u"sec"_s;
        QTest::newRow("no secret") << u"https://pub@example.com/1"_s << u"https://pub@example.com/1"_s
                                   << QString();
        QTest::newRow("port, not secret")
            << u"http://pub@localhost:9000/2"_s << u"http://pub@localhost:9000/2"_s << QString();
        QTest::newRow("secret and port")
            << u"http://pub:s3c@localhost:9000/2"_s << u"http://pub@localhost:9000/2"_s << u"s3c"_s;
        QTest::newRow("transport") << u"threaded+https://p:s@h/3"_s << u"threaded+https://p@h/3"_s
                                   << u"s"_s;
        QTest::newRow("no user info") << u"https://example.com/5"_s << u"https://example.com/5"_s
                                      << QString();
        QTest::newRow("@ in the path only")
            << u"https://example.com/a@b/5"_s << u"https://example.com/a@b/5"_s << QString();
        QTest::newRow("not a dsn") << u"just words"_s << u"just words"_s << QString();
    }

    void splitSecret_separatesTheSecret()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, publicDsn);
        QFETCH(QString, secret);
        QString split;
        QCOMPARE(Dsn::splitSecret(dsn, &split), publicDsn);
        QCOMPARE(split, secret);
        QCOMPARE(Dsn::joinSecret(publicDsn, secret), secret.isEmpty() ? publicDsn : dsn);
    }

    void portText_keepsThePortAsWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("portText");
        QTest::addColumn<int>("port");
        QTest::addRow("number") << u"http://pub:sec@localhost:9000/2"_s << u"9000"_s << 9000;
        QTest::addRow("none written") << u"http://pub:sec@localhost/2"_s << QString() << 80;
        QTest::addRow("typo") << u"http://pub:sec@localhost:90o0/2"_s << u"90o0"_s << 80;
        QTest::addRow("out of range") << u"https://pub:sec@localhost:70000/2"_s << u"70000"_s << 443;
        QTest::addRow("colon only") << u"http://pub:sec@localhost:/2"_s << QString() << 80;
        QTest::addRow("ipv6") << u"http://pub:sec@[::1]:9x/2"_s << u"9x"_s << 80;
        QTest::addRow("no slash, options") << u"http://pub:sec@localhost:9o?timeout=3"_s << u"9o"_s << 80;
        QTest::addRow("@ in the secret") << u"http://pub:s@c@localhost:12ab/2"_s << u"12ab"_s << 80;
    }
    void portText_keepsThePortAsWritten()
    {
        QFETCH(QString, text);
        QFETCH(QString, portText);
        QFETCH(int, port);
        const Dsn dsn = Dsn::parse(text);
        QCOMPARE(dsn.portText(), portText);
        QCOMPARE(dsn.port(), port);
    }

    // QUrl silently drops a host it cannot carry, which left "Valid: yes" with http:///api/1/store/.
    void parse_hostQUrlWouldDrop_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("valid");
        const QString label63(63, u'a');
        QTest::addRow("label of 63") << label63 + u".example.com"_s << true;
        QTest::addRow("label of 64") << label63 + u"a.example.com"_s << false;
        QTest::addRow("one label of 64") << QString(64, u'x') << false;
        QTest::addRow("name of 253") << QStringList(4, QString(62, u'b')).join(u'.') + u".c"_s << true;
        QTest::addRow("name of 254") << QStringList(4, QString(62, u'b')).join(u'.') + u".cd"_s << false;
        QTest::addRow("empty label") << u"a..example.com"_s << false;
        // Found by fuzz_dsn: QHostAddress stops at the NUL and sees ::1; QUrl refuses the host.
        QTest::addRow("IPv6 with NUL characters") << u"[::1\0\0001]:9000"_s << false;
    }
    void parse_hostQUrlWouldDrop()
    {
        QFETCH(QString, host);
        QFETCH(bool, valid);
        const Dsn dsn = Dsn::parse(u"http://pub:sec@"_s + host + u"/1"_s);
        QVERIFY2(dsn.isValid() == valid, qPrintable(describe(dsn.findings())));
        if (valid) {
            QCOMPARE(dsn.storeUrl().host(), host);
            return;
        }
        QVERIFY(dsn.storeUrl().isEmpty());
        const auto unusable = std::find_if(dsn.findings().cbegin(), dsn.findings().cend(), [](const Finding &f) {
            return f.rule == "dsn.host.unusable"_L1 || f.rule == "dsn.host.bad-ipv6"_L1;
        });
        QVERIFY2(unusable != dsn.findings().cend(), qPrintable(describe(dsn.findings())));
        QCOMPARE(unusable->location, u"host"_s);
    }

    void toString_masksSecretUnlessShown_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("masked");
        QTest::addColumn<QString>("shown");
        QTest::addRow("plain") << u"https://pub:sec@example.com/1"_s << u"https://pub:********@example.com/1"_s
                               << u"https://pub:sec@example.com/1"_s;
        QTest::addRow("transport, port, prefix, options")
            << u"threaded+http://pub:sec@localhost:9000/sentry/2?timeout=3"_s
            << u"threaded+http://pub:********@localhost:9000/sentry/2?timeout=3"_s
            << u"threaded+http://pub:sec@localhost:9000/sentry/2?timeout=3"_s;
        QTest::addRow("no secret") << u"https://pub@example.com/1"_s << u"https://pub@example.com/1"_s
                                   << u"https://pub@example.com/1"_s;
        QTest::addRow("escaped secret re-escaped") << u"https://pub:s%40c@example.com/1"_s
                                                   << u"https://pub:********@example.com/1"_s
                                                   << u"https://pub:s%40c@example.com/1"_s;
        QTest::addRow("ipv6") << u"http://pub:sec@[::1]:9000/8"_s << u"http://pub:********@[::1]:9000/8"_s
                              << u"http://pub:sec@[::1]:9000/8"_s;
    }
    void toString_masksSecretUnlessShown()
    {
        QFETCH(QString, text);
        QFETCH(QString, masked);
        QFETCH(QString, shown);
        const Dsn dsn = Dsn::parse(text);
        QCOMPARE(dsn.toString(), masked);
        QCOMPARE(dsn.toString(Dsn::SecretDisplay::Shown), shown);
        QCOMPARE(Dsn::parse(shown).secretKey(), dsn.secretKey());
    }

    void parse_keysNotAsIssuedAreInfo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("part");
        QTest::addRow("short public key") << u"https://pub:b7d80b520139450f903720eb7991bf3d@example.com/1"_s
                                          << u"public key"_s;
        QTest::addRow("upper-case secret")
            << u"https://b70a31b3510c4cf793964a185cfe1fd0:B7D80B520139450F903720EB7991BF3D@example.com/1"_s
            << u"secret"_s;
        QTest::addRow("slug project")
            << u"https://b70a31b3510c4cf793964a185cfe1fd0:b7d80b520139450f903720eb7991bf3d@example.com/web"_s
            << u"project"_s;
    }
    void parse_keysNotAsIssuedAreInfo()
    {
        QFETCH(QString, text);
        QFETCH(QString, part);
        const Dsn dsn = Dsn::parse(text);
        QVERIFY(dsn.isValid());
        QCOMPARE(dsn.findings().size(), 1);
        QCOMPARE(dsn.findings().constFirst().severity, Severity::Info);
        QCOMPARE(dsn.findings().constFirst().location, part);
    }

    void parse_issuedDsnHasNoFindings()
    {
        const Dsn dsn = Dsn::parse(
            u"https://b70a31b3510c4cf793964a185cfe1fd0:b7d80b520139450f903720eb7991bf3d@example.com/1"_s);
        QVERIFY(dsn.isValid());
        QVERIFY2(dsn.findings().isEmpty(), qPrintable(describe(dsn.findings())));
    }

    void parse_missingSecretIsOnlyAWarning()
    {
        const Dsn dsn = Dsn::parse(u"https://b70a31b3510c4cf793964a185cfe1fd0@example.com/1"_s);
        QVERIFY(dsn.isValid());
        QVERIFY(!dsn.hasSecret());
        QCOMPARE(dsn.findings().size(), 1);
        QCOMPARE(dsn.findings().constFirst().severity, Severity::Warning);
        QCOMPARE(dsn.findings().constFirst().location, u"secret"_s);
    }

    void parse_everyFindingNamesAPartAndARule()
    {
        static const QStringList parts = {u"scheme"_s, u"public key"_s, u"secret"_s, u"host"_s,
                                          u"port"_s, u"path"_s, u"project"_s, u"options"_s};
        for (const QString &file : {u"dsn.json"_s, u"dsn-extra.json"_s}) {
            const QJsonArray vectors = loadVectors(file);
            for (const QJsonValue &vector : vectors) {
                const Dsn dsn = Dsn::parse(vector[u"dsn"_s].toString());
                QVERIFY(!dsn.isEmpty());
                for (const Finding &f : dsn.findings()) {
                    QVERIFY2(parts.contains(f.location), qPrintable(f.location));
                    QVERIFY2(f.rule.startsWith(u"dsn."_s), qPrintable(f.message));
                    QVERIFY2(f.message.size() > 30, qPrintable(f.message));
                }
            }
        }
    }

private:
    void checkFault(const Dsn &dsn, const QString &fault)
    {
        if (fault.isEmpty())
            return;
        const bool found = hasFinding(dsn.findings(), Severity::Error, [&fault](const Finding &f) {
            return f.location == fault && f.message.contains(fault, Qt::CaseInsensitive);
        });
        QVERIFY2(found, qPrintable(u"no error on '%1' naming it; findings:\n%2"_s.arg(fault, describe(dsn.findings()))));
    }

    void checkWarning(const Dsn &dsn, const QString &word)
    {
        if (word.isEmpty())
            return;
        const bool found = hasFinding(dsn.findings(), Severity::Warning,
                                      [&word](const Finding &f) { return f.location.contains(word); });
        QVERIFY2(found, qPrintable(u"no warning on '%1'; findings:\n%2"_s.arg(word, describe(dsn.findings()))));
    }
};

QTEST_GUILESS_MAIN(TestDsn)
#include "tst_dsn.moc"
