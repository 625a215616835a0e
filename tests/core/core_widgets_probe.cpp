// Built only by the core_rejects_widgets_include test, which passes when this fails to compile:
// sentry_core's usage requirements must not put the widget headers on the include path.
#include <QWidget>

int main()
{
    return 0;
}
