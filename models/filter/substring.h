#pragma once

#include <string_view>
#include <vector>

namespace hwi::filter {

// Whether needle occurs in haystack, byte for byte. What every filter term that "contains" runs, once per
// worker and keystroke: on x86-64, 32 (AVX2, where the processor has it) or 16 (SSE2) candidate starts are
// tested at once by the needle's first and last byte, several times faster than memmem over the short
// texts of an index.
bool containsBytes(std::string_view haystack, std::string_view needle);

// The ways containsBytes() can search; it uses the fastest this processor has. For tests and benchmarks.
enum class SubstringKernel { Portable, Sse2, Avx2 };
std::vector<SubstringKernel> availableSubstringKernels();
bool containsBytes(std::string_view haystack, std::string_view needle, SubstringKernel kernel);

} // namespace hwi::filter
