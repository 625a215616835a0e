// The embedded receiver's start-up: a first start listens on loopback with generated keys and
// points the Local receiver target at it (selected); the next start reuses port and keys; a
// remembered port that is taken moves to a free one and the target follows; turned off in the
// settings it does not start; settings from before the receiver get a target of their own; a
// config change is applied and remembered, and the target follows its first key.

#include "history.h"
#include "historywriter.h"
#include "receiver.h"
#include "receivercontroller.h"
#include "settings.h"
#include "testsupport.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::ReceiverController;
using SentryUi::Settings;

namespace {
QString targetDsn(const Settings &settings, const QString &id)
{
    for (const SentryUi::Target &target : settings.targets) {
        if (target.id == id)
            return target.dsn;
    }
    return u"(no target %1)"_s.arg(id);
}
} // namespace

class tst_ReceiverController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstStart_loopbackGeneratedKeysTargetSelected();
    void nextStart_reusesPortAndKeys();
    void portTaken_movesToAFreeOneAndTheTargetFollows();
    void turnedOff_doesNotStart();
    void settingsFromBefore_getTheirOwnTarget();
    void settingsFromBefore_theirLocalReceiverFollowsInPlace();
    void setConfig_appliedRememberedAndFollowed();
    void listenOn_failureKeepsListeningWhereItWas();
    void history_isTheGivenDatabase();

private:
    std::unique_ptr<Settings> freshSettings();
    TestSupport::Sandbox m_sandbox;
    QString m_ini;
    QString m_db;
};

void tst_ReceiverController::initTestCase()
{
    QVERIFY(m_sandbox.isValid());
    m_db = m_sandbox.filePath(u"history.sqlite"_s);
}

std::unique_ptr<Settings> tst_ReceiverController::freshSettings()
{
    m_ini = m_sandbox.freshFile(u"s.ini"_s);
    auto settings = std::make_unique<Settings>(m_ini, false);
    settings->load();
    return settings;
}

void tst_ReceiverController::firstStart_loopbackGeneratedKeysTargetSelected()
{
    auto settings = freshSettings();
    QCOMPARE(settings->targets.size(), 1);
    QCOMPARE(settings->receiver.targetId, settings->targets.first().id);
    ReceiverController controller(settings.get(), m_db);
    QSignalSpy followed(&controller, &ReceiverController::dsnChanged);
    controller.startAtLaunch();
    QCOMPARE(controller.state(), ReceiverController::State::Listening);
    QCOMPARE(controller.receiver()->address(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(controller.receiver()->port() != 0);
    QCOMPARE(controller.statusText(), u"Receiver listening on 127.0.0.1:%1"_s.arg(controller.receiver()->port()));
    QCOMPARE(settings->receiver.port, controller.receiver()->port());
    QCOMPARE(settings->receiver.keys.size(), 1);
    QVERIFY2(settings->receiver.keys.first().contains(u':'), "a pair: public and secret");
    QCOMPARE(targetDsn(*settings, settings->receiver.targetId), controller.dsn());
    QVERIFY(controller.dsn().startsWith(u"http://"_s + settings->receiver.keys.first() + u"@127.0.0.1:"_s));
    QCOMPARE(followed.size(), 1);
    QCOMPARE(followed.at(0).at(0).toString(), settings->receiver.targetId);
    settings->save();
}

void tst_ReceiverController::nextStart_reusesPortAndKeys()
{
    QString dsn;
    auto settings = freshSettings();
    {
        ReceiverController first(settings.get(), m_db);
        first.startAtLaunch();
        dsn = first.dsn();
        // Not saved by the window: remembered as soon as chosen, as after a crash.
    }
    Settings reread(m_ini, false);
    reread.load();
    ReceiverController next(&reread, m_db);
    next.startAtLaunch();
    QCOMPARE(next.dsn(), dsn);
    QCOMPARE(targetDsn(reread, reread.receiver.targetId), dsn); // the default target made again follows
}

void tst_ReceiverController::portTaken_movesToAFreeOneAndTheTargetFollows()
{
    auto settings = freshSettings();
    QTcpServer taken; // another program on the remembered port
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    settings->receiver.port = taken.serverPort();
    ReceiverController controller(settings.get(), m_db);
    controller.startAtLaunch();
    QCOMPARE(controller.state(), ReceiverController::State::Listening);
    QVERIFY(controller.receiver()->port() != taken.serverPort());
    QCOMPARE(settings->receiver.port, controller.receiver()->port());
    QVERIFY(targetDsn(*settings, settings->receiver.targetId).contains(u":%1/1"_s.arg(controller.receiver()->port())));
}

void tst_ReceiverController::turnedOff_doesNotStart()
{
    auto settings = freshSettings();
    settings->receiver.enabled = false;
    settings->save();
    Settings reread(m_ini, false);
    reread.load();
    QVERIFY(!reread.receiver.enabled);
    ReceiverController controller(&reread, m_db);
    controller.startAtLaunch();
    QCOMPARE(controller.state(), ReceiverController::State::Stopped);
    QVERIFY(!controller.receiver()->isListening());
    QCOMPARE(controller.statusText(), u"Receiver stopped"_s);
    QCOMPARE(controller.dsn(), QString());
    QVERIFY(controller.start()); // still there to start by hand
    QCOMPARE(controller.state(), ReceiverController::State::Listening);
}

void tst_ReceiverController::settingsFromBefore_getTheirOwnTarget()
{
    auto settings = freshSettings();
    settings->targets = {{u"prod"_s, u"Production"_s, u"https://k@sentry.example/2"_s}};
    settings->receiver.targetId.clear();
    settings->currentTargetId = u"prod"_s;
    ReceiverController controller(settings.get(), m_db);
    controller.startAtLaunch();
    QCOMPARE(settings->targets.size(), 2);
    QCOMPARE(settings->targets.at(1).name, u"Local receiver"_s);
    QCOMPARE(settings->targets.at(1).dsn, controller.dsn());
    QCOMPARE(settings->currentTargetId, settings->targets.at(1).id);
    QCOMPARE(settings->targets.at(0).dsn, u"https://k@sentry.example/2"_s); // others untouched
}

// A settings file as the versions before the embedded receiver wrote it: their default target,
// "Local receiver" on port 9000 (its secret in the keyring), beside the user's own; no receiver
// group. That target follows the receiver, keeping its id and place; no second one is added.
void tst_ReceiverController::settingsFromBefore_theirLocalReceiverFollowsInPlace()
{
    m_ini = m_sandbox.freshFile(u"s.ini"_s);
    {
        QSettings old(m_ini, QSettings::IniFormat);
        old.beginWriteArray(u"targets"_s, 2);
        old.setArrayIndex(0);
        old.setValue(u"id"_s, u"old-local"_s);
        old.setValue(u"name"_s, u"Local receiver"_s);
        old.setValue(u"dsn"_s, u"http://public@127.0.0.1:9000/1"_s);
        old.setArrayIndex(1);
        old.setValue(u"id"_s, u"prod"_s);
        old.setValue(u"name"_s, u"Production"_s);
        old.setValue(u"dsn"_s, u"https://k@sentry.example/2"_s);
        old.endArray();
        old.setValue(u"current_target"_s, u"prod"_s);
        old.setValue(u"theme"_s, u"dark"_s);
    }
    Settings settings(m_ini, false);
    settings.load();
    QCOMPARE(settings.receiver.targetId, u"old-local"_s);
    ReceiverController controller(&settings, m_db);
    controller.startAtLaunch();
    QCOMPARE(controller.state(), ReceiverController::State::Listening);
    QCOMPARE(settings.targets.size(), 2);
    QCOMPARE(settings.targets.at(0).id, u"old-local"_s);
    QCOMPARE(settings.targets.at(0).name, u"Local receiver"_s);
    QCOMPARE(settings.targets.at(0).dsn, controller.dsn());
    QCOMPARE(settings.targets.at(1).dsn, u"https://k@sentry.example/2"_s); // others untouched
    QCOMPARE(settings.currentTargetId, u"prod"_s); // the user's choice stands
    settings.save();

    Settings next(m_ini, false); // the next start: still one, still following
    next.load();
    QCOMPARE(next.targets.size(), 2);
    QCOMPARE(next.receiver.targetId, u"old-local"_s);
}

void tst_ReceiverController::setConfig_appliedRememberedAndFollowed()
{
    auto settings = freshSettings();
    ReceiverController controller(settings.get(), m_db);
    controller.startAtLaunch();
    Sentry::ReceiverConfig config = controller.config();
    config.projects.first().id = u"42"_s;
    config.projects.first().slug = u"web"_s;
    config.projects.first().keys = {{u"pub"_s, u"sec"_s}, {u"browser"_s, QString()}};
    config.projects.first().origins = {u"https://app.example"_s};
    QSignalSpy followed(&controller, &ReceiverController::dsnChanged);
    controller.setConfig(config);
    QCOMPARE(controller.receiver()->config().projects.first().id, u"42"_s);
    QCOMPARE(settings->receiver.project, u"42:web"_s);
    QCOMPARE(settings->receiver.keys, (QStringList{u"pub:sec"_s, u"browser"_s}));
    QCOMPARE(settings->receiver.origins, QStringList{u"https://app.example"_s});
    QCOMPARE(followed.size(), 1);
    QCOMPARE(controller.dsn(), u"http://pub:sec@127.0.0.1:%1/42"_s.arg(controller.receiver()->port()));
    QCOMPARE(targetDsn(*settings, settings->receiver.targetId), controller.dsn());
    const Sentry::ReceiverConfig reread = ReceiverController::configFromSettings(settings.get());
    QCOMPARE(reread.projects.first().toText(), u"42:web"_s);
    QCOMPARE(reread.projects.first().keys.size(), 2);
}

void tst_ReceiverController::listenOn_failureKeepsListeningWhereItWas()
{
    auto settings = freshSettings();
    ReceiverController controller(settings.get(), m_db);
    controller.startAtLaunch();
    const quint16 port = controller.receiver()->port();
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QVERIFY(!controller.listenOn({QHostAddress(QHostAddress::LocalHost), taken.serverPort()}));
    QVERIFY2(controller.errorString().contains(u"cannot listen on 127.0.0.1:%1"_s.arg(taken.serverPort())),
             qPrintable(controller.errorString()));
    QCOMPARE(controller.state(), ReceiverController::State::Listening);
    QCOMPARE(controller.receiver()->port(), port);
    QVERIFY(controller.listenOn({QHostAddress(QHostAddress::LocalHost), 0}));
    QVERIFY(controller.receiver()->port() != port);
    QCOMPARE(settings->receiver.port, controller.receiver()->port());
}

void tst_ReceiverController::history_isTheGivenDatabase()
{
    auto settings = freshSettings();
    ReceiverController controller(settings.get(), m_db);
    QCOMPARE(controller.historyPath(), m_db);
    QVERIFY(controller.historyWriter());
    QCOMPARE(controller.historyWriter()->path(), m_db);
    QCOMPARE(controller.historyError(), QString());
    QFile plain(m_sandbox.freshFile(u"plain-file"_s)); // a file where the folder should be
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    ReceiverController nowhere(settings.get(), plain.fileName() + u"/not-a-folder/h.sqlite"_s);
    QVERIFY(!nowhere.historyWriter());
    QVERIFY2(nowhere.historyError().contains(u"not-a-folder"_s), qPrintable(nowhere.historyError()));
}

QTEST_MAIN(tst_ReceiverController)
#include "tst_receivercontroller.moc"
