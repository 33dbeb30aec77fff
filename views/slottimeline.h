#pragma once

#include "hatchet/worker.h"

#include <QDateTime>
#include <QWidget>

#include <optional>
#include <vector>

namespace hwi::views {

// Busy slots on a shared time axis: each a bar from startedAt to timeoutAt, the reference time (capture
// time or now) as a vertical line. The part already elapsed is solid, the rest light; a slot whose
// timeout lies before the reference is overdue and drawn red. A slot missing either time is a dashed
// marker. Ticks are labelled relative to the reference ("−2 min", "now", "+3 min"), at a step that suits
// the span (seconds to days) so labels never overlap. A reference far from the runs (an old file measured
// against now) does not stretch the scale: the axis covers the runs only, with clock-time labels, and the
// reference is a marker at the edge beyond a break ("now: 320 d later →").
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

    // True when the reference is too far from the runs to share their scale (see the class comment).
    bool referenceOffAxis() const { return m_referenceSide != 0; }
    // What the off-axis reference marker says ("now: 320 d 2 h later →"); empty when on the axis.
    QString referenceMarkerText() const;

    // One tick of a time axis, placed so that no two labels overlap.
    struct Tick {
        qint64 msecs = 0;
        int x = 0;           // pixels from the axis' left edge, 0..widthPx
        QString label;       // empty: an unlabelled tick (its label would have overlapped another)
        int labelLeft = 0;   // pixels from the axis' left edge; labels lie inside 0..widthPx
        int labelWidth = 0;  // measured in font (bold for the origin)
        bool origin = false; // the reference tick, labelled originLabel
    };
    // The ticks of an axis from fromMsecs to toMsecs drawn widthPx wide in font: the smallest "nice" step
    // (1 s … 1 year) whose measured labels keep a gap between them. With an origin inside the span, labels
    // count from it ("−2 min", originLabel, "+3 min"); otherwise they are UTC clock times, the first (and
    // each new day) with its date ("15 Jan 09:29", "09:30", …), or dates for day steps.
    static std::vector<Tick> ticks(qint64 fromMsecs, qint64 toMsecs, int widthPx, const QFont& font,
                                   std::optional<qint64> originMsecs = std::nullopt,
                                   const QString& originLabel = {});

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
    int markerZoneWidth() const;
    // The x of the reference line: on the axis, or the off-axis marker at the track's edge.
    qreal referenceX() const;
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
    int m_referenceSide = 0;   // 0: on the axis; +1/−1: off-axis, after/before the runs
    qint64 m_referenceGap = 0; // msecs from the nearest run time to the off-axis reference
};

} // namespace hwi::views
