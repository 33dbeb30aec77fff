#pragma once

namespace hwi::views::benchevents {

// For `scripts/bench window` (bench/window_benchmark.cpp): with HWI_BENCH_EVENTS set to "fd:N" (an open
// descriptor) or a file path, the window writes one line per moment the benchmark waits for, the first time
// it happens in the process:
//   first-rows MS MONO     the worker table's viewport has painted rows
//   filter-ready MS MONO   the filter's worker index is built
// MS: milliseconds since the process started (/proc/self/stat, so the re-execution for huge pages is
// included; 10 ms resolution); MONO: CLOCK_MONOTONIC in nanoseconds, for the benchmark's own clock.
// Without the variable nothing is written and a call costs one test of a flag.
void mark(const char* event);

} // namespace hwi::views::benchevents
