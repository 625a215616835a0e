// The timeline view of an exchange: one card per step of Sentry::Timeline, and exports that are
// exactly the Markdown and HTML renderers' text; a folder that cannot be written is reported.

#include "exchange.h"
#include "requestjudge.h"
#include "timeline.h"
#include "timelineview.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

Sentry::Exchange refused()
{
    Sentry::ReceiverConfig config;
    config.projects = {{u"1"_s, u"app"_s, {{u"pub"_s, u"sec"_s}}}};
    Sentry::ReceivedRequest request;
    request.target = "/api/1/store/";
    request.headers = {{"Host", "127.0.0.1:9000"},
                       {"X-Sentry-Auth", "Sentry sentry_version=4, sentry_client=raven-js/1.1, sentry_key=nobody"}};
    request.body = R"({"message":"<b>hi</b>"})";
    request.peer = u"127.0.0.1:50000"_s;
    Sentry::Exchange exchange = Sentry::exchangeFromDecision(request, Sentry::RequestJudge::judge(request, config),
                                                             QDateTime::fromMSecsSinceEpoch(1'765'000'000'000, Qt::UTC));
    exchange.id = 7;
    return exchange;
}

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showExchange_aCardPerStep()
    {
        TimelineView view;
        QCOMPARE(view.stepCount(), 0);
        view.showExchange(refused());
        QCOMPARE(view.stepCount(), 9);
        const QList<Sentry::TimelineStep> steps = Sentry::Timeline::build(refused());
        QCOMPARE(view.stepText(0), u"1. DSN — "_s + steps.first().summary);
        QVERIFY(view.stepText(8).startsWith(u"9. Verdict — auth_failed"_s));
        view.showExchange(refused()); // again: the old cards go
        QCOMPARE(view.stepCount(), 9);
    }

    void exportTo_writesTheRenderersText()
    {
        QTemporaryDir dir;
        TimelineView view;
        QVERIFY(!view.exportTo(dir.filePath(u"none.md"_s), TimelineView::Format::Markdown));
        view.showExchange(refused());
        const std::pair<TimelineView::Format, QString> formats[] = {
            {TimelineView::Format::Markdown, Sentry::Timeline::toMarkdown(refused())},
            {TimelineView::Format::Html, Sentry::Timeline::toHtml(refused())}};
        for (const auto &[format, text] : formats) {
            const QString path = dir.filePath(u"exchange-7"_s);
            QVERIFY(view.exportTo(path, format));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromUtf8(file.readAll()), text);
        }
        QString error;
        QVERIFY(!view.exportTo(dir.filePath(u"no/such/folder/x.html"_s), TimelineView::Format::Html, &error));
        QVERIFY2(error.contains(u"no/such/folder/x.html"_s) && error.contains(u"Choose a folder"_s), qPrintable(error));
    }
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
