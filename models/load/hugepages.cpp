#include "hugepages.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace hwi::load {

void reexecWithHugePageMalloc(char** argv) {
#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    constexpr const char* Tunable = "glibc.malloc.hugetlb=1";
    const char* current = std::getenv("GLIBC_TUNABLES");
    if (std::getenv("HWI_NO_HUGEPAGES") || (current && std::strstr(current, "glibc.malloc.hugetlb")))
        return;
    const std::string value =
        current && *current ? std::string(current) + ':' + Tunable : std::string(Tunable);
    ::setenv("GLIBC_TUNABLES", value.c_str(), 1);
    ::execv("/proc/self/exe", argv);
    ::unsetenv("GLIBC_TUNABLES"); // exec failed: carry on without
#else
    (void)argv;
#endif
}

} // namespace hwi::load
