#include "theme.h"

#include "icons.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi::Theme {

namespace {
// What the platform gave us, captured before the first change.
struct System
{
    QString styleName = QApplication::style()->name();
    QPalette palette = QApplication::palette();
};

const System &system()
{
    static const System captured;
    return captured;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor highlight(0x6c, 0x5f, 0xc7);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x84, 0x8c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    const QColor disabled(0x7a, 0x7d, 0x84);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4e));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(u"Fusion"_s)->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x6c, 0x5f, 0xc7));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}
} // namespace

void apply(Settings::Theme theme)
{
    const System &original = system();
    switch (theme) {
    case Settings::Theme::System:
        QApplication::setStyle(original.styleName);
        QApplication::setPalette(original.palette);
        return;
    case Settings::Theme::Light:
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(lightPalette());
        return;
    case Settings::Theme::Dark:
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(darkPalette());
        return;
    }
}

QMenu *createMenu(Settings *settings, QWidget *parent)
{
    auto *menu = new QMenu(QApplication::translate("SentryUi::Theme", "&Theme"), parent);
    menu->setIcon(Icons::icon(u"theme"_s));
    auto *group = new QActionGroup(menu);
    const std::pair<Settings::Theme, const char *> themes[] = {
        {Settings::Theme::System, QT_TRANSLATE_NOOP("SentryUi::Theme", "&System")},
        {Settings::Theme::Light, QT_TRANSLATE_NOOP("SentryUi::Theme", "&Light")},
        {Settings::Theme::Dark, QT_TRANSLATE_NOOP("SentryUi::Theme", "&Dark")},
    };
    for (const auto &[theme, name] : themes) {
        QAction *action = menu->addAction(QApplication::translate("SentryUi::Theme", name));
        action->setCheckable(true);
        action->setChecked(settings->theme == theme);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, settings, [settings, theme = theme] {
            settings->theme = theme;
            apply(theme);
        });
    }
    return menu;
}

bool systemIsDark()
{
    return isDarkPalette(system().palette);
}

bool isDark()
{
    return isDarkPalette(QApplication::palette());
}

QColor verdictColor(Sentry::Verdict verdict)
{
    switch (verdict) {
    case Sentry::Verdict::Accepted:
        return QColor(0x2e, 0x7d, 0x32);
    case Sentry::Verdict::InvalidData:
    case Sentry::Verdict::AuthFailed:
    case Sentry::Verdict::TlsError:
        return QColor(0xc6, 0x28, 0x28);
    case Sentry::Verdict::RateLimited:
    case Sentry::Verdict::ServerError:
    case Sentry::Verdict::Timeout:
    case Sentry::Verdict::Unreachable:
        return QColor(0xe6, 0x7c, 0x00);
    case Sentry::Verdict::Cancelled:
        break;
    }
    return QColor(0x61, 0x61, 0x61);
}

QColor diffColor(DiffTint tint, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128; // the marks sit on Base, not Window
    switch (tint) {
    case DiffTint::Removed:
        return dark ? QColor(0x5c, 0x1e, 0x1e) : QColor(0xfb, 0xdc, 0xdc);
    case DiffTint::Added:
        return dark ? QColor(0x1e, 0x4d, 0x2b) : QColor(0xd7, 0xf5, 0xdd);
    case DiffTint::RemovedToken:
        return dark ? QColor(0x9a, 0x2c, 0x2c) : QColor(0xf4, 0xa8, 0xa8);
    case DiffTint::AddedToken:
        return dark ? QColor(0x2a, 0x7a, 0x40) : QColor(0x9c, 0xe4, 0xaa);
    }
    return palette.color(QPalette::Base);
}

} // namespace SentryUi::Theme
