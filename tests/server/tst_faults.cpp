// Faults: the SPEC parser, triggers (always, once, every Nth, probability with an injected random
// source), project and client filters, counters, and the answer a fault puts in place.

#include "faults.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

class tst_Faults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parse_refusesWithHowToFix_data();
    void parse_refusesWithHowToFix();
    void trigger_everyNth();
    void trigger_once();
    void trigger_probabilityUsesRandomSource();
    void filter_projectAndClient();
    void apply_replacesAnswer_data();
    void apply_replacesAnswer();
    void apply_otherActionsKeepAnswer();
    void table_removeAndClear();
    void toSpec_parsesBackToTheSameFault_data() { parse_data(); }
    void toSpec_parsesBackToTheSameFault();
    void presets_areFaultsTheParserAccepts();
    void table_disabledFaultIsSkippedAndKeepsItsCounters();
    void table_replaceRestartsCounters();
};

void tst_Faults::parse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("action");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("trigger");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("client");
    using A = Fault::Action;
    using T = Fault::Trigger;
    QTest::newRow("status") << u"503"_s << int(A::Status) << 503 << int(T::Always) << 0 << -1 << QString() << QString();
    QTest::newRow("429-retry-every") << u"429,retry-after=30,every=3"_s << int(A::Status) << 429 << int(T::EveryNth) << 0 << 30 << QString() << QString();
    QTest::newRow("delay") << u"delay=2000"_s << int(A::Delay) << 0 << int(T::Always) << 2000 << -1 << QString() << QString();
    QTest::newRow("drop-once") << u"drop,once"_s << int(A::Drop) << 0 << int(T::Once) << 0 << -1 << QString() << QString();
    QTest::newRow("hang-project") << u"hang,project=2"_s << int(A::Hang) << 0 << int(T::Always) << 0 << -1 << u"2"_s << QString();
    QTest::newRow("500-client-p") << u" 500, no-error, p=0.25, client=raven-node "_s << int(A::Status) << 500 << int(T::Probability) << 0 << -1 << QString() << u"raven-node"_s;
    QTest::newRow("status-with-delay") << u"400,delay=50"_s << int(A::Status) << 400 << int(T::Always) << 50 << -1 << QString() << QString();
}

void tst_Faults::parse()
{
    QFETCH(QString, spec);
    QString error;
    const auto fault = Fault::parse(spec, &error);
    QVERIFY2(fault, qPrintable(error));
    QTEST(int(fault->action), "action");
    QTEST(fault->status, "status");
    QTEST(int(fault->trigger), "trigger");
    QTEST(fault->delayMs, "delayMs");
    QTEST(fault->retryAfterSeconds, "retryAfter");
    QTEST(fault->project, "project");
    QTEST(fault->client, "client");
    QCOMPARE(fault->spec, spec.trimmed());
}

void tst_Faults::parse_refusesWithHowToFix_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << u"it is empty"_s;
    QTest::newRow("unknown-status") << u"418"_s << u"start with a status (400, 401, 403, 413, 429, 500, 503), delay=MS, drop or hang"_s;
    QTest::newRow("bad-delay") << u"delay=soon"_s << u"delay=2000"_s;
    QTest::newRow("probability-over-1") << u"500,p=2"_s << u"expected a number from 0 to 1"_s;
    QTest::newRow("every-0") << u"500,every=0"_s << u"expected a number from 1"_s;
    QTest::newRow("unknown-option") << u"500,sometimes"_s << u"unknown fault option 'sometimes'"_s;
}

void tst_Faults::parse_refusesWithHowToFix()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Fault::parse(spec, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(error.contains(u"serve --help"_s));
}

void tst_Faults::trigger_everyNth()
{
    FaultTable table;
    table.add(*Fault::parse(u"429,every=3"_s));
    QList<bool> applied;
    for (int i = 0; i < 7; ++i)
        applied.append(table.pick(u"1"_s, u"a/1"_s).has_value());
    QCOMPARE(applied, (QList<bool>{false, false, true, false, false, true, false}));
    QCOMPARE(table.hits(), QList<int>{2});
}

void tst_Faults::trigger_once()
{
    FaultTable table;
    table.add(*Fault::parse(u"drop,once"_s));
    table.add(*Fault::parse(u"500"_s));
    QCOMPARE(table.pick({}, {})->action, Fault::Action::Drop);
    QCOMPARE(table.pick({}, {})->status, 500);
    QCOMPARE(table.pick({}, {})->status, 500);
    QCOMPARE(table.hits(), (QList<int>{1, 2}));
}

void tst_Faults::trigger_probabilityUsesRandomSource()
{
    QList<double> draws = {0.1, 0.6, 0.29, 0.3, 0.0};
    FaultTable table([&draws] { return draws.takeFirst(); });
    table.add(*Fault::parse(u"503,p=0.3"_s));
    QList<bool> applied;
    for (int i = 0; i < 5; ++i)
        applied.append(table.pick({}, {}).has_value());
    QCOMPARE(applied, (QList<bool>{true, false, true, false, true}));
}

void tst_Faults::filter_projectAndClient()
{
    FaultTable table;
    table.add(*Fault::parse(u"403,project=2"_s));
    table.add(*Fault::parse(u"429,client=raven-node"_s));
    QVERIFY(!table.pick(u"1"_s, u"raven-python/4.0"_s));
    QCOMPARE(table.pick(u"2"_s, u"raven-python/4.0"_s)->status, 403);
    QCOMPARE(table.pick(u"1"_s, u"raven-node/0.6.3"_s)->status, 429);
    QCOMPARE(table.hits(), (QList<int>{1, 1}));
}

void tst_Faults::apply_replacesAnswer_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("sentryError");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("400") << u"400"_s << 400 << QByteArray("Client request error: fault injected by the receiver") << QByteArray();
    QTest::newRow("401") << u"401"_s << 401 << QByteArray("Unauthorized: fault injected by the receiver") << QByteArray();
    QTest::newRow("403") << u"403"_s << 403 << QByteArray("Creation of this event was blocked") << QByteArray();
    QTest::newRow("413") << u"413"_s << 413 << QByteArray("Request body too large: fault injected by the receiver") << QByteArray();
    QTest::newRow("429") << u"429,retry-after=30"_s << 429 << QByteArray("Creation of this event was denied due to rate limiting.") << QByteArray("30");
    QTest::newRow("500") << u"500"_s << 500 << QByteArray("") << QByteArray();
    QTest::newRow("500-no-error") << u"500,no-error"_s << 500 << QByteArray() << QByteArray();
    QTest::newRow("503") << u"503"_s << 503 << QByteArray("Service unavailable: fault injected by the receiver") << QByteArray();
}

void tst_Faults::apply_replacesAnswer()
{
    QFETCH(QString, spec);
    Decision accepted;
    accepted.storedEvent = {{u"message"_s, u"x"_s}};
    accepted.answer = {200, {{"Content-Type", "application/json"}, {"Access-Control-Allow-Origin", "*"}}, "{}"};
    const Decision faulted = Fault::parse(spec)->apply(accepted);
    QTEST(faulted.answer.status, "status");
    QTEST(faulted.answer.header("X-Sentry-Error"), "sentryError");
    QTEST(faulted.answer.header("Retry-After"), "retryAfter");
    QCOMPARE(faulted.answer.header("Access-Control-Allow-Origin"), "*");
    QVERIFY(!faulted.isAccepted());
    QCOMPARE(faulted.refusal, u"fault"_s);
}

void tst_Faults::apply_otherActionsKeepAnswer()
{
    Decision accepted;
    accepted.storedEvent = {{u"message"_s, u"x"_s}};
    for (const QString &spec : {u"delay=10"_s, u"drop"_s, u"hang"_s})
        QCOMPARE(Fault::parse(spec)->apply(accepted).answer.status, 200);
}

void tst_Faults::table_removeAndClear()
{
    FaultTable table;
    table.add(*Fault::parse(u"500"_s));
    table.add(*Fault::parse(u"503"_s));
    table.remove(0);
    QCOMPARE(table.pick({}, {})->status, 503);
    table.remove(7); // out of range: ignored
    table.clear();
    QVERIFY(!table.pick({}, {}));
    QVERIFY(table.faults().isEmpty());
}

void tst_Faults::toSpec_parsesBackToTheSameFault()
{
    QFETCH(QString, spec);
    const Fault fault = *Fault::parse(spec);
    QString error;
    const auto again = Fault::parse(fault.toSpec(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->toSpec(), fault.toSpec());
    QCOMPARE(int(again->action), int(fault.action));
    QCOMPARE(again->status, fault.status);
    QCOMPARE(again->sentryError, fault.sentryError);
    QCOMPARE(again->retryAfterSeconds, fault.retryAfterSeconds);
    QCOMPARE(again->delayMs, fault.delayMs);
    QCOMPARE(int(again->trigger), int(fault.trigger));
    QCOMPARE(again->every, fault.every);
    QCOMPARE(again->probability, fault.probability);
    QCOMPARE(again->project, fault.project);
    QCOMPARE(again->client, fault.client);
}

void tst_Faults::presets_areFaultsTheParserAccepts()
{
    const QList<FaultPreset> presets = faultPresets();
    QCOMPARE(presets.size(), 4);
    for (const FaultPreset &preset : presets) {
        QString error;
        QVERIFY2(Fault::parse(preset.spec, &error), qPrintable(preset.name + u": "_s + error));
    }
    const Fault first = *Fault::parse(presets.first().spec);
    QCOMPARE(first.status, 429);
    QCOMPARE(first.retryAfterSeconds, 5);
    QCOMPARE(Fault::statuses(), (QList<int>{400, 401, 403, 413, 429, 500, 503}));
}

void tst_Faults::table_disabledFaultIsSkippedAndKeepsItsCounters()
{
    FaultTable table;
    table.add(*Fault::parse(u"500"_s));
    table.add(*Fault::parse(u"503"_s));
    QCOMPARE(table.pick({}, {})->status, 500);
    table.setEnabled(0, false);
    QVERIFY(!table.isEnabled(0));
    QCOMPARE(table.pick({}, {})->status, 503);
    QCOMPARE(table.hits(), (QList<int>{1, 1}));
    table.setEnabled(0, true);
    QCOMPARE(table.pick({}, {})->status, 500);
    QCOMPARE(table.hits(), (QList<int>{2, 1}));
}

void tst_Faults::table_replaceRestartsCounters()
{
    FaultTable table;
    table.add(*Fault::parse(u"500,every=2"_s));
    QVERIFY(!table.pick({}, {}));
    QCOMPARE(table.pick({}, {})->status, 500);
    table.replace(0, *Fault::parse(u"429,every=2"_s));
    QCOMPARE(table.hits(), (QList<int>{0}));
    QVERIFY(!table.pick({}, {})); // the count of "every" started again too
    QCOMPARE(table.pick({}, {})->status, 429);
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
