#include "fleetfigures.h"

namespace hwi::models {

FleetFigures fleetFigures(std::shared_ptr<const hatchet::Snapshot> snapshot,
                          const std::vector<std::size_t>& workers, std::optional<qint64> referenceMsecs) {
    FleetFigures figures;
    figures.referenceMsecs = referenceMsecs;
    figures.workers = workers.size();
    if (!snapshot)
        return figures;
    figures.pivots = analysis::pivots(*snapshot, workers, referenceMsecs);
    figures.heartbeatAges.reserve(workers.size());
    for (const std::size_t index : workers) {
        const hatchet::HealthFacts facts = hatchet::healthFacts(snapshot->worker(index));
        ++figures.health[std::size_t(hatchet::firstState(hatchet::healthStates(facts, referenceMsecs)))];
        if (facts.heartbeat == hatchet::HealthFacts::Heartbeat::Never)
            ++figures.neverHeartbeated;
        else if (facts.heartbeat == hatchet::HealthFacts::Heartbeat::Known && referenceMsecs)
            figures.heartbeatAges.push_back(*referenceMsecs - facts.heartbeatMsecs);
        else
            ++figures.unknownHeartbeat;
    }
    figures.snapshot = std::move(snapshot);
    return figures;
}

} // namespace hwi::models
