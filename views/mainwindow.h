#pragma once

#include "hatchet/snapshot.h"
#include "live/connection.h"
#include "load/loader.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QSplitter;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;

namespace hwi::models {
class WorkerTableModel;
} // namespace hwi::models
namespace hwi::filter {
class WorkerFilterProxy;
}

namespace hwi::views {

class ExportActions;
class FileWatcher;
class FilterBar;
class MessageBar;
class ProblemsPanel;
class RawJsonView;
class RecentFiles;
class WindowSettings;
class WorkerTableActions;
class WorkerTableView;
class WorkerDetail;

// The inspector: the worker table beside the selected worker's detail, the whole document as raw JSON,
// loads with progress and cancel, errors in a message bar that leaves the previous document on screen.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opening the source on screen again is a refresh (see reload()); another source replaces everything.
    void open(const QString& source);
    // Loads the current source again and applies it in place: the selected worker, the table's scroll
    // position, sort and filter, and the raw trees' expanded nodes stay; changed cells flash, new and gone
    // workers are marked until the next reload. On failure the previous document stays on screen.
    void reload();
    QString currentSource() const { return m_source; }
    QAction* reloadAction() const { return m_reloadAction; }
    // The first source in this window, each further one in a new window (a drop of several files).
    void openSources(const QStringList& sources);
    static QString sampleSource() { return QStringLiteral(":/sample-workers.json"); }

    // The live source. The connection (token included) lives in memory only.
    void setConnection(const live::Connection& connection) { m_connection = connection; }
    const live::Connection& connection() const { return m_connection; }
    // Reads the connection's tenant list (every page); Open URL with a Hatchet API URL does the same.
    void connectToServer(const live::Connection& connection);
    // Auto-refresh every intervalMs (0: off), as View > Auto Refresh sets it.
    void setAutoRefreshInterval(int intervalMs);
    int autoRefreshInterval() const;
    // Asked before the token goes over plain http to a host other than loopback; true sends it. The
    // default asks with a message box.
    void setInsecureConfirmation(std::function<bool(const QString& host)> confirm) {
        m_confirmInsecure = std::move(confirm);
    }
    // File > Save Snapshot: the document as read (a live list: every page merged into one WorkerList).
    // nullopt on success, else the error.
    std::optional<QString> saveSnapshot(const QString& path) const;
    // Whether what is shown is older than the last (failed) load of the same source.
    bool isStale() const { return m_stale; }

    // Relative times against the snapshot's capture time (default) or against now, ticking each second.
    void setMeasureAgainstNow(bool now);
    bool measuresAgainstNow() const;

    std::shared_ptr<const hatchet::Snapshot> snapshot() const { return m_snapshot; }
    load::Loader& loader() { return m_loader; }
    QTableView* workerTable() const;
    WorkerDetail* detail() const { return m_detail; }
    MessageBar* messageBar() const { return m_messageBar; }
    QString statusText() const;
    FilterBar* filterBar() const { return m_filterBar; }
    void setFilter(const QString& query);

    // Indexes into snapshot()->workers: of the selected rows and of the rows the filter shows, in table
    // order.
    std::vector<std::size_t> selectedWorkerIndexes() const;
    std::vector<std::size_t> filteredWorkerIndexes() const;
    filter::WorkerFilterProxy* workerProxy() const { return m_proxy; }
    // The current detail tab's table (as shown: sorted, filtered); nullptr on the Raw JSON tab.
    QTableView* currentDetailTable() const;
    RawJsonView* documentRawView() const { return m_documentRaw; }
    RawJsonView* workerRawView() const;
    // The raw view that has focus, else the one last used, else the one on screen.
    RawJsonView* activeRawView() const;
    ExportActions* exportActions() const { return m_export; }
    WorkerTableActions* workerTableActions() const { return m_tableActions; }
    ProblemsPanel* problemsPanel() const { return m_problems; }
    // Selects the worker (clearing a filter that hides it) and the node in the raw JSON views.
    void showProblem(int workerIndex, json::NodeId node);

    // Desktop conventions (mainwindowdesktop.cpp): recent files, reload on change, remembered layout.
    RecentFiles* recentFiles() const { return m_recent; }
    QMenu* recentMenu() const { return m_recentMenu; }
    FileWatcher* fileWatcher() const { return m_watcher; }
    WindowSettings* windowSettings() const { return m_settings; }
    QSplitter* workerSplitter() const { return m_workerSplit; }
    // Reload the document when its local file changes on disk (View > Reload on Change, remembered).
    void setReloadOnChange(bool on);
    bool reloadsOnChange() const;

Q_SIGNALS:
    void snapshotShown();

private:
    void createActions();
    void showSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot, load::LoadTimings timings);
    void refreshSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot);
    void showSnapshotEverywhere();
    void showError(const load::LoadError& error);
    void setLoading(bool loading);
    void updateReferenceTime();
    void updateStatusBar();
    void selectionChanged();
    void openDialog();
    void applyFilter(const QString& query);
    void indexInBackground();
    void updateFilterCounts();
    void openUrlDialog();
    void connectDialog();
    void saveSnapshotDialog();
    void openLive(live::LiveRequest request, const QString& source);
    void fetchSelectedWorker();
    void updateLiveStatus();
    void setUpDesktop();
    void setUpLayoutSettings();
    void setUpAccessibleNames();
    QString shownSource() const; // of the document on screen (a failed open leaves it)
    void rememberShownSource();
    void watchShownSource();
    void reloadChangedFile();

    load::Loader m_loader;
    std::shared_ptr<const hatchet::Snapshot> m_snapshot;
    load::LoadTimings m_timings;
    models::WorkerTableModel* m_model;
    filter::WorkerFilterProxy* m_proxy;
    FilterBar* m_filterBar;
    WorkerTableView* m_table;
    WorkerDetail* m_detail;
    RawJsonView* m_documentRaw;
    QTabWidget* m_pages;
    MessageBar* m_messageBar;
    QLabel* m_sourceLabel;
    QLabel* m_captureLabel;
    QLabel* m_countsLabel;
    QLabel* m_timingLabel;
    QLabel* m_updatedLabel;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QAction* m_nowAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QString m_source; // the source last asked for
    ExportActions* m_export = nullptr;
    WorkerTableActions* m_tableActions = nullptr;
    RawJsonView* m_lastRaw = nullptr;
    QSplitter* m_workerSplit = nullptr;
    RecentFiles* m_recent = nullptr;
    QMenu* m_recentMenu = nullptr;
    FileWatcher* m_watcher = nullptr;
    WindowSettings* m_settings = nullptr;
    QAction* m_reloadOnChange = nullptr;
    QTimer m_tick;
    ProblemsPanel* m_problems = nullptr;

    live::Connection m_connection;
    std::optional<live::LiveRequest> m_liveRequest;   // when the current source is live
    std::optional<live::Connection> m_liveConnection; // its server, token and settings
    QUrl m_fetchingWorker;                            // the selected worker's GET in flight
    std::function<bool(const QString&)> m_confirmInsecure;
    QTimer m_refreshTimer;
    QActionGroup* m_refreshGroup = nullptr;
    QAction* m_saveSnapshot = nullptr;
    QDateTime m_lastUpdated;
    bool m_stale = false;
};

} // namespace hwi::views
