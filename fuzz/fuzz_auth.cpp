// libFuzzer target for AuthHeader::parse alone (an X-Sentry-Auth value as pasted or received):
// any text parses to fields and findings, never crashes; every finding says what and where; a
// header past the length limit is refused unparsed; and one judged valid, rebuilt from its own
// fields, is judged valid again (or, when the rebuilt text is past the limit, refused for its length
// alone: the rebuilt header writes ", " between fields, so a valid header just under the limit
// written with bare commas grows past it).

#include "authheader.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort(); // an invariant broke: libFuzzer saves the input as a crash
}

void judge(const QString &text, Sentry::ClientKind kind)
{
    const Sentry::AuthHeader header = Sentry::AuthHeader::parse(text, kind);
    for (const Sentry::Finding &finding : header.findings())
        check(!finding.message.isEmpty() && !finding.rule.isEmpty() && !finding.location.isEmpty());
    if (text.trimmed().size() > Sentry::AuthHeader::MaxParsedLength)
        check(header.fields().isEmpty() && !header.isValid());
    if (!header.isValid())
        return;
    const QString rebuilt = header.toString();
    const Sentry::AuthHeader again = Sentry::AuthHeader::parse(rebuilt, kind);
    if (rebuilt.trimmed().size() <= Sentry::AuthHeader::MaxParsedLength) {
        check(again.isValid());
        return;
    }
    check(again.findings().size() == 1 && again.findings().constFirst().rule == u"auth.too-long"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    judge(text, Sentry::ClientKind::Server);
    judge(text, Sentry::ClientKind::Browser);
    return 0;
}
