#pragma once

#include "hatchet/snapshot.h"

#include <QTextStream>

namespace hwi::app {

// Exit codes shared by every command-line mode.
enum ExitCode { ExitOk = 0, ExitProblems = 1, ExitUnreadable = 2 };

// `--check`: one problem a line, "PATH: severity: message". Returns ExitOk or ExitProblems.
int printCheck(const hatchet::Snapshot& snapshot, QTextStream& out, QTextStream& err);
// `--list`: a header and one tab-separated line per worker (the given indexes into snapshot.workers).
void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers, QTextStream& out);

// SLOTS column: used/limit summed over slot types; "" without slot information.
QString slotsSummary(const hatchet::WorkerView& worker);

} // namespace hwi::app
