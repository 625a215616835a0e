#include "bodycodec.h"
#include "eventdocument.h"
#include "jsonpointer.h"
#include "pairsmodel.h"
#include "requestpreviewpanel.h"
#include "scrubber.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

const QString dsnText = u"https://pub:topsecret@sentry.example.com/7"_s;

QString fieldValue(const PairsModel *model, const QString &name)
{
    const auto pairs = model->pairs();
    for (const auto &pair : pairs) {
        if (pair.first == name)
            return pair.second;
    }
    return {};
}

QString scrubbableEvent()
{
    return u"{\"message\": \"m\", \"extra\": {\"password\": \"hunter2\"},"
           " \"request\": {\"url\": \"http://x/\", \"cookies\": \"sid=1\", \"data\": \"a=b\"}}"_s;
}

} // namespace

class TestRequestPreviewPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutDsn_explainsWhatIsMissing()
    {
        EventDocument document;
        document.reset(u"{\"message\": \"m\"}"_s);
        RequestPreviewPanel panel(&document);
        QString error;
        QVERIFY(!panel.currentRequest(&error));
        QVERIFY(error.contains(u"DSN"_s));
        QVERIFY(panel.httpText().contains(u"DSN"_s));
    }

    void withDsn_showsTheRequestWithTheSecretMasked()
    {
        EventDocument document;
        const QString text = u"{\n  \"message\": \"m\"\n}"_s;
        document.reset(text);
        RequestPreviewPanel panel(&document);
        panel.setDsn(Sentry::Dsn::parse(dsnText));
        QString error;
        const auto request = panel.currentRequest(&error);
        QVERIFY2(request, qPrintable(error));
        QCOMPARE(request->url(), Sentry::Dsn::parse(dsnText).storeUrl());
        QCOMPARE(request->body(), text.toUtf8()); // nothing to scrub: sent exactly as typed
        QCOMPARE(panel.bodyText(), text);
        QCOMPARE(fieldValue(panel.authFieldsModel(), u"sentry_key"_s), u"pub"_s);
        QCOMPARE(fieldValue(panel.authFieldsModel(), u"sentry_secret"_s), u"********"_s);
        QVERIFY(!panel.httpText().contains(u"topsecret"_s));
        QVERIFY(!panel.curlText().contains(u"topsecret"_s));
        QVERIFY(panel.httpText().startsWith(u"POST /api/7/store/ HTTP/1.1"_s));
        QVERIFY(panel.authText().startsWith(u"Sentry "_s));
    }

    // The target's settings are part of the request: shown, and refused with the reason.
    void requestDefaults_areShownInTheRequest()
    {
        EventDocument document;
        document.reset(u"{\"message\": \"m\"}"_s);
        RequestPreviewPanel panel(&document);
        panel.setDsn(Sentry::Dsn::parse(dsnText + u"?timeout=9"_s));
        Sentry::StoreRequestOptions options;
        options.client = u"raven-js/1.1.0"_s;
        options.extraHeaders = {{"Origin", "https://app.example.com"}};
        options.encoding = Sentry::BodyEncoding::Base64Zlib;
        panel.setRequestDefaults(options);
        QCOMPARE(panel.encoding(), Sentry::BodyEncoding::Base64Zlib);
        QVERIFY2(panel.httpText().contains(u"\nOrigin: https://app.example.com\n"_s), qPrintable(panel.httpText()));
        QVERIFY(panel.httpText().contains(u"User-Agent: raven-js/1.1.0"_s));
        QVERIFY(panel.curlText().contains(u"-H 'Origin: https://app.example.com'"_s));
        QVERIFY(panel.statusText().contains(u"timeout 9 s (the DSN's ?timeout=)"_s));
        options.timeoutMs = 1500;
        panel.setRequestDefaults(options);
        QVERIFY2(panel.statusText().contains(u"timeout 1.5 s (the target's)"_s), qPrintable(panel.statusText()));
        QCOMPARE(panel.currentRequest(nullptr)->timeoutMs().value_or(0), 1500);

        options.extraHeaders = {{"Bad Name", "x"}};
        panel.setRequestDefaults(options);
        QString error;
        QVERIFY(!panel.currentRequest(&error));
        QVERIFY2(error.contains(u"extra header 'Bad Name'"_s), qPrintable(error));
        QVERIFY(panel.httpText().contains(u"contains a space"_s));
    }

    void encodingChoice_isReportedAsTheTargets()
    {
        EventDocument document;
        RequestPreviewPanel panel(&document);
        QSignalSpy chosen(&panel, &RequestPreviewPanel::encodingChosen);
        Sentry::StoreRequestOptions options;
        options.encoding = Sentry::BodyEncoding::Base64Zlib;
        panel.setRequestDefaults(options); // from the target: not a choice
        QCOMPARE(chosen.count(), 0);
        auto *combo = panel.findChild<QComboBox *>(u"encoding"_s);
        QVERIFY(combo);
        combo->activated(combo->findData(int(Sentry::BodyEncoding::Json))); // as a click does
        QCOMPARE(chosen.count(), 1);
    }

    void encodingChoice_changesTheBody()
    {
        EventDocument document;
        document.reset(u"{\"message\": \"m\"}"_s);
        RequestPreviewPanel panel(&document);
        panel.setDsn(Sentry::Dsn::parse(dsnText));
        panel.setEncoding(Sentry::BodyEncoding::Base64Zlib);
        const auto request = panel.currentRequest(nullptr);
        QVERIFY(request);
        QCOMPARE(request->encoding(), Sentry::BodyEncoding::Base64Zlib);
        const auto decoded = Sentry::BodyCodec::decode(request->body());
        QVERIFY2(decoded.isOk(), qPrintable(decoded.errorString));
        QCOMPARE(decoded.json, document.json());
    }

    void scrubbing_previewListsAndAppliesEachSwitch_data()
    {
        QTest::addColumn<QString>("processor");
        QTest::addColumn<QString>("pointer");
        QTest::addRow("sanitize") << u"sanitize"_s << u"/extra/password"_s;
        QTest::addRow("cookies") << u"cookies"_s << u"/request/cookies"_s;
        QTest::addRow("post data") << u"post-data"_s << u"/request/data"_s;
    }
    void scrubbing_previewListsAndAppliesEachSwitch()
    {
        QFETCH(QString, processor);
        QFETCH(QString, pointer);
        EventDocument document;
        document.reset(scrubbableEvent());
        RequestPreviewPanel panel(&document);
        panel.setDsn(Sentry::Dsn::parse(dsnText));
        const auto original = *document.object();

        QVERIFY(panel.scrubText().contains(pointer));
        const auto scrubbed = Sentry::Scrubber::scrub(original, panel.scrubOptions()).event;
        QCOMPARE(QJsonDocument::fromJson(panel.currentRequest(nullptr)->body()).object(), scrubbed);
        QVERIFY(Sentry::JsonPointer::value(scrubbed, pointer)
                != Sentry::JsonPointer::value(original, pointer));

        panel.setProcessorEnabled(processor, false);
        QVERIFY(!panel.scrubText().contains(pointer));
        const QJsonObject sent
            = QJsonDocument::fromJson(panel.currentRequest(nullptr)->body()).object();
        QCOMPARE(Sentry::JsonPointer::value(sent, pointer),
                 Sentry::JsonPointer::value(original, pointer));
    }

    void brokenJson_isSentAsTyped()
    {
        EventDocument document;
        document.reset(u"{\"message\": "_s);
        RequestPreviewPanel panel(&document);
        panel.setDsn(Sentry::Dsn::parse(dsnText));
        QCOMPARE(panel.currentRequest(nullptr)->body(), QByteArray("{\"message\": "));
        QVERIFY(!panel.scrubText().isEmpty());
    }
};

QTEST_MAIN(TestRequestPreviewPanel)
#include "tst_requestpreviewpanel.moc"
