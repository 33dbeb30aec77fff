#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace hwi::views {

// Watches one local file and says when it changed on disk, once per burst of writes (changed() after
// DebounceMsecs without further writes). Editors that save by writing a new file and renaming it over the
// old one (or deleting and re-creating it) are followed: the parent folder is watched as well and the path
// is watched again when it reappears. The folder's watch is added a turn after watch(): in a folder the
// kernel has seen many names in (/tmp, Downloads), adding it takes milliseconds, which would lengthen the
// turn that shows a document (issue 19); the file's own watch covers a replacement meanwhile.
class FileWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileWatcher)

public:
    static constexpr int DebounceMsecs = 200;

    explicit FileWatcher(QObject* parent = nullptr);

    // An empty path stops watching. Watching the same path again changes nothing.
    void watch(const QString& path);
    QString path() const { return m_path; }
    // True while the file itself (not only its folder) is watched.
    bool isWatchingFile() const;
    // True once the folder is watched as well (a turn after watch()).
    bool isWatchingFolder() const;

Q_SIGNALS:
    void changed(const QString& path);

private:
    struct Signature {
        QDateTime modified;
        qint64 size = -1;
        bool exists = false;
        friend bool operator==(const Signature&, const Signature&) = default;
    };
    Signature currentSignature() const;
    void fileChanged();
    void directoryChanged();
    void rewatchFile();

    QFileSystemWatcher m_watcher;
    QString m_path;
    Signature m_signature;
    QTimer m_debounce;
    QTimer m_watchFolder;
};

} // namespace hwi::views
