#pragma once

#include "worker.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace hwi::hatchet {

// When was this document captured? (HATCHET.md, "When was this file captured?") A file's modification
// time or an HTTP Date header is only a hint; the workers' statuses and heartbeats bound the instant.

// A tenant list holds only workers that heartbeated within the last 24 h.
inline constexpr qint64 ListMembershipMsecs = qint64(24) * 60 * 60 * 1000;

// Where a reference time came from. A snapshot's capture is HttpDate, FileTime, Estimated or Unknown; Now
// and UserSet are the other references the window and the command line measure against.
enum class TimeSource { Unknown, HttpDate, FileTime, ReadTime, Estimated, Now, UserSet };
// "HTTP Date", "file time", "time of reading", "estimated from the data", "now", "set by you", "unknown".
QString timeSourceName(TimeSource source);

// "HTTP Date", "File time", "Read at": a hint's label in the status bar's tooltip.
QString captureHintLabel(int kind);

// What the loader knew: an HTTP Date header (whole seconds: the instant lies within the second) or the
// file's modification time.
struct CaptureHint {
    enum Kind { None, HttpDate, FileTime, ReadTime }; // ReadTime: when standard input was read
    Kind kind = None;
    QDateTime time;
};

// One worker as far as its capture is concerned.
struct CaptureWorker {
    QString status; // as the server writes it: ACTIVE, PAUSED, INACTIVE bound the instant; others don't
    TimeValue lastHeartbeatAt; // only a valid time bounds anything (absent, never, malformed don't)
    QString name;              // for the notes
};

// The instants (msecs since the epoch, both inclusive) the data allows. nullopt: open on that side.
struct CaptureBounds {
    std::optional<qint64> earliest; // every heartbeat before it; INACTIVE ones more than 5 s before
    std::optional<qint64> latest;   // ACTIVE/PAUSED heartbeats at most 5 s before; list rows within 24 h
    // What binds each side: an INACTIVE worker's silence (earliest = its heartbeat + 5 s + 1 ms) or the
    // newest heartbeat; the oldest fresh (ACTIVE/PAUSED) worker or the 24 h list membership.
    bool earliestByInactive = false;
    bool latestByList = false;
    QString earliestWorker; // the worker that binds earliest
    QString latestWorker;   // the worker that binds latest (empty when latestByList)
    QString latestStatus;
    int active = 0, paused = 0, inactive = 0, other = 0; // workers with a valid heartbeat, by status

    // No instant fits every status: the file was edited (or put together from several captures).
    bool isContradictory() const { return earliest && latest && *earliest > *latest; }
    bool contains(qint64 msecs) const {
        return (!earliest || msecs >= *earliest) && (!latest || msecs <= *latest);
    }
};

struct CaptureTime {
    QDateTime time; // UTC; invalid when neither a hint nor a heartbeat tells
    TimeSource source = TimeSource::Unknown;
    // How it was determined, for the status bar after the time: "file time", "HTTP Date", "estimated from 5
    // ACTIVE workers; the file's time, 2 d later, contradicts them".
    QString note;
    // The same in a few words, for where room is short: "file time", "HTTP Date", "estimated from the data",
    // "estimated; the file's time contradicts the data", "file time; the statuses contradict each other".
    QString summary;
    CaptureHint hint;
    CaptureBounds bounds;
    bool hintContradicted = false;   // the hint lies outside the bounds: the time comes from the bounds
    bool statusesContradict = false; // no instant fits: the hint (or the newest heartbeat) is kept

    bool isEstimated() const { return source == TimeSource::Estimated; }
};

// The bounds the workers put on the capture instant. tenantList: the rows of a tenant's list (a WorkerList
// or a bare array of list rows), where the 24 h membership applies; not a single worker's GET.
CaptureBounds captureBounds(const std::vector<CaptureWorker>& workers, bool tenantList);

// The capture time: the hint when the data allows it; else the earliest instant the data allows (just after
// the last INACTIVE heartbeat + 5 s when that binds), saying the hint is contradicted; when the statuses
// contradict each other, the hint (or without one the newest heartbeat) and the contradiction; without a
// hint, the estimate from the bounds.
CaptureTime decideCaptureTime(const std::vector<CaptureWorker>& workers, bool tenantList,
                              const CaptureHint& hint);

} // namespace hwi::hatchet
