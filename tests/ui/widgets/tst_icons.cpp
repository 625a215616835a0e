#include "finding.h"
#include "icons.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// The lightness of the lightest drawn pixel of the icon at 24 px.
int strokeLightness(const QIcon &icon)
{
    const QImage image = icon.pixmap(24, 24).toImage();
    int lightest = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour = image.pixelColor(x, y);
            if (colour.alpha() > 200)
                lightest = std::max(lightest, colour.lightness());
        }
    }
    return lightest;
}

QPalette paletteWithWindow(const QColor &window, const QColor &text)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}
} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QApplication::setPalette(QPalette()); }

    // In the dark palette the target panel's +, ✎ and − looked disabled: grey on dark grey.
    void icon_lineIconsStandOutOnADarkWindow_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("add") << u"add"_s;
        QTest::addRow("rename") << u"rename"_s;
        QTest::addRow("remove") << u"remove"_s;
    }
    void icon_lineIconsStandOutOnADarkWindow()
    {
        QFETCH(QString, name);
        QApplication::setPalette(paletteWithWindow(QColor(0x2b, 0x2d, 0x31), QColor(0xe8, 0xea, 0xed)));
        const int dark = strokeLightness(SentryUi::Icons::icon(name));
        QApplication::setPalette(paletteWithWindow(QColor(0xf5, 0xf5, 0xf5), Qt::black));
        const int light = strokeLightness(SentryUi::Icons::icon(name));
        QVERIFY2(light >= 0 && light < 140, qPrintable(QString::number(light)));
        QVERIFY2(dark > 170, qPrintable(u"stroke lightness %1 on a window of lightness 45"_s.arg(dark)));
    }

    void icon_colouredIconsKeepTheirColour()
    {
        QApplication::setPalette(paletteWithWindow(QColor(0x2b, 0x2d, 0x31), QColor(0xe8, 0xea, 0xed)));
        const QImage error = SentryUi::Icons::severity(Sentry::Severity::Error).pixmap(24, 24).toImage();
        bool red = false;
        for (int y = 0; y < error.height() && !red; ++y) {
            for (int x = 0; x < error.width() && !red; ++x) {
                const QColor c = error.pixelColor(x, y);
                red = c.alpha() > 200 && c.red() > c.green() + 60;
            }
        }
        QVERIFY(red);
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
