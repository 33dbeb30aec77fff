#include "schedulable.h"

#include "itemmodels/timeformat.h"

namespace hwi::analysis {

using hatchet::HealthFacts;

namespace {

// A known heartbeat 5 s old or older at the reference time.
std::optional<qint64> staleAge(const HealthFacts& facts, std::optional<qint64> referenceMsecs) {
    if (facts.heartbeat != HealthFacts::Heartbeat::Known || !referenceMsecs)
        return std::nullopt;
    const qint64 age = *referenceMsecs - facts.heartbeatMsecs;
    return age >= hatchet::HeartbeatTimeoutMsecs ? std::optional(age) : std::nullopt;
}

} // namespace

Liveness liveness(const hatchet::WorkerView& worker, std::optional<qint64> referenceMsecs) {
    return liveness(worker, hatchet::healthFacts(worker), referenceMsecs);
}

Liveness liveness(const hatchet::WorkerView& worker, const HealthFacts& facts,
                  std::optional<qint64> referenceMsecs) {
    Liveness result;
    if (facts.status != HealthFacts::Status::Active) {
        const QString status = worker.status();
        result.reasons << (status.isEmpty() ? QStringLiteral("no status")
                                            : QStringLiteral("status ") + status);
    }
    if (facts.heartbeat == HealthFacts::Heartbeat::Never)
        result.reasons << QStringLiteral("no heartbeat");
    else if (facts.heartbeat == HealthFacts::Heartbeat::Malformed)
        result.reasons << QStringLiteral("heartbeat '%1' is not a time").arg(worker.lastHeartbeatAt().text);
    else if (const auto age = staleAge(facts, referenceMsecs))
        result.reasons << QStringLiteral("heartbeat %1 old").arg(models::durationText(*age));
    if (!facts.hasDispatcher)
        result.reasons << QStringLiteral("no dispatcher");
    if (!facts.hasSlotTypes)
        result.reasons << QStringLiteral("no slot types");
    return result;
}

bool isSchedulable(const HealthFacts& facts, std::optional<qint64> referenceMsecs) {
    return facts.status == HealthFacts::Status::Active && facts.heartbeat == HealthFacts::Heartbeat::Known &&
           !staleAge(facts, referenceMsecs) && facts.hasDispatcher && facts.hasSlotTypes;
}

bool isSchedulable(const hatchet::WorkerView& worker, std::optional<qint64> referenceMsecs) {
    return isSchedulable(hatchet::healthFacts(worker), referenceMsecs);
}

} // namespace hwi::analysis
