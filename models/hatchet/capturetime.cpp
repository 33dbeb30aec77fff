#include "capturetime.h"

#include "health.h"

#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace hwi::hatchet {

namespace {

// A span as the notes say it: "850 ms", "40 s", "3 min", "5 h", "2 d" (whole units, rounded down).
QString roughSpan(qint64 msecs) {
    constexpr qint64 Second = 1000, Minute = 60 * Second, Hour = 60 * Minute, Day = 24 * Hour;
    if (msecs < Second)
        return QStringLiteral("%1 ms").arg(msecs);
    if (msecs < Minute)
        return QStringLiteral("%1 s").arg(msecs / Second);
    if (msecs < Hour)
        return QStringLiteral("%1 min").arg(msecs / Minute);
    if (msecs < Day)
        return QStringLiteral("%1 h").arg(msecs / Hour);
    return QStringLiteral("%1 d").arg(msecs / Day);
}

// "5 ACTIVE workers", "3 ACTIVE, 1 PAUSED and 2 INACTIVE workers", "1 heartbeat".
QString whatBounds(const CaptureBounds& bounds) {
    QStringList parts;
    const std::pair<int, const char*> counts[] = {
        {bounds.active, "ACTIVE"}, {bounds.paused, "PAUSED"}, {bounds.inactive, "INACTIVE"}};
    int workers = 0;
    for (const auto& [count, status] : counts) {
        if (count > 0)
            parts << QStringLiteral("%1 %2").arg(count).arg(QLatin1String(status));
        workers += count;
    }
    if (parts.isEmpty())
        return bounds.other == 1 ? QStringLiteral("1 heartbeat")
                                 : QStringLiteral("%1 heartbeats").arg(bounds.other);
    if (bounds.other > 0)
        parts << QStringLiteral("%1 other").arg(bounds.other);
    workers += bounds.other;
    QString joined = parts.takeLast();
    if (!parts.isEmpty())
        joined = parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + joined;
    return joined + (workers == 1 ? QStringLiteral(" worker") : QStringLiteral(" workers"));
}

QString hintName(CaptureHint::Kind kind) {
    return kind == CaptureHint::HttpDate   ? QStringLiteral("the HTTP Date")
           : kind == CaptureHint::ReadTime ? QStringLiteral("the time it was read")
                                           : QStringLiteral("the file's time");
}

// Why no instant fits: "ACTIVE order-processor heartbeated 40 s too long before INACTIVE mailer's silence".
QString contradiction(const CaptureBounds& bounds) {
    const QString gap = roughSpan(*bounds.earliest - *bounds.latest);
    const QString upper = bounds.latestByList ? QStringLiteral("a tenant list's 24 h membership")
                                              : QStringLiteral("%1 %2 (heartbeat at most 5 s before)")
                                                    .arg(bounds.latestStatus, bounds.latestWorker);
    const QString lower = bounds.earliestByInactive
                              ? QStringLiteral("INACTIVE %1 (silent over 5 s)").arg(bounds.earliestWorker)
                              : QStringLiteral("%1's newer heartbeat").arg(bounds.earliestWorker);
    return QStringLiteral("the statuses contradict each other by %1: %2 against %3; an edited file?")
        .arg(gap, upper, lower);
}

QDateTime utc(qint64 msecs) {
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
}

} // namespace

QString captureHintLabel(int kind) {
    switch (kind) {
    case CaptureHint::HttpDate:
        return QStringLiteral("HTTP Date");
    case CaptureHint::FileTime:
        return QStringLiteral("File time");
    case CaptureHint::ReadTime:
        return QStringLiteral("Read at");
    }
    return {};
}

QString timeSourceName(TimeSource source) {
    switch (source) {
    case TimeSource::Unknown:
        return QStringLiteral("unknown");
    case TimeSource::HttpDate:
        return QStringLiteral("HTTP Date");
    case TimeSource::FileTime:
        return QStringLiteral("file time");
    case TimeSource::ReadTime:
        return QStringLiteral("time of reading");
    case TimeSource::Estimated:
        return QStringLiteral("estimated from the data");
    case TimeSource::Now:
        return QStringLiteral("now");
    case TimeSource::UserSet:
        return QStringLiteral("set by you");
    }
    return {};
}

CaptureBounds captureBounds(const std::vector<CaptureWorker>& workers, bool tenantList) {
    CaptureBounds bounds;
    std::optional<qint64> oldest; // any heartbeat, for the list membership
    for (const CaptureWorker& worker : workers) {
        if (!worker.lastHeartbeatAt.isKnown())
            continue;
        const qint64 beat = worker.lastHeartbeatAt.time.msecsSinceEpoch;
        const auto raiseEarliest = [&](qint64 at, bool byInactive) {
            if (!bounds.earliest || at > *bounds.earliest) {
                bounds.earliest = at;
                bounds.earliestByInactive = byInactive;
                bounds.earliestWorker = worker.name;
            }
        };
        const auto lowerLatest = [&](qint64 at) {
            if (!bounds.latest || at < *bounds.latest) {
                bounds.latest = at;
                bounds.latestByList = false;
                bounds.latestWorker = worker.name;
                bounds.latestStatus = worker.status;
            }
        };
        raiseEarliest(beat, false); // nothing heartbeated after the capture
        if (!oldest || beat < *oldest)
            oldest = beat;
        if (worker.status == QLatin1String("ACTIVE") || worker.status == QLatin1String("PAUSED")) {
            ++(worker.status == QLatin1String("ACTIVE") ? bounds.active : bounds.paused);
            lowerLatest(beat + HeartbeatTimeoutMsecs);
        } else if (worker.status == QLatin1String("INACTIVE")) {
            ++bounds.inactive;
            raiseEarliest(beat + HeartbeatTimeoutMsecs + 1, true); // silent for more than 5 s
        } else {
            ++bounds.other;
        }
    }
    if (tenantList && oldest) {
        const qint64 membership = *oldest + ListMembershipMsecs - 1; // within the last 24 h
        if (!bounds.latest || membership < *bounds.latest) {
            bounds.latest = membership;
            bounds.latestByList = true;
            bounds.latestWorker.clear();
            bounds.latestStatus.clear();
        }
    }
    return bounds;
}

CaptureTime decideCaptureTime(const std::vector<CaptureWorker>& workers, bool tenantList,
                              const CaptureHint& hint) {
    CaptureTime capture;
    capture.hint = hint;
    capture.bounds = captureBounds(workers, tenantList);
    const CaptureBounds& bounds = capture.bounds;
    const bool hasHint = hint.kind != CaptureHint::None && hint.time.isValid();
    const TimeSource hintSource = hint.kind == CaptureHint::HttpDate   ? TimeSource::HttpDate
                                  : hint.kind == CaptureHint::ReadTime ? TimeSource::ReadTime
                                                                       : TimeSource::FileTime;
    const QString estimated = QStringLiteral("estimated from ") + whatBounds(bounds);
    const QString inactiveBinds =
        bounds.earliestByInactive
            ? QStringLiteral(", just over 5 s after INACTIVE %1's heartbeat").arg(bounds.earliestWorker)
            : QString();

    if (bounds.isContradictory()) {
        capture.statusesContradict = true;
        if (hasHint) {
            capture.time = hint.time.toUTC();
            capture.source = hintSource;
            capture.note = timeSourceName(hintSource) + QStringLiteral("; ") + contradiction(bounds);
            capture.summary =
                timeSourceName(hintSource) + QStringLiteral("; the statuses contradict each other");
        } else {
            // Nothing heartbeated after the capture: the newest heartbeat is the one bound that holds.
            qint64 newest = *bounds.latest;
            for (const CaptureWorker& worker : workers) {
                if (worker.lastHeartbeatAt.isKnown())
                    newest = std::max<qint64>(newest, worker.lastHeartbeatAt.time.msecsSinceEpoch);
            }
            capture.time = utc(newest);
            capture.source = TimeSource::Estimated;
            capture.note = QStringLiteral("estimated from the newest heartbeat; ") + contradiction(bounds);
            capture.summary = QStringLiteral("estimated; the statuses contradict each other");
        }
        return capture;
    }

    if (hasHint) {
        // An HTTP Date names its second: the instant lies anywhere within it.
        const qint64 from = hint.time.toMSecsSinceEpoch();
        const qint64 to = hint.kind == CaptureHint::HttpDate ? from + 999 : from;
        const bool fits =
            (!bounds.earliest || to >= *bounds.earliest) && (!bounds.latest || from <= *bounds.latest);
        if (fits) {
            capture.time = utc(bounds.earliest ? std::max(from, *bounds.earliest) : from);
            capture.source = hintSource;
            capture.note = timeSourceName(hintSource);
            capture.summary = capture.note;
            return capture;
        }
        capture.hintContradicted = true;
        // A hint outside the bounds means there are heartbeats: the earliest instant they allow.
        const qint64 estimate = *bounds.earliest;
        const bool later = from > estimate;
        capture.time = utc(estimate);
        capture.source = TimeSource::Estimated;
        capture.note = estimated + inactiveBinds +
                       QStringLiteral("; %1, %2 %3, contradicts them")
                           .arg(hintName(hint.kind), roughSpan(later ? from - estimate : estimate - to),
                                later ? QStringLiteral("later") : QStringLiteral("earlier"));
        capture.summary = QStringLiteral("estimated; %1 contradicts the data").arg(hintName(hint.kind));
        return capture;
    }

    if (bounds.earliest) {
        capture.time = utc(*bounds.earliest);
        capture.source = TimeSource::Estimated;
        capture.note = estimated + inactiveBinds;
        capture.summary = timeSourceName(TimeSource::Estimated);
        return capture;
    }
    capture.note = QStringLiteral("unknown: no file time, HTTP Date or heartbeat");
    capture.summary = timeSourceName(TimeSource::Unknown);
    return capture;
}

} // namespace hwi::hatchet
