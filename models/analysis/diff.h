#pragma once

#include "hatchet/snapshot.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace hwi::analysis {

// What changed between two snapshots (`--diff OLD NEW`, File > Compare With…). Workers are matched by
// metadata.id; a worker only in the old snapshot is gone, only in the new one appeared; when exactly one gone
// and one appeared worker share a (non-empty) name they are one worker replaced (restarted under a new id)
// and compared like a matched pair. registeredWorkflows are compared only when both sides send them (list
// rows never do: a GET against a list row is no removal).
enum class ChangeKind : std::uint8_t { Appeared, Gone, Replaced, Changed };

// "+", "-", "=", "~": the CHANGE column of `--diff`.
QString changeSymbol(ChangeKind kind);
// "appeared", "gone", "replaced", "changed": as the filter's `change:` and the window name them.
QString changeKindId(ChangeKind kind);

struct FieldChange {
    // name, type, status, dispatcherId, webhookUrl, runtimeInfo/language, …, slotConfig/TYPE/limit,
    // slotConfig/TYPE/available (old era maxRuns, availableRuns), labels/KEY, actions, registeredWorkflows;
    // with every field also lastHeartbeatAt, metadata/updatedAt, lastListenerEstablished, slots,
    // recentStepRuns.
    QString field;
    QString oldValue; // "" for a missing side; for actions and registeredWorkflows one member
    QString newValue;
};

struct WorkerChange {
    ChangeKind kind = ChangeKind::Changed;
    QString id;                          // the new id (the old one for a gone worker)
    QString name;                        // the new name (the old one for a gone worker)
    QString oldId;                       // replaced: the id it had
    std::optional<std::size_t> oldIndex; // snapshot indexes of each side, where it has one
    std::optional<std::size_t> newIndex;
    std::vector<FieldChange> fields; // in the field order above

    // The first segment of each changed field ("labels" for labels/gpu): what `changed:FIELD` matches.
    bool changedFamily(const QString& family) const;
    // The same for every family at once: a bit per changeFamilies() entry (what the filter reads).
    std::uint32_t changedFamilyBits() const;
};

struct DiffOptions {
    bool allFields = false; // also the fields that change on every capture
};

struct SnapshotDiff {
    // Only the workers that differ: the new document's order, then gone workers in the old order.
    std::vector<WorkerChange> workers;
    int appeared = 0;
    int gone = 0;
    int replaced = 0;
    int changed = 0;

    bool isEmpty() const { return workers.empty(); }
    // "3 appeared, 1 gone, 1 replaced, 5 changed" (parts that are 0 left out; "no changes").
    QString summary() const;
};

// oldWorkers / newWorkers: the snapshot indexes to compare (a filter's result, or every worker).
SnapshotDiff diffSnapshots(const hatchet::Snapshot& oldSnapshot, const std::vector<std::size_t>& oldWorkers,
                           const hatchet::Snapshot& newSnapshot, const std::vector<std::size_t>& newWorkers,
                           DiffOptions options = {});

// The fields a `changed:` term can name: name, type, status, dispatcherId, webhookUrl, runtimeInfo,
// slotConfig, maxRuns, availableRuns, labels, actions, registeredWorkflows, lastHeartbeatAt, metadata,
// lastListenerEstablished, slots, recentStepRuns.
QStringList changeFamilies();

} // namespace hwi::analysis
