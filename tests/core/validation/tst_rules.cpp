// The rule table and the tables beside it (rules.h) are what the judge reads: every check row is
// triggered by an input here, every limit is judged at the row's number and one past it, and every
// level and top-level key is handled as its row says.

#include "normalizer.h"
#include "rules.h"
#include "validationsupport.h"
#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace ValidationSupport;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject frameEvent(const QJsonObject &frame)
{
    return {{u"stacktrace"_s, QJsonObject{{u"frames"_s, QJsonArray{frame}}}}};
}

// Incompressible text: base64 of random bytes, which zlib cannot shrink below about 3/4.
QString noise(qsizetype size)
{
    QRandomGenerator random(13);
    QByteArray bytes(size * 3 / 4, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return QString::fromLatin1(bytes.toBase64());
}

int limitOf(const char *ruleId)
{
    return Rules::byId(QString::fromLatin1(ruleId)).limit;
}

// One input per check row (judged in code) that makes the judge report it.
QHash<QString, QByteArray> checkInputs()
{
    const QJsonObject user{{u"id"_s, u"1"_s}};
    const QJsonObject frame{{u"function"_s, u"f"_s}};
    QJsonObject manyExtra;
    for (int i = 0; i <= limitOf("extra.keys"); ++i)
        manyExtra.insert(u"k%1"_s.arg(i), i);
    QJsonValue deep = 1;
    for (int i = 0; i <= limitOf("extra.depth"); ++i)
        deep = QJsonObject{{u"a"_s, deep}};
    return {
        {u"body.json.broken"_s, "{\"a\": 1\n\"b\": 2}"},
        {u"body.not-an-object"_s, "[1]"},
        {u"body.json.duplicate-key"_s, "{\"message\":\"a\",\"message\":\"b\"}"},
        {u"body.json.big-integer"_s, "{\"extra\":{\"n\":123456789012345678901}}"},
        {u"body.json.number-range"_s, "{\"extra\":{\"n\":1e400}}"},
        {u"body.json.non-finite"_s, "{\"extra\":{\"n\":NaN}}"},
        {u"body.leading-whitespace"_s, " {}"},
        {u"body.size.decompressed"_s,
         compact({{u"extra"_s, QJsonObject{{u"a"_s, QString(Validator::MaxDecompressed, u'x')}}}})},
        {u"body.size.compressed"_s, compact({{u"extra"_s, QJsonObject{{u"a"_s, noise(400 * 1000)}}}})},
        {u"event.event_id.missing"_s, "{}"},
        {u"event.event_id.length"_s, compact({{u"event_id"_s, QString(limitOf("event.event_id.length") + 1, u'a')}})},
        {u"event.event_id.not-hex"_s, "{\"event_id\":\"xyz\"}"},
        {u"event.message.missing"_s, "{}"},
        {u"event.message.document-length"_s,
         compact({{u"message"_s, QString(limitOf("event.message.document-length") + 1, u'm')}})},
        {u"event.timestamp.missing"_s, "{}"},
        {u"event.timestamp.unparsable"_s, "{\"timestamp\":\"yesterday\"}"},
        {u"event.timestamp.future"_s, "{\"timestamp\":\"2099-01-01T00:00:00\"}"},
        {u"event.timestamp.range"_s, "{\"timestamp\":1e303}"},
        {u"event.time_spent.range"_s, "{\"time_spent\":1e29}"},
        {u"event.level.missing"_s, "{}"},
        {u"event.level.unknown"_s, "{\"level\":\"warn\"}"},
        {u"event.level.numeric"_s, "{\"level\":40}"},
        {u"event.level.critical"_s, "{\"level\":\"critical\"}"},
        {u"event.logger.missing"_s, "{}"},
        {u"event.project.legacy"_s, "{\"project\":\"1\"}"},
        {u"tags.entry.not-a-pair"_s, "{\"tags\":[[\"a\"]]}"},
        {u"tags.key.length"_s, compact({{u"tags"_s, QJsonObject{{QString(limitOf("tags.key.length") + 1, u'k'), u"v"_s}}}})},
        {u"tags.value.length"_s, compact({{u"tags"_s, QJsonObject{{u"k"_s, QString(limitOf("tags.value.length") + 1, u'v')}}}})},
        {u"tags.value.not-a-string"_s, "{\"tags\":{\"a\":1}}"},
        {u"tags.pair-form"_s, "{\"tags\":[[\"a\",\"b\"]]}"},
        {u"event.modules.list"_s, "{\"modules\":[{\"django\":\"1.5\"}]}"},
        {u"event.extra.null"_s, "{\"extra\":null}"},
        {u"extra.keys"_s, compact({{u"extra"_s, manyExtra}})},
        {u"extra.value.length"_s, compact({{u"extra"_s, QJsonObject{{u"a"_s, QString(limitOf("extra.value.length") + 1, u'x')}}}})},
        {u"extra.depth"_s, compact({{u"extra"_s, QJsonObject{{u"deep"_s, deep}}}})},
        {u"event.key.unknown"_s, "{\"foo\":1}"},
        {u"event.key.later-protocol"_s, "{\"release\":\"1.0\"}"},
        {u"event.key.dotted"_s, "{\"a.b\":1}"},
        {u"event.key.interface-misspelled"_s, "{\"sentry.interfaces.Foo\":{\"a\":1}}"},
        {u"event.key.empty"_s, "{\"culprit\":\"\"}"},
        {u"interface.full-name"_s, compact({{u"sentry.interfaces.User"_s, user}})},
        {u"interface.not-an-object"_s, "{\"user\":\"alice\"}"},
        {u"interface.query-short-key"_s, "{\"query\":\"select 1\"}"},
        {u"interface.no-relay-name"_s, "{\"sentry.interfaces.Query\":{\"query\":\"select 1\"}}"},
        {u"exception.single-object"_s, "{\"exception\":{\"type\":\"E\",\"value\":\"v\"}}"},
        {u"exception.value.not-an-object"_s, "{\"exception\":[1]}"},
        {u"exception.stacktrace-moved"_s,
         compact({{u"exception"_s, QJsonArray{QJsonObject{{u"type"_s, u"E"_s}, {u"value"_s, u"v"_s}}}},
                  {u"stacktrace"_s, QJsonObject{{u"frames"_s, QJsonArray{frame}}}}})},
        {u"stacktrace.frames.empty"_s, "{\"stacktrace\":{\"frames\":[]}}"},
        {u"frame.not-an-object"_s, "{\"stacktrace\":{\"frames\":[1]}}"},
        {u"frame.location"_s, compact(frameEvent({{u"lineno"_s, 1}}))},
        {u"frame.number.integer"_s, compact(frameEvent({{u"function"_s, u"f"_s}, {u"lineno"_s, u"x"_s}}))},
        {u"frame.context.item"_s, compact(frameEvent({{u"function"_s, u"f"_s}, {u"pre_context"_s, QJsonArray{1}}}))},
        {u"http.url.query"_s, "{\"request\":{\"url\":\"http://x/?a=1\",\"method\":\"GET\"}}"},
        {u"http.method.missing"_s, "{\"request\":{\"url\":\"http://x/\"}}"},
        {u"http.method.case"_s, "{\"request\":{\"url\":\"http://x/\",\"method\":\"get\"}}"},
    };
}

// A profile that applies the rule (v4 first).
Profile profileOf(const Rule &rule)
{
    return rule.verdict(Profile::V4).applies ? Profile::V4 : Profile::Relay;
}

bool reports(const QByteArray &json, Profile profile, const QString &ruleId)
{
    const ValidationResult result = Validator::validate(json, options(profile));
    return std::any_of(result.findings.cbegin(), result.findings.cend(),
                       [&ruleId](const Finding &f) { return f.rule == ruleId; });
}

} // namespace

class TestRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Walks the table: a check row without an input here fails, and so does one whose input
    // does not make the judge report it.
    void everyCheckRow_isTriggeredByAnInput_data()
    {
        QTest::addColumn<QString>("ruleId");
        for (const Rule &rule : Rules::all()) {
            if (rule.kind == RuleKind::Check)
                QTest::newRow(qPrintable(rule.id)) << rule.id;
        }
    }
    void everyCheckRow_isTriggeredByAnInput()
    {
        QFETCH(QString, ruleId);
        static const QHash<QString, QByteArray> inputs = checkInputs();
        QVERIFY2(inputs.contains(ruleId), "add an input that triggers this check to checkInputs()");
        const Rule &rule = Rules::byId(ruleId);
        QVERIFY(reports(inputs.value(ruleId), profileOf(rule), ruleId));
    }

    // Every input of the table names a row that exists and is a check.
    void checkInputs_nameCheckRows()
    {
        QSet<QString> ids;
        for (const Rule &rule : Rules::all())
            ids.insert(rule.id);
        const QHash<QString, QByteArray> inputs = checkInputs();
        for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
            QVERIFY2(ids.contains(it.key()) && Rules::byId(it.key()).kind == RuleKind::Check,
                     qPrintable(it.key()));
    }

    // The limits the checks compare with: at the row's number nothing, one past it the finding.
    void limits_judgedAtTheRowsNumber_data()
    {
        QTest::addColumn<QString>("ruleId");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("reported");
        for (const char *id : {"tags.key.length", "tags.value.length", "extra.keys", "extra.value.length",
                               "extra.depth", "event.event_id.length", "event.message.document-length",
                               "event.timestamp.future"}) {
            const int limit = limitOf(id);
            QVERIFY2(limit > 0, id);
            QTest::addRow("%s at %d", id, limit) << QString::fromLatin1(id) << limit << false;
            QTest::addRow("%s at %d", id, limit + 1) << QString::fromLatin1(id) << limit + 1 << true;
        }
    }
    void limits_judgedAtTheRowsNumber()
    {
        QFETCH(QString, ruleId);
        QFETCH(int, size);
        QFETCH(bool, reported);
        QJsonObject event;
        if (ruleId == "tags.key.length"_L1)
            event.insert(u"tags"_s, QJsonObject{{QString(size, u'k'), u"v"_s}});
        else if (ruleId == "tags.value.length"_L1)
            event.insert(u"tags"_s, QJsonObject{{u"k"_s, QString(size, u'v')}});
        else if (ruleId == "extra.value.length"_L1)
            event.insert(u"extra"_s, QJsonObject{{u"a"_s, QString(size, u'x')}});
        else if (ruleId == "event.event_id.length"_L1)
            event.insert(u"event_id"_s, QString(size, u'a'));
        else if (ruleId == "event.message.document-length"_L1)
            event.insert(u"message"_s, QString(size, u'm'));
        else if (ruleId == "event.timestamp.future"_L1) // seconds after the receipt time
            event.insert(u"timestamp"_s, Normalizer::formatTimestamp(options(Profile::V4).clock().addSecs(size)));
        if (ruleId == "extra.keys"_L1) {
            QJsonObject extra;
            for (int i = 0; i < size; ++i)
                extra.insert(u"k%1"_s.arg(i), i);
            event.insert(u"extra"_s, extra);
        } else if (ruleId == "extra.depth"_L1) { // objects nested `size` levels deep in extra
            QJsonValue value = 1;
            for (int i = 0; i < size; ++i)
                value = QJsonObject{{u"a"_s, value}};
            event.insert(u"extra"_s, QJsonObject{{u"a"_s, value}});
        }
        QCOMPARE(reports(compact(event), Profile::V4, ruleId), reported);
    }

    void levels_eachNameKeptAndEachNumberNamed()
    {
        QVERIFY(!Rules::levels().isEmpty());
        int previous = 0;
        for (const LevelInfo &level : Rules::levels()) {
            QVERIFY(level.number > previous);
            previous = level.number;
            const QJsonObject byName{{u"level"_s, level.name}};
            const ValidationResult named = Validator::validate(compact(byName), options(Profile::V4));
            QCOMPARE(named.normalized.value(u"level"_s).toString(), level.name);
            QVERIFY(!reports(compact(byName), Profile::V4, u"event.level.unknown"_s));
            const QJsonObject byNumber{{u"level"_s, level.number}};
            for (const Profile profile : {Profile::V4, Profile::Relay})
                QCOMPARE(Validator::validate(compact(byNumber), options(profile)).normalized.value(u"level"_s).toString(),
                         level.name);
        }
        for (const auto &[alias, stored] : Rules::relayLevelAliases()) {
            const QByteArray json = compact({{u"level"_s, alias}});
            QCOMPARE(Validator::validate(json, options(Profile::Relay)).normalized.value(u"level"_s).toString(), stored);
            QVERIFY(reports(json, Profile::V4, u"event.level.unknown"_s));
        }
    }

    void topLevelKeys_areHandledAsTheirRowsSay()
    {
        QSet<QString> keys;
        for (const TopLevelKey &row : Rules::topLevelKeys()) {
            QVERIFY2(!keys.contains(row.key), qPrintable(row.key));
            keys.insert(row.key);
            QCOMPARE(Rules::topLevelKey(row.key), &row);
            QVERIFY2(!Rules::interface(row.key, Profile::V4), qPrintable(row.key));
            const QByteArray json = compact({{row.key, u"x"_s}});
            if (row.role == KeyRole::LaterProtocol) {
                QVERIFY2(reports(json, Profile::V4, u"event.key.later-protocol"_s), qPrintable(row.key));
                QVERIFY(!Validator::validate(json, options(Profile::V4)).normalized.contains(row.key));
                continue;
            }
            QVERIFY2(!reports(json, Profile::V4, u"event.key.unknown"_s), qPrintable(row.key));
            if (row.missingRule.isEmpty())
                continue;
            // Absent: the row's rule is reported and its default stored.
            const Rule &missing = Rules::byId(row.missingRule);
            QCOMPARE(missing.key, row.key);
            const ValidationResult result = Validator::validate(QByteArray("{}"), options(Profile::V4));
            QVERIFY(reports("{}", Profile::V4, row.missingRule));
            if (!row.defaultValue.isEmpty())
                QCOMPARE(result.normalized.value(row.key).toString(), row.defaultValue);
            else
                QVERIFY(!result.normalized.value(row.key).toString().isEmpty());
        }
        QVERIFY(reports("{\"not_a_v4_key\":1}", Profile::V4, u"event.key.unknown"_s));
    }

    void limitRows_showTheirLimitInTheirTexts()
    {
        for (const Rule &rule : Rules::all()) {
            if (rule.limit <= 0 || rule.id == "event.timestamp.future"_L1)
                continue;
            const QString number = QString::number(rule.limit);
            QVERIFY2(rule.constraint.contains(number), qPrintable(rule.id));
            QVERIFY2(!rule.constraint.contains(u"{limit}"_s), qPrintable(rule.id));
            QVERIFY2(!rule.v4.message.contains(u"{limit}"_s), qPrintable(rule.id));
        }
        QCOMPARE(Rules::byId(u"event.timestamp.future"_s).constraint, u"at most 1 minute ahead"_s);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
