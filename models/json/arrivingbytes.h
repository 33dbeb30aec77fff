#pragma once

#include <QByteArray>

#include <condition_variable>
#include <memory>
#include <mutex>

namespace hwi::json {

// Asks the kernel to back [data, data + bytes) with 2 MiB pages where it can (Linux's transparent huge
// pages, when set to "madvise" or "always"): a large buffer filled in order is then mapped a fault a
// 2 MiB instead of a fault a 4 KiB page. Changes no byte; does nothing elsewhere.
void preferHugePages(const void* data, std::size_t bytes);

// Bytes that arrive over time (a file or a response being read) into one buffer allocated once for the
// size announced before the read, so that a parse on another thread can read what has arrived while the
// rest is still being read. One thread writes, one thread reads.
class ArrivingBytes final {
public:
    // Room for expected bytes (a file's size, a Content-Length), and the parser's padding after them.
    explicit ArrivingBytes(qsizetype expected);
    // Bytes that have all arrived already.
    static std::shared_ptr<ArrivingBytes> complete(QByteArray bytes);
    Q_DISABLE_COPY_MOVE(ArrivingBytes)

    // The writing side. Write at most room() bytes at writePosition(), then commit() them.
    qsizetype room() const { return m_expected - m_written; }
    char* writePosition() { return m_data + m_written; }
    void commit(qsizetype bytes);
    // Maps the pages of the next `bytes` of room in one call instead of a page fault each as a read writes
    // them (a fresh buffer's pages are mapped on first touch): a large file's read spends a fifth less.
    // Changes no byte; does nothing where the kernel cannot (before Linux 5.14, other systems).
    void prepare(qsizetype bytes);
    // Everything has arrived (possibly less than expected).
    void finish();
    // Nothing more will arrive and the parse should give up.
    void abort();

    // The reading side. Waits until at least `bytes` bytes have arrived or no more will; returns how many
    // have arrived.
    qsizetype waitFor(qsizetype bytes);
    // Waits until the writer has finished or aborted; returns how many bytes arrived.
    qsizetype waitUntilDone();
    bool isAborted() const;
    qsizetype expected() const { return m_expected; }
    const char* data() const { return m_readData; }
    // After finish(): the bytes, with the padding after them; this is left empty.
    QByteArray take();

private:
    ArrivingBytes() = default;

    QByteArray m_buffer;
    char* m_data = nullptr;           // m_buffer's bytes, written without touching m_buffer from two threads
    const char* m_readData = nullptr; // the same, for reading
    qsizetype m_expected = 0;
    qsizetype m_written = 0; // the writer's count; the reader sees m_arrived
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    qsizetype m_arrived = 0;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace hwi::json
