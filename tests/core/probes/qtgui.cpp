// Must not build: sentry_core sees Qt Core and Qt Network only, and this includes the whole Qt Gui module.
// Its core_rejects_* test (tests/core/CMakeLists.txt) passes when it fails to compile for that reason.
#include <QtGui>

int main()
{
    return 0;
}
