#pragma once

#include "analysis/fleet.h"
#include "hatchet/health.h"
#include "hatchet/snapshot.h"

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace hwi::models {

// What the Fleet page shows of a set of workers at a reference time, built in one pass (off the GUI thread
// for a large snapshot): every pivot (analysis::pivots) and what the pictures add to them, each worker's
// health and heartbeat age.
struct FleetFigures {
    std::shared_ptr<const hatchet::Snapshot> snapshot; // what they were built from
    std::optional<qint64> referenceMsecs;
    std::size_t workers = 0; // how many were counted
    std::array<std::vector<analysis::PivotRow>, analysis::PivotKeyCount> pivots;
    std::array<int, hatchet::HealthStateCount> health{}; // workers by their health (the first state)
    std::vector<qint64> heartbeatAges;                   // msecs to the reference, one per known heartbeat
    int neverHeartbeated = 0;                            // absent or Go's zero time
    int unknownHeartbeat = 0;                            // malformed, or no reference time

    const std::vector<analysis::PivotRow>& pivot(analysis::PivotKey key) const {
        return pivots[std::size_t(key)];
    }
};

// `workers`: snapshot indexes, ascending (a filter's result).
FleetFigures fleetFigures(std::shared_ptr<const hatchet::Snapshot> snapshot,
                          const std::vector<std::size_t>& workers, std::optional<qint64> referenceMsecs);

} // namespace hwi::models
