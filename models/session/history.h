#pragma once

#include "hatchet/snapshot.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <deque>
#include <memory>
#include <optional>

namespace hwi::session {

// The snapshots one session has shown of its source, oldest first: every refresh of a live list (or reload
// of a file), bounded by count and memory, so two of them can be compared and the fleet seen as it was.
class History final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(History)

public:
    static constexpr int DefaultMaxCount = 200;
    static constexpr qint64 DefaultMaxBytes = 500LL * 1024 * 1024;

    struct Entry {
        std::shared_ptr<const hatchet::Snapshot> snapshot;
        qint64 bytes = 0; // what it holds in memory, about (document text and nodes)
        // Used slot units by worker id (a worker whose use is unknown is missing): the table's sparklines.
        // Worked out on first use (a history of one capture never needs it), not when appended.
        const QHash<QString, qint64>& usedById() const;

    private:
        mutable std::optional<QHash<QString, qint64>> m_usedById;
    };

    explicit History(QObject* parent = nullptr);

    // Oldest entries go first when either bound is passed; the newest always stays.
    void setLimits(int maxCount, qint64 maxBytes);
    int maxCount() const { return m_maxCount; }
    qint64 maxBytes() const { return m_maxBytes; }

    void append(std::shared_ptr<const hatchet::Snapshot> snapshot);
    void clear();
    const std::deque<Entry>& entries() const { return m_entries; }
    int size() const { return int(m_entries.size()); }
    qint64 bytes() const { return m_bytes; }
    // The used units of one worker in each entry, oldest first (nullopt where it is missing or unknown).
    std::vector<std::optional<qint64>> usedSeries(const QString& workerId) const;

    // Writes every entry into `folder` (created if missing), one file each, named by its capture time
    // (fileNameFor), with that time as its modification time so it reads back with it. Each file is
    // written atomically. nullopt or the error.
    std::optional<QString> saveTo(const QString& folder) const;
    // "2026-11-29T13-00-05.123Z.json": the capture time in UTC, ':' left out so every file system takes it.
    static QString fileNameFor(const hatchet::Snapshot& snapshot);
    // The snapshot files of a saved history, oldest first (the names sort by time); empty when none.
    static QStringList snapshotFiles(const QString& folder);
    static qint64 memoryOf(const hatchet::Snapshot& snapshot);

Q_SIGNALS:
    void changed();

private:
    void trim();

    std::deque<Entry> m_entries;
    qint64 m_bytes = 0;
    int m_maxCount = DefaultMaxCount;
    qint64 m_maxBytes = DefaultMaxBytes;
};

} // namespace hwi::session
