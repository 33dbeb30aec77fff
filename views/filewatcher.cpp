#include "filewatcher.h"

#include <QFileInfo>

namespace hwi::views {

FileWatcher::FileWatcher(QObject* parent)
    : QObject(parent) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMsecs);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        if (QFileInfo::exists(m_path)) // deleted and not (yet) replaced: nothing to read
            Q_EMIT changed(m_path);
    });
    m_watchFolder.setSingleShot(true);
    m_watchFolder.setInterval(1); // not 0: a zero timer is handled in the same pass as other posted events
    connect(&m_watchFolder, &QTimer::timeout, this, [this] {
        if (!m_path.isEmpty())
            m_watcher.addPath(QFileInfo(m_path).absolutePath());
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &FileWatcher::fileChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &FileWatcher::directoryChanged);
}

void FileWatcher::watch(const QString& path) {
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    if (absolute == m_path)
        return;
    m_debounce.stop();
    m_watchFolder.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_path = absolute;
    if (m_path.isEmpty())
        return;
    rewatchFile();
    m_signature = currentSignature();
    m_watchFolder.start();
}

bool FileWatcher::isWatchingFile() const {
    return !m_path.isEmpty() && m_watcher.files().contains(m_path);
}

bool FileWatcher::isWatchingFolder() const {
    return !m_path.isEmpty() && m_watcher.directories().contains(QFileInfo(m_path).absolutePath());
}

FileWatcher::Signature FileWatcher::currentSignature() const {
    const QFileInfo info(m_path);
    return {info.lastModified(), info.size(), info.exists()};
}

void FileWatcher::rewatchFile() {
    if (!isWatchingFile() && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

void FileWatcher::fileChanged() {
    // A rename over the file or its removal drops the watch: take the new file, if any, at once.
    rewatchFile();
    m_signature = currentSignature();
    m_debounce.start();
}

void FileWatcher::directoryChanged() {
    // Any file in the folder changed (an editor's temporary file, say): only ours counts.
    const bool wasWatched = isWatchingFile();
    rewatchFile();
    const Signature now = currentSignature();
    if (now == m_signature && wasWatched == isWatchingFile())
        return;
    m_signature = now;
    m_debounce.start();
}

} // namespace hwi::views
