// Uses the installed Sentry::Core as another Qt program would: parse a DSN, build a store request,
// validate an event. Exit 0 only when all three answer as the protocol says. It includes every
// installed header (CMakeLists.txt checks the list against what was installed), so one file
// proves the public headers can be used together (rules.h's RuleVerdict and sendresult.h's
// Verdict no longer clash).
#include <sentry-harness/authheader.h>
#include <sentry-harness/backoff.h>
#include <sentry-harness/backoffs.h>
#include <sentry-harness/bodycodec.h>
#include <sentry-harness/clientpreset.h>
#include <sentry-harness/client.h>
#include <sentry-harness/clientshape.h>
#include <sentry-harness/dsn.h>
#include <sentry-harness/event.h>
#include <sentry-harness/eventshapes.h>
#include <sentry-harness/finding.h>
#include <sentry-harness/httpfield.h>
#include <sentry-harness/interfaces.h>
#include <sentry-harness/jsonpointer.h>
#include <sentry-harness/mask.h>
#include <sentry-harness/networkaccess.h>
#include <sentry-harness/outbox.h>
#include <sentry-harness/rawhttpsender.h>
#include <sentry-harness/rules.h>
#include <sentry-harness/scrubber.h>
#include <sentry-harness/sender.h>
#include <sentry-harness/sendsession.h>
#include <sentry-harness/sendresult.h>
#include <sentry-harness/serverrefusals.h>
#include <sentry-harness/storerequest.h>
#include <sentry-harness/validationtypes.h>
#include <sentry-harness/validator.h>

#include <QCoreApplication>
#include <cstdio>

namespace {

// Lists the rules the way a GUI would.
int checkedRuleCount()
{
    int count = 0;
    for (const Sentry::Rule &rule : Sentry::Rules::all()) {
        if (!rule.id.isEmpty() && rule.verdict(Sentry::Profile::V4).applies)
            ++count;
    }
    return count;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Sentry::Dsn dsn = Sentry::Dsn::parse(QStringLiteral("https://public:secret@sentry.example.com/42"));
    if (!dsn.isValid())
        return 1;
    const QByteArray event = "{\"event_id\": \"fc6d8c0c43fc4630ad850ee518f1b9d0\", \"message\": \"hello\"}";
    QString error;
    const auto request = Sentry::StoreRequest::build(dsn, event, {}, &error);
    if (!request || request->url().path() != QStringLiteral("/api/42/store/"))
        return 2;
    const Sentry::ValidationResult result = Sentry::Validator::validate(event);
    if (!result.isValid())
        return 3;
    if (checkedRuleCount() == 0)
        return 4;
    std::printf("consumer: %s valid\n", qPrintable(request->url().toString()));
    return 0;
}
