#pragma once

// Internal to the normalizer: what one walk over an event collects (findings and changes) and the
// generic application of the Type / Required / MaxLength rows of rules.h.

#include "finding.h"
#include "rules.h"
#include "validationtypes.h"

#include <QDateTime>
#include <QJsonValue>
#include <QStringList>

#include <functional>

namespace Sentry {

QString jsonTypeName(const QJsonValue &value); // "a number", "null", "an object" …
QString pointerChild(const QString &parent, const QString &key);
QString pointerChild(const QString &parent, qsizetype index);

class NormalizeContext
{
public:
    explicit NormalizeContext(Profile profile) : m_profile(profile) {}

    Profile profile() const { return m_profile; }
    bool isV4() const { return m_profile == Profile::V4; }

    // Reports `ruleId` at `path` when the profile applies it; %1, %2 … in the message become args.
    // Returns whether it was reported.
    bool report(const QString &ruleId, const QString &path, const QStringList &args = {});
    bool report(const Rule &rule, const QString &path, const QStringList &args = {});
    // By value: temporaries (the usual case) are moved in, not copied.
    void change(QString path, QString description, QJsonValue before, QJsonValue after);

    // The Type and MaxLength rows about owner/key, for the value at parent/key (at parent itself
    // when key is empty). Returns false when the type is wrong (the row was reported with
    // %1 = the actual type, %2 = `dropped`); truncates *stored when too long. `text`: the value's
    // string when the caller already has it (saves a copy). `atParent`: report at parent itself
    // (a value the judge placed under `key`, which the input does not have there).
    bool checkMember(const QString &owner, const QString &key, const QJsonValue &value,
                     const QString &parent, const QString &dropped, QJsonValue *stored = nullptr,
                     const QString *text = nullptr, bool atParent = false);
    // The same for the rows of key already looked up (one entry of Rules::membersOf()).
    bool checkRows(const QList<const Rule *> &rows, const QString &key, const QJsonValue &value,
                   const QString &parent, const QString &dropped, QJsonValue *stored = nullptr,
                   const QString *text = nullptr);
    // The Required rows of `owner`: each missing key is reported at `path` (%1 = `dropped`).
    bool checkRequired(const QString &owner, const QJsonObject &object, const QString &path,
                       const QString &dropped);

    void reserveChanges(qsizetype count) { m_changes.reserve(m_changes.size() + count); }
    Findings takeFindings() { return std::move(m_findings); }
    QList<Change> takeChanges() { return std::move(m_changes); }
    bool hasErrorSince(qsizetype findingCount) const;
    qsizetype findingCount() const { return m_findings.size(); }

private:
    const QHash<QString, QList<const Rule *>> &membersOf(const QString &owner);

    Profile m_profile;
    Findings m_findings;
    // The last owner's member rows: callers ask about one owner many times in a row (a frame's
    // members), and comparing the owner is cheaper than hashing it into the rule index again.
    QString m_lastOwner;
    const QHash<QString, QList<const Rule *>> *m_lastMembers = nullptr;
    QList<Change> m_changes;
};

// Cuts `text` to `limit` characters; with `ellipsis` the result ends in "..." within the limit.
QString truncated(const QString &text, int limit, bool ellipsis);

} // namespace Sentry
