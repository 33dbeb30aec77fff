#include "health.h"

#include "slots.h"

#include <limits>

namespace hwi::hatchet {

namespace {

bool silent(qint64 ageMsecs) {
    return ageMsecs > HeartbeatTimeoutMsecs;
}

bool lost(qint64 ageMsecs) {
    return ageMsecs > ReassignmentMsecs;
}

// "12 s", "2 min", "3 h", "4 d" (whole units, rounded down; the sign dropped).
QString amount(qint64 msecs) {
    constexpr qint64 Second = 1000, Minute = 60 * Second, Hour = 60 * Minute, Day = 24 * Hour;
    const qint64 magnitude = msecs >= 0 ? msecs
                             : msecs == std::numeric_limits<qint64>::min()
                                 ? std::numeric_limits<qint64>::max()
                                 : -msecs;
    if (magnitude < Minute)
        return QString::number(magnitude / Second) + QStringLiteral(" s");
    if (magnitude < Hour)
        return QString::number(magnitude / Minute) + QStringLiteral(" min");
    if (magnitude < Day)
        return QString::number(magnitude / Hour) + QStringLiteral(" h");
    return QString::number(magnitude / Day) + QStringLiteral(" d");
}

// "1 s ago", "just now", "in 3 s".
QString ago(qint64 ageMsecs) {
    if (ageMsecs > -1000 && ageMsecs < 1000)
        return QStringLiteral("just now");
    return ageMsecs < 0 ? QStringLiteral("in ") + amount(ageMsecs)
                        : amount(ageMsecs) + QStringLiteral(" ago");
}

// "40 s old", "3 s in the future".
QString old(qint64 ageMsecs) {
    return amount(ageMsecs) + (ageMsecs < 0 ? QStringLiteral(" in the future") : QStringLiteral(" old"));
}

QString statusName(HealthFacts::Status status) {
    switch (status) {
    case HealthFacts::Status::Active:
        return QStringLiteral("ACTIVE");
    case HealthFacts::Status::Paused:
        return QStringLiteral("PAUSED");
    case HealthFacts::Status::Inactive:
        return QStringLiteral("INACTIVE");
    case HealthFacts::Status::Other:
        break;
    }
    return {};
}

std::optional<qint64> ageOf(const HealthFacts& facts, std::optional<qint64> referenceMsecs) {
    if (facts.heartbeat != HealthFacts::Heartbeat::Known || !referenceMsecs)
        return std::nullopt;
    return *referenceMsecs - facts.heartbeatMsecs;
}

// What a silent worker does with the runs it holds.
QString keepsRuns(const HealthFacts& facts) {
    if (facts.usedUnits < 0)
        return QStringLiteral("keeps its runs; reassigned at 30 s");
    if (facts.usedUnits == 0)
        return QStringLiteral("holds no runs");
    if (facts.legacySlots) {
        return (facts.usedUnits == 1 ? QStringLiteral("keeps its 1 run")
                                     : QStringLiteral("keeps its %1 runs").arg(facts.usedUnits)) +
               QStringLiteral("; reassigned at 30 s");
    }
    // Since Hatchet #4393 one task may take several units: the units are not a count of runs.
    return QStringLiteral("keeps its runs (%1 slot %2 in use); reassigned at 30 s")
        .arg(facts.usedUnits)
        .arg(facts.usedUnits == 1 ? QStringLiteral("unit") : QStringLiteral("units"));
}

QString reason(HealthState state, const HealthFacts& facts, std::optional<qint64> age) {
    switch (state) {
    case HealthState::Never:
        return QStringLiteral("Never heartbeated: takes no tasks");
    case HealthState::Lost:
        if (age)
            return QStringLiteral("Silent for %1: its runs are being reassigned").arg(amount(*age));
        return QStringLiteral("Silent for more than 30 s: its runs are being reassigned");
    case HealthState::NoNewWork:
        if (age)
            return QStringLiteral("Silent for %1: takes no new tasks, %2")
                .arg(amount(*age), keepsRuns(facts));
        return QStringLiteral("INACTIVE: silent for more than 5 s (how long is unknown): takes no new tasks");
    case HealthState::NoDispatcher:
        return QStringLiteral("No dispatcher: the scheduler places no task on it");
    case HealthState::NoSlots:
        if (facts.slots == HealthFacts::Slots::NoConfig)
            return QStringLiteral("No slots: it has no slot config, so it takes no tasks");
        return facts.legacySlots ? QStringLiteral("No slots: maxRuns is 0, so it takes no tasks")
                                 : QStringLiteral("No slots: every slot limit is 0, so it takes no tasks");
    case HealthState::NoActions:
        return QStringLiteral("No actions: it registered no task, so it takes none");
    case HealthState::Paused:
        if (age)
            return QStringLiteral("Paused: takes no new tasks; heartbeat %1").arg(ago(*age));
        return QStringLiteral("Paused: takes no new tasks");
    case HealthState::Full:
        return QStringLiteral("Full: no free slot; new tasks wait or go to another worker");
    case HealthState::Ok:
        if (age)
            return QStringLiteral("OK: takes new tasks; heartbeat %1").arg(ago(*age));
        return QStringLiteral("OK: takes new tasks");
    }
    return {};
}

QString contradiction(const HealthFacts& facts, std::optional<qint64> age) {
    using Status = HealthFacts::Status;
    const bool aliveStatus = facts.status == Status::Active || facts.status == Status::Paused;
    if (facts.heartbeat == HealthFacts::Heartbeat::Never && aliveStatus) {
        return QStringLiteral("%1 without any heartbeat cannot come from a server (it reports such a worker "
                              "INACTIVE): the file was edited")
            .arg(statusName(facts.status));
    }
    if (!age)
        return {};
    if (aliveStatus && silent(*age)) {
        return QStringLiteral("%1 with a heartbeat %2 cannot come from a server at this reference time: the "
                              "file was edited, or the reference time is wrong")
            .arg(statusName(facts.status), old(*age));
    }
    if (facts.status == Status::Inactive && !silent(*age)) {
        return QStringLiteral("INACTIVE with a heartbeat %1 cannot come from a server at this reference time "
                              "(it reports INACTIVE after 5 s of silence): the file was edited, or the "
                              "reference time is wrong")
            .arg(old(*age));
    }
    return {};
}

} // namespace

HealthLevel heartbeatHealth(const TimeValue& value, qint64 ageMsecs) {
    switch (value.state) {
    case TimeValue::Absent:
    case TimeValue::Never:
        return HealthLevel::Bad;
    case TimeValue::Malformed:
        return HealthLevel::Unknown;
    case TimeValue::Valid:
        break;
    }
    if (!silent(ageMsecs))
        return HealthLevel::Good;
    return lost(ageMsecs) ? HealthLevel::Bad : HealthLevel::Warning;
}

HealthLevel heartbeatSeverity(const TimeValue& value, std::optional<qint64> referenceMsecs) {
    if (value.state != TimeValue::Valid)
        return heartbeatHealth(value, 0);
    if (!referenceMsecs)
        return HealthLevel::Unknown;
    return heartbeatHealth(value, *referenceMsecs - value.time.msecsSinceEpoch);
}

QString heartbeatMarks(const TimeValue& value, std::optional<qint64> referenceMsecs) {
    if (value.state != TimeValue::Valid || !referenceMsecs)
        return {};
    const qint64 age = *referenceMsecs - value.time.msecsSinceEpoch;
    if (age < 0)
        return QStringLiteral("heartbeat %1 after the reference time").arg(amount(age));
    if (!silent(age))
        return QStringLiteral("silent %1: new work until 5 s; reassigned at 30 s").arg(amount(age));
    if (!lost(age))
        return QStringLiteral("silent %1: no new work since 5 s; reassigned at 30 s").arg(amount(age));
    return QStringLiteral("silent %1: no new work since 5 s; reassigned since 30 s").arg(amount(age));
}

HealthLevel statusHealth(const QString& status) {
    if (status == QLatin1String("ACTIVE"))
        return HealthLevel::Good;
    if (status == QLatin1String("PAUSED"))
        return HealthLevel::Warning;
    if (status == QLatin1String("INACTIVE"))
        return HealthLevel::Bad;
    return HealthLevel::Unknown;
}

QStringList knownStatuses() {
    return {QStringLiteral("ACTIVE"), QStringLiteral("INACTIVE"), QStringLiteral("PAUSED")};
}

HealthState firstState(HealthStates states) {
    for (int state = 0; state < HealthStateCount; ++state) {
        if (states & healthBit(HealthState(state)))
            return HealthState(state);
    }
    return HealthState::Ok;
}

QString healthStateId(HealthState state) {
    switch (state) {
    case HealthState::Never:
        return QStringLiteral("never");
    case HealthState::Lost:
        return QStringLiteral("lost");
    case HealthState::NoNewWork:
        return QStringLiteral("no-new-work");
    case HealthState::NoDispatcher:
        return QStringLiteral("no-dispatcher");
    case HealthState::NoSlots:
        return QStringLiteral("no-slots");
    case HealthState::NoActions:
        return QStringLiteral("no-actions");
    case HealthState::Paused:
        return QStringLiteral("paused");
    case HealthState::Full:
        return QStringLiteral("full");
    case HealthState::Ok:
        return QStringLiteral("ok");
    }
    return {};
}

QStringList healthStateIds() {
    QStringList ids;
    for (int state = 0; state < HealthStateCount; ++state)
        ids << healthStateId(HealthState(state));
    return ids;
}

std::optional<HealthState> healthStateFromId(const QString& id) {
    for (int state = 0; state < HealthStateCount; ++state) {
        if (healthStateId(HealthState(state)) == id)
            return HealthState(state);
    }
    return std::nullopt;
}

QString healthStateLabel(HealthState state) {
    switch (state) {
    case HealthState::Never:
        return QStringLiteral("Never seen");
    case HealthState::Lost:
        return QStringLiteral("Lost");
    case HealthState::NoNewWork:
        return QStringLiteral("No new work");
    case HealthState::NoDispatcher:
        return QStringLiteral("No dispatcher");
    case HealthState::NoSlots:
        return QStringLiteral("No slots");
    case HealthState::NoActions:
        return QStringLiteral("No actions");
    case HealthState::Paused:
        return QStringLiteral("Paused");
    case HealthState::Full:
        return QStringLiteral("Full");
    case HealthState::Ok:
        return QStringLiteral("OK");
    }
    return {};
}

HealthLevel healthStateLevel(HealthState state) {
    switch (state) {
    case HealthState::NoNewWork:
    case HealthState::Paused:
        return HealthLevel::Warning;
    case HealthState::Full:
    case HealthState::Ok:
        return HealthLevel::Good;
    default:
        return HealthLevel::Bad;
    }
}

HealthFacts healthFacts(const WorkerView& worker) {
    return healthFacts(worker, slotTotals(worker));
}

HealthFacts healthFacts(const WorkerView& worker, const SlotTotals& totals) {
    HealthFacts facts;
    const TimeValue beat = worker.lastHeartbeatAt();
    if (beat.state == TimeValue::Valid && !beat.time.never) {
        facts.heartbeat = HealthFacts::Heartbeat::Known;
        facts.heartbeatMsecs = beat.time.msecsSinceEpoch;
    } else {
        facts.heartbeat = beat.state == TimeValue::Malformed ? HealthFacts::Heartbeat::Malformed
                                                             : HealthFacts::Heartbeat::Never;
    }
    // Compared in the document's UTF-8: asked of every worker by the filter index, --place and --by.
    const json::Document& doc = worker.document();
    const json::NodeId status = worker.field("status");
    facts.status = status == json::NoNode                 ? HealthFacts::Status::Other
                   : doc.stringEquals(status, "ACTIVE")   ? HealthFacts::Status::Active
                   : doc.stringEquals(status, "PAUSED")   ? HealthFacts::Status::Paused
                   : doc.stringEquals(status, "INACTIVE") ? HealthFacts::Status::Inactive
                                                          : HealthFacts::Status::Other;
    // A string's unescaped text is empty only when nothing stands between its quotes.
    const json::NodeId dispatcher = worker.field("dispatcherId");
    facts.hasDispatcher = dispatcher != json::NoNode && doc.kind(dispatcher) == json::Kind::String &&
                          doc.rawScalar(dispatcher).size() > 2;
    facts.hasActions = worker.actionCount() > 0;
    facts.legacySlots = worker.era() == SchemaEra::Legacy;
    facts.usedUnits = totals.totalUsed().value_or(-1);
    facts.slotLimit = totals.limit;
    facts.hasSlotTypes = facts.legacySlots
                             ? totals.capacities.size() == 1 && totals.capacities.front().limit &&
                                   *totals.capacities.front().limit > 0
                             : !totals.capacities.empty();
    if (totals.capacities.empty()) {
        facts.slots = HealthFacts::Slots::NoConfig;
    } else {
        bool someLimit = false;
        bool allFull = true;
        for (const SlotCapacity& capacity : totals.capacities) {
            // A missing limit is unknown: it may be above 0.
            someLimit = someLimit || !capacity.limit || *capacity.limit > 0;
            // A missing `available` is unknown: it neither frees nor fills.
            allFull = allFull && capacity.available && *capacity.available <= 0;
        }
        facts.slots = someLimit ? HealthFacts::Slots::Some : HealthFacts::Slots::ZeroLimit;
        facts.allFull = allFull;
    }
    return facts;
}

HealthStates healthStates(const HealthFacts& facts, std::optional<qint64> referenceMsecs) {
    HealthStates states = 0;
    const std::optional<qint64> age = ageOf(facts, referenceMsecs);
    bool fresh = false;
    if (facts.heartbeat == HealthFacts::Heartbeat::Never) {
        states |= healthBit(HealthState::Never);
    } else if (age) {
        if (lost(*age))
            states |= healthBit(HealthState::Lost);
        else if (silent(*age))
            states |= healthBit(HealthState::NoNewWork);
        else
            fresh = true;
    } else if (facts.status == HealthFacts::Status::Inactive) {
        // The age cannot be measured (no reference time, or a heartbeat that is not a time): the status
        // stands in for it. INACTIVE says more than 5 s.
        states |= healthBit(HealthState::NoNewWork);
    } else {
        fresh = true;
    }
    if (!facts.hasDispatcher)
        states |= healthBit(HealthState::NoDispatcher);
    if (facts.slots != HealthFacts::Slots::Some)
        states |= healthBit(HealthState::NoSlots);
    if (!facts.hasActions)
        states |= healthBit(HealthState::NoActions);
    if (facts.status == HealthFacts::Status::Paused && fresh)
        states |= healthBit(HealthState::Paused);
    if (facts.allFull && facts.slots == HealthFacts::Slots::Some)
        states |= healthBit(HealthState::Full);
    if (states == 0)
        states = healthBit(HealthState::Ok);
    return states;
}

QStringList WorkerHealth::allReasons() const {
    QStringList all = reasons;
    if (!contradiction.isEmpty())
        all << contradiction;
    return all;
}

WorkerHealth assessHealth(const HealthFacts& facts, const QDateTime& reference) {
    const std::optional<qint64> referenceMsecs =
        reference.isValid() ? std::optional(reference.toMSecsSinceEpoch()) : std::nullopt;
    const HealthStates states = healthStates(facts, referenceMsecs);
    const std::optional<qint64> age = ageOf(facts, referenceMsecs);
    WorkerHealth health;
    for (int state = 0; state < HealthStateCount; ++state) {
        if (states & healthBit(HealthState(state))) {
            health.states.push_back(HealthState(state));
            health.reasons << reason(HealthState(state), facts, age);
        }
    }
    health.contradiction = contradiction(facts, age);
    return health;
}

WorkerHealth assessHealth(const WorkerView& worker, const QDateTime& reference) {
    return assessHealth(healthFacts(worker), reference);
}

} // namespace hwi::hatchet
