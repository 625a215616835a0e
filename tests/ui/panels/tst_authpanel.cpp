#include "authpanel.h"
#include "pairsmodel.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::AuthPanel;

namespace {
const QString GoodHeader = u"Sentry sentry_version=4, sentry_client=app/1.0, sentry_timestamp=1329096377, "
                           "sentry_key=pub, sentry_secret=sec"_s;

QString fieldValue(const SentryUi::PairsModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == name)
            return model->index(row, 1).data().toString();
    }
    return {};
}
} // namespace

class TestAuthPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestHeader_isShownAndJudged()
    {
        AuthPanel panel;
        panel.setRequestHeader(GoodHeader);
        QVERIFY(panel.isFollowingRequest());
        QCOMPARE(panel.headerText(), GoodHeader);
        QCOMPARE(panel.summaryText(), u"Accepted: yes (0 warning(s))"_s);
        QCOMPARE(fieldValue(panel.fieldsModel(), u"sentry_key"_s), u"pub"_s);
    }

    // The same judge and the same words as the CLI's auth command (it prints summary() and then
    // "severity location: message" per finding).
    void pasted_isJudgedWithTheCliWords_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("findingPart");
        QTest::addRow("client with '='")
            << u"Sentry sentry_version=4, sentry_client=app/1.0 (build=5), sentry_key=abc, sentry_secret=s"_s
            << u"Accepted: no (1 error(s), 0 warning(s))"_s << u"sentry_client: "_s;
        QTest::addRow("a whole header line") << (u"X-Sentry-Auth: "_s + GoodHeader)
                                             << u"Accepted: yes (0 warning(s))"_s << QString();
        QTest::addRow("version 4.0") << u"Sentry sentry_version=4.0, sentry_client=a/1, sentry_key=k, sentry_secret=s"_s
                                     << u"Accepted: no (1 error(s), 0 warning(s))"_s << u"sentry_version: "_s;
        QTest::addRow("garbage") << u"hello"_s << QString() << QString();
    }
    void pasted_isJudgedWithTheCliWords()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, summary);
        QFETCH(QString, findingPart);
        AuthPanel panel;
        panel.setRequestHeader(GoodHeader);
        auto *editor = panel.findChild<QPlainTextEdit *>(u"authEditor"_s);
        QVERIFY(editor);
        editor->setPlainText(pasted); // as a paste does
        QVERIFY(!panel.isFollowingRequest());
        const Sentry::AuthHeader judged = Sentry::AuthHeader::parse(pasted);
        QCOMPARE(panel.summaryText(), judged.summary());
        if (!summary.isEmpty())
            QCOMPARE(panel.summaryText(), summary);
        for (const Sentry::Finding &finding : judged.findings()) {
            const QString line = Sentry::severityName(finding.severity).leftJustified(8) + finding.location
                               + u": "_s + finding.message;
            QVERIFY2(panel.findingsText().contains(line), qPrintable(panel.findingsText()));
        }
        if (!findingPart.isEmpty())
            QVERIFY2(panel.findingsText().contains(findingPart), qPrintable(panel.findingsText()));
    }

    void pasted_staysUntilTheRequestsHeaderIsAskedFor()
    {
        AuthPanel panel;
        panel.setRequestHeader(GoodHeader);
        panel.setHeaderText(u"Sentry sentry_key=x"_s);
        panel.setRequestHeader(GoodHeader + u", sentry_extra=1"_s); // the request changed meanwhile
        QCOMPARE(panel.headerText(), u"Sentry sentry_key=x"_s);
        auto *useRequest = panel.findChild<QPushButton *>(u"authUseRequest"_s);
        QVERIFY(useRequest && useRequest->isEnabled());
        useRequest->click();
        QVERIFY(panel.isFollowingRequest());
        QCOMPARE(panel.headerText(), GoodHeader + u", sentry_extra=1"_s);
        QVERIFY(!useRequest->isEnabled());
    }

    void browser_judgesAsABrowserClient()
    {
        AuthPanel panel;
        const QString noSecret = u"Sentry sentry_version=4, sentry_client=raven-js/1.1.0, sentry_key=pub"_s;
        panel.setHeaderText(noSecret);
        QCOMPARE(panel.summaryText(), Sentry::AuthHeader::parse(noSecret, Sentry::ClientKind::Server).summary());
        panel.findChild<QCheckBox *>(u"authBrowser"_s)->setChecked(true);
        QCOMPARE(panel.summaryText(), Sentry::AuthHeader::parse(noSecret, Sentry::ClientKind::Browser).summary());
    }
};

QTEST_MAIN(TestAuthPanel)
#include "tst_authpanel.moc"
