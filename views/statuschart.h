#pragma once

#include "chartpanel.h"

namespace hwi::views {

// Workers by status (one stacked bar: ACTIVE green, PAUSED amber, INACTIVE red, others grey) and by health
// (a bar per state that any worker is in, most severe first, in its level's colour).
class StatusChart final : public ChartPanel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusChart)

public:
    explicit StatusChart(QWidget* parent = nullptr);

protected:
    void paintChart(QPainter& painter, const QRect& area) override;
    QString emptyText() const override;
};

} // namespace hwi::views
