#pragma once

#include "worker.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hwi::hatchet {

// Slot arithmetic, written once: the table, the detail pane, filters and the command line ask these.

// Capacity per slot type (slotConfig, or the old era's maxRuns/availableRuns as "default") and totals over
// the types. used = limit − available, counted in units; a type without `available` has an unknown use.
struct SlotTotals {
    std::vector<SlotCapacity> capacities; // per type, in document order
    std::int64_t limit = 0;               // known limits, summed
    std::int64_t used = 0;                // used units of the types that report both limit and available
    std::int64_t measuredLimit = 0;       // limits of those same types
    bool complete = true;                 // every type reports both: `used` is the worker's total

    // The worker's used units; nullopt when a type does not say.
    std::optional<std::int64_t> totalUsed() const;
    // used / measuredLimit, the share of the measured capacity in use; nullopt without a measured limit.
    std::optional<double> usedFraction() const;
};

SlotTotals slotTotals(std::vector<SlotCapacity> capacities);
SlotTotals slotTotals(const WorkerView& worker);

// `slots` as the old era wrote it: the running slots, then empty padding entries until the array is
// availableRuns long. Padding is never a run, and never the free count (that is availableRuns).
struct SlotEntries {
    std::vector<Slot> busy; // the entries that are not padding, in document order
    int padding = 0;        // padding entries found
};

SlotEntries splitPadding(std::vector<Slot> slots);
inline SlotEntries slotEntries(const WorkerView& worker) {
    return splitPadding(worker.slots());
}
// The padding a server of the old era writes after `running` busy slots: max(0, availableRuns − running).
std::int64_t expectedPadding(std::int64_t availableRuns, std::int64_t running);

// What a worker says about its running slots. Old era: `slots` (only on a single-worker GET) lists the busy
// ones, availableRuns is the free count and maxRuns the limit. Current era: no list, only slotConfig's units.
struct RunningSlots {
    SchemaEra era = SchemaEra::Unknown;
    bool listed = false;               // the worker has a `slots` array
    std::vector<Slot> busy;            // its entries that are not padding
    int padding = 0;                   // padding entries: neither runs nor the free count
    std::optional<std::int64_t> free;  // availableRuns (old era)
    std::optional<std::int64_t> limit; // maxRuns (old era)
    SlotTotals units;                  // slotConfig (current era)
};
RunningSlots runningSlots(const WorkerView& worker);

// One line on what is known about the running slots, for the Slots page and summaries:
//   old era, listed:   "2 busy · 3 free" (free is availableRuns, never the padding)
//   old era, list row: "Lists do not include running slots (a single GET does); 2 of 4 in use · 2 free"
//   current era:       "This server does not list running slots; 9 units in use (default 7 of 8, durable 2 of
//   2)"
// Empty when the worker says nothing about slots.
QString runningSlotsText(const RunningSlots& slots);
inline QString runningSlotsText(const WorkerView& worker) {
    return runningSlotsText(runningSlots(worker));
}

// The tasks a worker runs, as the current era's server lists them (GET …/stable/tenants/{tenant}/
// workflow-runs?worker_id=…&statuses=RUNNING&only_tasks=true, a V1TaskSummaryList): one Slot per row of
// `rows`, action = actionId (else displayName), step run ID = taskExternalId (else metadata.id), workflow run
// ID = workflowRunExternalId, status and startedAt as sent. V1TaskSummary has no timeout: timeoutAt stays
// absent. The slots' nodes are the document's.
std::vector<Slot> runningTasks(const Document& document);

// One worker's running tasks as fetched: the document its slots' nodes point into, and the slots.
struct RunningTasks {
    QString workerId;
    std::shared_ptr<const Document> document;
    std::vector<Slot> tasks;
};

} // namespace hwi::hatchet
