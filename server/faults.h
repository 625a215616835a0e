#pragma once

// Fault injection for the receiver, as data rows: answer a status (400 … 503), add a delay, drop
// the connection or never answer — always, once, every Nth request or with a probability,
// optionally only for one project or client. Deterministic given the random source.
//
//     Sentry::FaultTable faults;
//     faults.add(*Sentry::Fault::parse(u"429,retry-after=30,every=3"_s, &error));
//     if (auto fault = faults.pick(project, client)) decision = fault->apply(decision);

#include "requestjudge.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Sentry {

struct Fault
{
    enum class Action { Status, Delay, Drop, Hang };
    enum class Trigger { Always, Once, EveryNth, Probability };

    QString spec; // as given: "429,retry-after=30,every=3"; also its name in the history
    Action action = Action::Status;
    int status = 0;
    bool sentryError = true; // a 500 without X-Sentry-Error looks like a proxy's answer
    int retryAfterSeconds = -1;
    int delayMs = 0;         // Delay; also added before a status answer with delay=MS
    Trigger trigger = Trigger::Always;
    int every = 1;
    double probability = 1.0;
    QString project;         // only this project id ("" = every project)
    QString client;          // only clients whose name starts with this ("" = every client)

    // "STATUS|delay=MS|drop|hang[,once|every=N|p=P][,project=ID][,client=NAME][,retry-after=S]
    // [,no-error][,delay=MS]"; nullopt and *error (what is wrong, and how to write it) otherwise.
    static std::optional<Fault> parse(const QString &spec, QString *error = nullptr);
    static QString syntaxHelp(); // the syntax with examples, for `serve --help`
    static QList<int> statuses(); // the statuses a fault may answer: 400, 401, 403, 413, 429, 500, 503

    // The canonical SPEC of this fault's fields (parse(toSpec()) gives the same fault back): how
    // the GUI's form turns into a row the parser checks.
    QString toSpec() const;

    // The decision with this fault's answer in place of the judge's (for a status fault).
    Decision apply(const Decision &decision) const;
};

// Ready-made faults for a demonstration, by name: "429 with Retry-After 5" is "429,retry-after=5".
struct FaultPreset
{
    QString name;
    QString spec;
};
QList<FaultPreset> faultPresets();

class FaultTable
{
public:
    using RandomSource = std::function<double()>; // uniform in [0, 1)

    explicit FaultTable(RandomSource random = {});

    void add(const Fault &fault);
    void replace(qsizetype index, const Fault &fault); // its counters start again
    void remove(qsizetype index);
    void clear();
    // A disabled fault is skipped by pick() and keeps its counters.
    void setEnabled(qsizetype index, bool enabled);
    bool isEnabled(qsizetype index) const { return m_enabled.value(index); }
    QList<Fault> faults() const { return m_faults; }
    QList<int> hits() const { return m_hits; } // per fault, in table order

    // The first fault that applies to this request (and counts it), or nullopt.
    std::optional<Fault> pick(const QString &project, const QString &client);

private:
    bool triggers(qsizetype index);

    RandomSource m_random;
    QList<Fault> m_faults;
    QList<int> m_seen; // matching requests per fault (for every=N)
    QList<int> m_hits; // requests the fault was applied to
    QList<bool> m_enabled;
};

} // namespace Sentry
