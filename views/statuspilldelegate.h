#pragma once

#include <QFont>
#include <QFontMetrics>
#include <QStyledItemDelegate>

namespace hwi::views {

// Paints a cell's display text (a worker status) as a pill coloured by SeverityRole (a HealthLevel as int;
// Unknown when absent), like the Hatchet dashboard. The model decides the level, never the text here.
class StatusPillDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusPillDelegate)
public:
    explicit StatusPillDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    // Font and sizes derived from the view's font, recomputed only when that font changes.
    void updateMetrics(const QFont& viewFont) const;

    mutable QFont m_viewFont;
    mutable QFont m_font;
    mutable QFontMetrics m_metrics;
    mutable int m_pillHeight = 0;
    mutable int m_padding = 0;
    mutable bool m_metricsValid = false;
};

} // namespace hwi::views
