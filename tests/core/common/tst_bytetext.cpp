#include "bytetext.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

// Bytes as a person reads them: what is UTF-8 text stays text, everything else is seen as \xNN.
class TestByteText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readable_escapesWhatIsNotText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("escaped");
        QTest::addRow("json") << QByteArray(R"({"a":1})") << uR"({"a":1})"_s << 0;
        QTest::addRow("tab and lines") << QByteArray("a\tb\r\nc") << u"a\tb\r\nc"_s << 0;
        QTest::addRow("nul") << QByteArray("a\0b", 3) << u"a\\x00b"_s << 1;
        QTest::addRow("control") << QByteArray("\x1b[0m") << u"\\x1b[0m"_s << 1;
        QTest::addRow("utf-8") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")
                               << u"caf\u00e9 \u20ac \U0001F600"_s << 0;
        QTest::addRow("latin-1 byte") << QByteArray("caf\xe9!") << u"caf\\xe9!"_s << 1;
        QTest::addRow("truncated sequence") << QByteArray("\xe2\x82") << u"\\xe2\\x82"_s << 2;
        QTest::addRow("overlong slash") << QByteArray("\xc0\xaf") << u"\\xc0\\xaf"_s << 2;
        QTest::addRow("surrogate") << QByteArray("\xed\xa0\x80") << u"\\xed\\xa0\\x80"_s << 3;
        QTest::addRow("replacement char is text") << QByteArray("\xef\xbf\xbd") << u"\ufffd"_s << 0;
        QTest::addRow("zlib header") << QByteArray("x\x9c\xcb") << u"x\\x9c\\xcb"_s << 2;
    }
    void readable_escapesWhatIsNotText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QFETCH(int, escaped);
        QCOMPARE(ByteText::readable(bytes), expected);
        QCOMPARE(ByteText::escapedCount(bytes), qsizetype(escaped));
    }

    void hexDump_showsOffsetsBytesAndAscii()
    {
        const QByteArray bytes = QByteArray("{\"a\":\0\xff", 7) + QByteArray(12, 'x');
        const QString dump = ByteText::hexDump(bytes);
        QCOMPARE(dump,
                 u"00000000  7b 22 61 22 3a 00 ff 78  78 78 78 78 78 78 78 78  |{\"a\":..xxxxxxxxx|\n"
                 "00000010  78 78 78                                          |xxx|\n"_s);
        QCOMPARE(ByteText::hexDump({}), QString());
    }

    void hexDump_saysWhatIsNotShown()
    {
        const QString dump = ByteText::hexDump(QByteArray(40, 'a'), 16);
        QCOMPARE(dump.count(u'\n'), 2);
        QVERIFY(dump.endsWith(u"… 24 more bytes not shown\n"_s));
    }
};

QTEST_GUILESS_MAIN(TestByteText)
#include "tst_bytetext.moc"
