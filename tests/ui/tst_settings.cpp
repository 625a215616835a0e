#include "secretstore.h"
#include "settings.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::SecretStore;
using SentryUi::Settings;
using SentryUi::Target;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void saveLoad_roundTripsEveryValue();
    void save_neverWritesSecretsUnlessOptedIn_data();
    void save_neverWritesSecretsUnlessOptedIn();
    void load_returnsSecretsKeptThisSession();
    void load_offersTheLocalReceiverOnFirstRun();
    void load_keepsAnEmptyTargetList();
    void saveLoad_roundTripsRequestSettingsAndDrafts();
    void load_returnsDraftSecretsKeptThisSession();
    void requestOptions_carryTheTargetsSettings();
    void addRecentFile_keepsTenMostRecentWithoutDuplicates();
    void sessionStore_saysSecretsAreNotSaved();

private:
    QString iniPath() const { return m_dir.filePath(u"settings.ini"_s); }
    TestSupport::Sandbox m_dir;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSettings::saveLoad_roundTripsEveryValue()
{
    QFile::remove(iniPath());
    {
        Settings settings(iniPath(), false);
        settings.targets = {{u"id-1"_s, u"Prod"_s, u"https://pub@example.com/1"_s},
                            {u"id-2"_s, u"Local"_s, u"http://k@127.0.0.1:9000/2"_s}};
        settings.currentTargetId = u"id-2"_s;
        settings.recentFiles = {u"/tmp/a.json"_s};
        settings.lastDirectory = u"/tmp"_s;
        settings.theme = Settings::Theme::Dark;
        settings.windowGeometry = "geometry";
        settings.windowState = "state";
        settings.save();
    }
    Settings settings(iniPath(), false);
    settings.load();
    QCOMPARE(settings.targets.size(), 2);
    QCOMPARE(settings.targets.at(1),
             (Target {u"id-2"_s, u"Local"_s, u"http://k@127.0.0.1:9000/2"_s}));
    QCOMPARE(settings.currentTargetId, u"id-2"_s);
    QCOMPARE(settings.recentFiles, QStringList {u"/tmp/a.json"_s});
    QCOMPARE(settings.lastDirectory, u"/tmp"_s);
    QCOMPARE(settings.theme, Settings::Theme::Dark);
    QCOMPARE(settings.windowGeometry, QByteArray("geometry"));
    QCOMPARE(settings.windowState, QByteArray("state"));
}

void TestSettings::save_neverWritesSecretsUnlessOptedIn_data()
{
    QTest::addColumn<bool>("plainText");
    QTest::newRow("default") << false;
    QTest::newRow("opted in") << true;
}

void TestSettings::save_neverWritesSecretsUnlessOptedIn()
{
    QFETCH(bool, plainText);
    QFile::remove(iniPath());
    Settings settings(iniPath(), false);
    settings.secretsInPlainText = plainText;
    settings.targets = {{u"id"_s, u"T"_s, u"https://pub:topsecret42@example.com/1"_s}};
    settings.save();
    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains("pub"));
    QCOMPARE(written.contains("topsecret42"), plainText);
}

void TestSettings::load_returnsSecretsKeptThisSession()
{
    QFile::remove(iniPath());
    Settings settings(iniPath(), false);
    settings.targets = {{u"id"_s, u"T"_s, u"https://pub:sec@example.com/1"_s}};
    settings.save();
    QSignalSpy loaded(&settings, &Settings::targetSecretLoaded);
    settings.load();
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(1).toString(), u"https://pub:sec@example.com/1"_s);
    QCOMPARE(settings.targets.at(0).dsn, u"https://pub:sec@example.com/1"_s);

    Settings nextSession(iniPath(), false); // a session store forgets with the process
    nextSession.load();
    QCOMPARE(nextSession.targets.at(0).dsn, u"https://pub@example.com/1"_s);
}

void TestSettings::load_offersTheLocalReceiverOnFirstRun()
{
    QFile::remove(iniPath());
    Settings settings(iniPath(), false);
    settings.load();
    QCOMPARE(settings.targets.size(), 1);
    QVERIFY(settings.targets.at(0).dsn.contains(u"127.0.0.1"_s));
    QVERIFY(!settings.targets.at(0).id.isEmpty());
}

void TestSettings::load_keepsAnEmptyTargetList()
{
    QFile::remove(iniPath());
    {
        Settings settings(iniPath(), false);
        settings.targets.clear();
        settings.save();
    }
    Settings settings(iniPath(), false);
    settings.load();
    QVERIFY(settings.targets.isEmpty()); // the user removed them all: no default comes back
}

void TestSettings::saveLoad_roundTripsRequestSettingsAndDrafts()
{
    QFile::remove(iniPath());
    Target prod {u"id-1"_s, u"Prod"_s, u"https://pub@example.com/1"_s};
    prod.timeoutMs = 7500;
    prod.client = u"raven-js/1.1.0"_s;
    prod.headers = {{u"Origin"_s, u"https://app.example.com"_s}, {u"X-Note"_s, u"a: b, c"_s}};
    prod.encoding = Sentry::BodyEncoding::Base64Zlib;
    Target draft = prod;
    draft.dsn = u"https://pub@example.com/2"_s;
    draft.timeoutMs.reset();
    draft.headers.removeFirst();
    {
        Settings settings(iniPath(), false);
        settings.targets = {prod, {u"id-2"_s, u"Local"_s, u"http://k@127.0.0.1:9000/2"_s}};
        settings.drafts = {{u"id-1"_s, draft}};
        settings.save();
    }
    Settings settings(iniPath(), false);
    settings.load();
    QCOMPARE(settings.targets.size(), 2);
    QCOMPARE(settings.targets.at(0), prod);
    QCOMPARE(settings.targets.at(1).encoding, Sentry::BodyEncoding::Json);
    QVERIFY(!settings.targets.at(1).timeoutMs);
    QCOMPARE(settings.drafts.size(), 1);
    QCOMPARE(settings.drafts.value(u"id-1"_s), draft);
}

void TestSettings::load_returnsDraftSecretsKeptThisSession()
{
    QFile::remove(iniPath());
    Settings settings(iniPath(), false);
    settings.targets = {{u"id"_s, u"T"_s, u"https://pub:sec@example.com/1"_s}};
    settings.drafts = {{u"id"_s, {u"id"_s, u"T"_s, u"https://pub:draftsecret@example.com/2"_s}}};
    settings.save();
    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("draftsecret")); // the draft's secret is a secret too
    QSignalSpy loaded(&settings, &Settings::draftSecretLoaded);
    settings.load();
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(settings.drafts.value(u"id"_s).dsn, u"https://pub:draftsecret@example.com/2"_s);
    QCOMPARE(settings.targets.at(0).dsn, u"https://pub:sec@example.com/1"_s);
}

void TestSettings::requestOptions_carryTheTargetsSettings()
{
    Target target {u"id"_s, u"T"_s, u"https://pub:sec@example.com/1"_s};
    Sentry::StoreRequestOptions options = target.requestOptions();
    QCOMPARE(options.client, QString::fromLatin1(Sentry::DefaultClient));
    QVERIFY(!options.timeoutMs);
    QVERIFY(options.extraHeaders.isEmpty());
    target.client = u" app/2.0 "_s;
    target.timeoutMs = 250;
    target.headers = {{u"Origin"_s, u"https://a"_s}, {QString(), QString()}};
    target.encoding = Sentry::BodyEncoding::Base64Zlib;
    options = target.requestOptions();
    QCOMPARE(options.client, u"app/2.0"_s);
    QCOMPARE(options.timeoutMs.value_or(0), 250);
    QCOMPARE(options.encoding, Sentry::BodyEncoding::Base64Zlib);
    // The blank row the editor adds before it is filled in is no header.
    QCOMPARE(options.extraHeaders, (QList<QPair<QByteArray, QByteArray>>{{"Origin", "https://a"}}));
}

void TestSettings::addRecentFile_keepsTenMostRecentWithoutDuplicates()
{
    Settings settings(iniPath(), false);
    for (int i = 0; i < 12; ++i)
        settings.addRecentFile(u"/e/%1.json"_s.arg(i));
    settings.addRecentFile(u"/e/5.json"_s);
    QCOMPARE(settings.recentFiles.size(), Settings::MaxRecentFiles);
    QCOMPARE(settings.recentFiles.first(), u"/e/5.json"_s);
    QCOMPARE(settings.recentFiles.count(u"/e/5.json"_s), 1);
    QCOMPARE(settings.recentFiles.at(1), u"/e/11.json"_s);
    QVERIFY(!settings.recentFiles.contains(u"/e/1.json"_s));
}

void TestSettings::sessionStore_saysSecretsAreNotSaved()
{
    Settings settings(iniPath(), false);
    QCOMPARE(settings.secretStore()->backend(), SecretStore::Backend::Session);
    QVERIFY(!settings.secretStore()->isPersistent());
    QVERIFY(settings.secretStore()->statusText().contains(u"session only"_s));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
