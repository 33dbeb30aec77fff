#include "arrivingbytes.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace hwi::json {

namespace {
constexpr qsizetype Padding = simdjson::SIMDJSON_PADDING;
}

void preferHugePages(const void* data, std::size_t bytes) {
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    constexpr quintptr HugePage = quintptr(2) << 20;
    const auto from = (reinterpret_cast<quintptr>(data) + HugePage - 1) & ~(HugePage - 1);
    const auto to = (reinterpret_cast<quintptr>(data) + bytes) & ~(HugePage - 1);
    if (to > from)
        ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE); // a failure costs the faults
#else
    Q_UNUSED(data)
    Q_UNUSED(bytes)
#endif
}

ArrivingBytes::ArrivingBytes(qsizetype expected)
    : m_buffer(expected + Padding, Qt::Uninitialized)
    , m_data(m_buffer.data())
    , m_readData(m_data)
    , m_expected(expected) {
    std::memset(m_data + expected, 0, Padding); // read past the end by a parse that stops there
}

std::shared_ptr<ArrivingBytes> ArrivingBytes::complete(QByteArray bytes) {
    std::shared_ptr<ArrivingBytes> done(new ArrivingBytes);
    const qsizetype size = bytes.size();
    // simdjson may read a few bytes past the end; a buffer without room for that is copied once. One that
    // has the room is never written to, so a buffer shared with the caller is not copied.
    if (bytes.capacity() - size < Padding)
        bytes.reserve(size + Padding);
    done->m_buffer = std::move(bytes);
    done->m_data = nullptr; // nothing is written
    done->m_readData = done->m_buffer.constData();
    done->m_expected = done->m_written = done->m_arrived = size;
    done->m_finished = true;
    return done;
}

void ArrivingBytes::commit(qsizetype bytes) {
    Q_ASSERT(bytes >= 0 && bytes <= room());
    m_written += bytes;
    {
        const std::lock_guard lock(m_mutex);
        m_arrived = m_written;
    }
    m_changed.notify_all();
}

void ArrivingBytes::prepare(qsizetype bytes) {
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    static const auto page = static_cast<quintptr>(sysconf(_SC_PAGESIZE));
    bytes = std::min(bytes, room());
    if (bytes <= 0)
        return;
    // Whole pages: the first and last may hold bytes already written, which populating leaves as they are.
    const auto from = reinterpret_cast<quintptr>(writePosition()) & ~(page - 1);
    const auto to = reinterpret_cast<quintptr>(writePosition() + bytes);
    ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE); // a failure costs the faults
#else
    Q_UNUSED(bytes)
#endif
}

void ArrivingBytes::finish() {
    {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        if (m_data)
            m_data[m_written] = '\0';
    }
    m_changed.notify_all();
}

void ArrivingBytes::abort() {
    {
        const std::lock_guard lock(m_mutex);
        m_aborted = true;
    }
    m_changed.notify_all();
}

qsizetype ArrivingBytes::waitFor(qsizetype bytes) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_arrived >= bytes || m_finished || m_aborted; });
    return m_arrived;
}

qsizetype ArrivingBytes::waitUntilDone() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_finished || m_aborted; });
    return m_arrived;
}

bool ArrivingBytes::isAborted() const {
    const std::lock_guard lock(m_mutex);
    return m_aborted;
}

QByteArray ArrivingBytes::take() {
    const std::lock_guard lock(m_mutex);
    Q_ASSERT(m_finished);
    QByteArray bytes = std::move(m_buffer);
    // Drops the padding from size() but keeps the allocation. Only when needed: complete() bytes may be
    // shared with the caller, and resizing them would copy them all.
    if (bytes.size() != m_arrived)
        bytes.resize(m_arrived);
    m_data = nullptr;
    m_readData = nullptr;
    m_expected = m_written = m_arrived = 0;
    return bytes;
}

} // namespace hwi::json
