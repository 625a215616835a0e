// Validate + normalize against the bare QJsonDocument::fromJson of the same bytes, for events of
// about 1 KB, 10 KB, 100 KB and 1 MB. The targets: at most 3x the parse time for the ~1 KB event,
// at most 2x from 10 KB on (bench/validate_ratio.sh measures the ratio; see RESULTS.md).
//
//     build/bench/bench_validate -median 7
//
// "parse" is the baseline; "validate" is Validator::validate(bytes), the public entry: the
// first-byte and size checks, the parse, and one walk that judges and normalizes. "walk" is the
// walk alone, on an already parsed object; "deflate" is the compressed-size check that runs on a
// worker thread for JSON over 150 KB.

#include "bodycodec.h"
#include "validationsupport.h"
#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;


class BenchValidate : public QObject
{
    Q_OBJECT

    // ~1 KB, 10 KB, 100 KB and just under the 1 MB limit; built on first use, so -datatags lists
    // the rows without running a benchmark.
    static const QList<QByteArray> &events()
    {
        static const QList<QByteArray> list = [] {
            QList<QByteArray> built;
            for (const qsizetype size : {qsizetype(1000), qsizetype(10 * 1000), qsizetype(100 * 1000),
                                         qsizetype(960 * 1000)})
                built.append(QJsonDocument(ValidationSupport::ravenEvent(size)).toJson(QJsonDocument::Compact));
            return built;
        }();
        return list;
    }

    static void data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < events().size(); ++i)
            QTest::addRow("%lld bytes", qlonglong(events().at(i).size())) << i;
    }

private Q_SLOTS:
    void parse_data() { data(); }
    void parse()
    {
        QFETCH(int, index);
        const QByteArray &json = events().at(index);
        QBENCHMARK {
            const QJsonDocument document = QJsonDocument::fromJson(json);
            QVERIFY(document.isObject());
        }
    }

    void validate_data() { data(); }
    void validate()
    {
        QFETCH(int, index);
        const QByteArray &json = events().at(index);
        QVERIFY2(Sentry::Validator::validate(json).isValid(), "the benchmark event must be valid");
        QBENCHMARK {
            const Sentry::ValidationResult result = Sentry::Validator::validate(json);
            QVERIFY(result.parsed);
        }
    }

    void walk_data() { data(); }
    void walk()
    {
        QFETCH(int, index);
        const QJsonObject event = QJsonDocument::fromJson(events().at(index)).object();
        QBENCHMARK {
            const Sentry::ValidationResult result = Sentry::Validator::validate(event);
            QVERIFY(result.parsed);
        }
    }

    // What the worker thread of the compressed-size check costs (only for JSON over 150 KB).
    void deflate_data() { data(); }
    void deflate()
    {
        QFETCH(int, index);
        const QByteArray &json = events().at(index);
        if (json.size() <= Sentry::Validator::CompressCheckThreshold)
            QSKIP("under 150 KB: the compressed size is not computed");
        QBENCHMARK {
            QVERIFY(!Sentry::BodyCodec::zlibCompress(json, 1).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(BenchValidate)
#include "bench_validate.moc"
