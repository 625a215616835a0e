#include "icons.h"

#include "finding.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QPalette>
#include <QPixmap>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi::Icons {

namespace {

// The line icons' neutral stroke: readable on a light window, but on a dark one it has the
// contrast of a disabled control.
constexpr char NeutralStroke[] = "#6b7787";

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QIcon recoloured(QByteArray svg, const QColor &stroke)
{
    svg.replace(NeutralStroke, stroke.name().toLatin1());
    QIcon icon;
    for (const int size : {16, 20, 24, 32, 48, 64}) {
        QBuffer buffer(&svg);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(QSize(size, size));
        icon.addPixmap(QPixmap::fromImage(reader.read()));
    }
    return icon;
}

} // namespace

QIcon icon(const QString &name)
{
    const QString path = u":/icons/"_s + name + u".svg"_s;
    if (!isDark(QGuiApplication::palette()))
        return QIcon(path);
    QFile file(path);
    const QByteArray svg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (!svg.contains(NeutralStroke))
        return QIcon(path); // a coloured icon (error, warning, ok) reads on any background
    return recoloured(svg, QGuiApplication::palette().color(QPalette::ButtonText).darker(115));
}

QIcon severity(Sentry::Severity severity)
{
    switch (severity) {
    case Sentry::Severity::Error:
        return icon(u"error"_s);
    case Sentry::Severity::Warning:
        return icon(u"warning"_s);
    case Sentry::Severity::Info:
        break;
    }
    return icon(u"info"_s);
}

QIcon ok()
{
    return icon(u"ok"_s);
}

} // namespace SentryUi::Icons
