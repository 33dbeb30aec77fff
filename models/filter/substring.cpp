#include "substring.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hwi::filter {

bool containsBytes(std::string_view haystack, std::string_view needle) {
    const std::size_t n = needle.size();
    if (n > haystack.size())
        return false;
    if (n == 0)
        return true;
    if (n == 1)
        return std::memchr(haystack.data(), needle.front(), haystack.size()) != nullptr;
#if defined(__SSE2__)
    // For each of 16 starts: does the byte there equal the needle's first, and the byte n - 1 further its
    // last? Only those starts are compared in full (W. Muła's "SIMD-friendly" substring search).
    const __m128i first = _mm_set1_epi8(needle.front());
    const __m128i last = _mm_set1_epi8(needle.back());
    const char* text = haystack.data();
    std::size_t at = 0;
    for (; at + n - 1 + 16 <= haystack.size(); at += 16) {
        const __m128i starts = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at));
        const __m128i ends = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at + n - 1));
        auto candidates = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(starts, first), _mm_cmpeq_epi8(ends, last))));
        while (candidates != 0) {
            const auto start = static_cast<std::size_t>(__builtin_ctz(candidates));
            if (std::memcmp(text + at + start + 1, needle.data() + 1, n - 2) == 0)
                return true;
            candidates &= candidates - 1;
        }
    }
    haystack.remove_prefix(at);
    if (n > haystack.size())
        return false;
#endif
    return ::memmem(haystack.data(), haystack.size(), needle.data(), n) != nullptr;
}

} // namespace hwi::filter
