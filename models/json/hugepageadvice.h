#pragma once

#include <cstddef>
#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace hwi::json {

// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with transparent huge pages (the
// usual THP mode is "madvise": only memory advised so gets them). On these VMs a 4 KiB page fault costs
// more than parsing the page; call it on a large buffer before its pages are first touched. Harmless where
// huge pages are off.
inline void adviseHugePages(void* data, std::size_t bytes) {
#ifdef __linux__
    constexpr std::uintptr_t HugePage = std::uintptr_t(2) << 20;
    const std::uintptr_t start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = (start + HugePage - 1) & ~(HugePage - 1);
    const std::uintptr_t end = (start + bytes) & ~(HugePage - 1);
    if (end > begin)
        ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

} // namespace hwi::json
