#pragma once

#include "analysis/fleet.h"
#include "hatchet/health.h"
#include "hatchet/snapshot.h"

#include <QString>
#include <QtGlobal>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hwi::filter {

class Query;

// Separators inside the joined strings below; foldForSearch() turns control characters into spaces, so a
// needle never holds one and a substring search never spans two items.
inline constexpr char ItemEnd = '\x01';
inline constexpr char LabelValue = '\x02';
inline constexpr char LabelKey = '\x03';

// Lowercased UTF-8 with control characters as spaces: how both the index and a query's needles are kept.
std::string foldForSearch(const QString& text);
// "\1value\1": what an exact term searches for in WorkerIndexEntry::exact (UTF-8 as written, control
// characters as spaces).
std::string exactNeedle(const QString& value);

// What a query reads of one worker, extracted once per snapshot. The strings are folded (foldForSearch)
// views into the owning WorkerIndex's buffers, valid as long as the index lives. Lists are joined so that
// "some item contains x" is one substring search:
//   actions, workflows  "a\1b\1"            labels  "\3key\2value\1\3key\2value\1"
//   slotTypes           "\1default\1durable\1"
//   text                name \1 id labels \1 actions workflows   (what bare words search; one range)
// `exact` holds, per pivot key (analysis::PivotKey), the worker's values as `--by` writes them, not folded
// (control characters as spaces): "\1etl:load\1etl:load2\1". Exact terms (`action:=etl:load`) search it.
struct WorkerIndexEntry {
    enum class Heartbeat : quint8 { Known, Never, Unknown };

    std::string_view text;
    std::string_view name; // the name the dashboard shows (webhook URL for an unnamed webhook worker)
    std::string_view id;
    std::string_view labels;
    std::string_view actions;
    std::string_view workflows;
    std::string_view status;
    std::string_view type;
    std::string_view sdk; // runtimeInfo.language
    std::string_view dispatcher;
    std::string_view slotTypes;
    std::array<std::string_view, analysis::PivotKeyCount> exact;
    qint64 heartbeatMsecs = 0;              // when heartbeat == Known
    Heartbeat heartbeat = Heartbeat::Never; // absent or zero time: Never; malformed: Unknown
    bool anySlotFree = false;               // some slot type has available > 0
    bool allSlotsFull = false;              // some slot type, and every one has available <= 0
    // What `health:` terms read: the states are evaluated at match time, at the query's reference time.
    hatchet::HealthFacts health;
};

// The entries of every worker of a snapshot, in document order. Immutable once built; can be built off
// the GUI thread and shared.
class WorkerIndex final {
public:
    explicit WorkerIndex(const hatchet::Snapshot& snapshot);
    WorkerIndex(const WorkerIndex&) = delete;
    WorkerIndex& operator=(const WorkerIndex&) = delete;

    const WorkerIndexEntry& operator[](std::size_t index) const { return m_entries[index]; }
    std::size_t size() const { return m_entries.size(); }
    // Whether this index was built from that snapshot's document and workers.
    bool isFor(const hatchet::Snapshot& snapshot) const;

private:
    std::shared_ptr<const json::Document> m_document;
    std::string m_text;   // per worker: name \1 id \1 labels actions workflows
    std::string m_fields; // per worker: name, id, labels, status, type, sdk, dispatcher, slot types
    std::string m_exact;  // per worker: the exact values of every pivot key
    std::vector<WorkerIndexEntry> m_entries;
};

// Indexes (into Snapshot::workers) of the matching workers, in document order.
std::vector<std::size_t> matchingWorkers(const WorkerIndex& index, const Query& query, qint64 referenceMsecs);
// Convenience: builds the index first (costly for large snapshots; keep a WorkerIndex when filtering often);
// an empty query needs none and gives every worker.
std::vector<std::size_t> matchingWorkers(const hatchet::Snapshot& snapshot, const Query& query,
                                         qint64 referenceMsecs);

} // namespace hwi::filter
