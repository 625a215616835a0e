// libFuzzer target for Dsn::parse: any text must parse to findings, never crash; a valid DSN has a
// host a URL carries; and whatever the builder makes from a valid DSN, the v4 server's parser must
// accept. (The auth parser alone: fuzz_auth.)

#include "authheader.h"
#include "dsn.h"
#include "storerequest.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort(); // an invariant broke: libFuzzer saves the input as a crash
}

void fuzzDsn(const QString &text)
{
    const Sentry::Dsn dsn = Sentry::Dsn::parse(text);
    (void)dsn.toString();
    (void)dsn.toString(Sentry::Dsn::SecretDisplay::Shown);
    if (!dsn.isValid())
        return;
    check(dsn.storeUrl().isValid() && dsn.legacyStoreUrl().isValid());
    check(!dsn.storeUrl().host().isEmpty()); // never "valid" with http:///api/1/store/
    Sentry::StoreRequestOptions options;
    options.clock = [] { return qint64(1329096377); };
    QString error;
    const auto request = Sentry::StoreRequest::build(dsn, "{}", options, &error);
    if (!request) {
        check(!error.isEmpty()); // refused with a reason (e.g. a key containing ',')
        return;
    }
    // The builder never produces a header the server's parser would reject.
    const auto header = Sentry::AuthHeader::parse(QString::fromUtf8(request->header("X-Sentry-Auth")));
    check(header.isValid());
    check(header.value(u"sentry_key"_s) == dsn.publicKey());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzzDsn(text);
    return 0;
}
