#pragma once

#include "hatchet/snapshot.h"
#include "jsonwriter.h"

#include <QByteArray>

#include <cstddef>
#include <vector>

class QIODevice;

namespace hwi::exporting {

// Exports chosen workers of a snapshot in the envelope the source had, faithfully (see JsonWriter):
// - WorkerList: the list object with every top-level member in source order (pagination and unknown
//   members verbatim); only the rows array (the member the workers were read from) holds just the chosen
//   workers.
// - WorkerArray: an array of the chosen workers.
// - Worker: the worker object when it is chosen. Exporting zero workers from a single-Worker document
//   writes `[]`: an empty object or `null` would read back as a malformed or absent worker, whereas an
//   empty array is a valid (empty) worker array that every reader accepts.
// - PlainJson holds no workers: `[]` as well.
// workerIndexes index snapshot.workers, in any order, duplicates allowed, out-of-range ones ignored; the
// workers are always written once each, in document order. Pretty output ends with a newline.
// replacements, when given, take the place of those scalars (a redacted export, see analysis/redact.h).
QByteArray exportWorkers(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workerIndexes,
                         Style style, const ScalarReplacements* replacements = nullptr);
// The same, streamed to a device. False when a write failed.
bool writeWorkers(QIODevice& device, const hatchet::Snapshot& snapshot,
                  const std::vector<std::size_t>& workerIndexes, Style style,
                  const ScalarReplacements* replacements = nullptr);

} // namespace hwi::exporting
