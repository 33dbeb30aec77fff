#pragma once

#include "worker.h"

#include <QDateTime>
#include <QStringList>

namespace hwi::hatchet {

// A worker stops counting as heartbeating when its last heartbeat is older than this (Hatchet's rule).
inline constexpr qint64 HeartbeatTimeoutMsecs = 5000;

// The reasons the Hatchet dashboard gives for an unhealthy worker, judged at the reference time
// (the capture time, or now): empty when healthy.
QStringList healthReasons(const WorkerView& worker, const QDateTime& reference);

} // namespace hwi::hatchet
