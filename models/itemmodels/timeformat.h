#pragma once

#include "hatchet/worker.h"
#include "roles.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace hwi::models {

// Presentation helpers shared by the models: formatting only, pure functions, no state.

// The time "ago" texts count from, in msecs since the epoch; nullopt when unknown.
using ReferenceTime = std::optional<qint64>;
ReferenceTime referenceFrom(const QDateTime& time);

// "just now" (under 1 s either way), "12 s ago", "3 min ago", "2 h ago", "4 d ago"; negative values lie in
// the future: "in 3 s", "in 3 min".
QString relativeTime(qint64 msecsFromReference);
// "850 ms", "12.3 s", "12 s", "4 min 5 s", "2 h 3 min", "3 d 4 h"; negative durations get a minus sign.
QString durationText(qint64 msecs);
// The instant as instantText() writes it (UTC, milliseconds only when not zero); "never" for Go's zero time;
// the text as written for a malformed value; "" when absent.
QString absoluteTime(const hatchet::TimeValue& value);

// An instant as the inspector writes it everywhere (status bar, health lines, tooltips): ISO 8601 in UTC,
// milliseconds only when not zero: "2026-11-29T13:00:03.650Z", "2026-11-29T13:00:05Z"; "" when invalid.
// What it writes, parseInstant() reads (and --at and View > Measure Times Against > Other Time accept).
QString instantText(const QDateTime& time);
QString instantText(qint64 msecsSinceEpoch);
// An ISO 8601 date and time: "2026-11-29T13:00:05Z", "…T14:00:05+01:00", "…T13:00:05.25Z"; a space for
// the T, no seconds ("2026-11-29 13:00") and no zone (UTC, as every time is shown) are accepted too.
// Invalid when the text is not such a time.
QDateTime parseInstant(const QString& text);

// Sort key of a time: absent first, then never, then malformed, then valid times by instant.
qint64 timeSortKey(const hatchet::TimeValue& value);
// Reference minus the time (positive = past), when both are known.
std::optional<qint64> ageOf(const hatchet::TimeValue& value, ReferenceTime reference);

// The data of a time cell for DisplayRole (relative, or absolute without a reference), ToolTipRole
// (absolute), RawValueRole, TimeStateRole and AgeMsecsRole; an invalid QVariant for other roles.
// `missing` is shown for an absent value.
QVariant timeCellData(const hatchet::TimeValue& value, int role, ReferenceTime reference,
                      const QString& missing = {});

// NodeRole data: the node id as quint32, invalid for NoNode.
inline QVariant nodeData(json::NodeId node) {
    return node == json::NoNode ? QVariant() : QVariant(quint32(node));
}

inline QString dash() {
    return QString(QChar(0x2014));
}

} // namespace hwi::models
