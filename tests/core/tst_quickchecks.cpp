// The normalizer's quick checks (NormalizeOptions::quickChecks) recognise usual exception values,
// stacktraces and frames on the shared CBOR form and skip their full walk. They may only ever say
// "the full walk would report nothing and keep this as it came": this test normalizes the sample
// corpus, the event vectors and thousands of mutations of them both ways, in both profiles, and
// requires the same findings, changes and stored event, in the same order.

#include "normalizer.h"
#include "testsupport.h"
#include "validationsupport.h"

#include <QDir>
#include <QJsonObject>
#include <QJsonValue>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using ValidationSupport::withMember;

namespace {

// Values a mutation puts in place of a member: every JSON type, and the edges the rules care about.
QList<QJsonValue> hostileValues()
{
    return {QJsonValue::Null, true, 0, 7, 10.5, -1, 1e300, u""_s, u"12"_s, u" 12 "_s, u"x"_s,
            QString(3000, u'y'), QJsonArray{}, QJsonArray{u"line"_s, QJsonValue::Null},
            QJsonArray{u"line"_s, 3}, QJsonObject{}, QJsonObject{{u"a"_s, 1}}};
}

// Every container below the interfaces the quick checks look at, as a path of keys and indexes.
void collectPaths(const QJsonValue &node, QStringList path, QList<QStringList> *paths, bool inside)
{
    if (inside)
        paths->append(path);
    if (node.isObject()) {
        const QJsonObject object = node.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool interesting = inside || it.key().contains(u"exception"_s, Qt::CaseInsensitive)
                || it.key().contains(u"stacktrace"_s, Qt::CaseInsensitive);
            collectPaths(it.value(), path + QStringList{it.key()}, paths, interesting);
        }
    } else if (node.isArray()) {
        const QJsonArray array = node.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectPaths(array.at(i), path + QStringList{QString::number(i)}, paths, inside);
    }
}

// The event, and for each place below an exception or stacktrace: every hostile value in its
// stead, and for objects a member removed, an unknown member added before and after the others,
// and a key in upper case.
QList<QJsonObject> mutations(const QJsonObject &event)
{
    QList<QJsonObject> events{event};
    QList<QStringList> paths;
    collectPaths(event, {}, &paths, false);
    const QList<QJsonValue> values = hostileValues();
    const auto add = [&](const QStringList &path, const std::function<QJsonValue(const QJsonValue &)> &edit) {
        events.append(withMember(event, path, 0, edit).toObject());
    };
    for (const QStringList &path : std::as_const(paths)) {
        for (const QJsonValue &value : values)
            add(path, [value](const QJsonValue &) { return value; });
        add(path, [](const QJsonValue &node) {
            if (!node.isObject())
                return node;
            QJsonObject object = node.toObject();
            object.insert(u"AAA_unknown"_s, 1);
            object.insert(u"zzz_unknown"_s, u"z"_s);
            return QJsonValue(object);
        });
        add(path, [](const QJsonValue &node) {
            QJsonObject object = node.toObject();
            if (!object.isEmpty())
                object.remove(object.begin().key());
            return node.isObject() ? QJsonValue(object) : node;
        });
        add(path, [](const QJsonValue &node) {
            QJsonObject object = node.toObject();
            if (object.isEmpty())
                return node;
            const QString key = object.begin().key();
            object.insert(key.toUpper(), object.take(key));
            return QJsonValue(object);
        });
    }
    return events;
}

QString outcome(const QJsonObject &event, Profile profile, bool quick)
{
    NormalizeOptions options;
    options.profile = profile;
    options.clock = [] { return QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC); };
    options.idGenerator = [] { return u"0123456789abcdef0123456789abcdef"_s; };
    options.quickChecks = quick;
    const NormalizeResult result = Normalizer::normalize(event, options);
    QStringList lines;
    for (const Finding &f : result.findings)
        lines << severityName(f.severity) + u' ' + f.location + u' ' + f.rule + u' ' + actionName(f.action) + u' ' + f.message;
    const auto text = [](const QJsonValue &value) {
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    };
    for (const Change &c : result.changes)
        lines << u"change "_s + c.path + u' ' + c.description + u' ' + text(c.before) + u' ' + text(c.after);
    lines << QString::fromUtf8(QJsonDocument(result.event).toJson(QJsonDocument::Compact));
    return lines.join(u'\n');
}

} // namespace

class TestQuickChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quickChecks_changeNothing_data()
    {
        QTest::addColumn<QJsonObject>("event");
        const auto addFile = [](const QString &label, const QString &path) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
            if (document.isObject()) // the vectors include broken JSON and a top-level list
                QTest::newRow(qPrintable(label)) << document.object();
        };
        const QDir samples(QStringLiteral(SENTRY_SAMPLES_DIR));
        for (const QString &name : samples.entryList({u"*.json"_s}, QDir::Files))
            if (name != "manifest.json"_L1)
                addFile(u"sample "_s + name, samples.filePath(name));
        const QDir vectors(QStringLiteral(SENTRY_TEST_DATA_DIR "/events"));
        for (const QString &name : vectors.entryList({u"*.json"_s}, QDir::Files))
            addFile(u"vector "_s + name, vectors.filePath(name));
    }

    void quickChecks_changeNothing()
    {
        QFETCH(QJsonObject, event);
        const QList<QJsonObject> events = mutations(event);
        for (const QJsonObject &mutated : events) {
            for (const Profile profile : {Profile::V4, Profile::Relay}) {
                const QString quick = outcome(mutated, profile, true);
                const QString full = outcome(mutated, profile, false);
                if (quick != full) {
                    const QByteArray input = QJsonDocument(mutated).toJson(QJsonDocument::Compact);
                    QFAIL(qPrintable(u"%1 profile, input %2\nquick checks:\n%3\nfull walk:\n%4"_s.arg(
                        profileName(profile), QString::fromUtf8(input), quick, full)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestQuickChecks)
#include "tst_quickchecks.moc"
