#include "health.h"

namespace hwi::hatchet {

QStringList healthReasons(const WorkerView& worker, const QDateTime& reference) {
    QStringList reasons;
    const TimeValue beat = worker.lastHeartbeatAt();
    const bool late = beat.isKnown() && reference.isValid() &&
                      reference.toMSecsSinceEpoch() - beat.time.msecsSinceEpoch > HeartbeatTimeoutMsecs;
    if (worker.status() != QLatin1String("ACTIVE") || late)
        reasons << QStringLiteral("Worker has stopped heartbeating");
    if (worker.dispatcherId().isEmpty())
        reasons << QStringLiteral("Worker has no assigned dispatcher");
    if (!beat.isKnown())
        reasons << QStringLiteral("Worker has no heartbeat");
    return reasons;
}

} // namespace hwi::hatchet
