// libFuzzer target for BodyCodec::decode: any bytes on the wire must give a result or a specific
// error, never a crash, and never more than the decompressed cap.

#include "bodycodec.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort(); // an invariant broke: libFuzzer saves the input as a crash
}

void decodeWith(const QByteArray &body, const Sentry::DecodeLimits &limits)
{
    const Sentry::DecodeResult result = Sentry::BodyCodec::decode(body, limits);
    check(result.isOk() == result.errorString.isEmpty());
    check(result.json.size() <= limits.maxDecompressed);
    check(result.inflatedBytes <= limits.maxDecompressed);
    if (!result.isOk()) {
        check(result.json.isEmpty());
        return;
    }
    check(result.form != Sentry::BodyForm::Unknown);
    // What decoded must survive our own encoding unchanged.
    const QByteArray again = Sentry::BodyCodec::encode(result.json, Sentry::BodyEncoding::Base64Zlib);
    const Sentry::DecodeResult round = Sentry::BodyCodec::decode(again, {again.size(), limits.maxDecompressed});
    check(round.isOk() && round.json == result.json);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    decodeWith(body, {});
    decodeWith(body, {qsizetype(size), 4096}); // a small cap reaches the bomb path quickly
    return 0;
}
