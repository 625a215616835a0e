#include "bodycodec.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <zlib.h>

#ifdef Q_OS_LINUX
#    include <sys/resource.h>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QDir(QStringLiteral(SENTRY_TEST_DATA_DIR)).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Inflates with plain zlib (as Python's zlib.decompress does), independent of BodyCodec.
QByteArray referenceInflate(const QByteArray &data, int *rcOut)
{
    uLongf size = 16 * 1024 * 1024;
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    *rcOut = uncompress(reinterpret_cast<Bytef *>(out.data()), &size,
                        reinterpret_cast<const Bytef *>(data.constData()), uLong(data.size()));
    out.truncate(qsizetype(size));
    return out;
}

// Deflates `total` zero bytes in a stream, never holding them all: the test's own bomb.
QByteArray zlibBomb(qsizetype total)
{
    z_stream stream{};
    deflateInit(&stream, Z_BEST_COMPRESSION);
    const QByteArray zeros(1024 * 1024, '\0');
    QByteArray out;
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    for (qsizetype fed = 0; fed < total;) {
        const qsizetype step = std::min(zeros.size(), total - fed);
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
        stream.avail_in = uInt(step);
        fed += step;
        const int flush = fed == total ? Z_FINISH : Z_NO_FLUSH;
        do {
            stream.next_out = reinterpret_cast<Bytef *>(chunk.data());
            stream.avail_out = uInt(chunk.size());
            deflate(&stream, flush);
            out.append(chunk.constData(), chunk.size() - qsizetype(stream.avail_out));
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return out;
}

QByteArray gzipOf(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY); // +16: gzip wrapper
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size())) + 32), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.truncate(out.size() - qsizetype(stream.avail_out));
    deflateEnd(&stream);
    return out;
}

#ifdef Q_OS_LINUX
qint64 peakRssBytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}
#endif

// Not a raw string literal: moc 6.4 mis-tokenises one that contains a quote.
const QByteArray SmallJson = "{\"message\":\"hello\",\"level\":\"info\",\"extra\":{\"q\":\"it's\"}}";

} // namespace

class TestBodyCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodingNames_roundTrip_data()
    {
        QTest::addColumn<BodyEncoding>("encoding");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("contentType");
        QTest::addRow("json") << BodyEncoding::Json << u"json"_s << u"application/json"_s;
        QTest::addRow("base64-zlib") << BodyEncoding::Base64Zlib << u"base64-zlib"_s
                                     << u"application/octet-stream"_s;
    }
    void encodingNames_roundTrip()
    {
        QFETCH(BodyEncoding, encoding);
        QFETCH(QString, name);
        QFETCH(QString, contentType);
        QCOMPARE(encodingName(encoding), name);
        QCOMPARE(encodingFromName(name), encoding);
        QCOMPARE(BodyCodec::contentType(encoding), contentType);
    }

    void encodingFromName_rejectsUnknown()
    {
        QVERIFY(!encodingFromName(u"gzip"_s));
        QVERIFY(!encodingFromName(u""_s));
        QVERIFY(!encodingFromName(u"JSON "_s));
    }

    void zlibCompress_writesRfc1950StreamThatZlibInflates_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addRow("small json") << SmallJson;
        QTest::addRow("seed example") << readData(u"events/seed-example.json"_s);
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("300 KB") << QByteArray(300 * 1000, 'x');
    }
    void zlibCompress_writesRfc1950StreamThatZlibInflates()
    {
        QFETCH(QByteArray, data);
        const QByteArray compressed = BodyCodec::zlibCompress(data);
        QVERIFY(compressed.size() >= 6);
        QCOMPARE(uchar(compressed[0]), uchar(0x78)); // CMF: deflate, 32 KiB window
        QCOMPARE((uchar(compressed[0]) * 256 + uchar(compressed[1])) % 31, 0);
        QVERIFY(compressed != qCompress(data)); // no 4-byte length prefix
        int rc = Z_DATA_ERROR;
        QCOMPARE(referenceInflate(compressed, &rc), data);
        QCOMPARE(rc, Z_OK);
    }

    void encode_roundTripsThroughDecode_data()
    {
        QTest::addColumn<BodyEncoding>("encoding");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<BodyForm>("form");
        const QByteArray seed = readData(u"events/seed-example.json"_s);
        QTest::addRow("json, small") << BodyEncoding::Json << SmallJson << BodyForm::Json;
        QTest::addRow("json, seed") << BodyEncoding::Json << seed << BodyForm::Json;
        QTest::addRow("base64-zlib, small") << BodyEncoding::Base64Zlib << SmallJson
                                            << BodyForm::Base64Zlib;
        QTest::addRow("base64-zlib, seed") << BodyEncoding::Base64Zlib << seed << BodyForm::Base64Zlib;
        QTest::addRow("base64-zlib, unicode")
            << BodyEncoding::Base64Zlib << u"{\"message\":\"Größe 😀\"}"_s.toUtf8()
            << BodyForm::Base64Zlib;
    }
    void encode_roundTripsThroughDecode()
    {
        QFETCH(BodyEncoding, encoding);
        QFETCH(QByteArray, json);
        QFETCH(BodyForm, form);
        const QByteArray body = BodyCodec::encode(json, encoding);
        if (encoding == BodyEncoding::Json)
            QCOMPARE(body, json);
        const DecodeResult result = BodyCodec::decode(body);
        QVERIFY2(result.isOk(), qPrintable(result.errorString));
        QCOMPARE(result.form, form);
        QCOMPARE(result.json, json);
        QVERIFY(result.errorString.isEmpty());
    }

    void encode_base64Zlib_isBase64OfAZlibStream()
    {
        const QByteArray body = BodyCodec::encode(SmallJson, BodyEncoding::Base64Zlib);
        auto raw = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(raw);
        QCOMPARE(uchar(raw.decoded.at(0)), uchar(0x78));
        int rc = Z_DATA_ERROR;
        QCOMPARE(referenceInflate(raw.decoded, &rc), SmallJson);
    }

    void decode_acceptsTheServersForms_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<BodyForm>("form");
        QTest::addRow("raw json") << SmallJson << BodyForm::Json;
        QTest::addRow("base64(json)") << SmallJson.toBase64() << BodyForm::Base64Json;
        QTest::addRow("base64(zlib) level 9")
            << BodyCodec::zlibCompress(SmallJson, 9).toBase64() << BodyForm::Base64Zlib;
        QTest::addRow("base64(zlib) level 1")
            << BodyCodec::zlibCompress(SmallJson, 1).toBase64() << BodyForm::Base64Zlib;
        QTest::addRow("base64(zlib) wrapped at 76 columns")
            << BodyCodec::zlibCompress(SmallJson).toBase64().insert(40, "\n") << BodyForm::Base64Zlib;
    }
    void decode_acceptsTheServersForms()
    {
        QFETCH(QByteArray, body);
        QFETCH(BodyForm, form);
        const DecodeResult result = BodyCodec::decode(body);
        QVERIFY2(result.isOk(), qPrintable(result.errorString));
        QCOMPARE(result.form, form);
        QCOMPARE(result.json, SmallJson);
    }

    void decode_refusesWhatTheServerRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<DecodeResult::Error>("error");
        QTest::addColumn<QString>("mentions");
        const QByteArray zlib = BodyCodec::zlibCompress(SmallJson);
        QTest::addRow("gzip raw") << gzipOf(SmallJson) << DecodeResult::Error::GzipNotAccepted
                                  << u"zlib.decompress"_s;
        QTest::addRow("base64(gzip)") << gzipOf(SmallJson).toBase64()
                                      << DecodeResult::Error::GzipNotAccepted << u"403"_s;
        QTest::addRow("leading space") << (" " + SmallJson) << DecodeResult::Error::LeadingWhitespace
                                       << u"1 byte(s)"_s;
        QTest::addRow("leading newlines") << ("\r\n\n" + SmallJson)
                                          << DecodeResult::Error::LeadingWhitespace << u"3 byte(s)"_s;
        QTest::addRow("utf-8 bom") << ("\xEF\xBB\xBF" + SmallJson)
                                   << DecodeResult::Error::LeadingWhitespace << u"EF BB BF"_s;
        QTest::addRow("raw zlib") << zlib << DecodeResult::Error::NotJsonOrBase64
                                  << u"base64-encode"_s;
        QTest::addRow("qCompress in base64") << qCompress(SmallJson).toBase64()
                                             << DecodeResult::Error::BadZlib << u"qCompress"_s;
        QTest::addRow("truncated zlib") << zlib.left(zlib.size() - 6).toBase64()
                                        << DecodeResult::Error::BadZlib << u"truncated"_s;
        QTest::addRow("corrupt zlib") << QByteArray(zlib).replace(4, 4, "\xff\xff\xff\xff").toBase64()
                                      << DecodeResult::Error::BadZlib << u"zlib"_s;
        QTest::addRow("json array") << QByteArray("[1,2]") << DecodeResult::Error::NotJsonOrBase64
                                    << u"'['"_s;
        QTest::addRow("url-safe base64") << QByteArray("ab-_cd==") << DecodeResult::Error::NotJsonOrBase64
                                         << u"URL-safe"_s;
        QTest::addRow("bad padding") << QByteArray("abcde") << DecodeResult::Error::NotJsonOrBase64
                                     << u"padding"_s;
        QTest::addRow("empty") << QByteArray() << DecodeResult::Error::NotJsonOrBase64 << u"empty"_s;
        QTest::addRow("whitespace only") << QByteArray("  \n") << DecodeResult::Error::BadZlib
                                         << u"0 decoded bytes"_s;
    }
    void decode_refusesWhatTheServerRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(DecodeResult::Error, error);
        QFETCH(QString, mentions);
        const DecodeResult result = BodyCodec::decode(body);
        QCOMPARE(result.error, error);
        QVERIFY(!result.isOk());
        QVERIFY(result.json.isEmpty());
        QVERIFY2(result.errorString.contains(mentions), qPrintable(result.errorString));
        QVERIFY(!decodeErrorName(result.error).isEmpty());
    }

    void decode_refusesBodyOverCompressedCap_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<bool>("refused");
        QTest::addRow("at the cap") << qsizetype(200 * 1000) << false;
        QTest::addRow("one over") << qsizetype(200 * 1000 + 1) << true;
    }
    void decode_refusesBodyOverCompressedCap()
    {
        QFETCH(qsizetype, size);
        QFETCH(bool, refused);
        QByteArray body = "{\"message\":\"";
        body += QByteArray(size - body.size() - 2, 'a') + "\"}";
        QCOMPARE(body.size(), size);
        const DecodeResult result = BodyCodec::decode(body);
        QCOMPARE(result.error == DecodeResult::Error::TooLarge, refused);
        if (refused) {
            QVERIFY2(result.errorString.contains(u"200001 bytes"_s), qPrintable(result.errorString));
            QVERIFY(result.errorString.contains(u"200000-byte"_s));
        }
    }

    void decode_honoursCustomLimits()
    {
        const QByteArray body = BodyCodec::encode(SmallJson, BodyEncoding::Base64Zlib);
        QCOMPARE(BodyCodec::decode(body, {body.size() - 1, 1000}).error, DecodeResult::Error::TooLarge);
        QCOMPARE(BodyCodec::decode(body, {1000, SmallJson.size() - 1}).error,
                 DecodeResult::Error::InflatedTooLarge);
        const DecodeResult exact = BodyCodec::decode(body, {1000, SmallJson.size()});
        QVERIFY2(exact.isOk(), qPrintable(exact.errorString));
        QCOMPARE(exact.inflatedBytes, SmallJson.size());
    }

    void decode_refusesBombWithinTheCap()
    {
        const qsizetype inflatedSize = 100 * 1000 * 1000;
        const QByteArray bomb = zlibBomb(inflatedSize);
        QVERIFY2(bomb.size() > 50 * 1000 && bomb.size() < 150 * 1000,
                 qPrintable(QString::number(bomb.size())));
        const QByteArray body = bomb.toBase64();
        QVERIFY(body.size() < DecodeLimits().maxCompressed);

#ifdef Q_OS_LINUX
        const qint64 peakBefore = peakRssBytes();
#endif
        const DecodeResult result = BodyCodec::decode(body);
        QCOMPARE(result.error, DecodeResult::Error::InflatedTooLarge);
        QCOMPARE(result.form, BodyForm::Base64Zlib);
        QVERIFY(result.json.isEmpty());
        QVERIFY(result.inflatedBytes <= DecodeLimits().maxDecompressed);
        QVERIFY(result.inflatedBytes > DecodeLimits().maxDecompressed - 64 * 1024);
        QVERIFY2(result.errorString.contains(u"1000000 bytes"_s), qPrintable(result.errorString));
#ifdef Q_OS_LINUX
        // Inflating it all would add ~100 MB to the peak; the cap plus a chunk adds ~1 MB.
        const qint64 growth = peakRssBytes() - peakBefore;
        QVERIFY2(growth < 8 * 1000 * 1000, qPrintable(QString::number(growth)));

        // Control (after the measurement, since the peak only rises): with the cap lifted the same
        // meter does see the full inflation, so the check above can fail.
        const DecodeResult uncapped = BodyCodec::decode(body, {body.size(), 2 * inflatedSize});
        QVERIFY2(uncapped.isOk(), qPrintable(uncapped.errorString));
        QCOMPARE(uncapped.json.size(), inflatedSize);
        QVERIFY(peakRssBytes() - peakBefore > inflatedSize / 2);
#endif
    }

    void zlibDecompress_reportsCapAndBadInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<qsizetype>("cap");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("tooLarge");
        const QByteArray zlib = BodyCodec::zlibCompress(QByteArray(5000, 'z'));
        QTest::addRow("fits") << zlib << qsizetype(5000) << true << false;
        QTest::addRow("one over the cap") << zlib << qsizetype(4999) << false << true;
        QTest::addRow("truncated") << zlib.left(zlib.size() / 2) << qsizetype(10000) << false << false;
        QTest::addRow("not zlib") << SmallJson << qsizetype(10000) << false << false;
        QTest::addRow("gzip") << gzipOf(SmallJson) << qsizetype(10000) << false << false;
        QTest::addRow("empty") << QByteArray() << qsizetype(10000) << false << false;
    }
    void zlibDecompress_reportsCapAndBadInput()
    {
        QFETCH(QByteArray, data);
        QFETCH(qsizetype, cap);
        QFETCH(bool, ok);
        QFETCH(bool, tooLarge);
        bool hitCap = !tooLarge;
        const auto inflated = BodyCodec::zlibDecompress(data, cap, &hitCap);
        QCOMPARE(inflated.has_value(), ok);
        QCOMPARE(hitCap, tooLarge);
        if (ok)
            QCOMPARE(*inflated, QByteArray(5000, 'z'));
    }

    void decode_trailingBytesAfterStreamAreIgnoredAsByPython()
    {
        // Python's zlib.decompress stops at the end marker and ignores what follows.
        const QByteArray body = QByteArray(BodyCodec::zlibCompress(SmallJson) + "junk").toBase64();
        const DecodeResult result = BodyCodec::decode(body);
        QVERIFY2(result.isOk(), qPrintable(result.errorString));
        QCOMPARE(result.json, SmallJson);
    }

    void formName_namesEveryForm()
    {
        QCOMPARE(formName(BodyForm::Json), u"json"_s);
        QCOMPARE(formName(BodyForm::Base64Json), u"base64-json"_s);
        QCOMPARE(formName(BodyForm::Base64Zlib), u"base64-zlib"_s);
        QCOMPARE(formName(BodyForm::Unknown), u"unknown"_s);
    }
};

QTEST_GUILESS_MAIN(TestBodyCodec)
#include "tst_bodycodec.moc"
