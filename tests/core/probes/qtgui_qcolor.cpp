// Must not build: sentry_core sees Qt Core and Qt Network only, and this includes a Qt Gui class by its module path.
// Its core_rejects_* test (tests/core/CMakeLists.txt) passes when it fails to compile for that reason.
#include <QtGui/QColor>

int main()
{
    return 0;
}
