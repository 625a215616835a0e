// Send Repeatedly against a real receiver on loopback that answers 429 with Retry-After (a fault),
// timed by an injected clock: the series waits out Retry-After, shows the countdown, draws every
// attempt where it happened against the min(n, 6)² schedule, and stops when asked.

#include "backoffchart.h"
#include "backoffpanel.h"
#include "history.h"
#include "historywriter.h"
#include "sendrepeatedlydialog.h"
#include "sendsession.h"
#include "testsupport.h"
#include "ui/uireceiver.h"

#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

class TestBackoffPanel : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void series_waitsOutRetryAfterAndChartsEachAttempt()
    {
        TestSupport::ManualClock clock;
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        receiver.faults().add(*Sentry::Fault::parse(u"429,retry-after=5,once"_s));
        BackoffPanel panel(&m_network, clock.clock());
        panel.resize(800, 300);
        panel.show();
        QSignalSpy waiting(panel.series(), &Sentry::SendSeries::waiting);
        QSignalSpy finished(panel.series(), &Sentry::SendSeries::finished);
        QSignalSpy running(&panel, &BackoffPanel::runningChanged);

        QVERIFY(panel.start(requestFor(receiver), {2, 0}));
        QVERIFY(panel.isRunning());
        QVERIFY(waiting.wait(10000));
        QVERIFY2(panel.statusText().startsWith(u"Attempt 2 of 2 in 5.0 s, waiting out the backoff. HTTP 429"_s),
                 qPrintable(panel.statusText()));
        BackoffPlot plot = panel.chart()->plot();
        QCOMPARE(plot.attempts.size(), 1);
        QCOMPARE(plot.attempts.first().status, 429);
        QCOMPARE(plot.attempts.first().start, 0.0);
        QCOMPARE(plot.waits.size(), 1);
        QVERIFY(plot.waits.first().fromRetryAfter);
        QCOMPARE(plot.waits.first().to - plot.waits.first().from, 5.0);
        QCOMPARE(plot.waits.first().scheduleSeconds, qint64(1)); // min(1, 6)²: Retry-After is longer
        QCOMPARE(plot.nextAttempt, 5.0);
        QVERIFY(plot.span >= 5.0);
        QTest::qWait(0); // one paint of the live chart, not a sleep
        panel.chart()->repaint();

        clock.advance(2);
        QCOMPARE(panel.chart()->plot().now, 2.0);
        panel.session()->resume(); // three seconds left: nothing is sent
        QCOMPARE(panel.series()->attempts().size(), 1);
        clock.advance(3);
        panel.session()->resume();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<Sentry::SendSeries::End>(), Sentry::SendSeries::End::Completed);
        plot = panel.chart()->plot();
        QCOMPARE(plot.attempts.size(), 2);
        QCOMPARE(plot.attempts.at(1).start, 5.0);
        QCOMPARE(plot.attempts.at(1).status, 200);
        QCOMPARE(plot.attempts.at(1).verdict, Sentry::Verdict::Accepted);
        QCOMPARE(plot.waits.size(), 1);
        QCOMPARE(panel.statusText(), u"Done: 2 attempt(s)."_s);
        QCOMPARE(running.size(), 2);
        panel.chart()->repaint();
    }

    void stop_endsTheSeriesWhileItWaits()
    {
        TestSupport::ManualClock clock;
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        receiver.faults().add(*Sentry::Fault::parse(u"429,retry-after=30"_s));
        BackoffPanel panel(&m_network, clock.clock());
        QSignalSpy waiting(panel.series(), &Sentry::SendSeries::waiting);
        QSignalSpy finished(panel.series(), &Sentry::SendSeries::finished);
        QVERIFY(panel.start(requestFor(receiver), {5, 0}));
        QVERIFY(!panel.start(requestFor(receiver), {5, 0})); // one series at a time
        QVERIFY(waiting.wait(10000));
        auto *stop = panel.findChild<QPushButton *>();
        QVERIFY(stop && stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<Sentry::SendSeries::End>(), Sentry::SendSeries::End::Stopped);
        QVERIFY(!panel.isRunning());
        QVERIFY(!stop->isEnabled());
        QCOMPARE(panel.statusText(), u"Stopped after 1 attempt(s)."_s);
        clock.advance(30);
        panel.session()->resume(); // the dropped wait sends nothing
        QCOMPARE(receiver.faults().hits(), QList<int>{1});
    }

    void series_recordsEachAttemptInTheHistory()
    {
        QTemporaryDir dir;
        Sentry::HistoryWriter writer;
        QVERIFY(writer.open(dir.filePath(u"history.sqlite"_s)));
        Sentry::Receiver receiver(uiReceiverConfig());
        QVERIFY(receiver.start(QHostAddress::LocalHost, 0));
        receiver.faults().add(*Sentry::Fault::parse(u"503,once"_s));
        BackoffPanel panel(&m_network);
        panel.setHistory(&writer);
        QSignalSpy finished(panel.series(), &Sentry::SendSeries::finished);
        QSignalSpy stored(&panel, &BackoffPanel::attemptRecorded);
        QVERIFY(panel.start(requestFor(receiver), {2, 0})); // 503, then 200 after the 1 s backoff
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE(stored.count(), 2); // written on the writer's thread
        Sentry::History history;
        QVERIFY(history.open(writer.path()));
        const QList<Sentry::Exchange> recorded = history.search({});
        QCOMPARE(recorded.size(), 2);
        QCOMPARE(recorded.at(0).direction, Sentry::Exchange::Direction::Out);
        QCOMPARE(recorded.at(0).status, 200); // newest first
        QCOMPARE(recorded.at(1).status, 503);
        QVERIFY(panel.historyError().isEmpty());
    }

    void dialog_givesCountAndInterval()
    {
        SendRepeatedlyDialog dialog;
        QCOMPARE(dialog.options().count, 5);
        QCOMPARE(dialog.options().intervalMs, 0);
        dialog.setOptions({12, 1500});
        QCOMPARE(dialog.options().count, 12);
        QCOMPARE(dialog.options().intervalMs, 1500);
    }

    void chart_isEmptyWithoutASeries()
    {
        BackoffChart chart;
        QVERIFY(chart.plot().attempts.isEmpty());
        chart.resize(400, 200);
        chart.repaint();
    }
};

QTEST_MAIN(TestBackoffPanel)
#include "tst_backoffpanel.moc"
