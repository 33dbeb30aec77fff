#pragma once

#include <QStyledItemDelegate>

namespace hwi::views {

// The Slots column: per slot type one thin used/limit bar with "default 3/5" beside it, stacked.
// Reads a QVariantList of QVariantMap{"type": QString, "used": qint64 or invalid, "limit": qint64} from
// capacitiesRole (by default WorkerTableModel::SlotCapacitiesRole). Full bars are red, busy ones amber, the
// rest green; an unknown "used" is an outline.
class SlotBarDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotBarDelegate)
public:
    explicit SlotBarDelegate(QObject* parent = nullptr);
    explicit SlotBarDelegate(int capacitiesRole, QObject* parent = nullptr);

    int capacitiesRole() const { return m_role; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    int m_role;
};

} // namespace hwi::views
