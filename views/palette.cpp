#include "palette.h"

#include <QPainter>

#include <cmath>

namespace hwi::views {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor healthColor(models::HealthLevel level, const QPalette& palette) {
    // Light backgrounds get saturated mid-dark shades, dark backgrounds the pastel ones (Material 600/300);
    // each keeps at least 3:1 contrast (WCAG, graphics) against the palette's Base and Window.
    const bool dark = isDarkPalette(palette);
    switch (level) {
    case models::HealthLevel::Good:
        return dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1e, 0x8e, 0x3e);
    case models::HealthLevel::Warning:
        return dark ? QColor(0xfd, 0xd6, 0x63) : QColor(0xbb, 0x76, 0x00);
    case models::HealthLevel::Bad:
        return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xd9, 0x30, 0x25);
    case models::HealthLevel::Unknown:
        break;
    }
    return dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x80, 0x86, 0x8b);
}

QColor contrastingTextColor(const QColor& fill) {
    // Relative luminance (sRGB approximated by gamma 2.2); white text below the crossover point.
    auto channel = [](float c) { return std::pow(c, 2.2f); };
    const float luminance =
        0.2126f * channel(fill.redF()) + 0.7152f * channel(fill.greenF()) + 0.0722f * channel(fill.blueF());
    return luminance > 0.18f ? QColor(Qt::black) : QColor(Qt::white);
}

void drawPill(QPainter& painter, const QRectF& rect, const QString& text, const QColor& fill) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    const qreal radius = rect.height() / 2;
    painter.drawRoundedRect(rect, radius, radius);
    painter.setPen(contrastingTextColor(fill));
    painter.drawText(rect, Qt::AlignCenter | Qt::TextSingleLine, text);
    painter.restore();
}

QFont pillFont(const QFont& base) {
    QFont font = base;
    font.setWeight(QFont::DemiBold);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.9);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qMax(8, font.pixelSize() * 9 / 10));
    return font;
}

} // namespace hwi::views
