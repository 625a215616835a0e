// rules.h on its own until its struct Verdict no longer clashes with sendresult.h's enum Verdict
// (issue 13); then it joins the others in main.cpp. Lists the rules the way a GUI would.
#include <sentry-harness/finding.h>
#include <sentry-harness/rules.h>
#include <sentry-harness/validator.h>

int checkedRuleCount()
{
    int count = 0;
    for (const Sentry::Rule &rule : Sentry::Rules::all()) {
        if (!rule.id.isEmpty() && rule.verdict(Sentry::Profile::V4).applies)
            ++count;
    }
    return count;
}
