// libFuzzer target for Validator::validate, in both profiles: any bytes are judged without a crash,
// every finding's JSON pointer resolves in the input, and the event the v4 profile stores is itself
// a clean event: judged again, it finds nothing at error level and changes nothing (the properties
// of tests/validationsupport.h, which tst_validatorproperties checks over its inputs). A failed
// property is printed and aborts, so libFuzzer keeps the input.

#include "validationsupport.h"
#include "validator.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Sentry;
using namespace ValidationSupport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString failure = checkPointers(json, Validator::validate(json, options(Profile::Relay)));
    const ValidationResult first = Validator::validate(json, options(Profile::V4));
    failure += checkPointers(json, first) + checkStoredEvent(first);
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        std::abort(); // libFuzzer saves the input as a crash
    }
    return 0;
}
