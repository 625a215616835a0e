#pragma once

// Light and dark palettes. Qt 6.4 has no colour-scheme hint, so "System" keeps the platform style
// and palette, and whether that is dark is judged from the lightness of its window colour.

#include "sendresult.h"
#include "settings.h"

#include <QColor>

class QMenu;
class QPalette;
class QWidget;

namespace SentryUi::Theme {

void apply(Settings::Theme theme);
bool systemIsDark();
bool isDark(); // the palette in use now
// View > Theme: System, Light, Dark; a choice applies at once and is kept in settings->theme.
QMenu *createMenu(Settings *settings, QWidget *parent);
// A verdict's colour (green stored, orange retried, red refused, grey cancelled): readable with
// white text, on light and dark palettes alike.
QColor verdictColor(Sentry::Verdict verdict);

// Backgrounds of diffs (the stored-event diff, a replay against its original): a whole line
// removed or added, and the changed tokens inside a changed line, for a light or dark palette.
enum class DiffTint { Removed, Added, RemovedToken, AddedToken };
QColor diffColor(DiffTint tint, const QPalette &palette);

} // namespace SentryUi::Theme
