#include "capacitychart.h"

#include "palette.h"

#include "itemmodels/fleetfigures.h"

#include <QPainter>

namespace hwi::views {

using analysis::PivotKey;

CapacityChart::CapacityChart(QWidget* parent)
    : ChartPanel(tr("Capacity (schedulable)"), parent) {}

QString CapacityChart::emptyText() const {
    return figures()->pivot(PivotKey::SlotType).empty() ? tr("No slot types") : QString();
}

void CapacityChart::paintChart(QPainter& painter, const QRect& area) {
    const int line = lineHeight();
    const auto& types = figures()->pivot(PivotKey::SlotType);
    QColor usedColor = palette().color(QPalette::Highlight);
    const QColor freeColor = healthColor(models::HealthLevel::Good, palette());
    std::size_t shown = 0;
    for (int y = area.top(); shown < types.size() && y + 2 * line <= area.bottom() + 1; y += 2 * line + 4) {
        const analysis::PivotRow& row = types[shown++];
        const QString problem = analysis::pivotRowProblem(PivotKey::SlotType, row);
        const auto number = [](const std::optional<std::int64_t>& value) {
            return value ? QString::number(*value) : QStringLiteral("?");
        };
        const std::optional<std::int64_t> used =
            row.free && row.limit ? std::optional<std::int64_t>(*row.limit - *row.free) : std::nullopt;
        QString text = row.schedulable == 0 ? tr("no schedulable worker")
                                            : tr("%1 free of %2").arg(number(row.free), number(row.limit));
        const QRect caption(area.left(), y, area.width(), line);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(problem.isEmpty() ? textColor() : healthColor(models::HealthLevel::Bad, palette()));
        const int nameWidth =
            std::min(QFontMetrics(bold).horizontalAdvance(row.key) + 12, caption.width() / 2);
        painter.drawText(caption.adjusted(0, 0, -(caption.width() - nameWidth), 0), Qt::AlignVCenter,
                         QFontMetrics(bold).elidedText(row.key, Qt::ElideRight, nameWidth - 4));
        painter.setFont(font());
        painter.setPen(textColor());
        painter.drawText(caption.adjusted(nameWidth, 0, 0, 0), Qt::AlignVCenter | Qt::AlignRight,
                         fontMetrics().elidedText(text, Qt::ElideLeft, caption.width() - nameWidth));
        const QRect track(area.left(), y + line, area.width(), line - 4);
        QColor trackColor = mutedColor();
        trackColor.setAlphaF(0.12f);
        painter.fillRect(track, trackColor);
        if (row.limit && *row.limit > 0 && used) {
            const double scale = double(track.width()) / double(*row.limit);
            const double usedWidth = std::clamp(double(*used) * scale, 0.0, double(track.width()));
            painter.fillRect(QRectF(track.left(), track.top(), usedWidth, track.height()), usedColor);
            painter.fillRect(QRectF(track.left() + usedWidth, track.top(),
                                    std::clamp(double(*row.free) * scale, 0.0, track.width() - usedWidth),
                                    track.height()),
                             freeColor);
        }
        addTip(caption.united(track),
               tr("%1: %2 of %3 units in use, %4 free, on %5 schedulable of %6%7")
                   .arg(row.key, number(used), number(row.limit), number(row.free))
                   .arg(row.schedulable)
                   .arg(workersText(row.workers),
                        problem.isEmpty() ? QString() : QStringLiteral("\n") + problem));
    }
    if (shown < types.size())
        drawMore(painter, QRect(area.left(), area.bottom() - line, area.width(), line),
                 tr("+%1 more: see the Slot types table").arg(types.size() - shown));
}

} // namespace hwi::views
