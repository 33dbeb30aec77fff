#include "backgroundpool.h"

#include <atomic>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace hwi::load {

QThreadPool& backgroundPool() {
    static QThreadPool pool; // as many threads as cores, like the global pool
    return pool;
}

namespace {
std::atomic_bool yieldsToGui{false};
} // namespace

void setBackgroundYieldsToGui(bool yields) {
    yieldsToGui = yields;
}

void lowerThreadPriority() {
    if (!yieldsToGui)
        return;
#if defined(Q_OS_LINUX)
    // QThread's priorities do nothing under Linux's default scheduler; a thread's nice value does.
    constexpr int BackgroundNice = 10;
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        const int thread = int(gettid());
        if (getpriority(PRIO_PROCESS, id_t(thread)) < BackgroundNice)
            setpriority(PRIO_PROCESS, id_t(thread), BackgroundNice);
    }
#endif
}

} // namespace hwi::load
