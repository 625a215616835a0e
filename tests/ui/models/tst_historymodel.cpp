// The history list's model: the first page, then pages to the end with no row twice (keyset
// paging by id), new rows inserted at the top and never by a reset (a burst larger than a page
// too), another writer's rows found by polling, every filter (run by SQLite) including for new
// rows, and an unreadable database reported with its path. QAbstractItemModelTester checks each.

#include "dsn.h"
#include "history.h"
#include "historymodel.h"
#include "sendresult.h"
#include "storerequest.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sentry::Exchange;
using SentryUi::HistoryModel;

namespace {

Exchange exchange(const QString &message, const QString &level = u"error"_s, int status = 200)
{
    Exchange e;
    e.at = QDateTime::currentDateTimeUtc();
    e.method = "POST";
    e.url = "/api/1/store/";
    e.client = u"raven-python/4.0.0"_s;
    e.project = u"1"_s;
    e.message = message;
    e.level = level;
    e.status = status;
    e.eventId = u"%1"_s.arg(qHash(message), 32, 16, QChar(u'0'));
    e.requestBody = R"({"message":"body of )" + message.toUtf8() + "\"}";
    e.eventJson = e.requestBody;
    return e;
}

QList<Exchange> numbered(int count, int from = 0)
{
    QList<Exchange> rows;
    for (int i = from; i < from + count; ++i)
        rows.append(exchange(u"m%1"_s.arg(i)));
    return rows;
}

QStringList messages(const HistoryModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, HistoryModel::MessageColumn).data().toString());
    return list;
}

} // namespace

class tst_HistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pages_toTheEndWithNoRowTwice();
    void newRows_insertedAtTheTopWithoutAReset();
    void newRows_burstLargerThanAPageLeavesNoGap();
    void poll_findsAnotherWritersRows();
    void filter_data();
    void filter();
    void filter_appliesToNewRows();
    void open_reportsAnUnreadableDatabase();
    void columns_showTheExchange();
    void numericLevel_listedAndFilteredByName_data();
    void numericLevel_listedAndFilteredByName();

private:
    void openModel();
    bool insert(QList<Exchange> rows);

    TestSupport::Sandbox m_sandbox;
    QString m_path;
    Sentry::History m_writer; // "another process": its own connection
    HistoryModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_HistoryModel::initTestCase()
{
    QVERIFY(m_sandbox.isValid());
}

void tst_HistoryModel::init()
{
    m_path = m_sandbox.freshFile(u"history.sqlite"_s);
    QFile::remove(m_path + u"-wal"_s);
    QFile::remove(m_path + u"-shm"_s);
    QString error;
    QVERIFY2(m_writer.open(m_path, &error), qPrintable(error));
    m_model = new HistoryModel;
    m_model->setPollInterval(0); // checks are explicit, except in the polling test
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_HistoryModel::cleanup()
{
    delete m_tester;
    delete m_model;
    m_writer.close();
}

void tst_HistoryModel::openModel()
{
    QSignalSpy loaded(m_model, &HistoryModel::loaded);
    m_model->open(m_path);
    QVERIFY(loaded.wait(5000));
}

bool tst_HistoryModel::insert(QList<Exchange> rows)
{
    QString error;
    const bool ok = m_writer.insert(rows, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

void tst_HistoryModel::pages_toTheEndWithNoRowTwice()
{
    QVERIFY(insert(numbered(600)));
    openModel();
    QCOMPARE(m_model->rowCount(), HistoryModel::PageSize);
    QCOMPARE(messages(*m_model).first(), u"m599"_s); // newest first
    for (int pages = 0; pages < 10 && m_model->rowCount() < 600; ++pages) {
        QSignalSpy loaded(m_model, &HistoryModel::loaded);
        if (m_model->canFetchMore({})) // else the model tester asked for this page already
            m_model->fetchMore({});
        QVERIFY(!m_model->canFetchMore({})); // one page at a time
        QVERIFY(loaded.wait(5000));
    }
    QCOMPARE(m_model->rowCount(), 600);
    QVERIFY(!m_model->canFetchMore({}));
    for (int row = 1; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->idAt(row), m_model->idAt(row - 1) - 1);
    QCOMPARE(messages(*m_model).last(), u"m0"_s);
    QCOMPARE(m_model->rowOfId(m_model->idAt(321)), 321);
    QCOMPARE(m_model->rowOfId(987654), -1);
}

void tst_HistoryModel::newRows_insertedAtTheTopWithoutAReset()
{
    QVERIFY(insert(numbered(10)));
    openModel();
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(insert(numbered(3, 10)));
    QSignalSpy loaded(m_model, &HistoryModel::loaded);
    m_model->checkForNew();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(m_model->rowCount(), 13);
    QCOMPARE(messages(*m_model).mid(0, 4), (QStringList{u"m12"_s, u"m11"_s, u"m10"_s, u"m9"_s}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(reset.size(), 0);
    m_model->checkForNew(); // nothing new: nothing changes
    QVERIFY(m_model->isBusy());
    QTRY_VERIFY(!m_model->isBusy());
    QCOMPARE(m_model->rowCount(), 13);
}

void tst_HistoryModel::newRows_burstLargerThanAPageLeavesNoGap()
{
    QVERIFY(insert(numbered(5)));
    openModel();
    QVERIFY(insert(numbered(HistoryModel::PageSize * 2 + 7, 5)));
    m_model->checkForNew();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), HistoryModel::PageSize * 2 + 12, 5000);
    for (int row = 1; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->idAt(row), m_model->idAt(row - 1) - 1);
}

void tst_HistoryModel::poll_findsAnotherWritersRows()
{
    openModel();
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setPollInterval(20);
    QVERIFY(insert(numbered(2)));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 2, 5000);
    QCOMPARE(messages(*m_model), (QStringList{u"m1"_s, u"m0"_s}));
}

void tst_HistoryModel::filter_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("text in the message") << u"text"_s << u"disk"_s << QStringList{u"disk full"_s};
    QTest::newRow("text in the event") << u"text"_s << u"body of quota"_s << QStringList{u"quota"_s};
    QTest::newRow("level") << u"level"_s << u"warning"_s << QStringList{u"quota"_s};
    QTest::newRow("status") << u"status"_s << u"429"_s << QStringList{u"sent one"_s};
    QTest::newRow("client prefix") << u"client"_s << u"raven-node"_s << QStringList{u"old"_s};
    QTest::newRow("project") << u"project"_s << u"web"_s << QStringList{u"old"_s};
    QTest::newRow("direction sent") << u"direction"_s << u"out"_s << QStringList{u"sent one"_s};
    QTest::newRow("last hour") << u"since"_s << u"3600"_s << QStringList{u"sent one"_s, u"quota"_s, u"disk full"_s};
    QTest::newRow("none") << u"text"_s << u"nowhere"_s << QStringList{};
}

void tst_HistoryModel::filter()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QList<Exchange> rows = {exchange(u"old"_s), exchange(u"disk full"_s), exchange(u"quota"_s, u"warning"_s),
                            exchange(u"sent one"_s, u"info"_s, 429)};
    rows[0].at = QDateTime::currentDateTimeUtc().addDays(-2);
    rows[0].client = u"raven-node/0.6.3"_s;
    rows[0].project = u"web"_s;
    rows[3].direction = Exchange::Direction::Out;
    QVERIFY(insert(rows));
    openModel();
    QCOMPARE(m_model->rowCount(), 4);
    Sentry::HistoryQuery query;
    if (field == "text"_L1)
        query.text = value;
    else if (field == "level"_L1)
        query.level = value;
    else if (field == "status"_L1)
        query.status = value.toInt();
    else if (field == "client"_L1)
        query.client = value;
    else if (field == "project"_L1)
        query.project = value;
    else if (field == "direction"_L1)
        query.direction = Exchange::Direction::Out;
    else if (field == "since"_L1)
        query.since = QDateTime::currentDateTimeUtc().addSecs(-value.toInt());
    QSignalSpy loaded(m_model, &HistoryModel::loaded);
    m_model->setFilter(query);
    QCOMPARE(m_model->rowCount(), 0); // reset at once; the rows follow
    QVERIFY(loaded.wait(5000));
    QTEST(messages(*m_model), "expected");
}

void tst_HistoryModel::filter_appliesToNewRows()
{
    QVERIFY(insert({exchange(u"w0"_s, u"warning"_s)}));
    openModel();
    Sentry::HistoryQuery warnings;
    warnings.level = u"warning"_s;
    QSignalSpy loaded(m_model, &HistoryModel::loaded);
    m_model->setFilter(warnings);
    QVERIFY(loaded.wait(5000));
    QVERIFY(insert({exchange(u"e1"_s), exchange(u"w1"_s, u"warning"_s), exchange(u"e2"_s)}));
    m_model->checkForNew();
    QTRY_COMPARE_WITH_TIMEOUT(messages(*m_model), (QStringList{u"w1"_s, u"w0"_s}), 5000);
    QVERIFY(insert({exchange(u"e3"_s)})); // skipped rows are not read again
    m_model->checkForNew();
    QTRY_VERIFY(!m_model->isBusy());
    QCOMPARE(messages(*m_model), (QStringList{u"w1"_s, u"w0"_s}));
}

void tst_HistoryModel::open_reportsAnUnreadableDatabase()
{
    const QString path = m_sandbox.freshFile(u"not-sqlite.sqlite"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QSignalSpy failed(m_model, &HistoryModel::failed);
    m_model->open(path);
    QVERIFY(failed.wait(5000));
    const QString error = failed.at(0).at(0).toString();
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(m_model->errorString(), error);
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_HistoryModel::columns_showTheExchange()
{
    Exchange e = exchange(u"first line\nsecond"_s, u"fatal"_s, 0);
    e.direction = Exchange::Direction::Out;
    e.fault = u"drop"_s;
    e.project = u"7"_s;
    QVERIFY(insert({e}));
    openModel();
    const auto cell = [this](int column, int role = Qt::DisplayRole) { return m_model->index(0, column).data(role).toString(); };
    QCOMPARE(cell(HistoryModel::DirectionColumn), u"sent"_s);
    QCOMPARE(cell(HistoryModel::MethodColumn), u"POST"_s);
    QCOMPARE(cell(HistoryModel::StatusColumn), u"no answer"_s);
    QCOMPARE(cell(HistoryModel::ClientColumn), u"raven-python/4.0.0"_s);
    QCOMPARE(cell(HistoryModel::ProjectColumn), u"7"_s);
    QCOMPARE(cell(HistoryModel::LevelColumn), u"fatal"_s);
    QCOMPARE(cell(HistoryModel::MessageColumn), u"first line"_s);
    QCOMPARE(cell(HistoryModel::MessageColumn, Qt::ToolTipRole), u"first line\nsecond"_s);
    QCOMPARE(cell(HistoryModel::EventIdColumn), e.eventId);
    QCOMPARE(cell(HistoryModel::FaultColumn), u"drop"_s);
    QCOMPARE(m_model->index(0, 0).data(HistoryModel::IdRole).toLongLong(), m_model->idAt(0));
    QCOMPARE(m_model->headerData(HistoryModel::StatusColumn, Qt::Horizontal, Qt::DisplayRole).toString(), u"Status"_s);
}

void tst_HistoryModel::numericLevel_listedAndFilteredByName_data()
{
    QTest::addColumn<QByteArray>("level");
    QTest::addColumn<QString>("listed");
    QTest::newRow("40") << QByteArray("40") << u"error"_s;
    QTest::newRow("10") << QByteArray("10") << u"debug"_s;
    QTest::newRow("50.0") << QByteArray("50.0") << u"fatal"_s;
    QTest::newRow("a name") << QByteArray("\"warning\"") << u"warning"_s;
    QTest::newRow("another number, as the event says it") << QByteArray("35") << u"35"_s;
}

// v4 accepts a numeric level (40 = error): a send of such an event is listed, and found by the
// level filter, under the name the server stored it with.
void tst_HistoryModel::numericLevel_listedAndFilteredByName()
{
    QFETCH(QByteArray, level);
    QFETCH(QString, listed);
    const QByteArray event = R"({"message":"numeric","level":)" + level + "}";
    const auto request = Sentry::StoreRequest::build(Sentry::Dsn::parse(u"http://pub:sec@127.0.0.1:9000/1"_s), event, {});
    QVERIFY(request);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    Sentry::RawResponse answer;
    answer.status = 200;
    QVERIFY(insert({Sentry::exchangeFromSend(*request, Sentry::SendResult::classify(answer, at), at),
                    exchange(u"named"_s, u"info"_s)}));
    openModel();
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(1, HistoryModel::DirectionColumn).data().toString(), u"sent"_s);
    QCOMPARE(m_model->index(1, HistoryModel::LevelColumn).data().toString(), listed);
    Sentry::HistoryQuery query;
    query.level = listed;
    QSignalSpy loaded(m_model, &HistoryModel::loaded);
    m_model->setFilter(query);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(messages(*m_model), QStringList{u"numeric"_s});
}

QTEST_MAIN(tst_HistoryModel)
#include "tst_historymodel.moc"
