#include "mainwindow.h"

#include "aboutdialog.h"
#include "exportactions.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "heartbeatdelegate.h"
#include "itemmodels/workertablemodel.h"
#include "live/httperrors.h"
#include "load/bytesize.h"
#include "messagebar.h"
#include "problemspanel.h"
#include "rawjsonview.h"
#include "recentfiles.h"
#include "sectionview.h"
#include "shortcutsdialog.h"
#include "slotbardelegate.h"
#include "statuspilldelegate.h"
#include "windows.h"
#include "workerdetail.h"
#include "workertableactions.h"
#include "workertableview.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace hwi::views {

using models::WorkerTableModel;

namespace {

// The label filter chips: every key=value the loaded workers carry, sorted, at most a few hundred.
QStringList labelChoices(const hatchet::Snapshot& snapshot) {
    constexpr qsizetype Most = 300;
    QSet<QString> seen;
    for (std::size_t i = 0; i < snapshot.workers.size() && seen.size() < Most; ++i) {
        for (const hatchet::Label& label : snapshot.worker(i).labels())
            seen.insert(label.key + QLatin1Char('=') + label.value);
    }
    QStringList choices(seen.begin(), seen.end());
    choices.sort(Qt::CaseInsensitive);
    return choices;
}

// The server-side filters of a live list, from the status toggles and label chips the filter bar writes
// (`status:active,paused`, `label:key=value`; negated terms stay local).
void serverFilters(const QString& query, QStringList& statuses, QStringList& labels) {
    static const QRegularExpression status(QStringLiteral("(?:^|\\s)status:([A-Za-z,]+)(?=\\s|$)"));
    static const QRegularExpression label(QStringLiteral("(?:^|\\s)label:([^\\s=\"]+)=([^\\s\"]+)(?=\\s|$)"));
    statuses.clear();
    labels.clear();
    for (auto it = status.globalMatch(query); it.hasNext();) {
        const QStringList values =
            it.next().captured(1).toUpper().split(QLatin1Char(','), Qt::SkipEmptyParts);
        // Only the statuses the server knows (it refuses others); a half-typed one stays a local filter.
        static const QStringList known = {QStringLiteral("ACTIVE"), QStringLiteral("PAUSED"),
                                          QStringLiteral("INACTIVE")};
        if (std::all_of(values.begin(), values.end(), [](const QString& v) { return known.contains(v); }))
            statuses << values;
    }
    for (auto it = label.globalMatch(query); it.hasNext();) {
        const auto match = it.next();
        labels << match.captured(1) + QLatin1Char(':') + match.captured(2);
    }
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_model(new WorkerTableModel(this))
    , m_proxy(new filter::WorkerFilterProxy(this))
    , m_filterBar(new FilterBar(this))
    , m_table(new WorkerTableView(this))
    , m_detail(new WorkerDetail(this))
    , m_documentRaw(new RawJsonView(this))
    , m_pages(new QTabWidget(this))
    , m_messageBar(new MessageBar(this))
    , m_sourceLabel(new QLabel(this))
    , m_captureLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_timingLabel(new QLabel(this))
    , m_updatedLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_connection(live::Connection::fromEnvironment()) {
    setWindowTitle(tr("Hatchet Worker Inspector"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    setUpTable(*m_table);
    m_table->setAccessibleName(tr("Workers"));
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setItemDelegateForColumn(WorkerTableModel::StatusColumn, new StatusPillDelegate(m_table));
    m_table->setItemDelegateForColumn(WorkerTableModel::LastHeartbeatColumn, new HeartbeatDelegate(m_table));
    m_table->setItemDelegateForColumn(WorkerTableModel::SlotsColumn,
                                      new SlotBarDelegate(WorkerTableModel::SlotCapacitiesRole, m_table));
    const std::pair<int, int> widths[] = {
        {WorkerTableModel::NameColumn, 190},   {WorkerTableModel::StatusColumn, 90},
        {WorkerTableModel::TypeColumn, 95},    {WorkerTableModel::LastHeartbeatColumn, 105},
        {WorkerTableModel::SlotsColumn, 170},  {WorkerTableModel::LabelsColumn, 180},
        {WorkerTableModel::ActionsColumn, 60}, {WorkerTableModel::WorkflowsColumn, 75},
        {WorkerTableModel::SdkColumn, 120},    {WorkerTableModel::DispatcherColumn, 120}};
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() * 2 + 6); // slot bars

    auto* tablePane = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_filterBar);
    tableLayout->addWidget(m_table, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(tablePane);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({720, 780}); // the detail's tabs want the room
    m_workerSplit = split;
    m_pages->addTab(split, tr("&Workers"));
    m_pages->addTab(m_documentRaw, tr("&Document (raw JSON)"));
    m_pages->setDocumentMode(true);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    for (QLabel* label : {m_sourceLabel, m_captureLabel, m_countsLabel, m_timingLabel, m_updatedLabel})
        statusBar()->addPermanentWidget(label);
    statusBar()->addWidget(m_progress);
    statusBar()->addWidget(m_cancel);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("Reading… %p%"));
    setLoading(false);

    m_problems = new ProblemsPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    resizeDocks({m_problems}, {110}, Qt::Vertical); // room for a few problems; the workers come first
    connect(m_problems, &ProblemsPanel::problemActivated, this, &MainWindow::showProblem);
    createActions();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::selectionChanged);
    connect(&m_loader, &load::Loader::loaded, this, &MainWindow::showSnapshot);
    connect(&m_loader, &load::Loader::failed, this, &MainWindow::showError);
    connect(&m_loader, &load::Loader::cancelled, this, [this] {
        setLoading(false);
        statusBar()->showMessage(tr("Load cancelled; still showing the previous document"), 5000);
    });
    connect(&m_loader, &load::Loader::progress, this, [this](qint64 received, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(received * 1000 / total));
    });
    connect(&m_loader, &load::Loader::pageLoaded, this, [this](int page, qint64 pages, qint64 workers) {
        m_progress->setRange(0, pages > 0 ? int(pages) : 0);
        m_progress->setValue(page);
        m_progress->setFormat(pages > 0 ? tr("Page %1 of %2 (%3 workers)…").arg(page).arg(pages).arg(workers)
                                        : tr("Page %1 (%2 workers)…").arg(page).arg(workers));
    });
    connect(&m_loader, &load::Loader::workerFetched, this,
            [this](const QUrl& url, const std::shared_ptr<const hatchet::Snapshot>& worker) {
                if (url == m_fetchingWorker)
                    m_detail->setFetchedWorker(worker);
            });
    connect(&m_loader, &load::Loader::workerFetchFailed, this,
            [this](const QUrl& url, const load::LoadError& error) {
                if (url == m_fetchingWorker)
                    statusBar()->showMessage(tr("Registered workflows unavailable: %1").arg(error.toString()),
                                             10000);
            });
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_loader.isLoading())
            reload();
    });
    connect(&m_loader, &load::Loader::parsing, this, [this] {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("Parsing…"));
    });
    connect(m_cancel, &QPushButton::clicked, &m_loader, &load::Loader::cancel);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::updateReferenceTime);
    connect(m_filterBar, &FilterBar::queryChanged, this, &MainWindow::applyFilter);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateFilterCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateFilterCounts);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateFilterCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateFilterCounts);
    m_tick.setInterval(1000);
    // The size limit: the "load/maxSize" setting (e.g. "500M"), else the loader's default (2 GiB).
    if (const auto limit = load::parseByteSize(QSettings().value(QStringLiteral("load/maxSize")).toString()))
        m_loader.setMaxBytes(*limit);
    resize(1500, 860);
    setUpDesktop();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &URL…"), this, &MainWindow::openUrlDialog);
    m_recent = new RecentFiles(this);
    m_recentMenu = m_recent->createMenu(this);
    file->addMenu(m_recentMenu);
    file->addAction(tr("&Connect to Hatchet…"), this, &MainWindow::connectDialog);
    file->addAction(tr("&New Window"), this, [this] { openWindow()->setConnection(m_connection); })
        ->setShortcut(QKeySequence::New);
    file->addSeparator();
    m_saveSnapshot = file->addAction(tr("Save &Snapshot…"), this, &MainWindow::saveSnapshotDialog);
    m_saveSnapshot->setToolTip(tr("Save the document as read: a live list with every page merged"));
    m_saveSnapshot->setEnabled(false);
    m_export = new ExportActions(this, file);
    file->addSeparator();
    file->addAction(tr("Close &Window"), this, &QWidget::close)->setShortcuts(QKeySequence::Close);
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_reloadAction = view->addAction(tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setToolTip(
        tr("Load the source again, keeping the selection, filter and scroll position"));
    m_reloadAction->setEnabled(false);
    QAction* find = view->addAction(tr("&Filter Workers"), this, [this] {
        m_pages->setCurrentIndex(0); // the filter box lives on the Workers page
        m_filterBar->focusQuery();
    });
    find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_L)});
    view->addAction(m_problems->toggleViewAction());
    m_nowAction = view->addAction(tr("Measure Times Against &Now"));
    m_nowAction->setCheckable(true);
    m_nowAction->setToolTip(tr("Relative times against now (ticking) instead of the capture time"));
    connect(m_nowAction, &QAction::toggled, this, &MainWindow::setMeasureAgainstNow);
    QMenu* refresh = view->addMenu(tr("Auto &Refresh"));
    m_refreshGroup = new QActionGroup(this);
    const std::pair<QString, int> intervals[] = {{tr("Off"), 0},
                                                 {tr("Every 5 s"), 5000},
                                                 {tr("Every 10 s"), 10000},
                                                 {tr("Every 30 s"), 30000},
                                                 {tr("Every 1 min"), 60000},
                                                 {tr("Every 5 min"), 300000}};
    for (const auto& [text, ms] : intervals) {
        QAction* action = refresh->addAction(text);
        action->setCheckable(true);
        action->setData(ms);
        action->setChecked(ms == 0);
        m_refreshGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, ms = ms] { setAutoRefreshInterval(ms); });
    }
    m_reloadOnChange = view->addAction(tr("Reload on &Change"));
    m_reloadOnChange->setCheckable(true);
    m_reloadOnChange->setToolTip(tr("Reload the document when its file changes on disk, keeping the "
                                    "selection, filter and expanded nodes"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open &Sample"), this, [this] { this->open(sampleSource()); });
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addAction(tr("&About"), this, [this] { showAboutDialog(this); });

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(open);
    tools->addAction(m_reloadAction);
    tools->addAction(m_nowAction);
    tools->addAction(m_reloadOnChange);

    m_tableActions = new WorkerTableActions(this);
    for (RawJsonView* raw : {m_documentRaw, m_detail->rawView()})
        connect(raw, &RawJsonView::used, this, [this, raw] { m_lastRaw = raw; });
}

void MainWindow::open(const QString& source) {
    if (auto request = live::LiveRequest::forSource(source, m_connection)) {
        openLive(std::move(*request), source);
        return;
    }
    m_liveRequest.reset();
    m_liveConnection.reset();
    m_source = source;
    m_reloadAction->setEnabled(true);
    m_progress->setFormat(tr("Reading… %p%"));
    setLoading(true);
    m_loader.load(source);
}

void MainWindow::reload() {
    if (m_source.isEmpty())
        return;
    if (!m_liveRequest) {
        open(m_source);
        return;
    }
    m_progress->setFormat(tr("Reading… %p%"));
    setLoading(true);
    if (m_liveRequest->kind == live::ApiTarget::Kind::TenantList)
        serverFilters(m_filterBar->query(), m_liveRequest->statuses, m_liveRequest->labels);
    m_loader.load(*m_liveRequest, m_source);
}

void MainWindow::openDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Worker JSON"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void MainWindow::showSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot, load::LoadTimings timings) {
    setLoading(false);
    m_messageBar->hide();
    m_timings = timings;
    m_lastUpdated = QDateTime::currentDateTime();
    m_stale = false;
    m_saveSnapshot->setEnabled(true);
    updateLiveStatus();
    if (m_snapshot && snapshot->source == m_snapshot->source) {
        refreshSnapshot(std::move(snapshot));
        return;
    }
    m_snapshot = std::move(snapshot);
    m_model->setSnapshot(m_snapshot);
    indexInBackground();
    m_detail->setSnapshot(m_snapshot);
    m_documentRaw->setDocument(m_snapshot->document);
    showSnapshotEverywhere();
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    if (!m_snapshot->note.isEmpty())
        statusBar()->showMessage(m_snapshot->note);
    setWindowTitle(tr("%1 — Hatchet Worker Inspector").arg(m_snapshot->source));
    Q_EMIT snapshotShown();
}

// What a new document and a refresh both update once the table, detail and raw view have theirs.
void MainWindow::showSnapshotEverywhere() {
    m_problems->setSnapshot(m_snapshot);
    updateReferenceTime();
    m_filterBar->setLabelChoices(labelChoices(*m_snapshot));
    updateFilterCounts();
    updateStatusBar();
}

void MainWindow::refreshSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    const RawJsonView::ViewState documentState = m_documentRaw->viewState();
    m_snapshot = std::move(snapshot);
    m_model->updateSnapshot(m_snapshot); // rows stay selected and scrolled: no reset
    indexInBackground();
    const QModelIndex current = m_table->currentIndex();
    const int worker = current.isValid() ? current.data(WorkerTableModel::WorkerIndexRole).toInt() : -1;
    m_detail->refresh(m_snapshot, worker >= 0 ? std::optional<std::size_t>(worker) : std::nullopt);
    fetchSelectedWorker(); // the refreshed list again lacks its workflows
    m_documentRaw->setDocument(m_snapshot->document);
    m_documentRaw->restoreViewState(documentState);
    showSnapshotEverywhere();
    m_table->flashChanges();
    statusBar()->showMessage(
        tr("Reloaded: %1 new, %2 gone").arg(m_model->appearedCount()).arg(m_model->goneCount()), 5000);
    Q_EMIT snapshotShown();
}

void MainWindow::showError(const load::LoadError& error) {
    setLoading(false);
    m_stale = m_snapshot != nullptr;
    updateLiveStatus();
    if (m_stale && m_lastUpdated.isValid())
        m_messageBar->showError(
            tr("%1\nStill showing the data from %2 (stale).")
                .arg(error.toString(),
                     QLocale::c().toString(m_lastUpdated.toLocalTime(), QStringLiteral("HH:mm:ss"))));
    else
        m_messageBar->showError(m_snapshot
                                    ? tr("%1\nStill showing the previous document.").arg(error.toString())
                                    : error.toString());
}

void MainWindow::setLoading(bool loading) {
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading)
        m_progress->setRange(0, 0);
}

void MainWindow::setMeasureAgainstNow(bool now) {
    if (m_nowAction->isChecked() != now)
        m_nowAction->setChecked(now); // re-enters through toggled
    if (now)
        m_tick.start();
    else
        m_tick.stop();
    updateReferenceTime();
}

bool MainWindow::measuresAgainstNow() const {
    return m_nowAction->isChecked();
}

void MainWindow::updateReferenceTime() {
    const bool now = measuresAgainstNow();
    const QDateTime reference =
        now || !m_snapshot ? QDateTime::currentDateTimeUtc() : m_snapshot->captureTime;
    m_model->setReferenceTime(reference);
    m_proxy->setReferenceTime(reference);
    m_detail->setReferenceTime(reference, now ? tr("now") : tr("capture"));
}

void MainWindow::selectionChanged() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->setWorker(std::nullopt);
        return;
    }
    const int worker = current.data(WorkerTableModel::WorkerIndexRole).toInt();
    if (worker < 0) { // gone since the last reload
        m_detail->setWorker(std::nullopt);
        return;
    }
    m_detail->setWorker(static_cast<std::size_t>(worker));
    fetchSelectedWorker();
}

void MainWindow::updateStatusBar() {
    if (!m_snapshot)
        return;
    std::map<QString, int> byStatus;
    for (std::size_t i = 0; i < m_snapshot->workers.size(); ++i)
        ++byStatus[m_snapshot->worker(i).status()];
    QStringList counts;
    for (const auto& [status, count] : byStatus)
        counts << QStringLiteral("%1 %2").arg(count).arg(status.isEmpty() ? tr("no status")
                                                                          : status.toLower());
    m_sourceLabel->setText(m_snapshot->source);
    m_captureLabel->setText(tr("Captured %1%2")
                                .arg(m_snapshot->captureTime.toUTC().toString(Qt::ISODate),
                                     m_snapshot->captureTimeNote.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" (%1)").arg(m_snapshot->captureTimeNote)));
    const auto total = m_snapshot->workers.size();
    m_countsLabel->setText((total == 1 ? tr("1 worker: ") : tr("%1 workers: ").arg(total)) +
                           counts.join(QStringLiteral(", ")));
    m_timingLabel->setText(tr("loaded in %1 ms").arg(m_timings.readMs + m_timings.parseMs));
}

void MainWindow::indexInBackground() {
    // The filter's per-worker index takes about 10 µs a worker: build it off the GUI thread so the first
    // keystroke on a big file does not wait for it (the proxy builds it itself if asked first).
    if (m_proxy->workerIndex() && m_proxy->workerIndex()->isFor(*m_snapshot))
        return;
    auto* watcher = new QFutureWatcher<std::shared_ptr<const filter::WorkerIndex>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, snapshot = m_snapshot] {
        watcher->deleteLater();
        const auto index = watcher->result();
        if (m_snapshot == snapshot && !(m_proxy->workerIndex() && m_proxy->workerIndex()->isFor(*snapshot)))
            m_proxy->setIndex(index);
    });
    watcher->setFuture(QtConcurrent::run(
        [snapshot = m_snapshot] { return std::make_shared<const filter::WorkerIndex>(*snapshot); }));
}

void MainWindow::setFilter(const QString& query) {
    m_filterBar->setQuery(query);
}

void MainWindow::applyFilter(const QString& query) {
    auto parsed = filter::Query::parse(query);
    if (const auto* error = std::get_if<filter::QueryError>(&parsed)) {
        m_filterBar->setError(error->toString()); // the last valid filter stays applied
        return;
    }
    m_filterBar->setError({});
    m_proxy->setQuery(std::get<filter::Query>(parsed));
    updateFilterCounts();
    if (m_liveRequest && m_liveRequest->kind == live::ApiTarget::Kind::TenantList) {
        // The server filters a live list by the status toggles and label chips: ask again when they change.
        QStringList statuses;
        QStringList labels;
        serverFilters(query, statuses, labels);
        if (statuses != m_liveRequest->statuses || labels != m_liveRequest->labels)
            reload();
    }
}

void MainWindow::updateFilterCounts() {
    m_filterBar->setCounts(m_proxy->rowCount(), m_model->rowCount());
}

std::vector<std::size_t> MainWindow::selectedWorkerIndexes() const {
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<std::size_t> indexes;
    indexes.reserve(std::size_t(rows.size()));
    for (const QModelIndex& row : rows) {
        const int worker = row.data(WorkerTableModel::WorkerIndexRole).toInt();
        if (worker >= 0) // gone rows have no worker in the snapshot
            indexes.push_back(std::size_t(worker));
    }
    return indexes;
}

std::vector<std::size_t> MainWindow::filteredWorkerIndexes() const {
    std::vector<std::size_t> indexes;
    indexes.reserve(std::size_t(m_proxy->rowCount()));
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const int worker = m_proxy->index(row, 0).data(WorkerTableModel::WorkerIndexRole).toInt();
        if (worker >= 0)
            indexes.push_back(std::size_t(worker));
    }
    return indexes;
}

QTableView* MainWindow::workerTable() const {
    return m_table;
}

QTableView* MainWindow::currentDetailTable() const {
    const SectionView* section = m_detail->currentSection();
    return section ? section->table() : nullptr;
}

RawJsonView* MainWindow::workerRawView() const {
    return m_detail->rawView();
}

RawJsonView* MainWindow::activeRawView() const {
    for (RawJsonView* raw : {m_documentRaw, m_detail->rawView()}) {
        if (raw->isAncestorOf(QApplication::focusWidget()))
            return raw;
    }
    if (m_lastRaw)
        return m_lastRaw;
    return m_pages->currentWidget() == m_documentRaw ? m_documentRaw : m_detail->rawView();
}

void MainWindow::showProblem(int workerIndex, json::NodeId node) {
    m_documentRaw->selectNode(node);
    if (workerIndex < 0) {
        m_pages->setCurrentWidget(m_documentRaw);
        return;
    }
    // After a reload, rows are matched by worker id and may differ from snapshot order.
    const QModelIndexList found = m_model->match(m_model->index(0, 0), WorkerTableModel::WorkerIndexRole,
                                                 workerIndex, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return;
    QModelIndex row = m_proxy->mapFromSource(found.first());
    if (!row.isValid()) {
        setFilter(QString()); // the filter hides the worker
        row = m_proxy->mapFromSource(found.first());
    }
    m_pages->setCurrentIndex(0);
    m_table->selectRow(row.row());
    m_table->scrollTo(row);
    RawJsonView* raw = m_detail->rawView();
    m_detail->tabs()->setCurrentWidget(raw);
    raw->selectNode(node);
}

QString MainWindow::statusText() const {
    return QStringList{m_sourceLabel->text(), m_captureLabel->text(), m_countsLabel->text(),
                       m_timingLabel->text(), m_updatedLabel->text()}
        .join(QStringLiteral(" | "));
}

} // namespace hwi::views
