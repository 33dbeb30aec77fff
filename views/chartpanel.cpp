#include "chartpanel.h"

#include "plaintooltips.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace hwi::views {

QString workersText(int count) {
    return count == 1 ? ChartPanel::tr("1 worker") : ChartPanel::tr("%1 workers").arg(count);
}

ChartPanel::ChartPanel(const QString& title, QWidget* parent)
    : QFrame(parent)
    , m_title(title) {
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(title);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::setFigures(const models::FleetFigures* figures) {
    m_figures = figures;
    update();
}

QSize ChartPanel::sizeHint() const {
    return {280, lineHeight() * 12};
}

QSize ChartPanel::minimumSizeHint() const {
    return {170, lineHeight() * 9}; // five side by side fit a 1024-px window
}

int ChartPanel::lineHeight() const {
    return fontMetrics().height() + 4;
}

QColor ChartPanel::textColor() const {
    return palette().color(QPalette::Text);
}

QColor ChartPanel::mutedColor() const {
    QColor muted = palette().color(QPalette::Text);
    muted.setAlphaF(0.6f);
    return muted;
}

void ChartPanel::addTip(const QRect& rect, const QString& text) {
    m_tips.push_back({rect, plainToolTip(text)});
}

void ChartPanel::drawBarRow(QPainter& painter, const QRect& row, int labelWidth, const QString& label,
                            const std::vector<Segment>& segments, double scale, const QString& valueText,
                            const QColor& labelColor) {
    const QFontMetrics metrics = fontMetrics();
    const int valueWidth = metrics.horizontalAdvance(valueText) + 6;
    const QRect labelRect(row.left(), row.top(), labelWidth - 6, row.height());
    painter.setPen(labelColor.isValid() ? labelColor : textColor());
    painter.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(label, Qt::ElideMiddle, labelRect.width()));
    const int barWidth = qMax(20, row.width() - labelWidth - qMax(valueWidth, 34));
    const QRect track(row.left() + labelWidth, row.top() + row.height() / 5, barWidth, row.height() * 3 / 5);
    QColor trackColor = mutedColor();
    trackColor.setAlphaF(0.12f);
    painter.fillRect(track, trackColor);
    double x = track.left();
    for (const Segment& segment : segments) {
        if (scale <= 0 || segment.value <= 0)
            continue;
        const double width = segment.value / scale * track.width();
        painter.fillRect(QRectF(x, track.top(), width, track.height()), segment.color);
        x += width;
    }
    painter.setPen(textColor());
    painter.drawText(QRect(track.right() + 6, row.top(), row.right() - track.right() - 6, row.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, valueText);
}

void ChartPanel::drawMore(QPainter& painter, const QRect& row, const QString& text) {
    painter.setPen(mutedColor());
    painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, text);
}

void ChartPanel::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    m_tips.clear();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect inner = contentsRect().adjusted(8, 6, -8, -6);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(textColor());
    const QRect titleRect(inner.left(), inner.top(), inner.width(), lineHeight());
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(bold).elidedText(m_title, Qt::ElideRight, titleRect.width()));
    painter.setFont(font());
    const QRect area = inner.adjusted(0, lineHeight() + 4, 0, 0);
    const QString empty = m_figures ? emptyText() : tr("No document");
    if (!empty.isEmpty()) {
        painter.setPen(mutedColor());
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, empty);
        return;
    }
    paintChart(painter, area);
}

bool ChartPanel::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        for (const Tip& tip : m_tips) {
            if (tip.rect.contains(help->pos())) {
                QToolTip::showText(help->globalPos(), tip.text, this, tip.rect);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QFrame::event(event);
}

} // namespace hwi::views
