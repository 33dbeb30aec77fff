#pragma once

#include "hatchet/snapshot.h"

#include <QStringList>

namespace hwi::filter {

// The filter bar's label choices: every label key the snapshot's workers carry (any value) and every
// key=value, sorted naturally (a key before its values), at most `most` of them (the first found in
// document order).
QStringList labelChoices(const hatchet::Snapshot& snapshot, qsizetype most = 300);

} // namespace hwi::filter
