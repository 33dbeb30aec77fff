#include "sparklinedelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace hwi::views {

namespace {

constexpr int Margin = 4;

struct Range {
    qint64 max = 0;
    qint64 min = 0;
    int known = 0;
};

Range rangeOf(const QVariantList& series) {
    Range range;
    for (const QVariant& value : series) {
        if (!value.isValid())
            continue;
        const qint64 number = value.toLongLong();
        range.max = range.known ? std::max(range.max, number) : number;
        range.min = range.known ? std::min(range.min, number) : number;
        ++range.known;
    }
    return range;
}

} // namespace

SparklineDelegate::SparklineDelegate(int seriesRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_role(seriesRole) {}

QString SparklineDelegate::seriesText(const QVariantList& series) {
    const Range range = rangeOf(series);
    if (!range.known)
        return {};
    QString latest = tr("unknown now");
    if (series.constLast().isValid())
        latest = tr("now %1").arg(series.constLast().toLongLong());
    return tr("Used units over %1 captures: %2 to %3, %4")
        .arg(series.size())
        .arg(range.min)
        .arg(range.max)
        .arg(latest);
}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, option.widget);
    const QVariantList series = index.data(m_role).toList();
    const Range range = rangeOf(series);
    if (!range.known)
        return;

    const bool selected = option.state & QStyle::State_Selected;
    const QColor ink = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QString latest =
        series.constLast().isValid() ? QString::number(series.constLast().toLongLong()) : QStringLiteral("?");
    const QFontMetrics metrics(option.font);
    const int textWidth = metrics.horizontalAdvance(QStringLiteral("0000"));
    const QRect area = option.rect.adjusted(Margin, Margin + 2, -Margin - textWidth - Margin, -Margin - 2);
    painter->save();
    painter->setPen(ink);
    painter->drawText(option.rect.adjusted(0, 0, -Margin, 0), Qt::AlignRight | Qt::AlignVCenter, latest);
    if (area.width() < 8 || area.height() < 4) {
        painter->restore();
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QColor line = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
    const auto pointAt = [&](int i, qint64 value) {
        const qreal x = series.size() > 1 ? area.left() + qreal(area.width()) * i / (series.size() - 1)
                                          : area.center().x();
        const qreal y = area.bottom() - (range.max > 0 ? qreal(area.height()) * value / range.max : 0);
        return QPointF(x, y);
    };
    // The baseline (0 used), faint; then the series, a gap where a capture did not know.
    QColor base = ink;
    base.setAlphaF(0.25f);
    painter->setPen(QPen(base, 1));
    painter->drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
    QPainterPath path;
    bool drawing = false;
    QPointF last;
    for (int i = 0; i < series.size(); ++i) {
        if (!series[i].isValid()) {
            drawing = false;
            continue;
        }
        last = pointAt(i, series[i].toLongLong());
        if (drawing)
            path.lineTo(last);
        else
            path.moveTo(last);
        drawing = true;
    }
    painter->setPen(QPen(line, 1.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(line);
    painter->drawEllipse(last, 2.0, 2.0); // the latest known value
    painter->restore();
}

bool SparklineDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString text = seriesText(index.data(m_role).toList());
    if (text.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), text, view->viewport(), option.rect);
    return true;
}

} // namespace hwi::views
