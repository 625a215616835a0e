#include "exchangedetail.h"
#include "findingsmodel.h"
#include "history.h"
#include "jsontreemodel.h"
#include "pairsmodel.h"

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

// A received exchange with everything the detail shows: duplicate headers, a secret, a body
// with a NUL and a byte that is not UTF-8, findings, a stored event the server changed, a fault.
Sentry::Exchange richExchange()
{
    Sentry::Exchange e;
    e.id = 7;
    e.at = QDateTime(QDate(2026, 12, 6), QTime(19, 1, 52, 859), Qt::UTC);
    e.direction = Sentry::Exchange::Direction::In;
    e.peer = u"127.0.0.1:50123"_s;
    e.method = "POST";
    e.url = "/api/1/store/?sentry_secret=qsecret";
    e.requestHeaders = {{"Host", "127.0.0.1:9000"},
                        {"X-Sentry-Auth", "Sentry sentry_version=4, sentry_key=pub, sentry_secret=hsecret"},
                        {"X-Dup", "first"},
                        {"X-Dup", "second"}};
    e.requestBody = QByteArray("{\"message\":\"a\0b\xff\"}", 18);
    e.encoding = u"json"_s;
    e.authSource = u"x-sentry-auth"_s;
    e.auth = {{u"sentry_version"_s, u"4"_s}, {u"sentry_key"_s, u"pub"_s}, {u"sentry_secret"_s, u"hsecret"_s}};
    e.client = u"raven-python/4.0.0"_s;
    e.project = u"1"_s;
    e.eventId = u"0123456789abcdef0123456789abcdef"_s;
    e.message = u"Disk full"_s;
    e.level = u"error"_s;
    e.eventJson = R"({"event_id":"0123456789abcdef0123456789abcdef","message":"Disk full","culprit":"x"})";
    e.findings = Sentry::toJson(Sentry::Findings{{Sentry::Severity::Warning, u"/culprit"_s, u"too long"_s,
                                                  u"culprit.length"_s, Sentry::ServerAction::Truncate}},
                                u"path"_s);
    e.storedEvent = {{u"event_id"_s, e.eventId}, {u"message"_s, u"Disk full"_s}, {u"platform"_s, u"other"_s}};
    e.status = 429;
    e.responseHeaders = {{"Retry-After", "30"}, {"X-Sentry-Error", "Creation of this event was denied"}};
    e.responseBody = "Creation of this event was denied";
    e.fault = u"429,retry-after=30,once"_s;
    e.durationMs = 12;
    return e;
}

QStringList names(const PairsModel *model)
{
    QStringList out;
    for (const auto &pair : model->pairs())
        out.append(pair.first + u'=' + pair.second);
    return out;
}

} // namespace

class TestExchangeDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showExchange_fillsEverySection()
    {
        ExchangeDetailView view;
        QAbstractItemModelTester eventTester(view.eventModel());
        QAbstractItemModelTester findingsTester(view.findingsModel());
        QAbstractItemModelTester headersTester(view.requestHeadersModel());
        view.showExchange(richExchange());
        QCOMPARE(view.tabs()->count(), 7);

        QCOMPARE(view.requestLineText(), u"POST /api/1/store/?sentry_secret=******** HTTP/1.1"_s);
        QCOMPARE(names(view.requestHeadersModel()),
                 (QStringList{u"Host=127.0.0.1:9000"_s,
                              u"X-Sentry-Auth=Sentry sentry_version=4, sentry_key=pub, sentry_secret=********"_s,
                              u"X-Dup=first"_s, u"X-Dup=second"_s})); // in order, duplicates kept
        QCOMPARE(view.bodyText(), u"{\"message\":\"a\\x00b\\xff\"}"_s);
        QVERIFY2(view.bodyHexText().startsWith(u"00000000  7b 22 6d 65"_s), qPrintable(view.bodyHexText()));
        QVERIFY(view.bodyHexText().contains(u"61 00 62 ff"_s));
        QVERIFY2(view.bodySizeText().contains(u"18 byte"_s) && view.bodySizeText().contains(u"2 of them"_s),
                 qPrintable(view.bodySizeText()));

        QVERIFY2(view.encodingText().contains(u"raw JSON"_s), qPrintable(view.encodingText()));
        QVERIFY(view.decodedText().contains(u"\n  \"message\": \"Disk full\","_s)); // indented, order kept
        QCOMPARE(view.eventModel()->rowCount(), 3);
        QCOMPARE(view.eventModel()->indexOf(u"/message"_s).siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(),
                 u"Disk full"_s);

        QVERIFY(view.authSourceText().contains(u"X-Sentry-Auth header"_s));
        QCOMPARE(names(view.authModel()),
                 (QStringList{u"sentry_version=4"_s, u"sentry_key=pub"_s, u"sentry_secret=********"_s}));

        QCOMPARE(view.findingsModel()->rowCount(), 1);
        QCOMPARE(view.findingsModel()->finding(0).rule, u"culprit.length"_s);
        QVERIFY2(view.storedDiffText().contains(u"-     \"culprit\": \"x\","_s), qPrintable(view.storedDiffText()));
        QVERIFY(view.storedDiffText().contains(u"+     \"platform\": \"other\""_s));

        QVERIFY(view.answerText().startsWith(u"Status 429\nCreation of this event was denied"_s));
        QCOMPARE(names(view.answerHeadersModel()).constFirst(), u"Retry-After=30"_s);
        QVERIFY(view.overviewText().contains(u"429,retry-after=30,once"_s));
        QVERIFY(view.overviewText().contains(u"raven-python/4.0.0"_s));
    }

    void showSecret_revealsTheSecretEverywhere()
    {
        ExchangeDetailView view;
        view.showExchange(richExchange());
        QVERIFY(!view.isSecretShown());
        QVERIFY(!names(view.authModel()).join(u' ').contains(u"hsecret"_s));
        view.setSecretShown(true);
        QCOMPARE(view.requestLineText(), u"POST /api/1/store/?sentry_secret=qsecret HTTP/1.1"_s);
        QVERIFY(names(view.authModel()).contains(u"sentry_secret=hsecret"_s));
        QVERIFY(names(view.requestHeadersModel()).join(u' ').contains(u"sentry_secret=hsecret"_s));
        view.setSecretShown(false);
        QVERIFY(!names(view.requestHeadersModel()).join(u' ').contains(u"hsecret"_s));
    }

    // Refused before decoding: a body that is not UTF-8 at all, no event, no answer.
    void showExchange_refusedBinaryBody()
    {
        Sentry::Exchange e;
        e.id = 3;
        e.method = "POST";
        e.url = "/api/1/store/";
        e.requestBody = QByteArray("\x1f\x8b\x08\x00\xff\xfe", 6);
        e.refusal = u"body.gzip"_s;
        e.status = 0;
        ExchangeDetailView view;
        QAbstractItemModelTester eventTester(view.eventModel());
        view.showExchange(e);
        QCOMPARE(view.bodyText(), u"\\x1f\\x8b\\x08\\x00\\xff\\xfe"_s);
        QVERIFY(view.bodyHexText().contains(u"1f 8b 08 00 ff fe"_s));
        QVERIFY2(view.encodingText().contains(u"body.gzip"_s), qPrintable(view.encodingText()));
        QCOMPARE(view.eventModel()->rowCount(), 0);
        QVERIFY(view.storedDiffText().contains(u"not stored (refused: body.gzip)"_s));
        QVERIFY2(view.answerText().startsWith(u"No answer"_s), qPrintable(view.answerText()));
        QVERIFY(view.authSourceText().startsWith(u"Not found"_s));
    }

    void sentExchange_showsTheAuthFieldsItSent()
    {
        Sentry::Exchange sent = richExchange();
        sent.direction = Sentry::Exchange::Direction::Out;
        sent.auth.clear(); // the history keeps none for a sent exchange
        ExchangeDetailView view;
        view.showExchange(sent);
        QCOMPARE(names(view.authModel()),
                 (QStringList{u"sentry_version=4"_s, u"sentry_key=pub"_s, u"sentry_secret=********"_s}));
        QVERIFY(view.authSourceText().startsWith(u"Sent by the harness"_s));
        sent.requestHeaders = {{"Host", "h"}}; // a beacon: the fields are in the URL
        sent.method = "GET";
        sent.url = "http://h/api/1/store/?sentry_version=4&sentry_key=k&sentry_data=%7B%7D";
        view.showExchange(sent);
        QCOMPARE(names(view.authModel()), (QStringList{u"sentry_version=4"_s, u"sentry_key=k"_s}));
    }

    void buttons_askForReopenAndReplay()
    {
        ExchangeDetailView view;
        auto *reopen = view.findChild<QPushButton *>(u"reopenButton"_s);
        auto *replay = view.findChild<QPushButton *>(u"replayButton"_s);
        auto *compare = view.findChild<QPushButton *>(u"compareButton"_s);
        QVERIFY(reopen && replay && compare);
        QVERIFY(!reopen->isEnabled()); // nothing shown yet
        view.showExchange(richExchange());
        QSignalSpy reopened(&view, &ExchangeDetailView::reopenAsDraftRequested);
        QSignalSpy replayed(&view, &ExchangeDetailView::replayRequested);
        reopen->click();
        replay->click();
        QCOMPARE(reopened.size(), 1);
        QCOMPARE(reopened.at(0).at(0).value<Sentry::Exchange>().id, 7);
        QCOMPARE(replayed.size(), 1);
        QVERIFY(!compare->isEnabled()); // no original and no replays
    }

    void history_linksOriginalAndReplays()
    {
        Sentry::History history;
        QVERIFY(history.open(m_dir.freshFile(u"links.sqlite"_s)));
        QList<Sentry::Exchange> original = {richExchange()};
        QVERIFY(history.insert(original));
        QList<Sentry::Exchange> replays = {richExchange(), richExchange()};
        for (auto &replay : replays) {
            replay.direction = Sentry::Exchange::Direction::Out;
            replay.replayOf = original.constFirst().id;
        }
        QVERIFY(history.insert(replays));
        ExchangeDetailView view;
        view.setHistory(&history);
        QVERIFY(view.showExchangeId(original.constFirst().id));
        QCOMPARE(view.replays(), (QList<qint64>{replays.at(1).id, replays.at(0).id}));
        QVERIFY(view.overviewText().contains(u"exchange:%1"_s.arg(replays.at(1).id)));
        QSignalSpy compared(&view, &ExchangeDetailView::compareRequested);
        auto *compare = view.findChild<QPushButton *>(u"compareButton"_s);
        QVERIFY(compare->isEnabled());
        compare->click();
        QCOMPARE(compared.at(0), (QVariantList{original.constFirst().id, replays.at(1).id}));

        // Following the link to a replay shows it, and it names its original.
        auto *overview = view.findChild<QLabel *>(u"exchangeOverview"_s);
        QSignalSpy linked(&view, &ExchangeDetailView::exchangeLinkActivated);
        Q_EMIT overview->linkActivated(u"exchange:%1"_s.arg(replays.at(0).id));
        QCOMPARE(linked.size(), 1);
        QCOMPARE(view.exchange().id, replays.at(0).id);
        QVERIFY(view.overviewText().contains(u"exchange:%1"_s.arg(original.constFirst().id)));
        compare->click();
        QCOMPARE(compared.at(1), (QVariantList{original.constFirst().id, replays.at(0).id}));

        QString error;
        QVERIFY(!view.showExchangeId(999, &error));
        QVERIFY2(error.contains(u"there is no exchange 999"_s), qPrintable(error));
    }

private:
    TestSupport::Sandbox m_dir;
};

QTEST_MAIN(TestExchangeDetail)
#include "tst_exchangedetail.moc"
