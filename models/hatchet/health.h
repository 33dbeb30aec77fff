#pragma once

#include "healthlevel.h"
#include "slots.h"
#include "worker.h"

#include <QDateTime>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace hwi::hatchet {

// Hatchet's rules about a worker's health, written once: models, delegates, filters, the command line and
// exports ask these functions and never re-derive them.

// Heartbeats come every 4 s. Silent for more than HeartbeatTimeoutMsecs: the worker gets no new tasks (and
// its status reads INACTIVE). Silent for more than ReassignmentMsecs: the tasks it holds are failed
// internally and retried elsewhere.
inline constexpr qint64 HeartbeatTimeoutMsecs = 5000;
inline constexpr qint64 ReassignmentMsecs = 30000;

// Heartbeat freshness: up to 5 s Good, up to 30 s Warning (takes nothing new, keeps its runs), older Bad;
// never sent or absent Bad; a value that is not a time Unknown. ageMsecs is ignored unless the value is
// valid.
HealthLevel heartbeatHealth(const TimeValue& value, qint64 ageMsecs);
// heartbeatHealth() at the reference time (msecs since the epoch); Unknown for a valid time without one.
HealthLevel heartbeatSeverity(const TimeValue& value, std::optional<qint64> referenceMsecs);
// "silent 12 s: no new work since 5 s; reassigned at 30 s": the heartbeat's age against the 5 s and 30 s
// marks; empty when the value is not a valid time or there is no reference time.
QString heartbeatMarks(const TimeValue& value, std::optional<qint64> referenceMsecs);
// What a status means: ACTIVE Good, PAUSED Warning, INACTIVE Bad, anything else (e.g. a status added by a
// newer server) Unknown. Exact, as the server writes it.
HealthLevel statusHealth(const QString& status);
// The statuses statusHealth() knows, as the server writes them, sorted: ACTIVE, INACTIVE, PAUSED.
QStringList knownStatuses();

// The health states of a worker, most severe first. A worker gets every state that applies; the first one
// is its health. Ok applies only when nothing else does.
enum class HealthState : std::uint8_t {
    Never,        // no heartbeat at all
    Lost,         // silent for more than 30 s: its runs are being reassigned
    NoNewWork,    // silent for more than 5 s, up to 30 s: keeps its runs, takes nothing new
    NoDispatcher, // no dispatcherId: the scheduler never places a task on it
    NoSlots,      // no slotConfig (old era: maxRuns 0), or every limit 0
    NoActions,    // `actions` null or empty
    Paused,       // status PAUSED, heartbeat fresh
    Full,         // every slot type has 0 available
    Ok,
};
inline constexpr int HealthStateCount = int(HealthState::Ok) + 1;

// A set of states, one bit per HealthState.
using HealthStates = std::uint16_t;
constexpr HealthStates healthBit(HealthState state) {
    return HealthStates(1u << unsigned(state));
}
// Every state other than ok and full: what `health:unhealthy` matches.
inline constexpr HealthStates UnhealthyStates =
    HealthStates((1u << HealthStateCount) - 1) &
    HealthStates(~(healthBit(HealthState::Ok) | healthBit(HealthState::Full)));

// The most severe state of a set (its health); Ok for an empty set.
HealthState firstState(HealthStates states);

// Stable ids ("no-new-work"), as the filter language and the command line write them.
QString healthStateId(HealthState state);
// Every id, in severity order.
QStringList healthStateIds();
std::optional<HealthState> healthStateFromId(const QString& id); // exact, lower case
// A short label for a table cell: "No new work".
QString healthStateLabel(HealthState state);
// The colour hint of a state: never, lost, no-dispatcher, no-slots, no-actions Bad; no-new-work, paused
// Warning; full, ok Good.
HealthLevel healthStateLevel(HealthState state);

// What the health states are computed from, apart from the reference time: small, copyable, extracted once
// per snapshot (the filter index keeps one per worker and evaluates the states at match time).
struct HealthFacts {
    enum class Heartbeat : std::uint8_t { Known, Never, Malformed };
    enum class Status : std::uint8_t { Active, Paused, Inactive, Other };
    enum class Slots : std::uint8_t { Some, NoConfig, ZeroLimit };

    qint64 heartbeatMsecs = 0;   // when heartbeat == Known
    std::int64_t usedUnits = -1; // slot units in use; -1 when a type does not say
    std::int64_t slotLimit = 0;  // known limits, summed
    Heartbeat heartbeat = Heartbeat::Never;
    Status status = Status::Other;
    Slots slots = Slots::NoConfig;
    bool legacySlots = false; // maxRuns/availableRuns: used units are runs
    bool hasDispatcher = false;
    bool hasActions = false;
    // At least one slot type, as the scheduler counts them: a non-empty slotConfig, or (old era) maxRuns > 0.
    bool hasSlotTypes = false;
    bool allFull = false; // some slot type, and every one has available <= 0
};
HealthFacts healthFacts(const WorkerView& worker);
// The same from the worker's slot totals, already read (slotTotals(worker)).
HealthFacts healthFacts(const WorkerView& worker, const SlotTotals& totals);

// The states at the reference time (msecs since the epoch; nullopt when unknown: then the status stands in
// for the heartbeat's age). Never empty. No allocation.
HealthStates healthStates(const HealthFacts& facts, std::optional<qint64> referenceMsecs);

// A worker's health, judged at a reference time.
struct WorkerHealth {
    std::vector<HealthState> states; // severity order, never empty
    QStringList reasons;             // one per state, in the same order, in words a Hatchet user knows
    // Why the status cannot come from a server at the reference time (the file was edited, or the
    // reference time is wrong); empty when it can.
    QString contradiction;

    HealthState health() const { return states.front(); }
    HealthLevel level() const { return healthStateLevel(health()); }
    QString id() const { return healthStateId(health()); }
    // The reasons, then the contradiction: the text of a tooltip, a detail line or the `reasons` column.
    QStringList allReasons() const;
};

// The one function every consumer calls: the table, the detail pane, the command line.
WorkerHealth assessHealth(const HealthFacts& facts, const QDateTime& reference);
WorkerHealth assessHealth(const WorkerView& worker, const QDateTime& reference);

} // namespace hwi::hatchet
