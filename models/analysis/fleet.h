#pragma once

#include "hatchet/snapshot.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hwi::analysis {

// Fleet pivots (`--by KEY`, the Fleet view): for each distinct value of a key, how many workers carry it,
// by status, how many are schedulable (schedulable.h) and the free and limit slot units of those.
enum class PivotKey : std::uint8_t { Action, Workflow, Label, SlotType, Sdk, Status, Dispatcher };
inline constexpr int PivotKeyCount = int(PivotKey::Dispatcher) + 1;

// "action", "workflow", "label", "slot-type", "sdk", "status", "dispatcher": as `--by` takes them.
QString pivotKeyId(PivotKey key);
QStringList pivotKeyIds();
std::optional<PivotKey> pivotKeyFromId(const QString& id);

struct PivotRow {
    QString key; // the key's value: "etl:load", "gpu=a100", "PYTHON 1.12.0", "none", …
    int workers = 0;
    int active = 0;
    int paused = 0;
    int inactive = 0; // other statuses count only in `workers`
    int schedulable = 0;
    // Sums over the schedulable workers carrying the key: every slot type, or for PivotKey::SlotType only
    // that type. Unknown (nullopt) when some summed value is not reported.
    std::optional<std::int64_t> free = 0;
    std::optional<std::int64_t> limit = 0;
    std::vector<std::size_t> workerIndexes; // the workers carrying it (snapshot indexes, ascending)
};

// The distinct values of `key` one worker carries, as pivot() counts them (definitions below), in byte
// order; what the filter language's exact terms (`action:=etl:load`) match against.
QStringList pivotValues(const hatchet::WorkerView& worker, PivotKey key);

// The same without an allocation per value, for code that reads every worker (pivots(), the filter index):
// UTF-8 views, distinct, in byte order, valid until the next read().
class PivotValueReader final {
public:
    const std::vector<std::string_view>& read(const hatchet::WorkerView& worker, PivotKey key);
    // Every value as the worker holds it, repeats included, unsorted: for a caller that counts each distinct
    // value once by itself (the pivots), spared the sort.
    const std::vector<std::string_view>& readEach(const hatchet::WorkerView& worker, PivotKey key);

private:
    void add(std::string_view value);
    void add(std::string_view first, char separator, std::string_view second);
    // A string member's unescaped text ("" when absent, null or not a string); valid until the next call.
    std::string_view stringOf(const json::Document& doc, json::NodeId object, std::string_view member);
    void readActions(const json::Document& doc, json::NodeId worker, bool prefixes);
    void readWorkflows(const json::Document& doc, json::NodeId worker);
    void readLabels(const json::Document& doc, json::NodeId worker);
    void readSlotTypes(const hatchet::WorkerView& worker);

    std::string m_arena; // the values of one read, back to back
    std::vector<std::pair<std::size_t, std::size_t>> m_spans;
    std::vector<std::string_view> m_values;
    std::string m_scratch;
};

// One pivot, its rows sorted by key in byte (UTF-8) order. `workers`: the snapshot indexes to count (a
// filter's result); `referenceMsecs`: the reference time (ms since the epoch), nullopt when unknown.
// A worker counts once per distinct value it carries.
//   action      each string of `actions`
//   workflow    each registeredWorkflows[].name; a worker without that member: the distinct parts of its
//               actions before the first ':'
//   label       key=value, or key for a label without a value
//   slot-type   each slot type (old era: default)
//   sdk         "LANGUAGE VERSION" from runtimeInfo, "unknown" for a missing or empty part
//   status      as written ("" when missing)
//   dispatcher  the id, or "none"
std::vector<PivotRow> pivot(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                            PivotKey key, std::optional<qint64> referenceMsecs);
// Every pivot at once (the Fleet view): reads each worker once.
std::array<std::vector<PivotRow>, PivotKeyCount> pivots(const hatchet::Snapshot& snapshot,
                                                        const std::vector<std::size_t>& workers,
                                                        std::optional<qint64> referenceMsecs);

// Why a row of an action, workflow, label or slot-type pivot means tasks cannot run now, or "" when they
// can (and always "" for the other keys): "no live worker registers etl:load", "all 4 live workers full".
QString pivotRowProblem(PivotKey key, const PivotRow& row);

} // namespace hwi::analysis
