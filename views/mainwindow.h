#pragma once

#include "analysis/placement.h"
#include "hatchet/snapshot.h"
#include "session/session.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QTableView;

namespace hwi::models {
class WorkerTableModel;
} // namespace hwi::models
namespace hwi::filter {
class Query;
class WorkerFilterProxy;
} // namespace hwi::filter

namespace hwi::views {

class ExportActions;
class FileWatcher;
class FilterBar;
class FleetView;
class HistoryStrip;
class MessageBar;
class PlacementPanel;
class ProblemsPanel;
class RawJsonView;
class RecentFiles;
class SessionStatus;
class WindowSettings;
class WorkerTableActions;
class WorkerTableView;
class WorkerDetail;

// The inspector's window: the worker table beside the selected worker's detail, the whole document as raw
// JSON, the Problems panel, menus and the status bar. It lays out and wires; the session (loads, the live
// source, refreshes) is a session::Session it shows.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    session::Session* session() const { return m_session; }
    std::shared_ptr<const hatchet::Snapshot> snapshot() const { return m_session->snapshot(); }

    // Opening the source on screen again is a refresh in place: the selected worker, the table's scroll
    // position, sort and filter, and the raw trees' expanded nodes stay; changed cells flash, new and gone
    // workers are marked until the next reload. On failure the previous document stays on screen.
    void open(const QString& source) { m_session->open(source); }
    void reload() { m_session->reload(); }
    // The first source in this window, each further one in a new window (a drop of several files).
    void openSources(const QStringList& sources);
    static QString sampleSource() { return QStringLiteral(":/sample-workers.json"); }

    // View > Measure Times Against: relative times, ages and health against the snapshot's capture time
    // (default), now (ticking each second) or a time the user set.
    enum class MeasureAgainst { CaptureTime, Now, OtherTime };
    // OtherTime takes `time` (ignored otherwise; an invalid one keeps the choice as it was).
    void setMeasureAgainst(MeasureAgainst choice, const QDateTime& time = {});
    MeasureAgainst measuresAgainst() const { return m_measureAgainst; }
    // The time everything is measured against now (invalid when the capture time is unknown).
    QDateTime referenceTime() const;
    // Asks for a time (ISO 8601, checked) and measures against it; false when cancelled.
    bool askForReferenceTime();
    // Now or the capture time (the toolbar button's toggle).
    void setMeasureAgainstNow(bool now);
    bool measuresAgainstNow() const { return m_measureAgainst == MeasureAgainst::Now; }
    // Reload the document when its local file changes on disk (View > Reload on Change, remembered).
    void setReloadOnChange(bool on);
    bool reloadsOnChange() const;
    void setFilter(const QString& query);
    // Selects the worker (clearing a filter that hides it) and the node in the raw JSON views.
    void showProblem(int workerIndex, json::NodeId node);

    // The parts, for the action groups' owners and the tests.
    WorkerTableView* workerTable() const { return m_table; }
    filter::WorkerFilterProxy* workerProxy() const { return m_proxy; }
    FilterBar* filterBar() const { return m_filterBar; }
    WorkerDetail* detail() const { return m_detail; }
    MessageBar* messageBar() const { return m_messageBar; }
    RawJsonView* documentRawView() const { return m_documentRaw; }
    RawJsonView* workerRawView() const;
    // The raw view that has focus, else the one last used, else the one on screen.
    RawJsonView* activeRawView() const;
    // The table File > Export > Current Table writes (as shown: sorted, filtered): the Fleet page's pivot
    // table while that page is shown, else the current detail tab's; nullptr on the Raw JSON tab.
    QTableView* currentDetailTable() const;
    ExportActions* exportActions() const { return m_export; }
    FleetView* fleetView() const { return m_fleet; }
    // Workers, Document (raw JSON), Fleet.
    QTabWidget* pages() const { return m_pages; }
    WorkerTableActions* workerTableActions() const { return m_tableActions; }
    ProblemsPanel* problemsPanel() const { return m_problems; }
    QAction* reloadAction() const { return m_reloadAction; }
    QString statusText() const;
    RecentFiles* recentFiles() const { return m_recent; }
    QMenu* recentMenu() const { return m_recentMenu; }
    FileWatcher* fileWatcher() const { return m_watcher; }
    WindowSettings* windowSettings() const { return m_settings; }
    QSplitter* workerSplitter() const { return m_workerSplit; }
    HistoryStrip* historyStrip() const { return m_historyStrip; }

    // "Can it run?" (mainwindowplacement.cpp): the panel beside the worker table, its placement of the task
    // over every worker (null while the panel is closed or has no task) and the summary above the table.
    void openPlacement(const QString& action = {});
    PlacementPanel* placementPanel() const { return m_placementPanel; }
    QDockWidget* placementDock() const { return m_placementDock; }
    QAction* canItRunAction() const { return m_canItRunAction; }
    std::shared_ptr<const analysis::Placement> placement() const { return m_placement; }
    QLabel* placementSummary() const { return m_placementSummary; }
    // The hatchet-inspector --place line giving the panel's verdicts (what Copy as Command copies); empty
    // without a task.
    QString placementCommand() const;

    // The comparison on screen as File > Export Comparison… writes it (the TSV of --diff); nullopt or the
    // error.
    std::optional<QString> exportComparison(const QString& path) const;

Q_SIGNALS:
    void snapshotShown();

private:
    void setUpWorkerTable();
    void layOut();
    void createActions();
    void createFileMenu();
    void createViewMenu();
    void connectSession();
    void showNewSnapshot(const std::shared_ptr<const hatchet::Snapshot>& snapshot);
    void showPreparedSnapshot(const std::shared_ptr<const hatchet::Snapshot>& snapshot);
    // showPreparedSnapshot() in two steps (a large document's, in turns of their own): the detail, raw
    // view, problems and filter choices; then the first row selected, the title and snapshotShown().
    void showPreparedContent(const std::shared_ptr<const hatchet::Snapshot>& snapshot);
    void finishShowing(const std::shared_ptr<const hatchet::Snapshot>& snapshot);
    void prepareProvenance(const std::shared_ptr<const hatchet::Snapshot>& snapshot);
    void showRefreshedSnapshot(const std::shared_ptr<const hatchet::Snapshot>& snapshot);
    void showSnapshotEverywhere();
    void showError(const load::LoadError& error, bool stale);
    void updateReferenceTime();
    void selectionChanged();
    // After a layout change (filter keystroke, sort, verdicts): selectionChanged() unless the current row
    // is still the worker the detail shows.
    void layoutKeptOrMovedCurrentRow();
    struct DetailShown {
        std::weak_ptr<const hatchet::Snapshot> snapshot;
        int sourceRow = -1;
        int worker = -1;
    };
    DetailShown currentDetail() const;
    void applyFilter(const QString& query);
    void updateFilterCounts();
    void setUpFleet();
    // Dialogs (mainwindowdialogs.cpp).
    void openDialog();
    void openUrlDialog();
    void connectDialog();
    void saveSnapshotDialog();
    bool confirmInsecure(const QString& host);
    // Desktop conventions (mainwindowdesktop.cpp).
    void setUpDesktop();
    void setUpLayoutSettings();
    void setUpAccessibleNames();
    void rememberShownSource();
    void watchShownSource();
    void reloadChangedFile();
    // Comparisons and the live history (mainwindowcompare.cpp).
    void setUpComparison();
    void createCompareActions();
    void fillOtherWindowsMenu(QMenu* menu);
    void showComparison();
    void showChangeOfCurrentRow();
    void scheduleHistoryUpdate();
    void updateHistoryStrip();
    void updateUsageSeries();
    void applyHistoryLimits();
    void compareWithFileDialog();
    void compareWithUrlDialog();
    void exportComparisonDialog();
    void saveHistoryDialog();
    void openHistoryDialog();
    void historyLimitsDialog();
    // "Can it run?" (mainwindowplacement.cpp).
    void setUpPlacement();
    void updatePlacement();
    void showPlacementOfCurrentWorker();
    QString filterHints(const filter::Query& query) const;

    session::Session* m_session;
    models::WorkerTableModel* m_model;
    // A new large document whose table rows are being extracted off the GUI thread (showNewSnapshot()).
    std::shared_ptr<const hatchet::Snapshot> m_preparing;
    DetailShown m_detailShown; // what selectionChanged() last gave the detail
    filter::WorkerFilterProxy* m_proxy;
    FilterBar* m_filterBar;
    WorkerTableView* m_table;
    WorkerDetail* m_detail;
    RawJsonView* m_documentRaw;
    FleetView* m_fleet;
    QTabWidget* m_pages;
    MessageBar* m_messageBar;
    SessionStatus* m_status;
    ProblemsPanel* m_problems;
    QSplitter* m_workerSplit = nullptr;
    QAction* m_captureAction = nullptr;
    QAction* m_nowAction = nullptr;
    QAction* m_otherTimeAction = nullptr;
    MeasureAgainst m_measureAgainst = MeasureAgainst::CaptureTime;
    QDateTime m_otherTime;
    QAction* m_reloadAction = nullptr;
    QAction* m_reloadOnChange = nullptr;
    QAction* m_saveSnapshot = nullptr;
    QActionGroup* m_refreshGroup = nullptr;
    ExportActions* m_export = nullptr;
    WorkerTableActions* m_tableActions = nullptr;
    RawJsonView* m_lastRaw = nullptr;
    RecentFiles* m_recent = nullptr;
    QMenu* m_recentMenu = nullptr;
    FileWatcher* m_watcher = nullptr;
    WindowSettings* m_settings = nullptr;
    QTimer m_tick;
    HistoryStrip* m_historyStrip = nullptr;
    QTimer m_historyUpdate; // coalesces the history's changes into one update of the strip and sparklines
    bool m_showsUsage = false;
    QAction* m_compareServer = nullptr;
    QAction* m_leaveComparison = nullptr;
    QAction* m_compareAllFields = nullptr;
    QAction* m_exportComparison = nullptr;
    QAction* m_saveHistory = nullptr;
    PlacementPanel* m_placementPanel = nullptr;
    QDockWidget* m_placementDock = nullptr;
    bool m_placementDockSized = false; // given the panel's width once, when first shown
    QAction* m_canItRunAction = nullptr;
    QLabel* m_placementSummary = nullptr;
    std::shared_ptr<const analysis::Placement> m_placement;
    // What m_placement was worked out from (with m_placementTask): the detail places the selected worker
    // again from the same, so that it says what the table says.
    std::shared_ptr<const hatchet::Snapshot> m_placedSnapshot;
    std::optional<qint64> m_placedReferenceMsecs;
    std::optional<analysis::Task> m_placementTask; // the panel's last complete task
};

} // namespace hwi::views
