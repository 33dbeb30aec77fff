#pragma once

#include <QAbstractItemModel>
#include <QCollator>
#include <QVariant>

#include <vector>

namespace hwi::models {

// The order RawValueSortProxy sorts by, for other proxies: numbers numerically (before text), text in
// natural order (naturalCompare), invalid values first. <0, 0, >0 like strcmp; 0 only for values that
// compare equal in every respect. `collator` must be case-insensitive.
int compareRawValues(const QVariant& left, const QVariant& right, const QCollator& collator);

// The top-level rows of `column` in ascending compareRawValues() order of their `role` data, ties by row:
// each value read once and text reduced to integer keys, so 100,000 rows take tens of milliseconds, not
// seconds. Empty for a column the model does not have.
std::vector<int> rowsInValueOrder(const QAbstractItemModel& source, int column, int role,
                                  const QCollator& collator);

} // namespace hwi::models
