// libFuzzer target for Validator::validate, in both profiles: any bytes are judged without a crash,
// and the event the v4 profile stores is itself a clean event: judged again, it finds nothing at
// error level and stores the same (normalization is idempotent). A failed property is printed
// and aborts, so libFuzzer keeps the input.

#include "validationsupport.h"
#include "validator.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Sentry;
using namespace ValidationSupport;

namespace {

void fail(const char *what, const ValidationResult &first, const ValidationResult &again)
{
    std::fprintf(stderr, "%s\n--- first:\n%s\n--- stored event judged again:\n%s\n", what,
                 qPrintable(outcome(first)), qPrintable(outcome(again)));
    std::abort(); // libFuzzer saves the input as a crash
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    Validator::validate(json, options(Profile::Relay));
    const ValidationResult first = Validator::validate(json, options(Profile::V4));
    if (!first.parsed)
        return 0;
    const ValidationResult again = Validator::validate(first.normalized, options(Profile::V4));
    if (hasErrors(again.findings))
        fail("the stored event has errors", first, again);
    if (again.normalized != first.normalized)
        fail("the stored event changes when judged again", first, again);
    return 0;
}
