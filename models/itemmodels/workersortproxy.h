#pragma once
// The former name of RawValueSortProxy, for code not yet moved over; include rawvaluesortproxy.h instead.

#include "rawvaluesortproxy.h"

namespace hwi::models {
using WorkerSortProxy = RawValueSortProxy;
}
