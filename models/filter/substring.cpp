#include "substring.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HWI_X86_KERNELS 1
#include <immintrin.h>
#endif

namespace hwi::filter {

namespace {

// Every start from the first to the last possible, found by memchr on the needle's first byte.
bool containsPortable(const char* text, std::size_t size, const char* needle, std::size_t n) {
    const char* const end = text + (size - n) + 1; // one past the last start
    for (const char* at = text; at < end; ++at) {
        at = static_cast<const char*>(std::memchr(at, needle[0], std::size_t(end - at)));
        if (at == nullptr)
            return false;
        if (std::memcmp(at + 1, needle + 1, n - 1) == 0)
            return true;
    }
    return false;
}

#if defined(HWI_X86_KERNELS)
// W. Muła's "SIMD-friendly" search: for each of 16 (SSE2) or 32 (AVX2) starts, do the byte there, the next
// one and the one n - 1 further equal the needle's first, second and last bytes? Only those starts are
// compared in full (the second byte spares most of the false starts in words: "ren" has many "r?n"). The
// last block ends at the text's end, overlapping starts already tested, instead of a scalar tail. Texts
// shorter than a block (plus the needle) go the portable way. The AVX2 loop is written out on its own:
// a function that holds 256-bit values must itself be compiled for AVX2 (clang refuses a template shared
// with the SSE2 one).

// Whether, of the starts in `candidates` (bit i: the start at + i), one has the rest of the needle. Inlined
// into both loops: most blocks have no candidate at all.
[[gnu::always_inline]] inline bool anyCandidateMatches(const char* text, const char* needle, std::size_t n,
                                                       std::size_t at, unsigned candidates) {
    while (candidates != 0) {
        const auto start = at + static_cast<std::size_t>(__builtin_ctz(candidates));
        if (n <= 3 || std::memcmp(text + start + 2, needle + 2, n - 3) == 0)
            return true;
        candidates &= candidates - 1;
    }
    return false;
}

[[gnu::always_inline]] inline unsigned sse2Candidates(const char* at, std::size_t n, __m128i first,
                                                      __m128i second, __m128i last) {
    const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i t = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 1));
    const __m128i e = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + n - 1));
    return unsigned(_mm_movemask_epi8(_mm_and_si128(
        _mm_and_si128(_mm_cmpeq_epi8(s, first), _mm_cmpeq_epi8(t, second)), _mm_cmpeq_epi8(e, last))));
}

bool containsSse2(const char* text, std::size_t size, const char* needle, std::size_t n) {
    constexpr std::size_t Width = 16;
    if (size < Width + n - 1)
        return containsPortable(text, size, needle, n);
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i second = _mm_set1_epi8(needle[1]);
    const __m128i last = _mm_set1_epi8(needle[n - 1]);
    const std::size_t lastBlock = size - (n - 1) - Width; // the block whose ends reach the text's end
    for (std::size_t at = 0; at < lastBlock; at += Width) {
        if (anyCandidateMatches(text, needle, n, at, sse2Candidates(text + at, n, first, second, last)))
            return true;
    }
    return anyCandidateMatches(text, needle, n, lastBlock,
                               sse2Candidates(text + lastBlock, n, first, second, last));
}

[[gnu::always_inline]] inline __attribute__((target("avx2"))) unsigned
avx2Candidates(const char* at, std::size_t n, __m256i first, __m256i second, __m256i last) {
    const __m256i s = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
    const __m256i t = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + 1));
    const __m256i e = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + n - 1));
    return unsigned(_mm256_movemask_epi8(
        _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(s, first), _mm256_cmpeq_epi8(t, second)),
                         _mm256_cmpeq_epi8(e, last))));
}

__attribute__((target("avx2"))) bool containsAvx2(const char* text, std::size_t size, const char* needle,
                                                  std::size_t n) {
    constexpr std::size_t Width = 32;
    if (size < Width + n - 1)
        return containsPortable(text, size, needle, n);
    const __m256i first = _mm256_set1_epi8(needle[0]);
    const __m256i second = _mm256_set1_epi8(needle[1]);
    const __m256i last = _mm256_set1_epi8(needle[n - 1]);
    const std::size_t lastBlock = size - (n - 1) - Width;
    for (std::size_t at = 0; at < lastBlock; at += Width) {
        if (anyCandidateMatches(text, needle, n, at, avx2Candidates(text + at, n, first, second, last)))
            return true;
    }
    return anyCandidateMatches(text, needle, n, lastBlock,
                               avx2Candidates(text + lastBlock, n, first, second, last));
}

bool hasAvx2() {
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}
#endif

bool containsWith(std::string_view haystack, std::string_view needle, SubstringKernel kernel) {
    const std::size_t n = needle.size();
    if (n > haystack.size())
        return false;
    if (n == 0)
        return true;
    if (n == 1)
        return std::memchr(haystack.data(), needle.front(), haystack.size()) != nullptr;
    switch (kernel) {
#if defined(HWI_X86_KERNELS)
    case SubstringKernel::Avx2:
        return containsAvx2(haystack.data(), haystack.size(), needle.data(), n);
    case SubstringKernel::Sse2:
        return containsSse2(haystack.data(), haystack.size(), needle.data(), n);
#endif
    default:
        return containsPortable(haystack.data(), haystack.size(), needle.data(), n);
    }
}

} // namespace

std::vector<SubstringKernel> availableSubstringKernels() {
    std::vector<SubstringKernel> kernels{SubstringKernel::Portable};
#if defined(HWI_X86_KERNELS)
    kernels.push_back(SubstringKernel::Sse2);
    if (hasAvx2())
        kernels.push_back(SubstringKernel::Avx2);
#endif
    return kernels;
}

bool containsBytes(std::string_view haystack, std::string_view needle, SubstringKernel kernel) {
    const auto kernels = availableSubstringKernels();
    if (std::find(kernels.begin(), kernels.end(), kernel) == kernels.end())
        kernel = SubstringKernel::Portable; // never an instruction this processor lacks
    return containsWith(haystack, needle, kernel);
}

bool containsBytes(std::string_view haystack, std::string_view needle) {
#if defined(HWI_X86_KERNELS)
    static const SubstringKernel best = hasAvx2() ? SubstringKernel::Avx2 : SubstringKernel::Sse2;
#else
    static const SubstringKernel best = SubstringKernel::Portable;
#endif
    return containsWith(haystack, needle, best);
}

} // namespace hwi::filter
