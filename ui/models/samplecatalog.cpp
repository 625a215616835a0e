#include "samplecatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
Sample sampleFromJson(const QJsonObject &entry, const QString &root)
{
    const QString file = entry.value("file"_L1).toString();
    Sample sample;
    sample.file = root + u'/' + file;
    sample.title = entry.value("title"_L1).toString(QFileInfo(file).completeBaseName());
    sample.description = entry.value("description"_L1).toString();
    sample.client = entry.value("client"_L1).toString();
    sample.validV4 = entry.value("valid_v4"_L1).toBool(true);
    return sample;
}

QList<Sample> fromManifest(const QByteArray &bytes, const QString &root)
{
    const QJsonDocument manifest = QJsonDocument::fromJson(bytes);
    // Either a list of entries or {"samples": [...]}.
    const QJsonArray entries
        = manifest.isArray() ? manifest.array() : manifest.object().value("samples"_L1).toArray();
    QList<Sample> samples;
    for (const QJsonValue &entry : entries) {
        if (entry.isObject() && !entry["file"_L1].toString().isEmpty())
            samples.append(sampleFromJson(entry.toObject(), root));
    }
    return samples;
}

QList<Sample> fromDirectory(const QString &root)
{
    QList<Sample> samples;
    const QStringList files = QDir(root).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (file != "manifest.json"_L1)
            samples.append({root + u'/' + file, QFileInfo(file).completeBaseName()});
    }
    return samples;
}
} // namespace

QList<Sample> SampleCatalog::load(const QString &root)
{
    QFile manifest(root + u"/manifest.json"_s);
    if (manifest.open(QIODevice::ReadOnly)) {
        const QList<Sample> samples = fromManifest(manifest.readAll(), root);
        if (!samples.isEmpty())
            return samples;
    }
    return fromDirectory(root);
}

QString SampleCatalog::read(const Sample &sample, QString *error)
{
    QFile file(sample.file);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("SentryUi::SampleCatalog",
                                                 "Cannot read the sample %1: %2")
                         .arg(sample.file, file.errorString());
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QString SampleCatalog::folder()
{
    const QString installed = u"sentry-harness/samples"_s;
    const QStringList candidates = {
        QStandardPaths::locate(QStandardPaths::GenericDataLocation, installed,
                               QStandardPaths::LocateDirectory),
        QCoreApplication::applicationDirPath() + u"/../share/"_s + installed,
        QStringLiteral(SENTRY_SOURCE_SAMPLES_DIR),
    };
    for (const QString &candidate : candidates) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isDir())
            return QDir::cleanPath(QFileInfo(candidate).absoluteFilePath());
    }
    return {};
}

} // namespace SentryUi
