#pragma once

#include "hatchet/worker.h"

#include <QDateTime>
#include <QWidget>

#include <vector>

namespace hwi::views {

// Busy slots on a shared time axis: each a bar from startedAt to timeoutAt, the reference time (capture
// time or now) as a vertical line. The part already elapsed is solid, the rest light; a slot whose
// timeout lies before the reference is overdue and drawn red. A slot missing either time is a dashed
// marker. Ticks are labelled relative to the reference ("−2 min", "now", "+3 min").
class SlotTimeline final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotTimeline)
public:
    explicit SlotTimeline(QWidget* parent = nullptr);

    // Old-era free padding entries are skipped, so a worker's slots() can be passed as they are.
    void setSlots(std::vector<hatchet::Slot> busySlots, const QDateTime& referenceTime);
    const std::vector<hatchet::Slot>& busySlots() const { return m_slots; }
    QDateTime referenceTime() const { return m_reference; }
    // How the zero tick is labelled: "now" by default, e.g. "capture" for a saved file.
    void setReferenceLabel(const QString& label);
    QString referenceLabel() const { return m_referenceLabel; }

    // The x coordinate of a time (UTC msecs) in widget coordinates, and the row of a slot.
    qreal xForTime(qint64 msecs) const;
    QRect rowRect(int index) const;
    int rowAt(const QPoint& pos) const;
    bool isOverdue(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Double-click on a slot's row (index into busySlots()).
    void slotActivated(int index);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int rowHeight() const;
    int axisHeight() const;
    int labelWidth() const;
    QRect trackRect() const;
    QString toolTipFor(int index) const;
    void updateRange();
    void paintAxis(QPainter& painter) const;
    void paintRow(QPainter& painter, int index) const;

    std::vector<hatchet::Slot> m_slots;
    QDateTime m_reference;
    qint64 m_referenceMsecs = 0;
    QString m_referenceLabel;
    qint64 m_rangeStart = 0; // the axis, UTC msecs
    qint64 m_rangeEnd = 1;
};

} // namespace hwi::views
