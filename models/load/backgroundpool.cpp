#include "backgroundpool.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <numeric>

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
// A few loads' reads may overlap: a cancelled one runs on until its next slice.
class ReaderPool final : public QThreadPool {
public:
    ReaderPool() { setMaxThreadCount(4); }
};
} // namespace

QThreadPool& readerPool() {
    static ReaderPool pool;
    return pool;
}

void runAtOnce(const std::vector<std::function<void()>>& parts) {
    if (parts.size() <= 1) {
        for (const auto& part : parts)
            part();
        return;
    }
    std::vector<std::size_t> indices(parts.size());
    std::iota(indices.begin(), indices.end(), 0);
    static QThreadPool pool;
    QtConcurrent::blockingMap(&pool, indices, [&](std::size_t i) {
        lowerThreadPriority();
        parts[i]();
    });
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
    // runAtOnce() may be called on the GUI thread, which blockingMap puts to work too: never that one.
    if (const QCoreApplication* app = QCoreApplication::instance();
        !app || QThread::currentThread() == app->thread())
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
