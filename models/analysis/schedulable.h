#pragma once

#include "hatchet/health.h"
#include "hatchet/worker.h"

#include <QStringList>

#include <optional>

namespace hwi::analysis {

// Rule 1 of the v1 scheduler (HATCHET.md, "How the scheduler places a task"), in JSON terms: a worker can be
// given a task only when its status is ACTIVE, its heartbeat is less than 5 s before the reference time, it
// has a dispatcherId and at least one slot type (a non-empty slotConfig; old era: maxRuns > 0). The worker's
// `type` is never checked; the live task stream (`isActive`) is invisible in the JSON.
struct Liveness {
    // Why it is not schedulable, in rule order, in words: "status PAUSED", "heartbeat 12 s old",
    // "no heartbeat", "no dispatcher", "no slot types". Empty when it is.
    QStringList reasons;

    bool schedulable() const { return reasons.isEmpty(); }
};

// referenceMsecs: the reference time (ms since the epoch); without one the status stands in for the
// heartbeat's age (a server computed it when it sent the file).
Liveness liveness(const hatchet::WorkerView& worker, std::optional<qint64> referenceMsecs);
// The same from the worker's facts, already read (healthFacts(worker)).
Liveness liveness(const hatchet::WorkerView& worker, const hatchet::HealthFacts& facts,
                  std::optional<qint64> referenceMsecs);
// The same verdict from facts already read (the filter index keeps them): no allocation.
bool isSchedulable(const hatchet::HealthFacts& facts, std::optional<qint64> referenceMsecs);
bool isSchedulable(const hatchet::WorkerView& worker, std::optional<qint64> referenceMsecs);

} // namespace hwi::analysis
