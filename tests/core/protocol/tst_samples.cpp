#include "rules.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include "testsupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace TestSupport;

namespace {

QByteArray readSample(const QString &name)
{
    QFile file(QStringLiteral(SENTRY_SAMPLES_DIR) + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonArray manifest()
{
    return QJsonDocument::fromJson(readSample(u"manifest.json"_s)).array();
}

bool hasErrorAtOrBelow(const Findings &findings, const QString &path)
{
    return std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &f) {
        return f.severity == Severity::Error
            && (path.isEmpty() || f.location == path || f.location.startsWith(path + u'/'));
    });
}

} // namespace

class TestSamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manifest_listsEverySampleWithATitle()
    {
        const QJsonArray entries = manifest();
        QVERIFY(entries.size() >= 15);
        QSet<QString> listed;
        for (const QJsonValue &entry : entries) {
            const QJsonObject e = entry.toObject();
            listed.insert(e.value(u"file"_s).toString());
            QVERIFY2(!e.value(u"title"_s).toString().isEmpty(), qPrintable(e.value(u"file"_s).toString()));
            QVERIFY(!e.value(u"description"_s).toString().isEmpty());
            QVERIFY(e.value(u"valid_v4"_s).isBool());
            QVERIFY(e.value(u"valid_relay"_s).isBool());
            QVERIFY(e.value(u"error_paths"_s).isArray());
        }
        const QStringList files = QDir(QStringLiteral(SENTRY_SAMPLES_DIR)).entryList({u"*.json"_s}, QDir::Files);
        for (const QString &file : files)
            QVERIFY2(file == "manifest.json"_L1 || listed.contains(file), qPrintable(file + u" is not in the manifest"_s));
        QCOMPARE(listed.size(), files.size() - 1);
    }

    void corpus_coversEveryInterfaceAndClient()
    {
        QSet<QString> interfaces;
        QSet<QString> clients;
        int broken = 0;
        for (const QJsonValue &entry : manifest()) {
            const QJsonObject e = entry.toObject();
            const QJsonObject event = QJsonDocument::fromJson(readSample(e.value(u"file"_s).toString())).object();
            for (const QString &key : event.keys()) {
                if (const InterfaceInfo *info = Interfaces::find(key))
                    interfaces.insert(info->fullName);
            }
            clients.insert(e.value(u"client"_s).toString().section(u'/', 0, 0));
            broken += e.value(u"valid_v4"_s).toBool() ? 0 : 1;
        }
        for (const InterfaceInfo &info : Interfaces::all())
            QVERIFY2(interfaces.contains(info.fullName), qPrintable(info.fullName));
        for (const QString &client : {u"raven-python"_s, u"raven-node"_s, u"raven-js"_s, u"raven-php"_s})
            QVERIFY2(clients.contains(client), qPrintable(client));
        QVERIFY(broken >= 5);
    }

    void sample_matchesManifestVerdict_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Profile>("profile");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QJsonArray>("errorPaths");
        for (const QJsonValue &entry : manifest()) {
            const QJsonObject e = entry.toObject();
            const QString file = e.value(u"file"_s).toString();
            QTest::addRow("%s v4", qPrintable(file)) << file << Profile::V4 << e.value(u"valid_v4"_s).toBool()
                                                     << e.value(u"error_paths"_s).toArray();
            QTest::addRow("%s relay", qPrintable(file)) << file << Profile::Relay << e.value(u"valid_relay"_s).toBool()
                                                        << e.value(u"error_paths_relay"_s).toArray();
        }
    }

    void sample_matchesManifestVerdict()
    {
        QFETCH(QString, file);
        QFETCH(Profile, profile);
        QFETCH(bool, valid);
        QFETCH(QJsonArray, errorPaths);
        const QByteArray json = readSample(file);
        QVERIFY(!json.isEmpty());
        const ValidationResult result = Validator::validate(json, profile);
        QVERIFY(result.parsed);
        QVERIFY2(result.isValid() == valid, qPrintable(describe(result.findings)));
        for (const QJsonValue &path : errorPaths)
            QVERIFY2(hasErrorAtOrBelow(result.findings, path.toString()), qPrintable(path.toString()));
        if (valid)
            QVERIFY(!result.normalized.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSamples)
#include "tst_samples.moc"
