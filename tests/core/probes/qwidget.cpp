// Must not build: sentry_core sees Qt Core and Qt Network only, and this includes the Widgets class by its bare name.
// Its core_rejects_* test (tests/core/CMakeLists.txt) passes when it fails to compile for that reason.
#include <QWidget>

int main()
{
    return 0;
}
