#pragma once

#include "analysis/placement.h"

#include <QDateTime>
#include <QString>

namespace hwi::views {

// A word as a POSIX shell reads it back: unchanged when it holds only safe characters, else in single
// quotes (a ' inside written '\'').
QString shellQuoted(const QString& word);

// The `hatchet-inspector --place ACTION --want … --units … --sticky … [--at TIME] SOURCE` line that gives
// the same verdicts as the window (app/placecommand.h parses it). `at`: the reference time, when it is not
// the snapshot's capture time (invalid: leave --at out).
QString placeCommandLine(const analysis::Task& task, const QString& source, const QDateTime& at = {});

} // namespace hwi::views
