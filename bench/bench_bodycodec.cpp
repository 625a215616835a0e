// bench_bodycodec: our RFC 1950 zlib encode/inflate (BodyCodec) against Qt's qCompress/qUncompress
// on the same ~1 MB event JSON, measured in the same run. qCompress is the baseline: the same zlib
// underneath, plus a 4-byte length prefix that servers do not expect (why BodyCodec exists).

#include "bodycodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

// A deterministic event of about 1 MB: a long stack trace with context lines and local variables,
// which is what makes real events large.
QByteArray largeEvent()
{
    QJsonArray frames;
    for (int i = 0; frames.size() < 5300; ++i) {
        frames.append(QJsonObject{
            {u"filename"_s, u"app/module_%1.py"_s.arg(i % 97)},
            {u"function"_s, u"handler_%1"_s.arg(i)},
            {u"lineno"_s, 10 + i % 400},
            {u"context_line"_s, u"    result = process(item_%1, options=opts)"_s.arg(i)},
            {u"vars"_s, QJsonObject{{u"item"_s, u"%1"_s.arg(i * 7919 % 100003)},
                                    {u"opts"_s, u"{'retry': %1, 'timeout': 3}"_s.arg(i % 5)}}},
        });
    }
    const QJsonObject event{
        {u"event_id"_s, u"fc6d8c0c43fc4630ad850ee518f1b9d0"_s},
        {u"message"_s, u"ValueError: bad input"_s},
        {u"timestamp"_s, u"2011-05-02T17:41:36"_s},
        {u"level"_s, u"error"_s},
        {u"logger"_s, u"root"_s},
        {u"stacktrace"_s, QJsonObject{{u"frames"_s, frames}}},
    };
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

} // namespace

class BenchBodyCodec : public QObject
{
    Q_OBJECT

    QByteArray m_json;

private Q_SLOTS:
    void initTestCase()
    {
        m_json = largeEvent();
        const QByteArray ours = BodyCodec::zlibCompress(m_json);
        const QByteArray qt = qCompress(m_json);
        qInfo("json %lld bytes; zlibCompress %lld bytes; qCompress %lld bytes (4-byte prefix + same "
              "stream: %s)",
              qlonglong(m_json.size()), qlonglong(ours.size()), qlonglong(qt.size()),
              qt.mid(4) == ours ? "yes" : "no");
        QVERIFY(m_json.size() > 900 * 1000 && m_json.size() < 1200 * 1000);
    }

    void compress_data()
    {
        QTest::addColumn<bool>("baseline");
        QTest::addRow("BodyCodec::zlibCompress") << false;
        QTest::addRow("qCompress (baseline)") << true;
    }
    void compress()
    {
        QFETCH(bool, baseline);
        QByteArray out;
        if (baseline) {
            QBENCHMARK { out = qCompress(m_json); }
        } else {
            QBENCHMARK { out = BodyCodec::zlibCompress(m_json); }
        }
        QVERIFY(!out.isEmpty());
    }

    void inflate_data()
    {
        QTest::addColumn<bool>("baseline");
        QTest::addRow("BodyCodec::zlibDecompress (streamed, capped)") << false;
        QTest::addRow("qUncompress (baseline)") << true;
    }
    void inflate()
    {
        QFETCH(bool, baseline);
        const QByteArray ours = BodyCodec::zlibCompress(m_json);
        const QByteArray qt = qCompress(m_json);
        QByteArray out;
        if (baseline) {
            QBENCHMARK { out = qUncompress(qt); }
        } else {
            QBENCHMARK { out = BodyCodec::zlibDecompress(ours, 2 * m_json.size()).value_or(QByteArray()); }
        }
        QCOMPARE(out, m_json);
    }

    void encodeBase64Zlib()
    {
        QByteArray body;
        QBENCHMARK { body = BodyCodec::encode(m_json, BodyEncoding::Base64Zlib); }
        QVERIFY(body.size() < m_json.size());
    }
};

QTEST_GUILESS_MAIN(BenchBodyCodec)
#include "bench_bodycodec.moc"
