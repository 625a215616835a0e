#include "httpfield.h"
#include "testsupport.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

class TestHttpField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkHeaderField_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("rule"); // empty: accepted
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("Origin") << QByteArray("Origin") << QByteArray("https://app.example.com") << QString() << QString();
        QTest::addRow("Referer") << QByteArray("Referer") << QByteArray("https://a/b?c=d") << QString() << QString();
        QTest::addRow("token punctuation") << QByteArray("X-A_b.c~1") << QByteArray("v") << QString() << QString();
        QTest::addRow("inner spaces and tabs") << QByteArray("X-A") << QByteArray("a b\tc") << QString() << QString();
        QTest::addRow("UTF-8 value") << QByteArray("X-A") << QByteArray("caf\xc3\xa9") << QString() << QString();
        QTest::addRow("empty value") << QByteArray("X-A") << QByteArray() << QString() << QString();
        QTest::addRow("no name") << QByteArray() << QByteArray("v") << u"header.name.empty"_s << u"no name"_s;
        QTest::addRow("space in name") << QByteArray("X A") << QByteArray("v") << u"header.name.token"_s
                                       << u"contains a space"_s;
        QTest::addRow("colon in name") << QByteArray("Origin:") << QByteArray("v") << u"header.name.token"_s
                                       << u"contains ':'"_s;
        QTest::addRow("non-ASCII name") << QByteArray("X-\xc3\xa9") << QByteArray("v") << u"header.name.token"_s
                                        << u"non-ASCII"_s;
        QTest::addRow("Content-Length") << QByteArray("content-length") << QByteArray("5")
                                        << u"header.name.framing"_s << u"framing"_s;
        QTest::addRow("Host") << QByteArray("Host") << QByteArray("x") << u"header.name.framing"_s << u"Host"_s;
        QTest::addRow("line break") << QByteArray("X-A") << QByteArray("a\r\nX-Evil: 1")
                                    << u"header.value.newline"_s << u"line break"_s;
        QTest::addRow("NUL") << QByteArray("X-A") << QByteArray("a\0b", 3) << u"header.value.control"_s
                             << u"control character"_s;
        QTest::addRow("leading space") << QByteArray("X-A") << QByteArray(" a") << u"header.value.whitespace"_s
                                       << u"whitespace"_s;
    }
    void checkHeaderField()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, rule);
        QFETCH(QString, messagePart);
        const Findings findings = Sentry::checkHeaderField(name, value);
        if (rule.isEmpty()) {
            QVERIFY2(findings.isEmpty(), qPrintable(TestSupport::describe(findings)));
            return;
        }
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.constFirst().rule, rule);
        QCOMPARE(findings.constFirst().severity, Severity::Error);
        QVERIFY2(findings.constFirst().message.contains(messagePart), qPrintable(findings.constFirst().message));
    }
};

QTEST_GUILESS_MAIN(TestHttpField)
#include "tst_httpfield.moc"
