#include "finding.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

class TestFinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hasErrors_onlyForErrorSeverity_data()
    {
        QTest::addColumn<Findings>("findings");
        QTest::addColumn<bool>("expected");
        QTest::addRow("empty") << Findings{} << false;
        QTest::addRow("warning only") << Findings{{Severity::Warning, u"secret"_s, u"m"_s}} << false;
        QTest::addRow("info and error")
            << Findings{{Severity::Info, u"/a"_s, u"m"_s}, {Severity::Error, u"/b"_s, u"m"_s}} << true;
    }
    void hasErrors_onlyForErrorSeverity()
    {
        QFETCH(Findings, findings);
        QFETCH(bool, expected);
        QCOMPARE(hasErrors(findings), expected);
    }

    void toJson_namesLocationKeyAndOmitsEmptyParts()
    {
        const Finding plain{Severity::Warning, u"secret"_s, u"no secret"_s};
        const QJsonObject dsnJson = toJson(plain, u"part"_s);
        QCOMPARE(dsnJson.value(u"severity"_s).toString(), u"warning"_s);
        QCOMPARE(dsnJson.value(u"part"_s).toString(), u"secret"_s);
        QVERIFY(!dsnJson.contains(u"rule"_s));
        QVERIFY(!dsnJson.contains(u"action"_s));

        const Finding rich{Severity::Error, u"/request"_s, u"url is required"_s, u"http.url.required"_s,
                           ServerAction::Discard};
        const QJsonObject eventJson = toJson(rich, u"path"_s);
        QCOMPARE(eventJson.value(u"path"_s).toString(), u"/request"_s);
        QCOMPARE(eventJson.value(u"rule"_s).toString(), u"http.url.required"_s);
        QCOMPARE(eventJson.value(u"action"_s).toString(), u"discard"_s);
        QCOMPARE(toJson(Findings{plain, rich}, u"path"_s).size(), 2);
    }

    // The history keeps findings as JSON; the GUI reads them back into the findings table.
    void findingsFromJson_roundTripsToJson()
    {
        const Findings findings{
            {Severity::Info, u"/logger"_s, u"alias"_s},
            {Severity::Warning, u"/culprit"_s, u"too long"_s, u"culprit.length"_s, ServerAction::Truncate},
            {Severity::Error, u"/request"_s, u"url is required"_s, u"http.url.required"_s, ServerAction::Discard},
        };
        QCOMPARE(findingsFromJson(toJson(findings, u"path"_s), u"path"_s), findings);
        const QJsonArray unknown{QJsonObject{{u"severity"_s, u"fatal"_s}, {u"path"_s, u"/x"_s}}};
        QCOMPARE(findingsFromJson(unknown, u"path"_s).constFirst().severity, Severity::Error);
    }
};

QTEST_GUILESS_MAIN(TestFinding)
#include "tst_finding.moc"
