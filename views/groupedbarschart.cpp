#include "groupedbarschart.h"

#include "palette.h"

#include <QPainter>

#include <algorithm>

namespace hwi::views {

void GroupedBarsChart::sortItems(std::vector<Group>& groups) {
    for (Group& group : groups) {
        std::stable_sort(group.items.begin(), group.items.end(),
                         [](const Item& a, const Item& b) { return a.count > b.count; });
    }
}

void GroupedBarsChart::paintChart(QPainter& painter, const QRect& area) {
    const std::vector<Group> all = groups();
    const int line = lineHeight();
    int max = 1;
    for (const Group& group : all) {
        for (const Item& item : group.items)
            max = std::max(max, item.count);
    }
    const QColor barColor = palette().color(QPalette::Highlight);
    const QColor flagColor = healthColor(models::HealthLevel::Warning, palette());
    const int indent = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int labelWidth =
        std::min(area.width() / 2, fontMetrics().horizontalAdvance(QStringLiteral("0000000000000")));
    QRect row(area.left(), area.top(), area.width(), line);
    const auto fits = [&](int lines) { return row.top() + lines * line <= area.bottom() + 1; };
    std::size_t drawn = 0;
    for (; drawn < all.size(); ++drawn) {
        const Group& group = all[drawn];
        // The group line, one item and (if more remain) the "+N more" line must fit.
        if (!fits(drawn + 1 < all.size() ? 3 : 2))
            break;
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(group.flag.isEmpty() ? textColor() : flagColor);
        const QString heading = group.flag.isEmpty()
                                    ? tr("%1 · %2").arg(group.name).arg(group.total)
                                    : tr("⚠ %1 · %2 · %3").arg(group.name).arg(group.total).arg(group.flag);
        painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(bold).elidedText(heading, Qt::ElideRight, row.width()));
        painter.setFont(font());
        addTip(row, tr("%1: %2").arg(group.name, workersText(group.total)) +
                        (group.flag.isEmpty() ? QString() : QStringLiteral("\n") + group.flag));
        row.translate(0, line);
        const int limit = std::min<int>(itemsPerGroup(), int(group.items.size()));
        int shown = 0;
        for (; shown < limit; ++shown) {
            const bool last = shown + 1 == int(group.items.size());
            if (!fits(last ? 1 : 2))
                break;
            const Item& item = group.items[std::size_t(shown)];
            drawBarRow(painter, row.adjusted(indent, 0, 0, 0), labelWidth, item.name,
                       {{double(item.count), barColor}}, max, QString::number(item.count));
            addTip(row, tr("%1 %2: %3").arg(group.name, item.name, workersText(item.count)));
            row.translate(0, line);
        }
        if (shown < int(group.items.size())) {
            QStringList rest;
            for (std::size_t i = std::size_t(shown); i < group.items.size(); ++i)
                rest << QStringLiteral("%1 %2").arg(group.items[i].name).arg(group.items[i].count);
            drawMore(painter, row.adjusted(indent, 0, 0, 0), tr("+%1 more").arg(rest.size()));
            addTip(row, rest.join(QLatin1Char('\n')));
            row.translate(0, line);
            if (shown < limit)
                break; // out of room
        }
    }
    if (drawn < all.size() && fits(1))
        drawMore(painter, row, tr("+%1 more: see the table").arg(all.size() - drawn));
}

} // namespace hwi::views
