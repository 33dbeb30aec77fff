#include "statuschart.h"

#include "palette.h"

#include "hatchet/health.h"
#include "itemmodels/fleetfigures.h"

#include <QPainter>

namespace hwi::views {

using analysis::PivotKey;

StatusChart::StatusChart(QWidget* parent)
    : ChartPanel(tr("Status and health"), parent) {}

QString StatusChart::emptyText() const {
    return figures()->workers == 0 ? tr("No workers") : QString();
}

void StatusChart::paintChart(QPainter& painter, const QRect& area) {
    const auto& statuses = figures()->pivot(PivotKey::Status);
    const double total = double(figures()->workers);
    const int line = lineHeight();
    // Status: one stacked bar, then its legend.
    QRect bar(area.left(), area.top(), area.width(), line);
    double x = bar.left();
    QRect legend(area.left(), bar.bottom() + 2, area.width(), line); // wraps to further lines
    int legendX = legend.left();
    for (const analysis::PivotRow& row : statuses) {
        const QColor color = healthColor(hatchet::statusHealth(row.key), palette());
        const QString name = row.key.isEmpty() ? tr("(no status)") : row.key;
        const QRectF segment(x, bar.top() + 2, row.workers / total * bar.width(), bar.height() - 4);
        painter.fillRect(segment, color);
        addTip(segment.toAlignedRect(), tr("%1: %2").arg(name, workersText(row.workers)));
        x = segment.right();
        const QString text = QStringLiteral("%1 %2").arg(name).arg(row.workers);
        const int width = fontMetrics().horizontalAdvance(text);
        if (legendX + 12 + width > legend.right() && legendX > legend.left()) {
            legend.translate(0, line); // wrap
            legendX = legend.left();
        }
        painter.setBrush(color);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QRectF(legendX, legend.center().y() - 4, 8, 8));
        painter.setPen(textColor());
        painter.drawText(QRect(legendX + 12, legend.top(), width + 2, line), Qt::AlignVCenter, text);
        legendX += 12 + width + 12;
    }
    // Health: a bar per state present.
    QRect row(area.left(), legend.bottom() + line / 2, area.width(), line);
    int max = 0;
    for (const int count : figures()->health)
        max = std::max(max, count);
    const int labelWidth =
        std::min(area.width() / 2, fontMetrics().horizontalAdvance(QStringLiteral("No dispatcher")) + 10);
    int hidden = 0;
    for (int state = 0; state < hatchet::HealthStateCount; ++state) {
        const int count = figures()->health[std::size_t(state)];
        if (count == 0)
            continue;
        if (row.bottom() > area.bottom() - (state + 1 < hatchet::HealthStateCount ? line : 0)) {
            hidden += count;
            continue;
        }
        const auto health = hatchet::HealthState(state);
        drawBarRow(painter, row, labelWidth, hatchet::healthStateLabel(health),
                   {{double(count), healthColor(hatchet::healthStateLevel(health), palette())}}, max,
                   QString::number(count));
        addTip(row, tr("Health %1: %2").arg(hatchet::healthStateId(health), workersText(count)));
        row.translate(0, line);
    }
    if (hidden > 0)
        drawMore(painter, row, tr("+%1 in other states").arg(workersText(hidden)));
}

} // namespace hwi::views
