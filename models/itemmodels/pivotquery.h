#pragma once

#include "analysis/fleet.h"

#include <QString>

namespace hwi::models {

// The filter query that shows the workers of a pivot row (the Fleet view's click-to-filter): the text the
// filter box gets, so the user sees and can edit what was applied.
//   Exact      action:=etl:load   workflow:=etl   label:=gpu=a100   (label:=gpu for a label without value)
//   Substring  action:etl:load    action:etl:     label:gpu=a100    (the forms older builds parse; a
//              workflow is matched through its actions' prefix, as the pivot counts workers without
//              registeredWorkflows)
// Values holding spaces or commas are quoted. Empty when no query expresses the row: a slot type, or a value
// with a double quote (the language has no escape for it).
enum class QueryForm { Exact, Substring };
QString pivotRowQuery(analysis::PivotKey key, const QString& value, QueryForm form);

// Exact when the filter language parses the exact forms (`action:=x`), else Substring.
QueryForm supportedQueryForm();

} // namespace hwi::models
