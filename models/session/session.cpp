#include "session.h"

#include "export/atomicwrite.h"
#include "itemmodels/timeformat.h"
#include "live/httperrors.h"
#include "load/backgroundpool.h"
#include "load/bytesize.h"

#include <QFutureWatcher>
#include <QSettings>

namespace hwi::session {

Session::Session(QObject* parent)
    : QObject(parent)
    , m_connection(live::Connection::fromEnvironment()) {
    connect(&m_loader, &load::Loader::loaded, this, &Session::onLoaded);
    connect(&m_compareLoader, &load::Loader::loaded, this,
            [this](std::shared_ptr<const hatchet::Snapshot> older, load::LoadTimings) {
                compareWithSnapshot(older, older->source);
            });
    connect(&m_compareLoader, &load::Loader::failed, this, &Session::comparisonFailed);
    connect(&m_loader, &load::Loader::failed, this, &Session::onFailed);
    connect(&m_loader, &load::Loader::cancelled, this, &Session::cancelled);
    connect(&m_loader, &load::Loader::progress, this, &Session::progress);
    connect(&m_loader, &load::Loader::parsing, this, &Session::parsing);
    connect(&m_loader, &load::Loader::pageLoaded, this, &Session::pageLoaded);
    connect(&m_loader, &load::Loader::workerFetched, this,
            [this](const QUrl& url, const std::shared_ptr<const hatchet::Snapshot>& worker) {
                if (url == m_fetchingWorker)
                    Q_EMIT workerFetched(worker);
            });
    connect(&m_loader, &load::Loader::workerFetchFailed, this,
            [this](const QUrl& url, const load::LoadError& error) {
                if (url == m_fetchingWorker)
                    Q_EMIT workerFetchFailed(error);
            });
    connect(&m_loader, &load::Loader::documentFetched, this,
            [this](const QUrl& url, const std::shared_ptr<const json::Document>& document) {
                if (url != m_fetchingTasks)
                    return;
                m_fetchingTasks.clear();
                Q_EMIT runningTasksFetched({m_tasksWorkerId, document, hatchet::runningTasks(*document)});
            });
    connect(&m_loader, &load::Loader::documentFetchFailed, this,
            [this](const QUrl& url, const load::LoadError& error) {
                if (url != m_fetchingTasks)
                    return;
                m_fetchingTasks.clear();
                Q_EMIT runningTasksFetchFailed(m_tasksWorkerId, error);
            });
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_loader.isLoading())
            reload();
    });
    // The size limit: the "load/maxSize" setting (e.g. "500M"), else the loader's default (2 GiB).
    if (const auto limit = load::parseByteSize(QSettings().value(QStringLiteral("load/maxSize")).toString()))
        m_loader.setMaxBytes(*limit);
}

Session::~Session() = default;

void Session::open(const QString& source) {
    if (auto request = live::LiveRequest::forSource(source, m_connection)) {
        openLive(std::move(*request), source);
        return;
    }
    load({source, std::nullopt, std::nullopt});
}

void Session::load(Target target) {
    m_loading = std::move(target);
    if (m_loading.live && m_loading.live->kind == live::ApiTarget::Kind::TenantList) {
        const filter::Query::ServerFilters filters = m_query.serverFilters();
        m_loading.live->statuses = filters.statuses;
        m_loading.live->labels = filters.labels;
    }
    if (!m_snapshot)
        m_current = m_loading; // nothing on screen: F5 retries what was asked for
    Q_EMIT loadStarted();
    if (m_loading.live)
        m_loader.load(*m_loading.live, m_loading.source);
    else
        m_loader.load(m_loading.source);
}

void Session::connectToServer(const live::Connection& connection) {
    m_connection = connection;
    openLive(live::LiveRequest::tenantList(connection), live::displayUrl(connection.tenantListUrl()));
}

void Session::openLive(live::LiveRequest request, const QString& source) {
    if (!live::insecureProblem(request.url, request.token, request.allowInsecure).isEmpty()) {
        if (!m_confirmInsecure || !m_confirmInsecure(request.url.host())) {
            Q_EMIT failed({live::displayUrl(request.url),
                           tr("not connected: the token is not sent over plain http without your "
                              "confirmation")},
                          false);
            return;
        }
        request.allowInsecure = true;
    }
    const auto target = live::classifyUrl(request.url);
    live::Connection connection = m_connection;
    connection.serverUrl = target ? target->serverUrl : request.url;
    connection.tenant = target ? target->tenant : QString();
    connection.token = request.token;
    connection.timeoutMs = request.timeoutMs;
    connection.allowInsecure = request.allowInsecure;
    load({source, std::move(request), connection});
}

void Session::reload() {
    if (m_current.source == load::Loader::StandardInput) {
        Q_EMIT failed(
            {tr("standard input"), tr("cannot be read again: it was a pipe, read once; save the snapshot "
                                      "to reload it")},
            false);
        return;
    }
    if (!m_current.source.isEmpty())
        load(m_current);
}

void Session::cancel() {
    m_loader.cancel();
}

void Session::setQuery(const filter::Query& query) {
    m_query = query;
    const auto& live = m_current.live;
    if (!live || live->kind != live::ApiTarget::Kind::TenantList)
        return;
    const filter::Query::ServerFilters filters = query.serverFilters();
    if (filters.statuses != live->statuses || filters.labels != live->labels)
        reload();
}

QStringList Session::serverStatuses() const {
    return m_current.live ? m_current.live->statuses : QStringList();
}

QStringList Session::serverLabels() const {
    return m_current.live ? m_current.live->labels : QStringList();
}

void Session::setAutoRefreshInterval(int intervalMs) {
    if (intervalMs > 0)
        m_refreshTimer.start(intervalMs);
    else
        m_refreshTimer.stop();
    Q_EMIT autoRefreshChanged(intervalMs);
}

int Session::autoRefreshInterval() const {
    return m_refreshTimer.isActive() ? m_refreshTimer.interval() : 0;
}

void Session::fetchWorker(int workerIndex) {
    m_fetchingWorker.clear();
    m_fetchingTasks.clear();
    const auto& live = m_current.live;
    if (!live || !m_current.liveConnection || live->kind != live::ApiTarget::Kind::TenantList)
        return;
    const auto worker = m_snapshot ? m_snapshot->findWorker(workerIndex) : std::nullopt;
    if (!worker) // nothing selected, or a row that is gone since the last refresh
        return;
    if (worker->id().isEmpty())
        return;
    if (worker->era() == hatchet::SchemaEra::Current) { // no `slots`: ask for its running tasks
        const live::LiveRequest tasks = live::LiveRequest::runningTasks(
            *m_current.liveConnection, worker->id(), QDateTime::currentDateTimeUtc());
        m_fetchingTasks = tasks.url;
        m_tasksWorkerId = worker->id();
        m_loader.fetchDocument(tasks);
    }
    if (worker->field("registeredWorkflows") != json::NoNode)
        return; // the list already says
    const live::LiveRequest request = live::LiveRequest::worker(*m_current.liveConnection, worker->id());
    m_fetchingWorker = request.url;
    m_loader.fetchWorker(request);
}

std::optional<QString> Session::saveSnapshot(const QString& path) const {
    if (!m_snapshot)
        return tr("Nothing to save: no document is loaded");
    const QByteArray& bytes = m_snapshot->document->source();
    return exporting::writeAtomically(
        path, [&bytes](QIODevice& device) { return device.write(bytes) == bytes.size(); });
}

void Session::onLoaded(std::shared_ptr<const hatchet::Snapshot> snapshot, load::LoadTimings timings) {
    m_timings = timings;
    m_lastUpdated = QDateTime::currentDateTime();
    m_stale = false;
    m_current = m_loading;
    if (m_loadingHistory) {
        m_history.append(snapshot);
        if (!m_historyFiles.isEmpty()) {
            loadNextHistoryFile();
            return;
        }
        m_loadingHistory = false;
        m_following = true;
        showSnapshot(std::move(snapshot), false);
        return;
    }
    const QString shownSource = m_history.size() ? m_history.entries().back().snapshot->source : QString();
    const bool sameSource = m_snapshot && snapshot->source == shownSource;
    if (!sameSource) {
        m_history.clear();
        m_following = true;
    }
    m_history.append(snapshot);
    if (m_following)
        showSnapshot(std::move(snapshot), sameSource);
}

// Puts a snapshot on screen: a refresh of the same source (refreshed, with the one it replaces) or a new
// document (shown).
void Session::showSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot, bool sameSource) {
    m_previous = sameSource ? std::move(m_snapshot) : nullptr;
    m_snapshot = std::move(snapshot);
    m_index.reset();
    indexInBackground();
    if (sameSource)
        Q_EMIT refreshed(m_snapshot, m_previous);
    else
        Q_EMIT shown(m_snapshot);
    if (m_comparison)
        updateComparison();
}

void Session::openHistory(const QString& folder) {
    m_historyFiles = History::snapshotFiles(folder);
    if (m_historyFiles.isEmpty()) {
        Q_EMIT failed({folder, tr("no snapshot files (*.json) in this folder")}, false);
        return;
    }
    m_history.clear();
    m_loadingHistory = true;
    loadNextHistoryFile();
}

void Session::loadNextHistoryFile() {
    load({m_historyFiles.takeFirst(), std::nullopt, std::nullopt});
}

void Session::showHistoryEntry(int entry) {
    if (entry < 0 || entry >= m_history.size())
        return;
    const auto& snapshot = m_history.entries()[std::size_t(entry)].snapshot;
    m_following = entry == m_history.size() - 1;
    if (snapshot != m_snapshot)
        showSnapshot(snapshot, true);
}

void Session::followLatest() {
    m_following = true;
    if (m_history.size())
        showHistoryEntry(m_history.size() - 1);
}

void Session::compareWith(const QString& source) {
    m_compareLoader.setMaxBytes(m_loader.maxBytes());
    m_compareLoader.setTimeoutMs(m_connection.timeoutMs);
    if (auto request = live::LiveRequest::forSource(source, m_connection))
        m_compareLoader.load(*request, source);
    else
        m_compareLoader.load(source);
}

void Session::compareWithServer() {
    m_compareLoader.setTimeoutMs(m_connection.timeoutMs);
    m_compareLoader.load(live::LiveRequest::tenantList(m_connection));
}

void Session::compareWithSnapshot(std::shared_ptr<const hatchet::Snapshot> older,
                                  const QString& description) {
    m_comparison = Comparison{std::move(older), nullptr, description};
    updateComparison();
}

void Session::compareHistoryEntries(int older, int newer) {
    if (older < 0 || newer < 0 || older >= m_history.size() || newer >= m_history.size())
        return;
    showHistoryEntry(newer);
    const auto& snapshot = m_history.entries()[std::size_t(older)].snapshot;
    compareWithSnapshot(snapshot,
                        snapshot->captureTime.isValid()
                            ? tr("the capture of %1").arg(models::instantText(snapshot->captureTime))
                            : snapshot->source);
}

void Session::leaveComparison() {
    if (!m_comparison)
        return;
    m_comparison.reset();
    Q_EMIT comparisonChanged();
}

void Session::setCompareAllFields(bool all) {
    m_compareAllFields = all;
    if (m_comparison)
        updateComparison();
}

void Session::updateComparison() {
    if (!m_comparison || !m_snapshot)
        return;
    const auto every = [](const hatchet::Snapshot& snapshot) {
        std::vector<std::size_t> all(snapshot.workers.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = i;
        return all;
    };
    const hatchet::Snapshot& older = *m_comparison->older;
    m_comparison->diff = std::make_shared<const analysis::SnapshotDiff>(
        analysis::diffSnapshots(older, every(older), *m_snapshot, every(*m_snapshot), {m_compareAllFields}));
    Q_EMIT comparisonChanged();
}

void Session::indexInBackground() {
    auto* watcher = new QFutureWatcher<std::shared_ptr<const filter::WorkerIndex>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, snapshot = m_snapshot] {
        watcher->deleteLater();
        if (m_snapshot != snapshot)
            return; // a newer snapshot has its own
        m_index = watcher->result();
        Q_EMIT indexed(m_index);
    });
    watcher->setFuture(load::startInBackground(
        [snapshot = m_snapshot] { return std::make_shared<const filter::WorkerIndex>(*snapshot); }));
}

void Session::onFailed(const load::LoadError& error) {
    // Stale: the source on screen could not be read again. Another source that failed leaves the
    // document on screen as it was, current and fresh.
    const bool sameSource = m_snapshot && m_loading.source == m_snapshot->source;
    if (sameSource)
        m_stale = true;
    Q_EMIT failed(error, sameSource);
}

} // namespace hwi::session
