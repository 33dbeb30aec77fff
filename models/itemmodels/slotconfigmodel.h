#pragma once

#include "sectionmodel.h"

namespace hwi::models {

// A row of SlotConfigModel.
struct SlotConfigRow {
    hatchet::SlotCapacity capacity;
    json::NodeId node;
};

// Capacity per slot type (`slotConfig`, or the old era's maxRuns/availableRuns as "default").
class SlotConfigModel final : public SectionTable<SlotConfigRow> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotConfigModel)

public:
    enum Columns { SlotTypeColumn = 0, UsedColumn, AvailableColumn, LimitColumn, NUM_COLUMNS };
    enum Roles {
        UsedRole = FirstModelRole, // qint64 used slots, invalid when unknown; on every cell, for a bar
        LimitRole,                 // qint64 limit, invalid when unknown
    };

    explicit SlotConfigModel(QObject* parent = nullptr);
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {QT_TR_NOOP("Slot type"), QT_TR_NOOP("Used"),
                                                        QT_TR_NOOP("Available"), QT_TR_NOOP("Limit")};
    QVariant cell(int row, int column, int role) const override;
};

} // namespace hwi::models
