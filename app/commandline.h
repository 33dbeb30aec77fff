#pragma once

#include "analysis/fleet.h"
#include "export/jsonwriter.h"
#include "export/recordwriter.h"
#include "hatchet/snapshot.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace hwi::app {

// Exit codes shared by every command-line mode.
enum ExitCode { ExitOk = 0, ExitProblems = 1, ExitUnreadable = 2 };

// `--format tsv|csv|json` of the tabular commands (--list, --by, --place, --diff).
void addFormatOption(QCommandLineParser& parser);
// The format given (tsv without --format); nullopt with *error naming an unknown one and the accepted ones.
std::optional<exporting::RecordFormat> formatFrom(const QCommandLineParser& parser, QString* error);

// Text from the data on one line of a terminal: control characters escaped visibly (\u001b), line breaks
// as \n and \r. For messages that quote values (--check, --place's summary, load errors).
QString visibleLine(const QString& text);

// `--check`: one problem a line, "POINTER: severity: message", each line prefixed by `prefix` (the source
// and ": " when several are checked). With no problem at all, "OK: N workers, no problems" on err.
// Returns ExitOk or ExitProblems.
int printCheck(const hatchet::Snapshot& snapshot, QTextStream& out, QTextStream& err,
               const QString& prefix = {});
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
               const QStringList& columns, const QDateTime& reference, QTextStream& out,
               exporting::RecordFormat format = exporting::RecordFormat::Tsv);

// Writes `count` records, those of cellsOf(0) to cellsOf(count - 1), in order; cellsOf runs for windows of
// rows in parts at once on other threads (a worker's fields lie far apart in a large document, read from
// memory more than cache), which also format them. Never all rows' text at once.
void writeRecordsInParts(exporting::RecordWriter& writer, std::size_t count,
                         const std::function<QStringList(std::size_t)>& cellsOf);

// `--list` over one or several sources as one table: with several, a first column SOURCE holds the source
// as given on the command line. finish() after the last source; nothing is written when no source printed.
class ListPrinter final {
public:
    ListPrinter(QTextStream& out, exporting::RecordFormat format, QStringList columns, bool withSource);
    void print(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
               const QDateTime& reference, const QString& source = {});
    void finish();

private:
    exporting::RecordWriter m_writer;
    QStringList m_columns;
    bool m_withSource;
    bool m_printed = false;
};

// `--by KEY`: the header KEY WORKERS ACTIVE PAUSED INACTIVE SCHEDULABLE FREE LIMIT, then one record per
// value of the key (analysis::pivot, byte order); FREE and LIMIT are '?' when unknown (null in json). Only
// the header for no workers.
void printPivot(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                analysis::PivotKey key, std::optional<qint64> referenceMsecs, QTextStream& out,
                exporting::RecordFormat format = exporting::RecordFormat::Tsv);

// After a successful `--export`: JSON on standard output ends with a newline (compact style writes none), and
// a single-worker document whose worker the filter removed, exported as `[]`, is said on err.
void endExport(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
               const QString& path, exporting::Style style, QTextStream& out, QTextStream& err);

// SLOTS column: used/limit summed over slot types; "" without slot information.
QString slotsSummary(const hatchet::WorkerView& worker);

} // namespace hwi::app
