#pragma once

#include "chartpanel.h"

namespace hwi::views {

// Capacity per slot type over the schedulable workers: a bar per type filled with the units in use and the
// free units (green) up to its limit, "7 used · 3 free of 10" above it; a type with nothing free, or no
// schedulable worker, is named in red.
class CapacityChart final : public ChartPanel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapacityChart)

public:
    explicit CapacityChart(QWidget* parent = nullptr);

protected:
    void paintChart(QPainter& painter, const QRect& area) override;
    QString emptyText() const override;
};

} // namespace hwi::views
