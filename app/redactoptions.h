#pragma once

#include "analysis/redact.h"

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace hwi::app {

// --redact[=CATEGORIES] and --redact-key KEY, for --export. --redact is a flag (so `--export - --redact -`
// still reads `-` as the SOURCE); its categories are attached with '=': --redact=names,labels,actions.
void addRedactOptions(QCommandLineParser& parser);
// QCommandLineParser does not let a flag take an optional value: --redact=LIST becomes --redact and the
// hidden --redact-categories LIST before parsing. Everything else is returned as it was.
QStringList splitRedactArgument(const QStringList& arguments);
// The redaction asked for, nullopt without --redact. problem is set (and nullopt returned) for an unknown
// category, --redact-key or categories without --redact, and --redact without --export.
std::optional<analysis::RedactOptions> redactOptionsFrom(const QCommandLineParser& parser, QString* problem);

} // namespace hwi::app
