#pragma once

#include "worker.h"

#include <cstdint>
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

} // namespace hwi::hatchet
