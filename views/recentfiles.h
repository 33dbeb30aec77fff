#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace hwi::views {

// File > Open Recent: the sources last shown, most recent first, kept in QSettings ("recent/sources") so
// every window shares one list. Local files are remembered as absolute paths, other sources (http(s) URLs)
// as given; the bundled qrc: sample is not remembered.
class RecentFiles final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentFiles)

public:
    static constexpr int MaxEntries = 10;

    explicit RecentFiles(QObject* parent = nullptr);
    ~RecentFiles() override;

    QStringList sources() const;
    void add(const QString& source);
    void remove(const QString& source);
    void clear();
    // What add() stores for source: an absolute path for local files (also for file: URLs), the URL for
    // http(s), empty for sources not worth remembering (qrc:, empty).
    static QString normalized(const QString& source);
    // A local path (not a URL) that no longer exists.
    static bool isMissingFile(const QString& source);

    // The "Open Recent" menu: rebuilt from the settings each time it opens, with Clear Menu at the end.
    QMenu* createMenu(QWidget* parent);
    // Fills menu with the current list (what opening it does).
    void populate(QMenu* menu);

Q_SIGNALS:
    void openRequested(const QString& source);
    // A recent local file that no longer exists was chosen; it has been removed from the list.
    void missing(const QString& source);

private:
    void choose(const QString& source);
    void store(const QStringList& sources);
};

} // namespace hwi::views
