#include "history.h"

#include "export/atomicwrite.h"
#include "hatchet/slots.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTimeZone>

namespace hwi::session {

History::History(QObject* parent)
    : QObject(parent) {}

qint64 History::memoryOf(const hatchet::Snapshot& snapshot) {
    constexpr qint64 NodeBytes = 25; // a node and its tag byte
    return snapshot.document->source().size() + qint64(snapshot.document->nodeCount()) * NodeBytes;
}

void History::setLimits(int maxCount, qint64 maxBytes) {
    m_maxCount = qMax(1, maxCount);
    m_maxBytes = qMax<qint64>(0, maxBytes);
    trim();
    Q_EMIT changed();
}

void History::append(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    Entry entry;
    entry.bytes = memoryOf(*snapshot);
    entry.snapshot = std::move(snapshot);
    m_bytes += entry.bytes;
    m_entries.push_back(std::move(entry));
    trim();
    Q_EMIT changed();
}

void History::clear() {
    m_entries.clear();
    m_bytes = 0;
    Q_EMIT changed();
}

void History::trim() {
    while (m_entries.size() > 1 && (int(m_entries.size()) > m_maxCount || m_bytes > m_maxBytes)) {
        m_bytes -= m_entries.front().bytes;
        m_entries.pop_front();
    }
}

const QHash<QString, qint64>& History::Entry::usedById() const {
    if (!m_usedById) {
        QHash<QString, qint64> used;
        for (std::size_t i = 0; i < snapshot->workers.size(); ++i) {
            const hatchet::WorkerView worker = snapshot->worker(i);
            if (const auto units = hatchet::slotTotals(worker).totalUsed())
                used.insert(worker.id(), *units);
        }
        m_usedById = std::move(used);
    }
    return *m_usedById;
}

std::vector<std::optional<qint64>> History::usedSeries(const QString& workerId) const {
    std::vector<std::optional<qint64>> series;
    series.reserve(m_entries.size());
    for (const Entry& entry : m_entries) {
        const QHash<QString, qint64>& used = entry.usedById();
        const auto found = used.constFind(workerId);
        series.push_back(found == used.constEnd() ? std::nullopt : std::optional(*found));
    }
    return series;
}

QString History::fileNameFor(const hatchet::Snapshot& snapshot) {
    if (!snapshot.captureTime.isValid())
        return QStringLiteral("unknown-time.json");
    const QDateTime time = snapshot.captureTime.toTimeZone(QTimeZone::utc());
    return time.toString(QStringLiteral("yyyy-MM-ddTHH-mm-ss.zzz")) + QStringLiteral("Z.json");
}

QStringList History::snapshotFiles(const QString& folder) {
    const QDir dir(folder);
    QStringList files;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

std::optional<QString> History::saveTo(const QString& folder) const {
    if (m_entries.empty())
        return tr("Nothing to save: the history is empty");
    if (!QDir().mkpath(folder))
        return tr("Cannot create the folder %1").arg(folder);
    const QDir dir(folder);
    QSet<QString> names;
    for (const Entry& entry : m_entries) {
        // Two captures with one time (or none) still get a file each; "~N" sorts after the plain name.
        const QString plain = fileNameFor(*entry.snapshot);
        QString name = plain;
        for (int repeat = 2; names.contains(name); ++repeat)
            name = plain.chopped(5) + QStringLiteral("~%1.json").arg(repeat);
        names.insert(name);
        const QString path = dir.filePath(name);
        const QByteArray& bytes = entry.snapshot->document->source();
        if (const auto error = exporting::writeAtomically(
                path, [&bytes](QIODevice& device) { return device.write(bytes) == bytes.size(); }))
            return error;
        QFile file(path);
        if (entry.snapshot->captureTime.isValid() && file.open(QIODevice::ReadWrite))
            file.setFileTime(entry.snapshot->captureTime, QFileDevice::FileModificationTime);
    }
    return std::nullopt;
}

} // namespace hwi::session
