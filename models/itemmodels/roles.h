#pragma once

#include "hatchet/healthlevel.h"

#include <QVariant>
#include <Qt>

namespace hwi::models {

// Roles shared by every item model in this folder. Model-specific roles start at FirstModelRole and are
// declared in each model's header.
enum Role {
    RawValueRole = Qt::UserRole + 1, // sort key: qint64 msecs for times, numbers as qint64/double, text
                                     // otherwise; times absent/never sort first
    NodeRole,                        // json::NodeId (quint32) of the row's JSON node, for "select raw node"
    TimeStateRole,                   // hatchet::TimeValue::State for time cells
    AgeMsecsRole, // time cells: msecs from the time to the reference time (positive = past); invalid when
                  // the time or the reference time is unknown
    SeverityRole, // colour hint: a HealthLevel as int
    FirstModelRole = Qt::UserRole + 32,
};

// The level is Hatchet's (hatchet/health.h decides it); models and views name it here.
using HealthLevel = hatchet::HealthLevel;

// SeverityRole data as a level: Unknown when absent or out of range.
inline HealthLevel severityOf(const QVariant& data) {
    bool ok = false;
    const int value = data.toInt(&ok);
    if (!ok || value < int(HealthLevel::Good) || value > int(HealthLevel::Unknown))
        return HealthLevel::Unknown;
    return static_cast<HealthLevel>(value);
}

} // namespace hwi::models
