#pragma once

#include "groupedbarschart.h"

namespace hwi::views {

// Labels as key → value → workers (the label pivot), keys carried by most workers first.
class LabelsChart final : public GroupedBarsChart {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelsChart)

public:
    explicit LabelsChart(QWidget* parent = nullptr);

protected:
    std::vector<Group> groups() const override;
    int itemsPerGroup() const override { return 3; }
    QString emptyText() const override;
};

} // namespace hwi::views
