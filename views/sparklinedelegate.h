#pragma once

#include <QStyledItemDelegate>

namespace hwi::views {

// Paints a cell's series (a QVariantList of numbers, oldest first; an invalid entry where the value is
// unknown, which leaves a gap) as a small line from 0 to the series' largest value, the latest value as
// text at its right. The tooltip tells the range. The role is the model's
// (WorkerTableModel::UsageSeriesRole).
class SparklineDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)

public:
    SparklineDelegate(int seriesRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

    // "Used units over 12 captures: 0 to 7, now 3" ("" for an empty series).
    static QString seriesText(const QVariantList& series);

private:
    int m_role;
};

} // namespace hwi::views
