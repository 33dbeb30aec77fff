#pragma once
// The command line of hatchet-inspector, read once by both executables: the front (app/main.cpp, the
// command-line modes) and the window (app/windowmain.cpp), so they accept the same options and refuse the
// same mistakes with the same messages.

#include "analysis/fleet.h"
#include "analysis/placement.h"
#include "analysis/redact.h"
#include "export/jsonwriter.h"
#include "export/recordwriter.h"
#include "filter/query.h"
#include "live/connection.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace hwi::app {

struct Options {
    QStringList sources; // the window opens one window each; the command-line modes take exactly one
    QString source;
    bool connect = false; // the source is the tenant's list from the environment's connection
    live::Connection connection;
    bool check = false;
    bool list = false;
    // --diff OLD NEW: sources[0] and sources[1]; with --connect one of them is the live tenant (connectIsOld
    // when --connect came before the file).
    bool diff = false;
    bool allFields = false;
    bool connectIsOld = false;
    std::optional<QStringList> columns;   // --list --columns
    std::optional<analysis::PivotKey> by; // --by KEY
    filter::Query filter;
    QString exportPath; // "-" for standard output
    exporting::Style style = exporting::Style::Pretty;
    std::optional<qint64> maxBytes; // --max-size
    // --at: what ages and health are measured against (heartbeat filters, health): the capture time (the
    // default), now, or a given time.
    enum class At { Capture, Now, Time };
    At at = At::Capture;
    QDateTime atTime;
    bool atGiven = false;
    std::optional<analysis::Task> place; // --place and its --want, --units, --sticky
    exporting::RecordFormat format = exporting::RecordFormat::Tsv; // --format
    std::optional<analysis::RedactOptions> redact; // --export --redact[=…] [--redact-key KEY]

    // A command-line mode was asked for; without one the program opens the window.
    bool commandLine() const { return check || list || by || diff || !exportPath.isEmpty() || place; }
};

// Every option and the SOURCE argument, with their --help text (including --place's, --format's and
// --redact's).
void addOptions(QCommandLineParser& parser);

// Reads `arguments` (QCoreApplication::arguments(): a QCoreApplication must exist) into *options and checks
// them: true when the program can go on; false after printing the usage error ("hatchet-inspector: …") on
// standard error, for an exit with ExitUnreadable. --help and --version print and exit the process.
bool parseOptions(const QStringList& arguments, Options* options);

} // namespace hwi::app
