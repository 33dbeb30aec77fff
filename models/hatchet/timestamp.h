#pragma once

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace hwi::hatchet {

// An RFC 3339 time as Hatchet writes it: up to nanoseconds, Z or an offset. Go's zero time
// 0001-01-01T00:00:00Z means "never".
struct Timestamp {
    std::int64_t msecsSinceEpoch = 0; // UTC
    int offsetSeconds = 0;            // the offset it was written with, for display in its own zone
    bool never = false;

    QDateTime toDateTime() const;
    // ISO 8601 with milliseconds and the zone it was written in, e.g. 2026-11-29T14:00:01.987+01:00.
    QString toIsoString() const;
    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

// nullopt when the text is not an RFC 3339 date-time.
std::optional<Timestamp> parseRfc3339(std::string_view text);
// Whether parseRfc3339 would accept the text, without working out the time (for validation).
bool isRfc3339(std::string_view text);

} // namespace hwi::hatchet
