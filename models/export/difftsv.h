#pragma once

#include "analysis/diff.h"
#include "recordwriter.h"

#include <QTextStream>

#include <optional>

namespace hwi::exporting {

// A comparison as tab-separated lines (`--diff OLD NEW`, File > Export Comparison…): the header
// `CHANGE	ID	NAME	FIELD	OLD	NEW`, then per differing worker its line(s): `+` appeared and
// `-` gone (FIELD, OLD, NEW empty), `=` replaced (FIELD `id`, OLD and NEW the ids) followed by its `~` lines,
// `~` one line per changed field. Tabs, line breaks and backslashes in values are escaped (\t, \n, \r, \\),
// so every line is one record; other control characters are written as \u001b. In csv and json (`--format`)
// the same records, values as they are.
void printDiff(const analysis::SnapshotDiff& diff, QTextStream& out, RecordFormat format = RecordFormat::Tsv);

// The same lines written atomically to `path` (UTF-8). nullopt or the error.
std::optional<QString> writeDiff(const analysis::SnapshotDiff& diff, const QString& path);

} // namespace hwi::exporting
