#pragma once

// The sample corpus for "New from template": resources/samples/manifest.json, compiled into the
// resources under :/samples. Without a manifest every :/samples/*.json is listed by file name.

#include <QList>
#include <QString>

namespace SentryUi {

struct Sample
{
    QString file; // resource path, ":/samples/python-exception.json"
    QString title; // "raven-python 4.0: exception with frames"
    QString description;
    QString client; // "raven-python/4.0.0"; empty when unknown
    bool validV4 = true;
};

class SampleCatalog
{
public:
    static QList<Sample> load(const QString &root = QStringLiteral(":/samples"));
    static QString read(const Sample &sample, QString *error);
    // The corpus as files, for the Open dialog: installed under share/sentry-harness/samples, or
    // the source tree's when run from a build; empty when there is none.
    static QString folder();
};

} // namespace SentryUi
