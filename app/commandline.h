#pragma once

#include "analysis/fleet.h"
#include "hatchet/snapshot.h"

#include <QDateTime>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace hwi::app {

// Exit codes shared by every command-line mode.
enum ExitCode { ExitOk = 0, ExitProblems = 1, ExitUnreadable = 2 };

// `--check`: one problem a line, "PATH: severity: message". Returns ExitOk or ExitProblems.
int printCheck(const hatchet::Snapshot& snapshot, QTextStream& out, QTextStream& err);
// `--list`: a header and one tab-separated line per worker (the given indexes into snapshot.workers).
void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers, QTextStream& out);

// `--list --columns`: the columns it knows, in the order error messages list them:
// id name status type slots last_heartbeat health reasons.
QStringList listColumnNames();
// The columns `--list` prints without --columns: id name status type slots last_heartbeat.
QStringList defaultListColumns();
// "id,name,health" as column names in the order given; nullopt with *error naming the first unknown one and
// listing the known ones.
std::optional<QStringList> parseListColumns(const QString& text, QString* error);
// `--list --columns`: the header (the chosen names upper-cased) and one line per worker with the chosen
// columns. `health` is the state id and `reasons` every reason joined with "; ", both judged at reference.
void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
               const QStringList& columns, const QDateTime& reference, QTextStream& out);

// `--by KEY`: the header KEY WORKERS ACTIVE PAUSED INACTIVE SCHEDULABLE FREE LIMIT, then one tab-separated
// line per value of the key (analysis::pivot, byte order); FREE and LIMIT are '?' when unknown. Only the
// header for no workers.
void printPivot(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                analysis::PivotKey key, std::optional<qint64> referenceMsecs, QTextStream& out);

// SLOTS column: used/limit summed over slot types; "" without slot information.
QString slotsSummary(const hatchet::WorkerView& worker);

} // namespace hwi::app
