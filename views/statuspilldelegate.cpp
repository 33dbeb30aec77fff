#include "statuspilldelegate.h"
#include "palette.h"

#include <QApplication>
#include <QPainter>

namespace hwi::views {

namespace {
constexpr int CellMargin = 4;  // between the cell edge and the pill
constexpr int VerticalGap = 3; // above and below the pill in sizeHint
} // namespace

StatusPillDelegate::StatusPillDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_metrics(QFont()) {}

void StatusPillDelegate::updateMetrics(const QFont& viewFont) const {
    if (m_metricsValid && viewFont == m_viewFont)
        return;
    m_viewFont = viewFont;
    m_font = pillFont(viewFont);
    m_metrics = QFontMetrics(m_font);
    m_pillHeight = m_metrics.height() + 4;
    m_padding = m_metrics.height() * 3 / 4;
    m_metricsValid = true;
}

void StatusPillDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, option.widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    updateMetrics(option.font);

    const QRect area = option.rect.adjusted(CellMargin, 0, -CellMargin, 0);
    const int width = qMin(m_metrics.horizontalAdvance(text) + 2 * m_padding, area.width());
    const int height = qMin(m_pillHeight, option.rect.height());
    if (width <= 0 || height <= 0)
        return;
    const QRect pill(area.left(), area.top() + (area.height() - height) / 2, width, height);

    const QColor fill = healthColor(models::severityOf(index.data(models::SeverityRole)), option.palette);
    painter->save();
    painter->setFont(m_font);
    if (pill.width() - 2 * m_padding < m_metrics.horizontalAdvance(text)) {
        // Only a column narrower than the pill pays for eliding.
        const QString elided = m_metrics.elidedText(text, Qt::ElideRight, qMax(0, pill.width() - m_padding));
        drawPill(*painter, pill, elided, fill);
    } else {
        drawPill(*painter, pill, text, fill);
    }
    painter->restore();
}

QSize StatusPillDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    updateMetrics(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    const int textWidth = text.isEmpty() ? 0 : m_metrics.horizontalAdvance(text);
    return {textWidth + 2 * m_padding + 2 * CellMargin, m_pillHeight + 2 * VerticalGap};
}

} // namespace hwi::views
