#include "faults.h"

#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// The statuses a fault may answer, with the text a server of that era (or a proxy) sent.
struct FaultStatus
{
    int status;
    const char *text;
};

constexpr FaultStatus FaultStatuses[] = {
    {400, "Client request error: fault injected by the receiver"},
    {401, "Unauthorized: fault injected by the receiver"},
    {403, "Creation of this event was blocked"},
    {413, "Request body too large: fault injected by the receiver"},
    {429, "Creation of this event was denied due to rate limiting."},
    {500, "Internal server error: fault injected by the receiver"},
    {503, "Service unavailable: fault injected by the receiver"},
};

const FaultStatus *faultStatus(int status)
{
    for (const FaultStatus &row : FaultStatuses) {
        if (row.status == status)
            return &row;
    }
    return nullptr;
}

QString statusList()
{
    QStringList statuses;
    for (const FaultStatus &row : FaultStatuses)
        statuses.append(QString::number(row.status));
    return statuses.join(u", "_s);
}

bool parseAction(Fault &fault, const QString &token, QString *error)
{
    bool ok = false;
    if (token == "drop"_L1) {
        fault.action = Fault::Action::Drop;
    } else if (token == "hang"_L1) {
        fault.action = Fault::Action::Hang;
    } else if (token.startsWith("delay="_L1)) {
        fault.action = Fault::Action::Delay;
        fault.delayMs = token.mid(6).toInt(&ok);
        if (!ok || fault.delayMs < 0) {
            *error = u"'%1': the delay must be a number of milliseconds, e.g. delay=2000"_s.arg(token);
            return false;
        }
    } else {
        fault.status = token.toInt(&ok);
        if (!ok || !faultStatus(fault.status)) {
            *error = u"'%1' is not a fault: start with a status (%2), delay=MS, drop or hang"_s.arg(
                token, statusList());
            return false;
        }
    }
    return true;
}

bool parseNumber(const QString &token, const QString &value, double min, double max, double *out,
                 QString *error)
{
    bool ok = false;
    *out = value.toDouble(&ok);
    if (ok && *out >= min && *out <= max)
        return true;
    *error = u"'%1': expected a number from %2 to %3"_s.arg(token).arg(min).arg(max);
    return false;
}

bool parseOption(Fault &fault, const QString &token, QString *error)
{
    const QString name = token.section(u'=', 0, 0);
    const QString value = token.section(u'=', 1);
    double number = 0;
    if (token == "once"_L1) {
        fault.trigger = Fault::Trigger::Once;
    } else if (token == "no-error"_L1) {
        fault.sentryError = false;
    } else if (name == "every"_L1) {
        if (!parseNumber(token, value, 1, 1e9, &number, error))
            return false;
        fault.trigger = Fault::Trigger::EveryNth;
        fault.every = int(number);
    } else if (name == "p"_L1 || name == "probability"_L1) {
        if (!parseNumber(token, value, 0, 1, &number, error))
            return false;
        fault.trigger = Fault::Trigger::Probability;
        fault.probability = number;
    } else if (name == "retry-after"_L1) {
        if (!parseNumber(token, value, 0, 1e9, &number, error))
            return false;
        fault.retryAfterSeconds = int(number);
    } else if (name == "delay"_L1) {
        if (!parseNumber(token, value, 0, 1e9, &number, error))
            return false;
        fault.delayMs = int(number);
    } else if (name == "project"_L1 && !value.isEmpty()) {
        fault.project = value;
    } else if (name == "client"_L1 && !value.isEmpty()) {
        fault.client = value;
    } else {
        *error = u"unknown fault option '%1': use once, every=N, p=0.5, project=ID, client=NAME, "
                 "retry-after=S, no-error or delay=MS"_s.arg(token);
        return false;
    }
    return true;
}

// The presets of faultPresets(): names for people, SPECs for the parser.
constexpr struct
{
    const char *name;
    const char *spec;
} Presets[] = {
    {"429 with Retry-After 5", "429,retry-after=5"},
    {"500", "500"},
    {"slow 3 s", "delay=3000"},
    {"drop", "drop"},
};

QString actionSpec(const Fault &fault)
{
    switch (fault.action) {
    case Fault::Action::Status: return QString::number(fault.status);
    case Fault::Action::Delay: return u"delay=%1"_s.arg(fault.delayMs);
    case Fault::Action::Drop: return u"drop"_s;
    case Fault::Action::Hang: return u"hang"_s;
    }
    return {};
}

QString triggerSpec(const Fault &fault)
{
    switch (fault.trigger) {
    case Fault::Trigger::Always: return {};
    case Fault::Trigger::Once: return u"once"_s;
    case Fault::Trigger::EveryNth: return u"every=%1"_s.arg(fault.every);
    case Fault::Trigger::Probability: return u"p=%1"_s.arg(fault.probability);
    }
    return {};
}

} // namespace

QList<int> Fault::statuses()
{
    QList<int> statuses;
    for (const FaultStatus &row : FaultStatuses)
        statuses.append(row.status);
    return statuses;
}

QString Fault::toSpec() const
{
    QStringList tokens = {actionSpec(*this), triggerSpec(*this)};
    if (!project.isEmpty())
        tokens.append(u"project="_s + project);
    if (!client.isEmpty())
        tokens.append(u"client="_s + client);
    if (action == Action::Status && retryAfterSeconds >= 0)
        tokens.append(u"retry-after=%1"_s.arg(retryAfterSeconds));
    if (action == Action::Status && !sentryError)
        tokens.append(u"no-error"_s);
    if (action == Action::Status && delayMs > 0)
        tokens.append(u"delay=%1"_s.arg(delayMs));
    tokens.removeAll(QString());
    return tokens.join(u',');
}

QList<FaultPreset> faultPresets()
{
    QList<FaultPreset> presets;
    for (const auto &row : Presets)
        presets.append({QString::fromUtf8(row.name), QString::fromLatin1(row.spec)});
    return presets;
}

std::optional<Fault> Fault::parse(const QString &spec, QString *error)
{
    QString problem;
    Fault fault;
    fault.spec = spec.trimmed();
    const QStringList tokens = fault.spec.split(u',', Qt::SkipEmptyParts);
    bool ok = !tokens.isEmpty() && parseAction(fault, tokens.first().trimmed(), &problem);
    for (qsizetype i = 1; ok && i < tokens.size(); ++i)
        ok = parseOption(fault, tokens.at(i).trimmed(), &problem);
    if (ok)
        return fault;
    if (error)
        *error = u"bad fault '%1': %2. See serve --help for the syntax."_s.arg(
            spec, problem.isEmpty() ? u"it is empty"_s : problem);
    return std::nullopt;
}

QString Fault::syntaxHelp()
{
    return u"Fault SPEC: ACTION[,OPTION]...\n"
           "  ACTION   a status (%1), delay=MS, drop (close the connection) or hang (never answer)\n"
           "  OPTION   once | every=N | p=PROBABILITY   (default: every request)\n"
           "           project=ID | client=NAME-PREFIX  (only those requests)\n"
           "           retry-after=SECONDS (adds Retry-After) | no-error (500 without X-Sentry-Error)\n"
           "           delay=MS (wait before a status answer)\n"
           "  Examples: --fault 429,retry-after=30,every=3   --fault 500,no-error,p=0.1\n"
           "            --fault drop,once   --fault delay=2000,client=raven-node   --fault hang,project=2\n"_s
        .arg(statusList());
}

Decision Fault::apply(const Decision &decision) const
{
    if (action != Action::Status)
        return decision;
    Decision faulted = decision;
    const QByteArray text = QByteArray(faultStatus(status)->text);
    Answer &answer = faulted.answer;
    answer.status = status;
    answer.headers = {{"Content-Type", "text/plain"}};
    answer.body = status == 500 && !sentryError ? QByteArray("Internal Server Error") : text;
    if (sentryError)
        answer.headers.append({"X-Sentry-Error", status == 500 ? QByteArray() : text});
    if (retryAfterSeconds >= 0)
        answer.headers.append({"Retry-After", QByteArray::number(retryAfterSeconds)});
    for (const RawHeader &header : decision.answer.headers) {
        if (header.first.startsWith("Access-Control-"))
            answer.headers.append(header);
    }
    faulted.storedEvent = {}; // a faulted request is recorded, but not stored as accepted
    faulted.refusal = u"fault"_s;
    faulted.refusedPart = u"fault %1"_s.arg(spec);
    return faulted;
}

FaultTable::FaultTable(RandomSource random) : m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

void FaultTable::add(const Fault &fault)
{
    m_faults.append(fault);
    m_seen.append(0);
    m_hits.append(0);
    m_enabled.append(true);
}

void FaultTable::replace(qsizetype index, const Fault &fault)
{
    if (index < 0 || index >= m_faults.size())
        return;
    m_faults[index] = fault;
    m_seen[index] = 0;
    m_hits[index] = 0;
}

void FaultTable::setEnabled(qsizetype index, bool enabled)
{
    if (index >= 0 && index < m_enabled.size())
        m_enabled[index] = enabled;
}

void FaultTable::remove(qsizetype index)
{
    if (index < 0 || index >= m_faults.size())
        return;
    m_faults.removeAt(index);
    m_seen.removeAt(index);
    m_hits.removeAt(index);
    m_enabled.removeAt(index);
}

void FaultTable::clear()
{
    m_faults.clear();
    m_seen.clear();
    m_hits.clear();
    m_enabled.clear();
}

std::optional<Fault> FaultTable::pick(const QString &project, const QString &client)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        const Fault &fault = m_faults.at(i);
        if (!m_enabled.at(i))
            continue;
        if (!fault.project.isEmpty() && fault.project != project)
            continue;
        if (!fault.client.isEmpty() && !client.startsWith(fault.client))
            continue;
        if (triggers(i)) {
            ++m_hits[i];
            return fault;
        }
    }
    return std::nullopt;
}

bool FaultTable::triggers(qsizetype index)
{
    const Fault &fault = m_faults.at(index);
    const int seen = ++m_seen[index];
    switch (fault.trigger) {
    case Fault::Trigger::Always: return true;
    case Fault::Trigger::Once: return m_hits.at(index) == 0;
    case Fault::Trigger::EveryNth: return seen % fault.every == 0;
    case Fault::Trigger::Probability: return m_random() < fault.probability;
    }
    return false;
}

} // namespace Sentry
