#include "health.h"

namespace hwi::hatchet {

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
    if (ageMsecs < HeartbeatTimeoutMsecs)
        return HealthLevel::Good;
    return ageMsecs < ReassignmentMsecs ? HealthLevel::Warning : HealthLevel::Bad;
}

HealthLevel heartbeatSeverity(const TimeValue& value, std::optional<qint64> referenceMsecs) {
    if (value.state != TimeValue::Valid)
        return heartbeatHealth(value, 0);
    if (!referenceMsecs)
        return HealthLevel::Unknown;
    return heartbeatHealth(value, *referenceMsecs - value.time.msecsSinceEpoch);
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

QStringList healthReasons(const WorkerView& worker, const QDateTime& reference) {
    QStringList reasons;
    const TimeValue beat = worker.lastHeartbeatAt();
    const bool late = beat.isKnown() && reference.isValid() &&
                      reference.toMSecsSinceEpoch() - beat.time.msecsSinceEpoch > HeartbeatTimeoutMsecs;
    if (statusHealth(worker.status()) != HealthLevel::Good || late)
        reasons << QStringLiteral("Worker has stopped heartbeating");
    if (worker.dispatcherId().isEmpty())
        reasons << QStringLiteral("Worker has no assigned dispatcher");
    if (!beat.isKnown())
        reasons << QStringLiteral("Worker has no heartbeat");
    return reasons;
}

} // namespace hwi::hatchet
