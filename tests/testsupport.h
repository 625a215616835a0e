#pragma once

// What the suites share: the sandbox every test that touches files or settings opens with,
// reading tests/data, and describing findings in failures.

#include "finding.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

namespace TestSupport {

// Keeps a test off the machine: QStandardPaths in test mode from the moment the test object
// exists (the user's own folders and settings are never read or written), and a scratch directory
// removed when the test ends. A member of the test class; initTestCase() checks isValid().
class Sandbox
{
public:
    Sandbox() { QStandardPaths::setTestModeEnabled(true); }
    Q_DISABLE_COPY_MOVE(Sandbox)

    bool isValid() const { return m_dir.isValid(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // The path of `name` in the sandbox with no file there yet (what an earlier test left is removed).
    QString freshFile(const QString &name) const
    {
        QFile::remove(filePath(name));
        return filePath(name);
    }

private:
    QTemporaryDir m_dir;
};

// A clock that moves only when told, for backoff waits without sleeping: hand clock() to a
// Backoff, SendSession or Outbox, then advance() past the wait and resume().
class ManualClock
{
public:
    QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());

    std::function<QDateTime()> clock()
    {
        return [this] { return now; };
    }
    void advance(qint64 seconds) { now = now.addSecs(seconds); }
};

// A file under tests/data; a missing file ends the test run at once, naming it.
inline QByteArray readTestData(const QString &relative)
{
    QFile file(QStringLiteral(SENTRY_TEST_DATA_DIR) + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline QJsonArray loadVectors(const QString &relative)
{
    return QJsonDocument::fromJson(readTestData(relative)).array();
}

// One Qt Test row per vector (column "vector", a QJsonObject, named by its "name") of each file.
inline void addVectorRows(const QStringList &files)
{
    QTest::addColumn<QJsonObject>("vector");
    for (const QString &file : files) {
        const QJsonArray vectors = loadVectors(file);
        QVERIFY2(!vectors.isEmpty(), qPrintable(file));
        for (const QJsonValue &vector : vectors)
            QTest::addRow("%s", qPrintable(vector[QStringLiteral("name")].toString())) << vector.toObject();
    }
}

inline bool hasFinding(const Sentry::Findings &findings, Sentry::Severity severity,
                       const std::function<bool(const Sentry::Finding &)> &match)
{
    return std::any_of(findings.cbegin(), findings.cend(), [&](const Sentry::Finding &f) {
        return f.severity == severity && match(f);
    });
}

// One line per finding, for QVERIFY2 messages: "error /request http.url.required: …".
inline QString describe(const Sentry::Findings &findings)
{
    QStringList lines;
    for (const Sentry::Finding &f : findings) {
        QString line = Sentry::severityName(f.severity) + u' ' + f.location;
        if (!f.rule.isEmpty())
            line += u' ' + f.rule;
        lines << line + QStringLiteral(": ") + f.message;
    }
    return lines.join(u'\n');
}

} // namespace TestSupport
