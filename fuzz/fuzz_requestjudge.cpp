// libFuzzer target for the receiver's request judge: raw HTTP request bytes in, framed as the
// receiver frames them (RequestHead::parse up to the blank line, then Content-Length bytes of
// body), judged under one of four configurations (either profile; a server-side or a browser-only
// key set), picked by the input's hash. Invariants:
// no crash or assert; the answer has a status the receiver knows, and no header line an attacker
// can break (no CR or LF inside a header); an accepted request answers 200 with its event id
// (32 hex characters under Relay, up to 32 of any kind under v4, as that server kept them); a refusal names its part and (but for 301) carries X-Sentry-Error; the same request judged
// again gives the same decision (checked on one input in four, picked by the hash).

#include "requestjudge.h"
#include "socketguard.h"

#include <QDateTime>
#include <QHashFunctions>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort(); // an invariant broke: libFuzzer saves the input as a crash
}

// The keys of tests/data (requests/, traffic/captures.json): project 1 and the captures' project 2
// (slug shop-backend) for server-side clients; project 3 with a browser-only key and one origin.
Sentry::ReceiverConfig serverConfig(Sentry::Profile profile)
{
    Sentry::ReceiverConfig config;
    config.profile = profile;
    config.projects.append({u"1"_s, u"web"_s, {{u"public"_s, u"secret"_s}}});
    config.projects.append({u"2"_s, u"shop-backend"_s,
                            {{u"c0ffee5e1f2a4b6c8d9e0f1a2b3c4d5e"_s, u"7e57ab1ec0de4f00b1a2c3d4e5f60718"_s}}});
    return config;
}

Sentry::ReceiverConfig browserConfig(Sentry::Profile profile)
{
    Sentry::ReceiverConfig config;
    config.profile = profile;
    config.projects.append({u"3"_s, u"frontend"_s, {{u"c0ffee5e1f2a4b6c8d9e0f1a2b3c4d5e"_s, QString()}},
                            {u"http://127.0.0.1:8000"_s}});
    return config;
}

bool isWellFormedHeader(const Sentry::RawHeader &header)
{
    const auto clean = [](const QByteArray &text) { return !text.contains('\r') && !text.contains('\n'); };
    return !header.first.isEmpty() && clean(header.first) && clean(header.second);
}

// The v4 server kept any event_id of up to 32 characters (spec section 4: never checked for hex);
// Relay replaces one that is not a UUID, so there it is always 32 hex characters.
bool isStoredEventId(const QString &id, Sentry::Profile profile)
{
    static const QRegularExpression hexId(u"^[0-9a-f]{32}$"_s);
    if (profile == Sentry::Profile::Relay)
        return hexId.match(id).hasMatch();
    return !id.isEmpty() && id.size() <= 32;
}

void checkDecision(const Sentry::ReceivedRequest &request, const Sentry::Decision &decision,
                   Sentry::Profile profile)
{
    const Sentry::Answer &answer = decision.answer;
    const QByteArray unknownStatus = "HTTP/1.1 " + QByteArray::number(answer.status) + " Status\r\n";
    check(!answer.toHttp().startsWith(unknownStatus));
    for (const Sentry::RawHeader &header : answer.headers)
        check(isWellFormedHeader(header));
    for (const Sentry::Finding &finding : decision.findings)
        check(!finding.message.isEmpty() && !finding.rule.isEmpty());
    if (decision.isAccepted()) {
        check(answer.status == 200 && isStoredEventId(decision.eventId(), profile));
        if (request.method.toUpper() == "POST")
            check(QJsonDocument::fromJson(answer.body)["id"_L1].toString() == decision.eventId());
    } else if (!decision.refusal.isEmpty()) {
        check(answer.status != 200 && !decision.refusedPart.isEmpty() && decision.storedEvent.isEmpty());
        const bool explained = std::any_of(answer.headers.cbegin(), answer.headers.cend(),
                                           [](const Sentry::RawHeader &header) { return header.first == "X-Sentry-Error"; });
        check(answer.status == 301 || explained);
    } else {
        check(answer.status == 200); // OPTIONS and crossdomain.xml
    }
}

// `again`: judge it a second time and compare (the decision is a pure function of its inputs).
void judge(const Sentry::ReceivedRequest &request, const Sentry::ReceiverConfig &config, bool again)
{
    Sentry::JudgeOptions options;
    options.clock = [] { return QDateTime::fromSecsSinceEpoch(1796583212, Qt::UTC); };
    options.idGenerator = [] { return u"0123456789abcdef0123456789abcdef"_s; };
    const Sentry::Decision decision = Sentry::RequestJudge::judge(request, config, options);
    checkDecision(request, decision, config.profile);
    if (again)
        check(Sentry::RequestJudge::judge(request, config, options).toJson() == decision.toJson());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype blank = bytes.indexOf("\r\n\r\n");
    const qsizetype bodyStart = blank < 0 ? bytes.size() : blank + 4;
    QString error;
    const auto head = Sentry::RequestHead::parse(bytes.left(bodyStart), &error);
    if (!head) {
        check(!error.isEmpty());
        return 0;
    }
    const Sentry::ReceivedRequest request{head->method, head->target, head->headers,
                                          bytes.mid(bodyStart, qsizetype(qMin<qint64>(head->contentLength, size))),
                                          u"127.0.0.1"_s};
    // One of the four configurations per input, chosen by the input's hash (the same bytes always
    // meet the same one): each mutation is judged once (and again, for the determinism check)
    // instead of eight times, and the fuzzer still reaches every configuration.
    static const Sentry::ReceiverConfig configs[] = {serverConfig(Sentry::Profile::V4),
                                                     browserConfig(Sentry::Profile::V4),
                                                     serverConfig(Sentry::Profile::Relay),
                                                     browserConfig(Sentry::Profile::Relay)};
    // The determinism check on one input in four: judging twice halved the executions per second.
    const size_t hash = qHashBits(data, size, 0);
    judge(request, configs[hash % std::size(configs)], (hash / std::size(configs)) % 4 == 0);
    return 0;
}
