#include "composerpanel.h"
#include "eventdocument.h"
#include "filecontroller.h"
#include "mainwindow.h"
#include "responsepanel.h"
#include "samplecatalog.h"
#include "networkaccess.h"
#include "sendresult.h"
#include "settings.h"
#include "headersmodel.h"
#include "targetpanel.h"
#include "targetsettingseditor.h"
#include "validationpanel.h"
#include "testsupport.h"

#include <QApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;
using SentryUi::FileController;
using SentryUi::MainWindow;
using SentryUi::Settings;

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void openAndSave_roundTripBytes();
    void title_marksUnsavedChanges();
    void maybeSave_followsTheAnswer_data();
    void maybeSave_followsTheAnswer();
    void close_isRefusedWhenCancelled();
    void close_remembersTheWindowState();
    void drop_opensAJsonFile_data();
    void drop_opensAJsonFile();
    void templateMenu_listsEveryManifestEntry();
    void newFromTemplate_loadsASampleUntitled();
    void format_keepsKeyOrderAsOneUndoStep();
    void findingActivation_revealsTheComposerField();
    void send_withoutTarget_reportsWhy();
    void send_toLoopbackServer_fillsTheResponse();
    void send_usesTheTargetsSettings();

private:
    TestSupport::Sandbox m_dir;
    Settings *m_settings = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_settings = new Settings(m_dir.freshFile(u"s.ini"_s), false);
    m_settings->load();
    m_network = new QNetworkAccessManager;
    Sentry::prepareNetworkAccess(m_network); // as app/gui/main.cpp sets it up
    m_window = new MainWindow(m_settings, m_network);
    m_window->files()->setSavePrompt([](const QString &) { return QMessageBox::Cancel; });
    m_window->files()->setFilePrompt([](bool, const QString &) { return QString(); });
}

void TestMainWindow::cleanup()
{
    m_window->document()->setModified(false);
    delete m_window;
    delete m_network;
    delete m_settings;
}

void TestMainWindow::openAndSave_roundTripBytes()
{
    const QString path = m_dir.filePath(u"in.json"_s);
    const QByteArray bytes = "{\"zeta\": 1, \"message\": \"hello\", \"x_unknown\": [true]}";
    QVERIFY(writeFile(path, bytes));
    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_window->document()->json(), bytes);
    QCOMPARE(m_settings->recentFiles.value(0), path);

    const QString out = m_dir.filePath(u"out.json"_s);
    QVERIFY(m_window->files()->saveTo(out));
    QCOMPARE(readFile(out), bytes);
    QCOMPARE(m_window->document()->filePath(), out);
}

void TestMainWindow::title_marksUnsavedChanges()
{
    const QString path = m_dir.filePath(u"title.json"_s);
    QVERIFY(writeFile(path, "{}"));
    QVERIFY(m_window->openFile(path));
    QVERIFY(m_window->windowTitle().startsWith(u"title.json[*]"_s));
    QVERIFY(!m_window->isWindowModified());
    m_window->document()->setText(u"{\"message\": \"x\"}"_s);
    QVERIFY(m_window->isWindowModified());
    m_window->document()->textDocument()->undo();
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::maybeSave_followsTheAnswer_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("proceeds");
    QTest::addColumn<bool>("savedToDisk");
    QTest::newRow("save") << QMessageBox::Save << true << true;
    QTest::newRow("discard") << QMessageBox::Discard << true << false;
    QTest::newRow("cancel") << QMessageBox::Cancel << false << false;
}

void TestMainWindow::maybeSave_followsTheAnswer()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, proceeds);
    QFETCH(bool, savedToDisk);
    const QString path = m_dir.filePath(u"prompt.json"_s);
    QVERIFY(writeFile(path, "{}"));
    QVERIFY(m_window->openFile(path));
    int asked = 0;
    m_window->files()->setSavePrompt([&asked, answer](const QString &name) {
        ++asked;
        return name == "prompt.json"_L1 ? answer : QMessageBox::Cancel;
    });
    QVERIFY(m_window->files()->newDocument()); // unmodified: nobody is asked
    QCOMPARE(asked, 0);
    QVERIFY(m_window->openFile(path));
    m_window->document()->setText(u"{\"edited\": true}"_s);

    QCOMPARE(m_window->files()->newDocument(), proceeds);
    QCOMPARE(asked, 1);
    QCOMPARE(readFile(path) == "{\"edited\": true}", savedToDisk);
    QCOMPARE(m_window->document()->filePath().isEmpty(), proceeds);
}

void TestMainWindow::close_isRefusedWhenCancelled()
{
    m_window->show();
    m_window->document()->setText(u"{\"unsaved\": 1}"_s);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
}

void TestMainWindow::close_remembersTheWindowState()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->close());
    Settings reread(m_dir.filePath(u"s.ini"_s), false);
    reread.load();
    QVERIFY(!reread.windowState.isEmpty());
    QVERIFY(!reread.windowGeometry.isEmpty());
    const auto docks = m_window->findChildren<QDockWidget *>();
    QVERIFY(docks.size() >= 4);
    for (const QDockWidget *dock : docks)
        QVERIFY2(!dock->objectName().isEmpty(), "restoreState needs object names");
}

void TestMainWindow::drop_opensAJsonFile_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("json") << u"dropped.json"_s << true;
    QTest::newRow("upper-case suffix") << u"DROPPED.JSON"_s << true;
    QTest::newRow("text file") << u"notes.txt"_s << false;
}

void TestMainWindow::drop_opensAJsonFile()
{
    QFETCH(QString, fileName);
    QFETCH(bool, accepted);
    const QString path = m_dir.filePath(fileName);
    QVERIFY(writeFile(path, "{\"message\": \"dropped\"}"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window, &enter);
    QCOMPARE(enter.isAccepted(), accepted);
    if (!accepted)
        return;
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window, &drop);
    QCOMPARE(m_window->document()->text(), u"{\"message\": \"dropped\"}"_s);
    QCOMPARE(m_window->document()->displayName(), fileName);
}

void TestMainWindow::templateMenu_listsEveryManifestEntry()
{
    const QJsonArray manifest
        = QJsonDocument::fromJson(readFile(QStringLiteral(SENTRY_SAMPLES_DIR "/manifest.json")))
              .array();
    QVERIFY(!manifest.isEmpty());
    const QList<SentryUi::Sample> samples = SentryUi::SampleCatalog::load();
    QCOMPARE(samples.size(), manifest.size());
    for (const SentryUi::Sample &sample : samples) {
        QString error;
        QVERIFY2(!SentryUi::SampleCatalog::read(sample, &error).isEmpty(), qPrintable(error));
    }
    const auto menus = m_window->findChildren<QMenu *>();
    const auto menu = std::find_if(menus.begin(), menus.end(), [](const QMenu *m) {
        return m->title().contains(u"Template"_s);
    });
    QVERIFY(menu != menus.end());
    QCOMPARE((*menu)->actions().size(), manifest.size());
}

void TestMainWindow::newFromTemplate_loadsASampleUntitled()
{
    const QList<SentryUi::Sample> samples = SentryUi::SampleCatalog::load();
    if (samples.isEmpty())
        QSKIP("resources/samples is empty in this build");
    QVERIFY(m_window->files()->newFromTemplate(samples.first()));
    QVERIFY(m_window->document()->object().has_value());
    QVERIFY(m_window->document()->filePath().isEmpty());
    QVERIFY(!m_window->document()->isModified());
}

void TestMainWindow::format_keepsKeyOrderAsOneUndoStep()
{
    const QString minified = u"{\"zeta\":1,\"alpha\":{\"b\":2,\"a\":3}}"_s;
    m_window->document()->setText(minified);
    m_window->formatJson();
    const QString formatted = m_window->document()->text();
    QVERIFY(formatted.contains(u'\n'));
    QVERIFY(formatted.indexOf(u"zeta"_s) < formatted.indexOf(u"alpha"_s));
    QVERIFY(formatted.indexOf(u"\"b\""_s) < formatted.indexOf(u"\"a\""_s));
    m_window->minifyJson();
    QCOMPARE(m_window->document()->text(), minified);
    m_window->document()->textDocument()->undo();
    QCOMPARE(m_window->document()->text(), formatted);
}

void TestMainWindow::findingActivation_revealsTheComposerField()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->document()->setText(u"{\"message\": 42, \"level\": \"error\"}"_s);
    m_window->composerPanel()->refreshForm();
    QWidget *field = m_window->composerPanel()->fieldForPath(u"/message"_s);
    QVERIFY(field);
    Q_EMIT m_window->validationPanel()->findingActivated(u"/message"_s, -1);
    QTRY_COMPARE(QApplication::focusWidget(), field);
}

void TestMainWindow::send_withoutTarget_reportsWhy()
{
    m_window->targetPanel()->setDsnText(u"not a dsn"_s);
    m_window->send();
    QTRY_VERIFY(m_window->findChild<QMessageBox *>() != nullptr);
    QVERIFY(!m_window->responsePanel()->isBusy());
}

void TestMainWindow::send_toLoopbackServer_fillsTheResponse()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&server, &QTcpServer::newConnection, this, [&server, &received] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
            received += socket->readAll();
            const qsizetype headerEnd = received.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray body = "{\"id\": \"fc6d8c0c43fc4630ad850ee518f1b9d0\"}";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                          + body);
            socket->disconnectFromHost();
        });
    });
    m_window->targetPanel()->setDsnText(
        u"http://public:secret@127.0.0.1:%1/1"_s.arg(server.serverPort()));
    m_window->document()->setText(
        u"{\"event_id\": \"fc6d8c0c43fc4630ad850ee518f1b9d0\", \"message\": \"hi\", "
        "\"level\": \"error\", \"logger\": \"root\", \"timestamp\": \"2013-01-01T00:00:00\"}"_s);
    QSignalSpy finished(m_window->responsePanel(), &SentryUi::ResponsePanel::sendFinished);
    m_window->send();
    QVERIFY(finished.wait(10000));
    QVERIFY(received.startsWith("POST /api/1/store/ "));
    QVERIFY(received.contains("X-Sentry-Auth: Sentry sentry_version=4"));
    QVERIFY(!m_window->responsePanel()->isBusy());
}

// The target's extra headers and client go on the wire, and its timeout is the deadline, with a
// verdict that says the server was reached and did not answer.
void TestMainWindow::send_usesTheTargetsSettings()
{
    QTcpServer server; // accepts, reads, never answers
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&server, &QTcpServer::newConnection, this, [&server, &received] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] { received += socket->readAll(); });
    });
    SentryUi::TargetPanel *target = m_window->targetPanel();
    target->setDsnText(u"http://public:secret@127.0.0.1:%1/1?timeout=30"_s.arg(server.serverPort()));
    auto *headers = target->settingsEditor()->headersModel();
    headers->insertRows(0, 2);
    headers->setData(headers->index(0, 0), u"Origin"_s);
    headers->setData(headers->index(0, 1), u"https://app.example.com"_s);
    headers->setData(headers->index(1, 0), u"X-Debug"_s);
    headers->setData(headers->index(1, 1), u"1"_s);
    auto *client = target->findChild<QLineEdit *>(u"client"_s);
    client->setText(u"raven-js/1.1.0"_s);
    client->textEdited(client->text());
    target->findChild<QDoubleSpinBox *>(u"timeout"_s)->setValue(0.4); // over the DSN's 30 s
    m_window->document()->setText(u"{\"message\": \"hi\"}"_s);
    QSignalSpy finished(m_window->responsePanel(), &SentryUi::ResponsePanel::sendFinished);
    m_window->send();
    QVERIFY(finished.wait(10000));
    QVERIFY2(received.contains("\r\nOrigin: https://app.example.com\r\n"), received.constData());
    QVERIFY(received.contains("\r\nX-Debug: 1\r\n"));
    QVERIFY(received.contains("sentry_client=raven-js/1.1.0"));
    QVERIFY(received.contains("\r\nUser-Agent: raven-js/1.1.0\r\n"));
    const auto result = finished.at(0).at(0).value<Sentry::SendResult>();
    QCOMPARE(Sentry::verdictName(result.verdict), Sentry::verdictName(Sentry::Verdict::Timeout));
    const QString words = u"Connected to 127.0.0.1:%1 and sent the request, but no answer came within 400 ms"_s
                              .arg(server.serverPort());
    QVERIFY2(m_window->responsePanel()->verdictText().contains(words),
             qPrintable(m_window->responsePanel()->verdictText()));
    QVERIFY(result.elapsedMs < 10000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
