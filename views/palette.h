#pragma once

#include "itemmodels/roles.h"

#include <QColor>
#include <QPalette>
#include <QString>

class QPainter;
class QRectF;
class QFont;

namespace hwi::views {

// True when the palette's window background is dark, so colours need lighter shades to stay readable.
bool isDarkPalette(const QPalette& palette);

// Good green, Warning amber, Bad red, Unknown grey, in shades readable on the palette's background.
QColor healthColor(models::HealthLevel level, const QPalette& palette);
// Black or white, whichever reads better on fill.
QColor contrastingTextColor(const QColor& fill);

// A rounded pill filled with fill and the text centred in a contrasting colour; shared by the status
// delegate and the StatusPill widget so both look the same.
void drawPill(QPainter& painter, const QRectF& rect, const QString& text, const QColor& fill);
// The font pills use: the given font, semi-bold, slightly smaller.
QFont pillFont(const QFont& base);

} // namespace hwi::views
