// The receiver panel: its DSN and the client snippets for it, stop and start, moving to another
// port (the target follows), an address other machines can reach only after the warning is
// accepted, a taken port refused with why, and the project, keys and origins applied or refused
// with what is wrong.

#include "receiver.h"
#include "receivercontroller.h"
#include "receiverpanel.h"
#include "settings.h"
#include "testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::ReceiverController;
using SentryUi::ReceiverPanel;
using SentryUi::Settings;

class tst_ReceiverPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dsnAndSnippets_forTheRunningReceiver();
    void stopAndStart();
    void moveTo_anotherPort_targetFollows();
    void moveTo_takenPort_staysAndSaysWhy();
    void moveTo_beyondLoopback_asksFirst_data();
    void moveTo_beyondLoopback_asksFirst();
    void moveTo_notAnAddress();
    void applyConfig_data();
    void applyConfig();
    void startAtLaunch_isTheSetting();

private:
    TestSupport::Sandbox m_sandbox;
    Settings *m_settings = nullptr;
    ReceiverController *m_controller = nullptr;
    ReceiverPanel *m_panel = nullptr;
};

void tst_ReceiverPanel::initTestCase()
{
    QVERIFY(m_sandbox.isValid());
}

void tst_ReceiverPanel::init()
{
    m_settings = new Settings(m_sandbox.freshFile(u"s.ini"_s), false);
    m_settings->load();
    m_controller = new ReceiverController(m_settings, m_sandbox.filePath(u"h.sqlite"_s));
    m_controller->startAtLaunch();
    m_panel = new ReceiverPanel(m_controller, &m_settings->receiver.enabled);
    m_panel->setConfirmExposure([](QWidget *, const QString &) {
        qWarning("the exposure prompt was not expected here");
        return false;
    });
}

void tst_ReceiverPanel::cleanup()
{
    delete m_panel;
    delete m_controller;
    delete m_settings;
}

void tst_ReceiverPanel::dsnAndSnippets_forTheRunningReceiver()
{
    const QString dsn = m_controller->dsn();
    QVERIFY(!dsn.isEmpty());
    QCOMPARE(m_panel->dsnText(), dsn);
    m_panel->copyDsn();
    QCOMPARE(QApplication::clipboard()->text(), dsn);
    QComboBox *choice = m_panel->snippetChoice();
    QCOMPARE(choice->count(), 4);
    QVERIFY2(m_panel->snippetText().contains(u"Client('"_s + dsn + u"')"_s), qPrintable(m_panel->snippetText()));
    choice->setCurrentIndex(choice->findText(u"raven-node 0.6 (Node.js)"_s));
    QVERIFY2(m_panel->snippetText().contains(u"new raven.Client('"_s + dsn + u"')"_s), qPrintable(m_panel->snippetText()));
    choice->setCurrentIndex(choice->findText(u"curl"_s));
    QVERIFY2(m_panel->snippetText().startsWith(u"curl "_s), qPrintable(m_panel->snippetText()));
    QVERIFY(m_panel->snippetText().contains(u"127.0.0.1:%1/api/1/store/"_s.arg(m_controller->receiver()->port())));
    m_panel->copySnippet();
    QCOMPARE(QApplication::clipboard()->text(), m_panel->snippetText());
}

void tst_ReceiverPanel::stopAndStart()
{
    m_panel->toggleRunning();
    QCOMPARE(m_controller->state(), ReceiverController::State::Stopped);
    QCOMPARE(m_panel->findChild<QLabel *>(u"receiverStatus"_s)->text(), u"Receiver stopped"_s);
    QCOMPARE(m_panel->dsnText(), QString());
    QCOMPARE(m_panel->snippetChoice()->count(), 0);
    m_panel->toggleRunning();
    QCOMPARE(m_controller->state(), ReceiverController::State::Listening);
    QCOMPARE(m_panel->dsnText(), m_controller->dsn());
    QCOMPARE(m_panel->snippetChoice()->count(), 4);
}

void tst_ReceiverPanel::moveTo_anotherPort_targetFollows()
{
    QSignalSpy followed(m_controller, &ReceiverController::dsnChanged);
    const quint16 before = m_controller->receiver()->port();
    QVERIFY(m_panel->moveTo(u"127.0.0.1"_s, 0));
    const quint16 after = m_controller->receiver()->port();
    QVERIFY(after != before);
    QCOMPARE(m_settings->receiver.port, after);
    QCOMPARE(followed.size(), 1);
    QVERIFY(followed.at(0).at(1).toString().contains(u":%1/1"_s.arg(after)));
    QVERIFY(m_panel->dsnText().contains(u":%1/1"_s.arg(after)));
    QCOMPARE(m_panel->errorText(), QString());
}

void tst_ReceiverPanel::moveTo_takenPort_staysAndSaysWhy()
{
    const quint16 before = m_controller->receiver()->port();
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QVERIFY(!m_panel->moveTo(u"127.0.0.1"_s, taken.serverPort()));
    QVERIFY2(m_panel->errorText().contains(u"cannot listen on 127.0.0.1:%1"_s.arg(taken.serverPort()))
                 && m_panel->errorText().contains(u"choose another port"_s), qPrintable(m_panel->errorText()));
    QCOMPARE(m_controller->receiver()->port(), before);
    QCOMPARE(m_controller->state(), ReceiverController::State::Listening);
}

void tst_ReceiverPanel::moveTo_beyondLoopback_asksFirst_data()
{
    QTest::addColumn<bool>("accept");
    QTest::newRow("declined") << false;
    QTest::newRow("accepted") << true;
}

// 192.0.2.1 (TEST-NET-1) is never an address of this machine: accepted, the listen fails and the
// receiver stays where it was, so the test never opens a port to the network.
void tst_ReceiverPanel::moveTo_beyondLoopback_asksFirst()
{
    QFETCH(bool, accept);
    QString asked;
    m_panel->setConfirmExposure([&asked, accept](QWidget *, const QString &address) {
        asked = address;
        return accept;
    });
    const quint16 before = m_controller->receiver()->port();
    QVERIFY(!m_panel->moveTo(u"192.0.2.1"_s, 0));
    QCOMPARE(asked, u"192.0.2.1"_s);
    const QString expected = accept ? u"cannot listen on 192.0.2.1:0"_s : u"Not moved: 192.0.2.1 would let other machines"_s;
    QVERIFY2(m_panel->errorText().contains(expected), qPrintable(m_panel->errorText()));
    QCOMPARE(m_controller->receiver()->port(), before);
    asked.clear();
    QVERIFY(m_panel->moveTo(u"::1"_s, 0) || m_panel->errorText().contains(u"::1"_s)); // loopback: no question
    QCOMPARE(asked, QString());
}

void tst_ReceiverPanel::moveTo_notAnAddress()
{
    QVERIFY(!m_panel->moveTo(u"example.com"_s, 9000));
    QCOMPARE(m_panel->errorText(), u"The address must be an IP address such as 127.0.0.1 or ::1, not 'example.com'."_s);
}

void tst_ReceiverPanel::applyConfig_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QString>("origins");
    QTest::addColumn<QString>("error"); // empty: applied
    QTest::newRow("applied") << u"7:web"_s << u"pub:sec\n\nbrowser\n"_s << u"https://app.example\n"_s << QString();
    QTest::newRow("bad project") << u"7/8"_s << u"pub:sec"_s << QString()
                                 << u"Project must be ID or ID:SLUG (e.g. 1 or 1:web), not '7/8'."_s;
    QTest::newRow("bad key") << u"7"_s << u"pub:sec\na=b"_s << QString()
                             << u"Keys: the line must be PUBLIC or PUBLIC:SECRET without ',' or '=', not 'a=b'."_s;
    QTest::newRow("no key") << u"7"_s << u"  \n"_s << QString()
                            << u"Keys: give at least one key, PUBLIC:SECRET on a line (the first is in the DSN)."_s;
}

void tst_ReceiverPanel::applyConfig()
{
    QFETCH(QString, project);
    QFETCH(QString, keys);
    QFETCH(QString, origins);
    QFETCH(QString, error);
    const QString dsnBefore = m_controller->dsn();
    m_panel->projectEdit()->setText(project);
    m_panel->keysEdit()->setPlainText(keys);
    m_panel->originsEdit()->setPlainText(origins);
    QCOMPARE(m_panel->applyConfig(), error.isEmpty());
    QCOMPARE(m_panel->errorText(), error);
    if (!error.isEmpty()) {
        QCOMPARE(m_controller->dsn(), dsnBefore);
        return;
    }
    const Sentry::ReceiverProject applied = m_controller->receiver()->config().projects.first();
    QCOMPARE(applied.toText(), u"7:web"_s);
    QCOMPARE(applied.keys.size(), 2);
    QCOMPARE(applied.origins, QStringList{u"https://app.example"_s});
    QCOMPARE(m_panel->dsnText(), u"http://pub:sec@127.0.0.1:%1/7"_s.arg(m_controller->receiver()->port()));
    QCOMPARE(m_panel->keysEdit()->toPlainText(), u"pub:sec\nbrowser"_s); // as applied, blank lines gone
}

void tst_ReceiverPanel::startAtLaunch_isTheSetting()
{
    QVERIFY(m_panel->startAtLaunchBox()->isChecked());
    m_panel->startAtLaunchBox()->setChecked(false);
    QVERIFY(!m_settings->receiver.enabled);
}

QTEST_MAIN(tst_ReceiverPanel)
#include "tst_receiverpanel.moc"
