#pragma once

#include "analysis/diff.h"
#include "filter/query.h"
#include "filter/workerindex.h"
#include "hatchet/slots.h"
#include "hatchet/snapshot.h"
#include "history.h"
#include "live/connection.h"
#include "load/loader.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace hwi::session {

// The session of one window, without widgets: which source is open, the snapshot on screen and the one
// before it, the live connection and its request, auto-refresh, whether what is shown is stale, and the
// selected worker's own GET. Views listen to its signals; they never reach the loader themselves.
class Session final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    // A Hatchet API URL becomes a live source (with connection()'s token); anything else is read as a
    // file. Opening the source on screen again is a refresh; another source replaces the snapshot.
    void open(const QString& source);
    // The connection's tenant list, every page.
    void connectToServer(const live::Connection& connection);
    // Reads the current source again (a live list with the server-side filters of the last query).
    void reload();
    void cancel();

    // The connection used for Hatchet API URLs (token included; memory only).
    void setConnection(const live::Connection& connection) { m_connection = connection; }
    const live::Connection& connection() const { return m_connection; }
    // Asked before the token goes over plain http to a host other than loopback; true sends it. Without
    // one, such a source is refused.
    void setInsecureConfirmation(std::function<bool(const QString& host)> confirm) {
        m_confirmInsecure = std::move(confirm);
    }

    // The filter shown: its server-side terms narrow a live tenant list, and a change of them asks the
    // server again.
    void setQuery(const filter::Query& query);

    void setAutoRefreshInterval(int intervalMs); // 0: off
    int autoRefreshInterval() const;

    // The worker at this index of the snapshot (a worker table's WorkerIndexRole; negative for a row that
    // is gone) is selected: on a live list whose rows lack registered workflows, GET it on its own; a
    // current-era worker (slotConfig) also gets its running tasks (LiveRequest::runningTasks).
    void fetchWorker(int workerIndex);

    // The document as read (a live list: every page merged into one WorkerList). nullopt or the error.
    std::optional<QString> saveSnapshot(const QString& path) const;

    // Every snapshot of the source shown so far (cleared when another source opens).
    History& history() { return m_history; }
    const History& history() const { return m_history; }
    // Opens a folder saved by History::saveTo() as the history again: every file, oldest first; the newest
    // is shown.
    void openHistory(const QString& folder);
    // Shows an entry of the history (the fleet as it was). Refreshes keep arriving into the history but
    // leave the view on that entry until followLatest().
    void showHistoryEntry(int entry);
    void followLatest();
    bool isFollowingLatest() const { return m_following; }

    // A comparison: what changed from `older` (OLD) to the snapshot on screen (NEW); the diff follows each
    // refresh of the snapshot on screen.
    struct Comparison {
        std::shared_ptr<const hatchet::Snapshot> older;
        std::shared_ptr<const analysis::SnapshotDiff> diff;
        QString olderSource; // what `older` is, for the status bar: a path, URL or capture time
    };
    // Loads the source as OLD (a file, a URL; the connection's tenant list with compareWithServer()).
    void compareWith(const QString& source);
    void compareWithServer();
    // Compares with a snapshot at hand (another window's, a history entry).
    void compareWithSnapshot(std::shared_ptr<const hatchet::Snapshot> older, const QString& description);
    // Two history entries: `older` as OLD, `newer` shown as NEW.
    void compareHistoryEntries(int older, int newer);
    void leaveComparison();
    const std::optional<Comparison>& comparison() const { return m_comparison; }
    // Whether fields that change on every capture are compared too (the window's toggle).
    void setCompareAllFields(bool all);
    bool comparesAllFields() const { return m_compareAllFields; }

    // The source reload() reads again: the one on screen; before anything is shown, the last asked for.
    // A failed open of another source leaves it (and the live connection, and what a file watcher should
    // follow) on the document still shown.
    QString source() const { return m_current.source; }
    // The source of the load in flight (empty when none).
    QString loadingSource() const { return isLoading() ? m_loading.source : QString(); }
    QString shownSource() const { return m_snapshot ? m_snapshot->source : QString(); }
    bool isLoading() const { return m_loader.isLoading(); }
    bool isLive() const { return m_current.live.has_value(); }
    std::shared_ptr<const hatchet::Snapshot> snapshot() const { return m_snapshot; }
    // The snapshot the last refresh replaced (same source); null after a new document.
    std::shared_ptr<const hatchet::Snapshot> previousSnapshot() const { return m_previous; }
    load::LoadTimings timings() const { return m_timings; }
    QDateTime lastUpdated() const { return m_lastUpdated; }
    // Whether what is shown is older than the last (failed) load of the same source.
    bool isStale() const { return m_stale; }
    // The live list's server-side filters as last sent.
    QStringList serverStatuses() const;
    QStringList serverLabels() const;
    // The filter's index of the snapshot's workers, built off the GUI thread after each load (about 10 µs
    // a worker); null until indexed() says it is ready.
    std::shared_ptr<const filter::WorkerIndex> workerIndex() const { return m_index; }
    load::Loader& loader() { return m_loader; }

Q_SIGNALS:
    void loadStarted();
    void shown(std::shared_ptr<const hwi::hatchet::Snapshot> snapshot); // a new document
    void refreshed(std::shared_ptr<const hwi::hatchet::Snapshot> snapshot,
                   std::shared_ptr<const hwi::hatchet::Snapshot> previous); // the same source again
    // stale: a snapshot of the same source is still shown.
    void failed(const hwi::load::LoadError& error, bool stale);
    void cancelled();
    void progress(qint64 bytesReceived, qint64 bytesTotal);
    void parsing();
    void pageLoaded(int page, qint64 pages, qint64 workers);
    void workerFetched(std::shared_ptr<const hwi::hatchet::Snapshot> worker);
    void workerFetchFailed(const hwi::load::LoadError& error);
    // The selected worker's running tasks (a current-era worker on a live tenant list), or why not.
    void runningTasksFetched(const hwi::hatchet::RunningTasks& tasks);
    void runningTasksFetchFailed(const QString& workerId, const hwi::load::LoadError& error);
    void autoRefreshChanged(int intervalMs);
    void indexed(std::shared_ptr<const hwi::filter::WorkerIndex> index);
    // A comparison began, changed (a refresh, the toggle) or ended (comparison() is empty).
    void comparisonChanged();
    void comparisonFailed(const hwi::load::LoadError& error);

private:
    // What a load reads: a source, and for a live one its request and connection.
    struct Target {
        QString source;
        std::optional<live::LiveRequest> live;
        std::optional<live::Connection> liveConnection;
    };
    void openLive(live::LiveRequest request, const QString& source);
    void load(Target target);
    void onLoaded(std::shared_ptr<const hatchet::Snapshot> snapshot, load::LoadTimings timings);
    void onFailed(const load::LoadError& error);
    void indexInBackground();
    void showSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot, bool sameSource);
    void loadNextHistoryFile();
    void updateComparison();

    load::Loader m_loader;
    Target m_current; // see source()
    Target m_loading; // the load in flight
    std::shared_ptr<const hatchet::Snapshot> m_snapshot;
    std::shared_ptr<const hatchet::Snapshot> m_previous;
    load::LoadTimings m_timings;
    QDateTime m_lastUpdated;
    bool m_stale = false;
    std::shared_ptr<const filter::WorkerIndex> m_index;
    filter::Query m_query;

    live::Connection m_connection;
    std::function<bool(const QString&)> m_confirmInsecure;
    QUrl m_fetchingWorker; // the selected worker's GET in flight
    QUrl m_fetchingTasks;  // its running tasks' GET in flight
    QString m_tasksWorkerId;
    QTimer m_refreshTimer;

    History m_history;
    bool m_following = true;
    QStringList m_historyFiles; // of openHistory(), still to load
    bool m_loadingHistory = false;
    load::Loader m_compareLoader;
    std::optional<Comparison> m_comparison;
    bool m_compareAllFields = false;
};

} // namespace hwi::session
