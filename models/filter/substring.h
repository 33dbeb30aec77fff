#pragma once

#include <string_view>

namespace hwi::filter {

// Whether needle occurs in haystack, byte for byte. What every filter term that "contains" runs, once per
// worker and keystroke: on x86-64 sixteen candidate starts are tested at once (first and last byte of the
// needle), several times faster than memmem over the short texts of an index.
bool containsBytes(std::string_view haystack, std::string_view needle);

} // namespace hwi::filter
