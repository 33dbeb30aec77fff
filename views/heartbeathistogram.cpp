#include "heartbeathistogram.h"

#include "palette.h"

#include "hatchet/health.h"
#include "itemmodels/fleetfigures.h"
#include "itemmodels/timeformat.h"

#include <QPainter>

#include <algorithm>

namespace hwi::views {

namespace {

// The count as written above its bar: whole when it fits the width, else in thousands ("2.1k", "21k"), else
// nothing.
QString countFitting(int count, double width, const QFontMetricsF& metrics) {
    if (count <= 0)
        return {};
    QString text = QString::number(count);
    if (metrics.horizontalAdvance(text) > width && count >= 1000)
        text = count < 10000 ? QString::number(count / 1000.0, 'f', 1) + QLatin1Char('k')
                             : QString::number((count + 500) / 1000) + QLatin1Char('k');
    return metrics.horizontalAdvance(text) <= width ? text : QString();
}

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;

const char* const BinLabels[HeartbeatHistogram::BinCount] = {"1s",  "2s", "3s", "4s", "5s", "10s", "20s",
                                                             "30s", "1m", "5m", "1h", "1d", ">1d"};

models::HealthLevel binLevel(int bin) {
    const qint64 upper = bin < HeartbeatHistogram::BinCount - 1
                             ? HeartbeatHistogram::binBounds()[std::size_t(bin)]
                             : std::numeric_limits<qint64>::max();
    return upper <= hatchet::HeartbeatTimeoutMsecs ? models::HealthLevel::Good
           : upper <= hatchet::ReassignmentMsecs   ? models::HealthLevel::Warning
                                                   : models::HealthLevel::Bad;
}

} // namespace

const std::array<qint64, HeartbeatHistogram::BinCount - 1>& HeartbeatHistogram::binBounds() {
    static const std::array<qint64, BinCount - 1> bounds = {Second,
                                                            2 * Second,
                                                            3 * Second,
                                                            4 * Second,
                                                            hatchet::HeartbeatTimeoutMsecs,
                                                            10 * Second,
                                                            20 * Second,
                                                            hatchet::ReassignmentMsecs,
                                                            Minute,
                                                            5 * Minute,
                                                            60 * Minute,
                                                            24 * 60 * Minute};
    return bounds;
}

std::array<int, HeartbeatHistogram::BinCount> HeartbeatHistogram::bin(const std::vector<qint64>& ages) {
    std::array<int, BinCount> counts{};
    const auto& bounds = binBounds();
    for (const qint64 age : ages) {
        const auto upper = std::lower_bound(bounds.begin(), bounds.end(), age);
        ++counts[std::size_t(upper - bounds.begin())];
    }
    return counts;
}

HeartbeatHistogram::HeartbeatHistogram(QWidget* parent)
    : ChartPanel(tr("Heartbeat age"), parent) {}

QString HeartbeatHistogram::emptyText() const {
    if (figures()->workers == 0)
        return tr("No workers");
    if (!figures()->referenceMsecs)
        return tr("No reference time: ages unknown");
    return {};
}

void HeartbeatHistogram::paintChart(QPainter& painter, const QRect& area) {
    const std::array<int, BinCount> counts = bin(figures()->heartbeatAges);
    const int never = figures()->neverHeartbeated + figures()->unknownHeartbeat;
    const int max = std::max(never, *std::max_element(counts.begin(), counts.end()));
    const int line = lineHeight();
    const int columns = BinCount + 1; // the "never" bar, after a gap of half a bar
    const double step = (area.width() - 4) / (columns + 0.5);
    const QRect plot(area.left(), area.top() + line, area.width(), area.height() - 2 * line - 2);
    painter.setPen(mutedColor());
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    double labelEnd = plot.left() - 1e9;
    const auto column = [&](int index, int count, const QString& label, const QColor& color,
                            const QString& tip) {
        const double x = plot.left() + 2 + step * (index + (index == BinCount ? 0.5 : 0));
        const double height = max > 0 ? double(count) / max * (plot.height() - line) : 0;
        const QRectF barRect(x + 1, plot.bottom() - height, step - 2, height);
        painter.fillRect(barRect, color);
        painter.setFont(small);
        // A count wider than its bar is shortened (2127 -> 2.1k) so neighbours never touch; one that still
        // does not fit is left to the bar's tooltip.
        if (const QString text = countFitting(count, step - 2, QFontMetricsF(small)); !text.isEmpty()) {
            painter.setPen(textColor());
            painter.drawText(QRectF(x, barRect.top() - line, step, line), Qt::AlignHCenter | Qt::AlignBottom,
                             text);
        }
        // Labels that would touch the one before are left out (narrow windows); the bar's tooltip names it.
        const double labelWidth = QFontMetricsF(small).horizontalAdvance(label) + 4;
        const double labelLeft = x + step / 2 - labelWidth / 2;
        if (labelLeft >= labelEnd) {
            painter.setPen(mutedColor());
            painter.drawText(QRectF(labelLeft, plot.bottom() + 2, labelWidth, line),
                             Qt::AlignHCenter | Qt::AlignTop, label);
            labelEnd = labelLeft + labelWidth;
        }
        painter.setFont(font());
        addTip(QRectF(x, plot.top(), step, plot.height() + line).toAlignedRect(), tip);
    };
    const auto& bounds = binBounds();
    for (int i = 0; i < BinCount; ++i) {
        const QString range = i == 0 ? tr("up to %1").arg(models::durationText(bounds[0]))
                              : i == BinCount - 1
                                  ? tr("over %1").arg(models::durationText(bounds[std::size_t(i - 1)]))
                                  : tr("%1 to %2")
                                        .arg(models::durationText(bounds[std::size_t(i - 1)]),
                                             models::durationText(bounds[std::size_t(i)]));
        column(i, counts[std::size_t(i)], QLatin1String(BinLabels[i]), healthColor(binLevel(i), palette()),
               tr("Heartbeat %1 old: %2").arg(range, workersText(counts[std::size_t(i)])));
    }
    column(BinCount, never, tr("never"), healthColor(models::HealthLevel::Unknown, palette()),
           tr("No heartbeat (or not a time): %1").arg(workersText(never)));
    // The marks sit on the boundaries after the 5 s and the 30 s bins.
    QPen dashed(healthColor(models::HealthLevel::Bad, palette()), 1, Qt::DashLine);
    painter.setFont(small);
    for (auto [bin, text] : {std::pair{5, tr("no new work 5 s")}, std::pair{8, tr("30 s reassigned")}}) {
        const double x = plot.left() + 2 + step * bin;
        painter.setPen(dashed);
        painter.drawLine(QPointF(x, plot.top() - line + 2), QPointF(x, plot.bottom()));
        painter.setPen(mutedColor());
        // The 5 s text ends at its mark, the 30 s text starts at its own: they never overlap.
        if (step * 3 < QFontMetricsF(small).horizontalAdvance(text))
            text = bin == 5 ? tr("5 s") : tr("30 s");
        const QRectF textRect = bin == 5 ? QRectF(area.left(), area.top(), x - 3 - area.left(), line)
                                         : QRectF(x + 3, area.top(), area.right() - x - 3, line);
        painter.drawText(textRect, (bin == 5 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, text);
    }
    painter.setFont(font());
}

} // namespace hwi::views
