// Must not build: the layers below ui/ (sentry_core, sentry_server) see no Qt Gui or Widgets, and
// this includes the whole Widgets module.
// Its core_rejects_* and server_rejects_* tests pass when it fails to compile.
#include <QtWidgets>

int main()
{
    return 0;
}
