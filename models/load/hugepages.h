#pragma once

namespace hwi::load {

// A loaded document lives in a few large arrays (the source text, the node table, simdjson's index).
// On machines where transparent huge pages are opt-in ("madvise"), filling them with 4 KiB pages makes
// page faults cost more than parsing. glibc's malloc opts in when GLIBC_TUNABLES says so, which can only
// be set before the process starts: so, once, the process re-executes itself with it set. Returns only
// when no re-exec is needed or possible.
void reexecWithHugePageMalloc(char** argv);

} // namespace hwi::load
