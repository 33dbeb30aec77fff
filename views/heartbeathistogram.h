#pragma once

#include "chartpanel.h"

#include <QtGlobal>

#include <array>
#include <vector>

namespace hwi::views {

// Heartbeat ages at the reference time as a histogram: one-second bins up to 5 s (heartbeats come every
// 4 s), then 10 s, 20 s, 30 s, 1 min, 5 min, 1 h, 24 h and older, and a separate bar for workers that never
// sent one. Dashed marks at 5 s (no new work) and 30 s (runs reassigned); bars in the heartbeat colours.
class HeartbeatHistogram final : public ChartPanel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeartbeatHistogram)

public:
    static constexpr int BinCount = 13; // the age bins, without "never"
    // Upper bounds (inclusive, msecs) of the bins; the last is open.
    static const std::array<qint64, BinCount - 1>& binBounds();
    // Workers per bin (ages below zero count in the first), for these ages.
    static std::array<int, BinCount> bin(const std::vector<qint64>& ages);

    explicit HeartbeatHistogram(QWidget* parent = nullptr);

protected:
    void paintChart(QPainter& painter, const QRect& area) override;
    QString emptyText() const override;
};

} // namespace hwi::views
