// The one JSON error locator (jsonerror.h), and the three places that show its answer: the
// validator's finding, JsonText::syntaxError() (the editor's marks, the composer's note). Each row
// marks with '@' where the error must be shown (the '@' is not part of the text).

#include "jsonerror.h"
#include "jsontext.h"
#include "validator.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

struct Marked
{
    QByteArray json;
    qsizetype offset = -1; // in bytes
    int line = 0;
    int column = 0; // in characters
};

Marked unmark(const QString &marked)
{
    const qsizetype at = marked.indexOf(u'@');
    Q_ASSERT(at >= 0);
    const QString before = marked.left(at);
    Marked result;
    result.json = QString(marked).remove(at, 1).toUtf8();
    result.offset = before.toUtf8().size();
    result.line = int(before.count(u'\n')) + 1;
    result.column = int(at - (before.lastIndexOf(u'\n') + 1)) + 1;
    return result;
}

JsonErrorLocation locate(const QByteArray &json)
{
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    Q_ASSERT(error.error != QJsonParseError::NoError);
    return JsonError::locate(json, error);
}

} // namespace

class TestJsonError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locate_placesTheError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hint");
        // A missing comma is shown right after the value before it, where the comma belongs.
        QTest::newRow("missing comma, first line") << u"{\"a\": 1@ \"b\": 2,\n\"c\": 3}"_s << u"missing comma"_s;
        QTest::newRow("missing comma, last line") << u"{\"a\": 1,\n\"b\": 2@ \"c\": 3}"_s << u"missing comma"_s;
        QTest::newRow("missing comma at a line's end") << u"{\"a\": 1@\n\"b\": 2}"_s << u"missing comma"_s;
        QTest::newRow("missing comma, in characters") << u"{\"é😀\": \"ü\"@ \"b\": 2}"_s << u"missing comma"_s;
        QTest::newRow("trailing comma, first line") << u"{\"a\": [1,]@,\n\"b\": 2}"_s << u"trailing comma"_s;
        QTest::newRow("trailing comma, last line") << u"{\"a\": 1,\n\"b\": 2,}@"_s << u"trailing comma"_s;
        // Qt finds an unterminated string at the end of the text (a string may hold a newline),
        // so "the first line" is a text of one line.
        QTest::newRow("unterminated string, first line") << u"{\"a\": \"x}@"_s << u"closing quote"_s;
        QTest::newRow("unterminated string, last line") << u"{\"a\": 1,\n\"b\": \"x}@"_s << u"closing quote"_s;
        QTest::newRow("bad escape, first line") << u"{\"a\": \"\\u12@\",\n\"b\": 2}"_s << u"bad escape"_s;
        QTest::newRow("bad escape, last line") << u"{\"a\": 1,\n\"b\": \"\\u12@\"}"_s << u"bad escape"_s;
    }
    void locate_placesTheError()
    {
        QFETCH(QString, text);
        QFETCH(QString, hint);
        const Marked expected = unmark(text);
        const JsonErrorLocation at = locate(expected.json);
        QCOMPARE(at.offset, expected.offset);
        QCOMPARE(at.line, expected.line);
        QCOMPARE(at.column, expected.column);
        QCOMPARE(at.textOffset, QString::fromUtf8(expected.json.left(expected.offset)).size());
        QVERIFY2(at.hint.contains(hint), qPrintable(at.hint));
        QVERIFY(!at.errorString.isEmpty());
    }

    // The validator's finding and the editor's error (JsonText) say the same place as the locator.
    void findingAndEditor_agree_data() { locate_placesTheError_data(); }
    void findingAndEditor_agree()
    {
        QFETCH(QString, text);
        const Marked expected = unmark(text);
        const ValidationResult result = Validator::validate(expected.json);
        QCOMPARE(result.errorLine, expected.line);
        QCOMPARE(result.errorColumn, expected.column);
        QCOMPARE(result.errorOffset, expected.offset);
        QCOMPARE(result.findings.constFirst().rule, u"body.json.broken"_s);
        QVERIFY(result.findings.constFirst().message.startsWith(
            u"broken JSON at line %1, column %2: "_s.arg(expected.line).arg(expected.column)));
        const auto editor = JsonText::syntaxError(QString::fromUtf8(expected.json));
        QVERIFY(editor);
        QCOMPARE(editor->line, expected.line);
        QCOMPARE(editor->column, expected.column);
        QCOMPARE(editor->offset, QString::fromUtf8(expected.json.left(expected.offset)).size());
        QVERIFY(result.findings.constFirst().message.contains(editor->message));
    }

    // The issue's example: the editor said line 2 column 3, the finding line 1 column 8.
    void issueExample_sameLineAndColumnEverywhere()
    {
        const QByteArray json = "{\"a\": 1\n\"b\": 2}";
        const ValidationResult result = Validator::validate(json);
        const auto editor = JsonText::syntaxError(QString::fromUtf8(json));
        QVERIFY(editor);
        QCOMPARE(result.errorLine, 1);
        QCOMPARE(result.errorColumn, 8);
        QCOMPARE(editor->line, 1);
        QCOMPARE(editor->column, 8);
    }

    void locate_explainsAKeyWithoutQuotesAndAnEmptyBody()
    {
        QVERIFY(locate("{a: 1}").hint.contains(u"\"key\" in double quotes"_s));
        QVERIFY(locate("  ").hint.contains(u"empty"_s));
        QCOMPARE(locate("").line, 1);
        QCOMPARE(locate("").column, 1);
    }
};

QTEST_GUILESS_MAIN(TestJsonError)
#include "tst_jsonerror.moc"
