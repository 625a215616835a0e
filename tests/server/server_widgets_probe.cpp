// Built only by the server_rejects_widgets_include test, which passes when this fails to compile:
// sentry_server's usage requirements (Core, Network, HttpServer) must not put the widget headers
// on the include path.
#include <QWidget>

int main()
{
    return 0;
}
