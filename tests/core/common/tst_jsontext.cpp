#include "jsontext.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {
const QString sample
    = u"{\n"
      "  \"message\": \"a \\\"quoted\\\" } text\",\n"
      "  \"exception\": [\n"
      "    {\"type\": \"A\", \"value\": \"x\"},\n"
      "    {\"type\": \"B\", \"stacktrace\": {\"frames\": [{\"lineno\": 10}, {\"lineno\": 12}]}}\n"
      "  ],\n"
      "  \"a/b\": null,\n"
      "  \"empty\": {}\n"
      "}"_s;
} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locate_returnsTheValueText_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("valueText");
        QTest::addColumn<bool>("hasKey");
        QTest::addRow("root") << QString() << sample << false;
        QTest::addRow("string with escapes")
            << u"/message"_s << u"\"a \\\"quoted\\\" } text\""_s << true;
        QTest::addRow("array element")
            << u"/exception/0"_s << QString(R"({"type": "A", "value": "x"})"_L1) << false;
        QTest::addRow("deep number")
            << u"/exception/1/stacktrace/frames/1/lineno"_s << u"12"_s << true;
        QTest::addRow("escaped key") << u"/a~1b"_s << u"null"_s << true;
        QTest::addRow("empty object") << u"/empty"_s << u"{}"_s << true;
    }
    void locate_returnsTheValueText()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, valueText);
        QFETCH(bool, hasKey);
        const auto span = JsonText::locate(sample, pointer);
        QVERIFY(span);
        QCOMPARE(sample.mid(span->valueStart, span->valueEnd - span->valueStart), valueText);
        QCOMPARE(span->keyStart >= 0, hasKey);
    }

    void locate_failsForMissingPaths_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addRow("absent key") << u"/nope"_s;
        QTest::addRow("index past end") << u"/exception/2"_s;
        QTest::addRow("not an index") << u"/exception/x"_s;
        QTest::addRow("into a scalar") << u"/message/x"_s;
    }
    void locate_failsForMissingPaths()
    {
        QFETCH(QString, pointer);
        QVERIFY(!JsonText::locate(sample, pointer));
    }

    void locateNearest_fallsBackToAncestor()
    {
        bool exact = true;
        const auto span = JsonText::locateNearest(sample, u"/exception/0/module"_s, &exact);
        QVERIFY(span);
        QVERIFY(!exact);
        QCOMPARE(sample.mid(span->valueStart, 1), u"{"_s);
        QCOMPARE(span->valueStart, sample.indexOf(u"{\"type\": \"A\""_s));
    }

    void syntaxError_reportsLineAndColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("missing comma") << u"{\n  \"a\": 1\n  \"b\": 2\n}"_s << 2 << 9;
        QTest::addRow("top-level array") << u"  [1]"_s << 1 << 3;
        QTest::addRow("unterminated") << u"{\"a\": \"x"_s << 1 << 9;
    }
    void syntaxError_reportsLineAndColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto error = JsonText::syntaxError(text);
        QVERIFY(error);
        QCOMPARE(error->line, line);
        QCOMPARE(error->column, column);
        QVERIFY(!error->message.isEmpty());
        QCOMPARE(JsonText::offsetOf(text, line, column), error->offset);
    }

    void syntaxError_noneForAnObject() { QVERIFY(!JsonText::syntaxError(sample)); }

    void formatAndMinify_keepOrderAndValues()
    {
        const QString messy
            = u"{\"z\":1,  \"a\" : [ ], \"s\":\"x , : { \\\" y\", \"o\":{\"k\":[1,2]}}"_s;
        const auto pretty = JsonText::format(messy, 2);
        QVERIFY(pretty);
        const QString expected = u"{\n"
                                 "  \"z\": 1,\n"
                                 "  \"a\": [],\n"
                                 "  \"s\": \"x , : { \\\" y\",\n"
                                 "  \"o\": {\n"
                                 "    \"k\": [\n"
                                 "      1,\n"
                                 "      2\n"
                                 "    ]\n"
                                 "  }\n"
                                 "}\n"_s;
        QCOMPARE(*pretty, expected);
        const auto minified = JsonText::minify(*pretty);
        QVERIFY(minified);
        QCOMPARE(*minified, u"{\"z\":1,\"a\":[],\"s\":\"x , : { \\\" y\",\"o\":{\"k\":[1,2]}}"_s);
        QCOMPARE(QJsonDocument::fromJson(minified->toUtf8()),
                 QJsonDocument::fromJson(messy.toUtf8()));
    }

    void formatAndMinify_refuseBrokenJson()
    {
        QVERIFY(!JsonText::format(u"{\"a\": }"_s));
        QVERIFY(!JsonText::minify(u"{"_s));
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
