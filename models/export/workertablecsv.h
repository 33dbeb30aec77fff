#pragma once

#include "hatchet/snapshot.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

class QAbstractItemModel;
class QIODevice;

namespace hwi::exporting {

// The worker table as the user sees it, as CSV (RFC 4180, as tableToCsv) with machine values. `rows` is the
// table's model (the filter and sort proxy over WorkerTableModel): its rows in its order, each read through
// WorkerIndexRole from the snapshot, never from display text; gone rows (no worker) are left out. `columns`
// are WorkerTableModel::Columns, the visible ones in view order. Each gives these CSV columns:
//   Name name · Status status · Type type · Last heartbeat last_heartbeat_at · Created created_at
//     (ISO 8601 with milliseconds, Z for UTC, another offset as written; 0001-01-01T00:00:00Z for never, ""
//     when absent, the text as written when it is not a time)
//   Slots one pair per slot type of the exported workers, default first: default_used, default_limit, … (raw
//     numbers; "" when the worker lacks the type or does not say)
//   Labels labels (key=value, or key, joined by ';') · Actions actions · Workflows workflows (joined by ';')
//   SDK sdk_language, sdk_version · Dispatcher dispatcher_id
//   Health health (the id of the first state at the table's reference time, e.g. no-new-work)
//   Change change (appeared, gone, replaced, changed; "" outside a comparison)
//   Usage usage (used units over the history, oldest first, joined by ';')
// records, when given, receives the number of workers written.
QByteArray workerTableToCsv(const hatchet::Snapshot& snapshot, const QAbstractItemModel& rows,
                            const std::vector<int>& columns, int* records = nullptr);
bool writeWorkerTableCsv(QIODevice& device, const hatchet::Snapshot& snapshot, const QAbstractItemModel& rows,
                         const std::vector<int>& columns);

// The CSV header names the columns give (as above).
QStringList workerTableCsvHeader(const hatchet::Snapshot& snapshot, const QAbstractItemModel& rows,
                                 const std::vector<int>& columns);

} // namespace hwi::exporting
