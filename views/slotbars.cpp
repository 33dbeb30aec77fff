#include "slotbars.h"
#include "palette.h"

#include <QEvent>
#include <QPainter>

namespace hwi::views {

namespace {

constexpr int BarHeight = 8;
constexpr int CaptionGap = 4; // caption to bar
constexpr int RowGap = 10;    // bar to next caption
constexpr int MaxBarWidth = 520;

QColor usageColor(std::int64_t used, std::int64_t limit, const QPalette& palette) {
    if (used >= limit)
        return healthColor(models::HealthLevel::Bad, palette);
    return healthColor(used * 4 >= limit * 3 ? models::HealthLevel::Warning : models::HealthLevel::Good,
                       palette);
}

} // namespace

SlotBars::SlotBars(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Slot capacity"));
}

void SlotBars::setCapacities(std::vector<hatchet::SlotCapacity> capacities,
                             std::optional<int> paddingEntries) {
    m_capacities = std::move(capacities);
    m_padding = paddingEntries;
    QStringList lines;
    for (const auto& capacity : m_capacities)
        lines << caption(capacity);
    if (m_padding)
        lines << paddingNote();
    setAccessibleDescription(lines.isEmpty() ? tr("No slot capacity reported")
                                             : lines.join(QLatin1Char('\n')));
    updateGeometry();
    update();
}

QString SlotBars::caption(const hatchet::SlotCapacity& capacity) {
    return typeName(capacity) % QStringLiteral(" \u2014 ") % details(capacity);
}

QString SlotBars::typeName(const hatchet::SlotCapacity& capacity) {
    return capacity.slotType.isEmpty() ? tr("(unnamed)") : capacity.slotType;
}

QString SlotBars::details(const hatchet::SlotCapacity& capacity) {
    const auto used = capacity.used();
    if (used && capacity.limit)
        return tr("%1 used, %2 available of %3").arg(*used).arg(*capacity.available).arg(*capacity.limit);
    if (capacity.limit)
        return tr("limit %1, availability not reported").arg(*capacity.limit);
    if (capacity.available)
        return tr("%1 available, limit not reported").arg(*capacity.available);
    return tr("no capacity reported");
}

QString SlotBars::paddingNote() const {
    const int n = m_padding.value_or(0);
    // Hatchet pads `slots` up to availableRuns entries: padding is max(0, availableRuns − running), not free.
    return n == 1 ? tr("1 padding entry in slots (not a run; free slots are availableRuns)")
                  : tr("%1 padding entries in slots (not runs; free slots are availableRuns)").arg(n);
}

int SlotBars::rowHeight() const {
    return fontMetrics().height() + CaptionGap + BarHeight;
}

QSize SlotBars::sizeHint() const {
    const QFontMetrics fm = fontMetrics();
    int width = 240;
    for (const auto& capacity : m_capacities)
        width = qMax(width, fm.horizontalAdvance(caption(capacity)));
    const int rows = int(m_capacities.size());
    int height = rows * rowHeight() + qMax(0, rows - 1) * RowGap;
    if (rows == 0)
        height = fm.height();
    if (m_padding)
        height += RowGap + fm.height();
    return {width, height};
}

QSize SlotBars::minimumSizeHint() const {
    return {120, sizeHint().height()};
}

void SlotBars::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QColor muted = palette().color(QPalette::PlaceholderText);
    QColor track = palette().color(QPalette::WindowText);
    track.setAlphaF(0.12f);
    const int barWidth = qMin(width(), MaxBarWidth);
    int y = 0;

    if (m_capacities.empty()) {
        painter.setPen(muted);
        painter.drawText(QRect(0, 0, width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("No slot capacity reported"));
        y = fm.height() + RowGap;
    }
    for (const auto& capacity : m_capacities) {
        // Caption: the slot type in bold, the counts in the normal weight.
        QFont bold = font();
        bold.setBold(true);
        const QString type = typeName(capacity);
        const QString rest = QStringLiteral(" \u2014 ") % details(capacity);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.setFont(bold);
        const int typeWidth = QFontMetrics(bold).horizontalAdvance(type);
        painter.drawText(QRect(0, y, typeWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, type);
        painter.setFont(font());
        painter.drawText(QRect(typeWidth, y, width() - typeWidth, fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(rest, Qt::ElideRight, width() - typeWidth));
        y += fm.height() + CaptionGap;

        const QRectF bar(0, y, barWidth, BarHeight);
        const qreal radius = BarHeight / 2.0;
        const auto used = capacity.used();
        if (used && capacity.limit) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(track);
            painter.drawRoundedRect(bar, radius, radius);
            if (*capacity.limit > 0 && *used > 0) {
                const qreal fraction = qMin<qreal>(1.0, qreal(*used) / qreal(*capacity.limit));
                painter.setBrush(usageColor(*used, *capacity.limit, palette()));
                painter.drawRoundedRect(
                    QRectF(bar.left(), bar.top(), qMax(bar.height(), bar.width() * fraction), bar.height()),
                    radius, radius);
            }
        } else {
            // Usage unknown: only the outline, so no fill can be mistaken for a count.
            painter.setPen(QPen(healthColor(models::HealthLevel::Unknown, palette()), 1, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        }
        y += BarHeight + RowGap;
    }
    if (m_padding) {
        painter.setPen(muted);
        painter.drawText(QRect(0, y, width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(paddingNote(), Qt::ElideRight, width()));
    }
}

void SlotBars::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace hwi::views
