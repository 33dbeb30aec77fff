#pragma once

#include "hatchet/snapshot.h"

#include <QStringList>

namespace hwi::filter {

// The filter bar's label chips: every key=value the snapshot's workers carry, sorted case-insensitively,
// at most `most` of them (the first found in document order).
QStringList labelChoices(const hatchet::Snapshot& snapshot, qsizetype most = 300);

} // namespace hwi::filter
