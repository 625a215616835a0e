// Differential libFuzzer target for Validator::validate: with the quick checks on (the byte-level
// fast path of plainevent.h and the normalizer's quick checks) and off, any bytes must give the
// same findings, changes, stored event and parse details, in both profiles. Where the fast path
// answers on its own it must match the full walk too. A difference is printed and aborts.

#include "plainevent.h"
#include "validationsupport.h"
#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace ValidationSupport;

namespace {

void check(const QString &what, const QString &left, const QString &right)
{
    if (left == right)
        return;
    std::fprintf(stderr, "%s differ\n--- quick:\n%s\n--- full:\n%s\n", qPrintable(what),
                 qPrintable(left), qPrintable(right));
    std::abort(); // libFuzzer saves the input as a crash
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const Profile profile : {Profile::V4, Profile::Relay}) {
        check(profileName(profile), outcome(Validator::validate(json, options(profile, true))),
              outcome(Validator::validate(json, options(profile, false))));
    }
    const QByteArray text = json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json;
    if (const auto fast = PlainEvent::validate(text, options(Profile::V4, true))) {
        check(u"PlainEvent::validate()"_s, outcome(*fast, false),
              outcome(Validator::validate(json, options(Profile::V4, false)), false));
    }
    return 0;
}
