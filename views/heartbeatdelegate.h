#pragma once

#include <QStyledItemDelegate>

namespace hwi::views {

// "Last seen": a dot coloured by SeverityRole (a HealthLevel as int; Unknown when absent) and the
// display text ("3 s ago", "never").
class HeartbeatDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeartbeatDelegate)
public:
    explicit HeartbeatDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace hwi::views
