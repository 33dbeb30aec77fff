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
// W. Muła's "SIMD-friendly" search: for each of Width starts, do the byte there, the next one and the one
// n - 1 further equal the needle's first, second and last bytes? Only those starts are compared in full
// (the second byte spares most of the false starts in words: "ren" has many "r?n"). The last block ends at
// the text's end, overlapping starts already tested, instead of a scalar tail. Texts shorter than a block
// (plus the needle) go the portable way.
template <typename Block>
bool containsBlocks(const char* text, std::size_t size, const char* needle, std::size_t n) {
    constexpr std::size_t Width = Block::Width;
    if (size < Width + n - 1)
        return containsPortable(text, size, needle, n);
    const auto first = Block::splat(needle[0]);
    const auto second = Block::splat(needle[1]);
    const auto last = Block::splat(needle[n - 1]);
    const auto found = [&](std::size_t at, unsigned candidates) {
        while (candidates != 0) {
            const auto start = at + static_cast<std::size_t>(__builtin_ctz(candidates));
            if (n <= 3 || std::memcmp(text + start + 2, needle + 2, n - 3) == 0)
                return true;
            candidates &= candidates - 1;
        }
        return false;
    };
    const auto candidatesAt = [&](std::size_t at) {
        return Block::matches(text + at, text + at + 1, text + at + n - 1, first, second, last);
    };
    const std::size_t lastBlock = size - (n - 1) - Width; // the block whose ends reach the text's end
    for (std::size_t at = 0; at < lastBlock; at += Width) {
        if (found(at, candidatesAt(at)))
            return true;
    }
    return found(lastBlock, candidatesAt(lastBlock));
}

struct Sse2Block {
    static constexpr std::size_t Width = 16;
    static __m128i splat(char c) { return _mm_set1_epi8(c); }
    static unsigned matches(const char* starts, const char* seconds, const char* ends, __m128i first,
                            __m128i second, __m128i last) {
        const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(starts));
        const __m128i t = _mm_loadu_si128(reinterpret_cast<const __m128i*>(seconds));
        const __m128i e = _mm_loadu_si128(reinterpret_cast<const __m128i*>(ends));
        return unsigned(_mm_movemask_epi8(_mm_and_si128(
            _mm_and_si128(_mm_cmpeq_epi8(s, first), _mm_cmpeq_epi8(t, second)), _mm_cmpeq_epi8(e, last))));
    }
};

struct Avx2Block {
    static constexpr std::size_t Width = 32;
    __attribute__((target("avx2"))) static __m256i splat(char c) { return _mm256_set1_epi8(c); }
    __attribute__((target("avx2"))) static unsigned matches(const char* starts, const char* seconds,
                                                            const char* ends, __m256i first, __m256i second,
                                                            __m256i last) {
        const __m256i s = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(starts));
        const __m256i t = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(seconds));
        const __m256i e = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ends));
        return unsigned(_mm256_movemask_epi8(
            _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(s, first), _mm256_cmpeq_epi8(t, second)),
                             _mm256_cmpeq_epi8(e, last))));
    }
};

__attribute__((target("avx2"))) bool containsAvx2(const char* text, std::size_t size, const char* needle,
                                                  std::size_t n) {
    return containsBlocks<Avx2Block>(text, size, needle, n);
}

bool containsSse2(const char* text, std::size_t size, const char* needle, std::size_t n) {
    return containsBlocks<Sse2Block>(text, size, needle, n);
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
