#pragma once

#include "sectionmodel.h"

#include "hatchet/slots.h"

namespace hwi::models {

// The busy slots of one worker (servers before Feb 2026 fill `slots` on a single-worker GET). The padding
// entries of that era are neither rows nor the free count (that is availableRuns): paddingCount() only
// reports how many there were. What a reader scans first (action,
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
    // The worker's running tasks as the server lists them (current era, hatchet::runningTasks): they
    // become the rows, and the summary says "Running tasks from the server (N)".
    void setRunningTasks(std::vector<hatchet::Slot> tasks);
    // The running tasks could not be fetched: the summary keeps what the worker says, and why.
    void setRunningTasksFailed(const QString& reason);

    int paddingCount() const { return m_running.padding; }
    bool hasSlotList() const { return m_running.listed; }
    // The worker lists its running slots: an old-era `slots` array (a single GET), or busy entries at all.
    bool listsRunningSlots() const {
        return rowCount() > 0 || m_tasksListed ||
               (m_running.listed && m_running.era == hatchet::SchemaEra::Legacy);
    }
    // availableRuns, the old era's free count; nullopt in the current era.
    std::optional<std::int64_t> freeCount() const { return m_running.free; }
    // What is known about the running slots (hatchet::runningSlotsText): "3 busy · 2 free" in the old era,
    // "This server does not list running slots; 9 units in use (default 7 of 8, durable 2 of 2)" since
    // Feb 2026; empty without a worker or anything about slots.
    QString summaryText() const { return m_summary; }

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {
        QT_TR_NOOP("Action"),         QT_TR_NOOP("Status"),  QT_TR_NOOP("Started"),
        QT_TR_NOOP("Time left"),      QT_TR_NOOP("Timeout"), QT_TR_NOOP("Step run ID"),
        QT_TR_NOOP("Workflow run ID")};
    QVariant cell(int row, int column, int role) const override;
    QVariant timeLeftData(const hatchet::Slot& slot, int role) const;
    QVariant severity(const hatchet::Slot& slot) const;

    hatchet::RunningSlots m_running; // without its busy slots: those are the rows
    QString m_summary;
    bool m_tasksListed = false; // the rows are the server's running tasks
};

} // namespace hwi::models
