#pragma once

#include "sectionmodel.h"

namespace hwi::models {

// The busy slots of one worker (servers before Feb 2026 fill `slots`). The padded free entries of that era
// are not rows: freePaddingCount() counts them for a "N free" summary. What a reader scans first (action,
// status, times) comes first, the two UUIDs last. Every cell of a row carries the row's SeverityRole: Bad
// when the slot is overdue (its timeout lies before the reference time), so a view can paint the whole row
// red as the timeline does; Good before the timeout, Unknown without one.
class SlotsModel final : public SectionTable<hatchet::Slot> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotsModel)

public:
    enum Columns {
        ActionColumn = 0,
        StatusColumn,
        StartedColumn,
        TimeLeftColumn, // timeout - reference time; negative: "overdue by 12 s"
        TimeoutColumn,
        StepRunIdColumn,
        WorkflowRunIdColumn,
        NUM_COLUMNS
    };

    // A new reference time changes the texts of Started, Time left and Timeout, and the SeverityRole of
    // every column (a slot becomes overdue): dataChanged spans whole rows.
    explicit SlotsModel(QObject* parent = nullptr);
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;

    int freePaddingCount() const { return m_freePadding; }
    bool hasSlotList() const { return m_hasSlotList; }
    // "3 busy · 2 free"; empty when the worker has no `slots` list (servers since Feb 2026).
    QString summaryText() const;

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {
        QT_TR_NOOP("Action"),         QT_TR_NOOP("Status"),  QT_TR_NOOP("Started"),
        QT_TR_NOOP("Time left"),      QT_TR_NOOP("Timeout"), QT_TR_NOOP("Step run ID"),
        QT_TR_NOOP("Workflow run ID")};
    QVariant cell(int row, int column, int role) const override;
    QVariant timeLeftData(const hatchet::Slot& slot, int role) const;
    QVariant severity(const hatchet::Slot& slot) const;

    int m_freePadding = 0;
    bool m_hasSlotList = false;
};

} // namespace hwi::models
