#include "historycontroller.h"

#include "bodycodec.h"
#include "compareview.h"
#include "eventdocument.h"
#include "exchangedetail.h"
#include "exchangeiddialog.h"
#include "filecontroller.h"
#include "history.h"
#include "settings.h"

#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

Sentry::Exchange received(const QByteArray &eventJson, const QString &message)
{
    Sentry::Exchange e;
    e.at = QDateTime::currentDateTimeUtc();
    e.method = "POST";
    e.url = "/api/1/store/";
    e.requestHeaders = {{"Host", "127.0.0.1"}, {"X-Sentry-Auth", "Sentry sentry_key=pub, sentry_secret=sec"}};
    e.requestBody = Sentry::BodyCodec::encode(eventJson, Sentry::BodyEncoding::Base64Zlib);
    e.encoding = u"base64-zlib"_s;
    e.eventJson = eventJson;
    e.message = message;
    e.status = 200;
    return e;
}

} // namespace

// The window's history and replay: reopen as draft, show by id, compare.
class TestHistoryController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_window = std::make_unique<QWidget>();
        m_settings = new Settings(m_dir.freshFile(u"s.ini"_s), false, m_window.get());
        m_document = new EventDocument(m_window.get());
        m_files = new FileController(m_document, m_settings, m_window.get());
        m_controller = new HistoryController(m_files, nullptr, m_window.get());
    }
    void cleanup() { m_window.reset(); }

    void reopenAsDraft_keepsThePreviousDocumentOneUndoAway()
    {
        const QString mine = u"{\n    \"message\": \"my work\"\n}\n"_s;
        m_document->reset(u"{}"_s, m_dir.filePath(u"mine.json"_s));
        m_document->setText(mine); // unsaved work in a saved file
        QSignalSpy opened(m_controller, &HistoryController::draftOpened);
        const Sentry::Exchange e = received(R"({"message":"from the wire","level":"error"})", u"from the wire"_s);
        QVERIFY(m_controller->reopenAsDraft(e));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(m_document->object()->value(u"message"_s).toString(), u"from the wire"_s);
        QVERIFY(m_document->text().contains(u"\n    \"message\": \"from the wire\""_s)); // indented for editing
        QVERIFY(m_document->filePath().isEmpty()); // a new, unsaved document: Save never overwrites mine.json
        QVERIFY(m_document->isModified());
        m_document->textDocument()->undo();
        QCOMPARE(m_document->text(), mine);
        m_document->textDocument()->redo();
        QCOMPARE(m_document->object()->value(u"message"_s).toString(), u"from the wire"_s);
    }

    void reopenAsDraft_decodesAWireBodyWithoutEvent()
    {
        Sentry::Exchange e = received(R"({"message":"encoded"})", u"encoded"_s);
        e.eventJson.clear(); // only the body as sent
        QVERIFY(m_controller->reopenAsDraft(e));
        QCOMPARE(m_document->object()->value(u"message"_s).toString(), u"encoded"_s);
    }

    void reopenAsDraft_refusesAnExchangeWithoutEvent()
    {
        m_document->reset(u"{\"keep\": 1}"_s);
        QSignalSpy failed(m_controller, &HistoryController::failed);
        Sentry::Exchange e = received({}, {});
        e.requestBody.clear();
        e.refusal = u"body.empty"_s;
        e.id = 5;
        QVERIFY(!m_controller->reopenAsDraft(e));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"#5 carries no event to reopen (body.empty)"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(m_document->text(), u"{\"keep\": 1}"_s);
    }

    void showExchange_opensTheDetailAndComparesReplays()
    {
        Sentry::History history;
        QVERIFY(history.open(m_dir.freshFile(u"h.sqlite"_s)));
        QList<Sentry::Exchange> rows = {received(R"({"message":"a"})", u"a"_s)};
        QVERIFY(history.insert(rows));
        QList<Sentry::Exchange> replays = {received(R"({"message":"b"})", u"b"_s)};
        replays[0].replayOf = rows[0].id;
        replays[0].status = 429;
        QVERIFY(history.insert(replays));
        m_controller->setHistory(&history);

        m_controller->setIdPrompt([&](const Sentry::History *h) {
            return h == &history ? std::optional<qint64>(rows[0].id) : std::nullopt;
        });
        QVERIFY(m_controller->askForExchange());
        QCOMPARE(m_controller->detailView()->exchange().message, u"a"_s);
        QVERIFY(m_controller->detailView()->window()->isVisible());
        QCOMPARE(m_controller->detailView()->replays(), QList<qint64>{replays[0].id});

        QVERIFY(m_controller->compare(rows[0].id, replays[0].id));
        CompareView *compare = m_controller->compareView();
        QVERIFY(compare && compare->window()->isVisible());
        QVERIFY(compare->differenceCount() >= 2); // the body, the event, the status
        QVERIFY2(!compare->rows().isEmpty() && compare->rows().constFirst().left == u"# request"_s, "sections");
        // Secrets stay masked in the comparison unless the detail shows them.
        for (const auto &row : compare->rows())
            QVERIFY2(!row.left.contains(u"sentry_secret=sec"_s), qPrintable(row.left));

        QSignalSpy failed(m_controller, &HistoryController::failed);
        QVERIFY(!m_controller->showExchange(424242));
        QVERIFY(failed.at(0).at(0).toString().contains(u"there is no exchange 424242"_s));
        m_controller->setHistory(nullptr);
    }

    void exchangeIdDialog_offersRecentIdsAndRefusesOthers()
    {
        QCOMPARE(ExchangeIdDialog::parseId(u"12"_s).value_or(-1), 12);
        QCOMPARE(ExchangeIdDialog::parseId(u" #12  in POST /api/1/store/"_s).value_or(-1), 12);
        QVERIFY(!ExchangeIdDialog::parseId(u"twelve"_s));
        QVERIFY(!ExchangeIdDialog::parseId(u"0"_s));
        QVERIFY(!ExchangeIdDialog::parseId(u"12abc"_s));
        Sentry::History history;
        QVERIFY(history.open(m_dir.freshFile(u"ids.sqlite"_s)));
        QList<Sentry::Exchange> rows = {received("{}", u"x"_s), received("{}", u"y"_s)};
        QVERIFY(history.insert(rows));
        ExchangeIdDialog dialog(&history);
        QCOMPARE(dialog.recentCount(), 2);
        QCOMPARE(dialog.exchangeId().value_or(-1), rows[1].id); // the newest first
        dialog.setText(u"nope"_s);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open, saying why
        dialog.setText(u"#%1"_s.arg(rows[0].id));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.exchangeId().value_or(-1), rows[0].id);
    }

private:
    TestSupport::Sandbox m_dir;
    std::unique_ptr<QWidget> m_window;
    Settings *m_settings = nullptr;
    EventDocument *m_document = nullptr;
    FileController *m_files = nullptr;
    HistoryController *m_controller = nullptr;
};

QTEST_MAIN(TestHistoryController)
#include "tst_historycontroller.moc"
