#pragma once

#include "healthlevel.h"
#include "worker.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace hwi::hatchet {

// Hatchet's rules about a worker's health, written once: models, delegates, the command line and exports
// ask these functions and never re-derive them.

// Heartbeats come every 4 s. Silent for more than HeartbeatTimeoutMsecs: the worker gets no new tasks (and
// its status reads INACTIVE). Silent for more than ReassignmentMsecs: the tasks it holds are failed
// internally and retried elsewhere.
inline constexpr qint64 HeartbeatTimeoutMsecs = 5000;
inline constexpr qint64 ReassignmentMsecs = 30000;

// Heartbeat freshness: under 5 s Good, under 30 s Warning (takes nothing new, keeps its runs), older Bad;
// never sent or absent Bad; a value that is not a time Unknown. ageMsecs is ignored unless the value is
// valid.
HealthLevel heartbeatHealth(const TimeValue& value, qint64 ageMsecs);
// heartbeatHealth() at the reference time (msecs since the epoch); Unknown for a valid time without one.
HealthLevel heartbeatSeverity(const TimeValue& value, std::optional<qint64> referenceMsecs);
// What a status means: ACTIVE Good, PAUSED Warning, INACTIVE Bad, anything else (e.g. a status added by a
// newer server) Unknown. Exact, as the server writes it.
HealthLevel statusHealth(const QString& status);
// The statuses statusHealth() knows, as the server writes them, sorted: ACTIVE, INACTIVE, PAUSED.
QStringList knownStatuses();

// The reasons the Hatchet dashboard gives for an unhealthy worker, judged at the reference time
// (the capture time, or now): empty when healthy.
QStringList healthReasons(const WorkerView& worker, const QDateTime& reference);

} // namespace hwi::hatchet
