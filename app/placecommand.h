#pragma once

#include "analysis/placement.h"
#include "export/recordwriter.h"
#include "hatchet/snapshot.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <optional>
#include <vector>

namespace hwi::app {

// `--place ACTION [--want SPEC]... [--units TYPE=N]... [--sticky soft:WORKER_ID|hard:WORKER_ID] SOURCE`:
// where Hatchet would place a task, one line per worker (analysis/placement.h).

// Exit status when no worker could ever take the task (0: some fits now; 1: some is only full; 2: an
// unreadable source or a malformed argument).
inline constexpr int ExitNeverRuns = 3;

void addPlaceOptions(QCommandLineParser& parser);

// The task the --place, --want, --units and --sticky options describe. nullopt without --place (then none of
// the others may be given). A malformed argument sets *error: the option, the argument, where and what was
// expected ("--want 'gpu~a100': expected one of = != > >= < <= after 'gpu'").
std::optional<analysis::Task> placeTaskFrom(const QCommandLineParser& parser, QString* error);

// One argument each; nullopt with *error as above.
// SPEC: [+]KEY OP VALUE[@WEIGHT]; '+' marks it required, OP one of = != > >= < <=, WEIGHT an integer (default
// 100; the last '@' starts it). > >= < <= need an integer VALUE.
std::optional<analysis::DesiredLabel> parseWant(const QString& spec, QString* error);
// TYPE=N, N an integer (units <= 0 are accepted and dropped, as the engine does).
std::optional<analysis::SlotUnits> parseUnits(const QString& spec, QString* error);
// soft:WORKER_ID or hard:WORKER_ID (the strategy in any case).
bool parseSticky(const QString& spec, analysis::Task& task, QString* error);

// Prints the header `ID NAME VERDICT RANK REASONS` and a record per worker (document order) to out in the
// format (RANK a number in json, null for excluded workers), the warnings and the summary sentence to err
// with control characters escaped. Returns 0 when some worker fits, 1 when none fits but
// some is full, ExitNeverRuns when none could ever take it.
int printPlacement(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                   const analysis::Task& task, std::optional<qint64> referenceMsecs, QTextStream& out,
                   QTextStream& err, exporting::RecordFormat format = exporting::RecordFormat::Tsv);

} // namespace hwi::app
