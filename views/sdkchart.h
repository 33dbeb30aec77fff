#pragma once

#include "groupedbarschart.h"

namespace hwi::views {

// SDK language × version (the sdk pivot): a language running several SDK versions at once is flagged.
class SdkChart final : public GroupedBarsChart {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SdkChart)

public:
    explicit SdkChart(QWidget* parent = nullptr);

protected:
    std::vector<Group> groups() const override;
    QString emptyText() const override;
};

} // namespace hwi::views
