#include "heartbeatdelegate.h"
#include "palette.h"

#include <QApplication>
#include <QPainter>

namespace hwi::views {

namespace {

constexpr int Margin = 4;

int dotDiameter(const QFontMetrics& fm) {
    return qMax(6, fm.height() / 2);
}

} // namespace

HeartbeatDelegate::HeartbeatDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {}

void HeartbeatDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const QFontMetrics& fm = opt.fontMetrics;
    const int diameter = dotDiameter(fm);
    const QRect area = opt.rect.adjusted(Margin, 0, -Margin, 0);
    if (area.width() <= 0)
        return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF dot(area.left() + 1, area.top() + (area.height() - diameter) / 2.0, diameter, diameter);
    painter->setPen(Qt::NoPen);
    painter->setBrush(healthColor(models::severityOf(index.data(models::SeverityRole)), opt.palette));
    painter->drawEllipse(dot);

    const int textLeft = area.left() + diameter + Margin + 2;
    const QRect textRect(textLeft, area.top(), area.right() - textLeft + 1, area.height());
    if (textRect.width() > 0 && !opt.text.isEmpty()) {
        const bool selected = opt.state & QStyle::State_Selected;
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          fm.elidedText(opt.text, opt.textElideMode, textRect.width()));
    }
    painter->restore();
}

QSize HeartbeatDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += dotDiameter(option.fontMetrics) + Margin + 2;
    return size;
}

} // namespace hwi::views
