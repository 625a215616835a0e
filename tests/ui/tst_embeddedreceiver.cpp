// The window with its embedded receiver, end to end: an event sent from the window to the
// Local receiver target shows up in the history list (received and sent) within a second; one
// sent by another process (the CLI's `send`, writing the same database) shows up too; a
// remembered port that is taken at start moves and the target follows; turned off, the receiver
// is not started and the status bar says so.

#include "historymodel.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "networkaccess.h"
#include "receiver.h"
#include "receivercontroller.h"
#include "responsepanel.h"
#include "sendresult.h"
#include "settings.h"
#include "targetpanel.h"
#include "eventdocument.h"
#include "filecontroller.h"
#include "testsupport.h"
#include "../cli/cliprocess.h"

#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using SentryUi::HistoryModel;
using SentryUi::MainWindow;
using SentryUi::ReceiverController;
using SentryUi::Settings;

namespace {

QByteArray eventJson(const QString &message)
{
    return u"{\"event_id\": \"%1\", \"message\": \"%2\", \"level\": \"warning\", \"logger\": \"test\", "
           "\"platform\": \"other\", \"timestamp\": \"%3\"}"_s
        .arg(QUuid::createUuid().toString(QUuid::Id128), message,
             QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ss"_s))
        .toUtf8();
}

// The directions ("received"/"sent") of the listed rows with this message.
QStringList directionsOf(const HistoryModel *model, const QString &message)
{
    QStringList directions;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->summary(row).message == message)
            directions.append(model->index(row, HistoryModel::DirectionColumn).data().toString());
    }
    directions.sort();
    return directions;
}

} // namespace

class tst_EmbeddedReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void send_toTheLocalReceiver_listedWithinASecond();
    void cliSend_fromAnotherProcess_listed();
    void portTakenAtStart_movesAndTheTargetFollows();
    void turnedOff_notStartedAndTheStatusBarSaysSo();

private:
    void createWindow();
    QString statusText() const;

    TestSupport::Sandbox m_sandbox;
    Settings *m_settings = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    MainWindow *m_window = nullptr;
};

void tst_EmbeddedReceiver::initTestCase()
{
    QVERIFY(m_sandbox.isValid());
}

void tst_EmbeddedReceiver::init()
{
    m_settings = new Settings(m_sandbox.freshFile(u"s.ini"_s), false);
    m_settings->load();
    m_network = new QNetworkAccessManager;
    Sentry::prepareNetworkAccess(m_network);
}

void tst_EmbeddedReceiver::createWindow()
{
    // A database of its own (the CLI below is pointed at it with --db): parallel tests and
    // other builds never share one.
    m_window = new MainWindow(m_settings, m_network, m_sandbox.filePath(u"history.sqlite"_s));
    m_window->files()->setSavePrompt([](const QString &) { return QMessageBox::Cancel; });
}

void tst_EmbeddedReceiver::cleanup()
{
    if (m_window)
        m_window->document()->setModified(false);
    delete m_window;
    m_window = nullptr;
    delete m_network;
    delete m_settings;
}

QString tst_EmbeddedReceiver::statusText() const
{
    return m_window->statusBar()->findChild<QToolButton *>(u"receiverStatus"_s)->text();
}

void tst_EmbeddedReceiver::send_toTheLocalReceiver_listedWithinASecond()
{
    createWindow();
    ReceiverController *receiver = m_window->receiverController();
    QCOMPARE(receiver->state(), ReceiverController::State::Listening);
    QCOMPARE(m_window->targetPanel()->dsnText(), receiver->dsn()); // the selected target
    QCOMPARE(statusText(), u"Receiver listening on 127.0.0.1:%1"_s.arg(receiver->receiver()->port()));
    HistoryModel *list = m_window->historyPanel()->model();
    QTRY_VERIFY(!list->isBusy());
    m_window->document()->setText(QString::fromUtf8(eventJson(u"hello receiver"_s)));
    QSignalSpy finished(m_window->responsePanel(), &SentryUi::ResponsePanel::sendFinished);
    m_window->send();
    QVERIFY(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<Sentry::SendResult>();
    QCOMPARE(Sentry::verdictName(result.verdict), Sentry::verdictName(Sentry::Verdict::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(directionsOf(list, u"hello receiver"_s), (QStringList{u"received"_s, u"sent"_s}), 1000);
    for (int row = 0; row < 2; ++row) // both name the DSN's project, so the project filter finds both
        QCOMPARE(list->summary(row).project, u"1"_s);
}

void tst_EmbeddedReceiver::cliSend_fromAnotherProcess_listed()
{
    createWindow();
    ReceiverController *receiver = m_window->receiverController();
    const QString file = m_sandbox.freshFile(u"event.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(eventJson(u"hello from the cli"_s));
    out.close();
    QProcess cli; // asynchronous: this process's receiver answers it meanwhile
    cli.setProcessEnvironment(isolatedEnvironment());
    cli.start(QStringLiteral(SENTRY_CLI_PATH),
              {u"send"_s, u"--dsn"_s, receiver->dsn(), u"--db"_s, receiver->historyPath(), file});
    QSignalSpy done(&cli, &QProcess::finished);
    QVERIFY(done.wait(30000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    // "received" at once (this receiver stored it); "sent" only the CLI wrote: found by polling.
    QTRY_COMPARE_WITH_TIMEOUT(directionsOf(m_window->historyPanel()->model(), u"hello from the cli"_s),
                              (QStringList{u"received"_s, u"sent"_s}), HistoryModel::DefaultPollMs * 5);
}

void tst_EmbeddedReceiver::portTakenAtStart_movesAndTheTargetFollows()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    m_settings->receiver.port = taken.serverPort();
    createWindow();
    const quint16 port = m_window->receiverController()->receiver()->port();
    QVERIFY(port != 0 && port != taken.serverPort());
    QVERIFY2(m_window->targetPanel()->dsnText().contains(u"@127.0.0.1:%1/1"_s.arg(port)),
             qPrintable(m_window->targetPanel()->dsnText()));
    QCOMPARE(statusText(), u"Receiver listening on 127.0.0.1:%1"_s.arg(port));
}

void tst_EmbeddedReceiver::turnedOff_notStartedAndTheStatusBarSaysSo()
{
    m_settings->receiver.enabled = false;
    createWindow();
    QVERIFY(!m_window->receiverController()->receiver()->isListening());
    QCOMPARE(statusText(), u"Receiver stopped"_s);
}

QTEST_MAIN(tst_EmbeddedReceiver)
#include "tst_embeddedreceiver.moc"
