#include "scrubber.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// The value at a JSON pointer (no escapes needed in these tests).
QJsonValue at(const QJsonObject &root, const QString &pointer)
{
    QJsonValue value = root;
    for (const QString &token : pointer.split(u'/', Qt::SkipEmptyParts))
        value = value.isArray() ? value.toArray().at(token.toInt()) : value.toObject().value(token);
    return value;
}

QStringList paths(const ScrubResult &result, ScrubEntry::Kind kind)
{
    QStringList list;
    for (const ScrubEntry &entry : result.entries) {
        if (entry.kind == kind)
            list << entry.path;
    }
    list.sort();
    return list;
}

// An event with something to scrub in every place the processors look.
QByteArray scrubEvent()
{
    QFile file(QStringLiteral(SENTRY_TEST_DATA_DIR "/scrub-event.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QByteArray Event = scrubEvent();

} // namespace

class TestScrubber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_maskSensitiveValuesAndRemoveCookiesAndPostData()
    {
        const ScrubResult result = Scrubber::scrub(parse(Event));
        const QStringList masked = {
            u"/extra/card"_s, u"/extra/nested/db_passwd"_s, u"/extra/nested/list/0/apiKey"_s, u"/extra/password"_s,
            u"/request/headers/Authorization"_s, u"/request/query_string"_s,
            u"/sentry.interfaces.Stacktrace/frames/0/vars/card_number"_s, u"/tags/0/1"_s,
        };
        QCOMPARE(paths(result, ScrubEntry::Kind::Masked), masked);
        const QStringList removed = {u"/request/cookies"_s, u"/request/data"_s, u"/request/env/HTTP_COOKIE"_s,
                                     u"/request/headers/Cookie"_s};
        QCOMPARE(paths(result, ScrubEntry::Kind::Removed), removed);
        for (const QString &path : masked) {
            if (path != "/request/query_string"_L1)
                QCOMPARE(at(result.event, path).toString(), Scrubber::Mask);
        }
        QCOMPARE(at(result.event, u"/request/query_string"_s).toString(), u"next=/&api_key=********"_s);
        QCOMPARE(at(result.event, u"/extra/user"_s).toString(), u"ada"_s);
        QCOMPARE(at(result.event, u"/extra/phone"_s).toString(), u"12345"_s);
        QVERIFY(at(result.event, u"/extra/Authorization"_s).isNull()); // null stays null: nothing to hide
        QCOMPARE(at(result.event, u"/request/headers/Host"_s).toString(), u"x"_s);
        QCOMPARE(at(result.event, u"/request/env/REMOTE_ADDR"_s).toString(), u"1.2.3.4"_s);
        QCOMPARE(at(result.event, u"/sentry.interfaces.Stacktrace/frames/0/vars/n"_s).toInt(), 1);
        QCOMPARE(at(result.event, u"/tags/1/1"_s).toString(), u"linux"_s);
    }

    void processors_eachSwitchable_data()
    {
        QTest::addColumn<bool>("sanitize");
        QTest::addColumn<bool>("cookies");
        QTest::addColumn<bool>("postData");
        QTest::addRow("all off") << false << false << false;
        QTest::addRow("only sanitize") << true << false << false;
        QTest::addRow("only cookies") << false << true << false;
        QTest::addRow("only post data") << false << false << true;
    }

    void processors_eachSwitchable()
    {
        QFETCH(bool, sanitize);
        QFETCH(bool, cookies);
        QFETCH(bool, postData);
        ScrubOptions options;
        options.sanitize = sanitize;
        options.removeCookies = cookies;
        options.removePostData = postData;
        const ScrubResult result = Scrubber::scrub(parse(Event), options);
        QCOMPARE(at(result.event, u"/extra/password"_s).toString() == Scrubber::Mask, sanitize);
        QCOMPARE(at(result.event, u"/request/cookies"_s).isUndefined(), cookies);
        QCOMPARE(at(result.event, u"/request/headers/Cookie"_s).isUndefined(), cookies);
        QCOMPARE(at(result.event, u"/request/data"_s).isUndefined(), postData);
        if (!sanitize && !cookies && !postData) {
            QCOMPARE(result.event, parse(Event));
            QVERIFY(result.entries.isEmpty());
        }
        for (const ScrubEntry &entry : result.entries) {
            QVERIFY(entry.processor == "sanitize"_L1 ? sanitize
                    : entry.processor == "cookies"_L1 ? cookies : postData);
        }
    }

    void fullInterfaceName_scrubbedToo()
    {
        const ScrubResult result = Scrubber::scrub(
            parse("{\"sentry.interfaces.Http\": {\"url\": \"u\", \"data\": \"a=1\", \"cookies\": \"sid=1\"}}"));
        QCOMPARE(result.event, parse("{\"sentry.interfaces.Http\": {\"url\": \"u\"}}"));
    }

    void extraKeys_extendTheSanitizer()
    {
        ScrubOptions options;
        options.extraKeys = {u"ssn"_s};
        const ScrubResult result = Scrubber::scrub(parse("{\"extra\": {\"user_ssn\": \"078-05-1120\"}}"), options);
        QCOMPARE(at(result.event, u"/extra/user_ssn"_s).toString(), Scrubber::Mask);
    }

    void looksLikeCardNumber_matchesTheRavenPattern_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("card");
        QTest::addRow("16 digits") << u"4111111111111111"_s << true;
        QTest::addRow("spaced") << u"4111 1111 1111 1111"_s << true;
        QTest::addRow("dashed") << u"4111-1111-1111-1111"_s << true;
        QTest::addRow("13 digits") << u"4222222222222"_s << true;
        QTest::addRow("12 digits") << u"411111111111"_s << false;
        QTest::addRow("17 digits") << u"41111111111111111"_s << false;
        QTest::addRow("letters") << u"4111 1111 1111 111x"_s << false;
    }

    void looksLikeCardNumber_matchesTheRavenPattern()
    {
        QFETCH(QString, value);
        QFETCH(bool, card);
        QCOMPARE(Scrubber::looksLikeCardNumber(value), card);
    }

    void processors_listedForTheGui()
    {
        QCOMPARE(Scrubber::processors().size(), 3);
        QVERIFY(Scrubber::defaultKeys().contains(u"card_number"_s));
        QVERIFY(Scrubber::isSensitiveKey(u"HTTP_AUTHORIZATION"_s));
        QVERIFY(!Scrubber::isSensitiveKey(u"username"_s));
    }
};

QTEST_GUILESS_MAIN(TestScrubber)
#include "tst_scrubber.moc"
