#include "slots.h"

#include <algorithm>

namespace hwi::hatchet {

std::optional<std::int64_t> SlotTotals::totalUsed() const {
    return complete ? std::optional(used) : std::nullopt;
}

std::optional<double> SlotTotals::usedFraction() const {
    if (measuredLimit <= 0)
        return std::nullopt;
    return double(used) / double(measuredLimit);
}

SlotTotals slotTotals(std::vector<SlotCapacity> capacities) {
    SlotTotals totals;
    for (const SlotCapacity& capacity : capacities) {
        // Counts are bounded by WorkerView (2^40), so these sums never overflow.
        totals.limit += capacity.limit.value_or(0);
        if (const auto used = capacity.used()) {
            totals.used += *used;
            totals.measuredLimit += *capacity.limit;
        } else {
            totals.complete = false;
        }
    }
    totals.capacities = std::move(capacities);
    return totals;
}

SlotTotals slotTotals(const WorkerView& worker) {
    return slotTotals(worker.slotCapacities());
}

SlotEntries splitPadding(std::vector<Slot> slots) {
    SlotEntries entries;
    entries.busy.reserve(slots.size());
    for (Slot& slot : slots) {
        if (slot.isFreePadding())
            ++entries.padding;
        else
            entries.busy.push_back(std::move(slot));
    }
    return entries;
}

std::int64_t expectedPadding(std::int64_t availableRuns, std::int64_t running) {
    return std::max<std::int64_t>(0, availableRuns - running);
}

} // namespace hwi::hatchet
