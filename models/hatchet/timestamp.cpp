#include "timestamp.h"

#include <QTimeZone>

namespace hwi::hatchet {

namespace {

// Reads exactly n digits at text[at...]; -1 when they are not all digits.
int digits(std::string_view text, std::size_t at, std::size_t n) {
    if (at + n > text.size())
        return -1;
    int value = 0;
    unsigned notDigit = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned('0');
        notDigit |= digit > 9;
        value = value * 10 + int(digit);
    }
    return notDigit ? -1 : value;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) {
    static constexpr int Days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : Days[m - 1];
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// The parts of an RFC 3339 date-time, each checked against its range.
struct Fields {
    int year, month, day, hour, minute, second, millis, offset;
};

std::optional<Fields> readFields(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
    if (t.size() < 20)
        return std::nullopt;
    Fields f{};
    f.year = digits(t, 0, 4), f.month = digits(t, 5, 2), f.day = digits(t, 8, 2);
    f.hour = digits(t, 11, 2), f.minute = digits(t, 14, 2), f.second = digits(t, 17, 2);
    if (f.year < 0 || f.month < 1 || f.month > 12 || f.day < 1 || f.hour < 0 || f.hour > 23 || f.minute < 0 ||
        f.minute > 59 || f.second < 0 || f.second > 60 || t[4] != '-' || t[7] != '-' ||
        (t[10] != 'T' && t[10] != 't') || t[13] != ':' || t[16] != ':')
        return std::nullopt;
    if (f.day > daysInMonth(f.year, f.month))
        return std::nullopt;
    std::size_t at = 19;
    if (at < t.size() && t[at] == '.') {
        std::size_t n = 0;
        while (at + 1 + n < t.size() && t[at + 1 + n] >= '0' && t[at + 1 + n] <= '9')
            ++n;
        if (n == 0 || n > 9)
            return std::nullopt;
        for (std::size_t i = 0; i < 3; ++i)
            f.millis = f.millis * 10 + (i < n ? t[at + 1 + i] - '0' : 0);
        at += 1 + n;
    }
    if (at < t.size() && (t[at] == 'Z' || t[at] == 'z')) {
        ++at;
    } else if (at < t.size() && (t[at] == '+' || t[at] == '-')) {
        const int oh = digits(t, at + 1, 2), om = digits(t, at + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59 || t[at + 3] != ':')
            return std::nullopt;
        f.offset = (t[at] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        at += 6;
    } else {
        return std::nullopt;
    }
    if (at != t.size())
        return std::nullopt;
    return f;
}

} // namespace

bool isRfc3339(std::string_view text) {
    return readFields(text).has_value();
}

std::optional<Timestamp> parseRfc3339(std::string_view text) {
    const auto f = readFields(text);
    if (!f)
        return std::nullopt;
    Timestamp ts;
    const std::int64_t secs = daysFromCivil(f->year, f->month, f->day) * 86400 +
                              std::int64_t(f->hour) * 3600 + std::int64_t(f->minute) * 60 +
                              std::min(f->second, 59) - f->offset;
    ts.msecsSinceEpoch = secs * 1000 + f->millis;
    ts.offsetSeconds = f->offset;
    ts.never = f->year == 1 && f->month == 1 && f->day == 1 && f->hour == 0 && f->minute == 0 &&
               f->second == 0 && f->millis == 0 && f->offset == 0;
    return ts;
}

QDateTime Timestamp::toDateTime() const {
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone(offsetSeconds));
}

QString Timestamp::toIsoString() const {
    if (never)
        return QStringLiteral("never");
    return toDateTime().toString(Qt::ISODateWithMs);
}

} // namespace hwi::hatchet
