#include "mainwindow.h"

#include "aboutdialog.h"
#include "background.h"
#include "benchevents.h"
#include "exportactions.h"
#include "filter/labelchoices.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "fleetview.h"
#include "hatchet/provenance.h"
#include "heartbeatdelegate.h"
#include "itemmodels/metadatamodel.h"
#include "itemmodels/timeformat.h"
#include "itemmodels/workertablemodel.h"
#include "load/backgroundpool.h"
#include "messagebar.h"
#include "problemspanel.h"
#include "rawjsonview.h"
#include "recentfiles.h"
#include "sectionview.h"
#include "sessionstatus.h"
#include "shortcutsdialog.h"
#include "slotbardelegate.h"
#include "statuspilldelegate.h"
#include "windows.h"
#include "workerdetail.h"
#include "workertableactions.h"
#include "workertableview.h"

#include <QActionGroup>
#include <QApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace hwi::views {

using models::WorkerTableModel;

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new session::Session(this))
    , m_model(new WorkerTableModel(this))
    , m_proxy(new filter::WorkerFilterProxy(this))
    , m_filterBar(new FilterBar(this))
    , m_table(new WorkerTableView(this))
    , m_detail(new WorkerDetail(this))
    , m_documentRaw(new RawJsonView(this))
    , m_fleet(new FleetView(this))
    , m_pages(new QTabWidget(this))
    , m_messageBar(new MessageBar(this))
    , m_status(new SessionStatus(m_session, statusBar()))
    , m_problems(new ProblemsPanel(this)) {
    setWindowTitle(tr("Hatchet Worker Inspector"));
    load::setBackgroundYieldsToGui(true); // parsing and indexing never starve this thread's paints
    m_session->setInsecureConfirmation([this](const QString& host) { return confirmInsecure(host); });
    setUpWorkerTable();
    layOut();
    setUpFleet();
    createActions();
    connectSession();
    connect(m_problems, &ProblemsPanel::problemActivated, this, &MainWindow::showProblem);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::selectionChanged);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::updateReferenceTime);
    m_tick.setInterval(1000);
    connect(m_filterBar, &FilterBar::queryChanged, this, &MainWindow::applyFilter);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateFilterCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateFilterCounts);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateFilterCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateFilterCounts);
    // A filter that hides the selected worker removes its row (or resets the proxy) without a
    // selection signal: the detail follows what is selected.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::selectionChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::selectionChanged);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::layoutKeptOrMovedCurrentRow);
    resize(1500, 860);
    setUpDesktop();
    setUpComparison(); // after the remembered layout: the Change and Used columns follow the session
    setUpPlacement();  // likewise the Verdict and Rank columns follow the panel
}

MainWindow::~MainWindow() {
    // Closing hides the dock while the window's members are already gone: nothing to answer any more.
    if (m_placementDock)
        m_placementDock->disconnect(this);
}

void MainWindow::setUpWorkerTable() {
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    setUpTable(*m_table);
    m_table->setAccessibleName(tr("Workers"));
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setItemDelegateForColumn(WorkerTableModel::StatusColumn, new StatusPillDelegate(m_table));
    m_table->setItemDelegateForColumn(WorkerTableModel::LastHeartbeatColumn, new HeartbeatDelegate(m_table));
    m_table->setItemDelegateForColumn(WorkerTableModel::HealthColumn, new StatusPillDelegate(m_table));
    m_table->setItemDelegateForColumn(WorkerTableModel::SlotsColumn,
                                      new SlotBarDelegate(WorkerTableModel::SlotCapacitiesRole, m_table));
    // What a 1366-px screen shows beside the detail pane: who, whether alive, how busy, which labels, how
    // healthy (every reason in the Health tooltip). The other columns are one right-click on the header away
    // (remembered once changed).
    const std::pair<int, int> widths[] = {
        {WorkerTableModel::NameColumn, 155},   {WorkerTableModel::StatusColumn, 85},
        {WorkerTableModel::TypeColumn, 95},    {WorkerTableModel::LastHeartbeatColumn, 95},
        {WorkerTableModel::SlotsColumn, 140},  {WorkerTableModel::LabelsColumn, 140},
        {WorkerTableModel::ActionsColumn, 60}, {WorkerTableModel::WorkflowsColumn, 75},
        {WorkerTableModel::SdkColumn, 120},    {WorkerTableModel::DispatcherColumn, 120},
        {WorkerTableModel::HealthColumn, 95}};
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);
    for (const int column :
         {WorkerTableModel::TypeColumn, WorkerTableModel::ActionsColumn, WorkerTableModel::WorkflowsColumn,
          WorkerTableModel::SdkColumn, WorkerTableModel::DispatcherColumn, WorkerTableModel::CreatedColumn,
          WorkerTableModel::ChangeColumn, WorkerTableModel::UsageColumn})
        m_table->setColumnHidden(column, true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() * 2 + 6); // slot bars
}

void MainWindow::layOut() {
    auto* tablePane = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_filterBar);
    tableLayout->addWidget(m_table, 1);
    m_workerSplit = new QSplitter(Qt::Horizontal, this);
    m_workerSplit->addWidget(tablePane);
    m_workerSplit->addWidget(m_detail);
    m_workerSplit->setStretchFactor(0, 1);
    m_workerSplit->setStretchFactor(1, 1);
    m_workerSplit->setSizes({800, 700}); // the table's default columns, the detail's tabs
    m_pages->addTab(m_workerSplit, tr("&Workers"));
    m_pages->addTab(m_documentRaw, tr("&Document (raw JSON)"));
    m_pages->addTab(m_fleet, tr("F&leet"));
    m_pages->setDocumentMode(true);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    resizeDocks({m_problems}, {m_problems->preferredHeight()}, Qt::Vertical);
}

// The Fleet page counts the workers the filter shows, at the reference time; a pivot row it activates
// becomes the worker filter.
void MainWindow::setUpFleet() {
    m_fleet->setInputSource([this] {
        FleetView::Input input{snapshot(), m_table->shownWorkerIndexes(), referenceTime(),
                               m_filterBar->query(), std::size_t(m_model->workerCount())};
        std::sort(input.workers.begin(), input.workers.end());
        return input;
    });
    connect(m_fleet, &FleetView::rowActivated, this, [this](const QString& query) {
        setFilter(query);
        m_pages->setCurrentIndex(0);
    });
    connect(m_fleet, &FleetView::clearFilterRequested, this, [this] { setFilter(QString()); });
}

void MainWindow::createActions() {
    createFileMenu();
    createViewMenu();
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open &Sample"), this, [this] { open(sampleSource()); });
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addAction(tr("&About"), this, [this] { showAboutDialog(this); });

    m_tableActions = new WorkerTableActions(m_session, m_table);
    for (RawJsonView* raw : {m_documentRaw, m_detail->rawView()})
        connect(raw, &RawJsonView::used, this, [this, raw] { m_lastRaw = raw; });
}

void MainWindow::createFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &URL…"), this, &MainWindow::openUrlDialog);
    m_recent = new RecentFiles(this);
    m_recentMenu = m_recent->createMenu(this);
    file->addMenu(m_recentMenu);
    file->addAction(tr("&Connect to Hatchet…"), this, &MainWindow::connectDialog);
    file->addAction(tr("&New Window"), this,
                    [this] { openWindow()->session()->setConnection(m_session->connection()); })
        ->setShortcut(QKeySequence::New);
    file->addSeparator();
    m_saveSnapshot = file->addAction(tr("Save &Snapshot…"), this, &MainWindow::saveSnapshotDialog);
    m_saveSnapshot->setToolTip(tr("Save the document as read: a live list with every page merged"));
    m_saveSnapshot->setEnabled(false);
    m_export = new ExportActions({m_session, m_table, [this] { return currentDetailTable(); },
                                  [this] {
                                      return m_pages->currentWidget() == m_fleet
                                                 ? tr("Fleet")
                                                 : m_detail->currentSectionTitle();
                                  },
                                  [this] { return activeRawView(); }},
                                 this, file);
    connect(m_export, &ExportActions::exported, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    file->addSeparator();
    file->addAction(tr("Close &Window"), this, &QWidget::close)->setShortcuts(QKeySequence::Close);
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(open);
}

void MainWindow::createViewMenu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_reloadAction = view->addAction(tr("&Reload"), m_session, &session::Session::reload);
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
    QMenu* measure = view->addMenu(tr("&Measure Times Against"));
    auto* measureGroup = new QActionGroup(this);
    // Optional: the toolbar's Now button toggles back to the capture time.
    measureGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    m_captureAction = measure->addAction(tr("&Capture Time"));
    m_captureAction->setToolTip(tr("Ages and health as they were when the document was captured"));
    m_nowAction = measure->addAction(tr("&Now"));
    m_nowAction->setIconText(tr("Measure Against Now")); // the toolbar button
    m_nowAction->setToolTip(tr("Relative times against now (ticking) instead of the capture time"));
    m_otherTimeAction = measure->addAction(tr("&Other Time…"));
    m_otherTimeAction->setToolTip(tr("Relative times against a time you type (ISO 8601)"));
    m_captureAction->setObjectName(QStringLiteral("measureAgainstCapture")); // stable ids, for tests
    m_nowAction->setObjectName(QStringLiteral("measureAgainstNow"));
    m_otherTimeAction->setObjectName(QStringLiteral("measureAgainstOtherTime"));
    for (QAction* action : {m_captureAction, m_nowAction, m_otherTimeAction}) {
        action->setCheckable(true);
        measureGroup->addAction(action);
    }
    m_captureAction->setChecked(true);
    connect(m_captureAction, &QAction::triggered, this,
            [this] { setMeasureAgainst(MeasureAgainst::CaptureTime); });
    connect(m_nowAction, &QAction::toggled, this, &MainWindow::setMeasureAgainstNow);
    connect(m_otherTimeAction, &QAction::triggered, this, &MainWindow::askForReferenceTime);
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
        connect(action, &QAction::triggered, m_session,
                [this, ms = ms] { m_session->setAutoRefreshInterval(ms); });
    }
    connect(m_session, &session::Session::autoRefreshChanged, this, [this](int ms) {
        for (QAction* action : m_refreshGroup->actions())
            action->setChecked(action->data().toInt() == ms);
    });
    m_reloadOnChange = view->addAction(tr("Reload on &Change"));
    m_reloadOnChange->setCheckable(true);
    m_reloadOnChange->setToolTip(tr("Reload the document when its file changes on disk, keeping the "
                                    "selection, filter and expanded nodes"));

    QToolBar* tools = findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    tools->addAction(m_reloadAction);
    tools->addAction(m_nowAction);
    tools->addAction(m_reloadOnChange);
}

void MainWindow::connectSession() {
    connect(m_session, &session::Session::loadStarted, this, [this] { m_reloadAction->setEnabled(true); });
    connect(m_session, &session::Session::shown, this, &MainWindow::showNewSnapshot);
    connect(m_session, &session::Session::refreshed, this, &MainWindow::showRefreshedSnapshot);
    connect(m_session, &session::Session::failed, this, &MainWindow::showError);
    connect(m_session, &session::Session::indexed, this,
            [this](const std::shared_ptr<const filter::WorkerIndex>& index) {
                if (!(m_proxy->workerIndex() && m_proxy->workerIndex()->isFor(*snapshot())))
                    m_proxy->setIndex(index);
                benchevents::mark("filter-ready"); // for scripts/bench window only (HWI_BENCH_EVENTS)
            });
    connect(m_session, &session::Session::workerFetched, m_detail, &WorkerDetail::setFetchedWorker);
    connect(m_session, &session::Session::workerFetchFailed, this, [this](const load::LoadError& error) {
        if (m_detail->setFetchFailed(error))
            return; // a worker without actions: its Workflows tab says so, no failure
        statusBar()->showMessage(tr("Registered workflows unavailable: %1").arg(error.toString()), 10000);
    });
    connect(m_session, &session::Session::runningTasksFetched, m_detail, &WorkerDetail::setRunningTasks);
    connect(m_session, &session::Session::runningTasksFetchFailed, m_detail,
            &WorkerDetail::setRunningTasksFailed);
}

namespace {

// Above this many workers, what reads every worker runs off the GUI thread (a moment later).
constexpr std::size_t LargeFleet = 5000;

// A new document's table rows and, for a large document, its provenance: built by one background job.
struct PreparedSnapshot {
    models::WorkerTableModel::PreparedRows rows;
    std::optional<hatchet::Provenance> provenance;
};

} // namespace

// A large document's rows (and provenance) are extracted off the GUI thread; the window shows the previous
// document until they are ready, then installs them with one cheap reset.
void MainWindow::showNewSnapshot(const std::shared_ptr<const hatchet::Snapshot>& snapshot) {
    const bool inlineProvenance = models::MetadataModel::computesProvenanceInline(*snapshot->document);
    if (snapshot->workers.size() <= LargeFleet && inlineProvenance) {
        m_preparing.reset();
        m_model->setSnapshot(snapshot);
        showPreparedSnapshot(snapshot);
        return;
    }
    m_preparing = snapshot;
    statusBar()->showMessage(tr("Preparing %1 workers…").arg(snapshot->workers.size()));
    runInBackground(
        this,
        [snapshot, inlineProvenance] {
            PreparedSnapshot prepared{models::WorkerTableModel::prepareRows(snapshot), std::nullopt};
            if (!inlineProvenance)
                prepared.provenance = hatchet::provenanceOf(*snapshot->document);
            return prepared;
        },
        [this, snapshot](PreparedSnapshot prepared) {
            if (m_preparing != snapshot)
                return; // another document came meanwhile
            m_preparing.reset();
            if (prepared.provenance)
                m_detail->setProvenance(*snapshot->document, *prepared.provenance);
            m_model->setPrepared(std::move(prepared.rows));
            statusBar()->clearMessage();
            // Installing 100,000 rows takes half a frame: the detail, raw view and the rest follow in two
            // more turns, so that the table paints and the event loop answers in between (issue 19). A
            // 1 ms timer, not 0: a zero one is a posted event, handled in the same pass as the paint.
            const auto stillShowing = [this, snapshot] {
                return m_model->snapshot() == snapshot && !m_preparing;
            };
            QTimer::singleShot(1, this, [this, snapshot, stillShowing] {
                if (!stillShowing())
                    return;
                showPreparedContent(snapshot);
                QTimer::singleShot(1, this, [this, snapshot, stillShowing] {
                    if (stillShowing())
                        finishShowing(snapshot);
                });
            });
        });
}

// A refreshed large document's writer and server era, off the GUI thread (the Overview says "…" meanwhile).
void MainWindow::prepareProvenance(const std::shared_ptr<const hatchet::Snapshot>& snapshot) {
    if (models::MetadataModel::computesProvenanceInline(*snapshot->document))
        return;
    runInBackground(
        this, [snapshot] { return hatchet::provenanceOf(*snapshot->document); },
        [this, snapshot](const hatchet::Provenance& provenance) {
            if (this->snapshot() == snapshot)
                m_detail->setProvenance(*snapshot->document, provenance);
        });
}

void MainWindow::showPreparedSnapshot(const std::shared_ptr<const hatchet::Snapshot>& snapshot) {
    showPreparedContent(snapshot);
    finishShowing(snapshot);
}

void MainWindow::showPreparedContent(const std::shared_ptr<const hatchet::Snapshot>& snapshot) {
    m_messageBar->hide();
    m_detail->setSnapshot(snapshot);
    m_documentRaw->setDocument(snapshot->document);
    showSnapshotEverywhere();
    resizeDocks({m_problems}, {m_problems->preferredHeight()}, Qt::Vertical); // its rows, or a line
}

void MainWindow::finishShowing(const std::shared_ptr<const hatchet::Snapshot>& snapshot) {
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    if (!snapshot->note.isEmpty())
        statusBar()->showMessage(snapshot->note);
    setWindowTitle(tr("%1 — Hatchet Worker Inspector").arg(snapshot->source));
    Q_EMIT snapshotShown();
}

void MainWindow::showRefreshedSnapshot(const std::shared_ptr<const hatchet::Snapshot>& snapshot) {
    if (m_preparing) { // the table does not hold the document this refreshes yet
        showNewSnapshot(snapshot);
        return;
    }
    m_messageBar->hide();
    prepareProvenance(snapshot);
    const RawJsonView::ViewState documentState = m_documentRaw->viewState();
    m_model->updateSnapshot(snapshot); // rows stay selected and scrolled: no reset
    const int worker = m_table->currentWorkerIndex();
    m_detail->refresh(snapshot, worker >= 0 ? std::optional<std::size_t>(worker) : std::nullopt);
    m_session->fetchWorker(worker); // the refreshed list again lacks its workflows
    m_documentRaw->setDocument(snapshot->document);
    m_documentRaw->restoreViewState(documentState);
    showSnapshotEverywhere();
    m_table->flashChanges();
    statusBar()->showMessage(tr("Reloaded: %1 new, %2 changed, %3 gone")
                                 .arg(m_model->appearedCount())
                                 .arg(m_model->changedCount())
                                 .arg(m_model->goneCount()),
                             5000);
    Q_EMIT snapshotShown();
}

// What a new document and a refresh both update once the table, detail and raw view have theirs.
void MainWindow::showSnapshotEverywhere() {
    m_saveSnapshot->setEnabled(true);
    m_problems->setSnapshot(snapshot());
    updateReferenceTime();
    // The label picker reads every worker's labels: off the GUI thread for a large fleet (a moment later).
    if (snapshot()->workers.size() <= LargeFleet) {
        m_filterBar->setLabelChoices(filter::labelChoices(*snapshot()));
    } else {
        runInBackground(
            this, [shown = snapshot()] { return filter::labelChoices(*shown); },
            [this, shown = snapshot()](const QStringList& choices) {
                if (snapshot() == shown)
                    m_filterBar->setLabelChoices(choices);
            });
    }
    updateFilterCounts();
}

void MainWindow::showError(const load::LoadError& error, bool stale) {
    const auto shown = snapshot();
    if (stale) {
        const QString time =
            QLocale::c().toString(m_session->lastUpdated().toLocalTime(), QStringLiteral("HH:mm:ss"));
        m_messageBar->showError(
            tr("%1\nStill showing the data from %2 (stale).").arg(error.toString(), time));
    } else if (shown) {
        m_messageBar->showError(tr("%1\nStill showing %2.").arg(error.toString(), shown->source));
    } else {
        m_messageBar->showError(error.toString());
        m_problems->showLoadFailed(error.source);
        setWindowTitle(tr("%1 (not loaded) — Hatchet Worker Inspector").arg(error.source));
    }
}

void MainWindow::setMeasureAgainstNow(bool now) {
    if (now)
        setMeasureAgainst(MeasureAgainst::Now);
    else if (measuresAgainstNow() && !m_captureAction->isChecked() && !m_otherTimeAction->isChecked())
        setMeasureAgainst(MeasureAgainst::CaptureTime); // the toolbar button toggled off (Other Time… asks
                                                        // first: cancelled, it stays on now)
}

void MainWindow::setMeasureAgainst(MeasureAgainst choice, const QDateTime& time) {
    if (choice == MeasureAgainst::OtherTime) {
        if (time.isValid())
            m_otherTime = time.toUTC();
        if (!m_otherTime.isValid())
            choice = m_measureAgainst; // nothing to measure against: the choice stays
    }
    m_measureAgainst = choice;
    QAction* checked = choice == MeasureAgainst::Now         ? m_nowAction
                       : choice == MeasureAgainst::OtherTime ? m_otherTimeAction
                                                             : m_captureAction;
    if (!checked->isChecked())
        checked->setChecked(true); // the Now action's toggled re-enters with the same choice
    if (choice == MeasureAgainst::OtherTime)
        m_otherTimeAction->setText(tr("&Other Time (%1)…").arg(models::instantText(m_otherTime)));
    if (choice == MeasureAgainst::Now)
        m_tick.start();
    else
        m_tick.stop();
    updateReferenceTime();
}

bool MainWindow::askForReferenceTime() {
    const QString example = QStringLiteral("2026-11-29T13:00:05Z");
    QString text =
        models::instantText(referenceTime().isValid() ? referenceTime() : QDateTime::currentDateTimeUtc());
    QString problem;
    for (;;) {
        bool ok = false;
        text = QInputDialog::getText(
            this, tr("Measure Times Against"),
            problem + tr("A time, ISO 8601 (UTC unless it has an offset), e.g. %1:").arg(example),
            QLineEdit::Normal, text, &ok);
        if (!ok) {
            setMeasureAgainst(m_measureAgainst); // the menu shows the choice as it was
            return false;
        }
        if (const QDateTime time = models::parseInstant(text); time.isValid()) {
            setMeasureAgainst(MeasureAgainst::OtherTime, time);
            return true;
        }
        problem = tr("'%1' is not an ISO 8601 time.\n").arg(text.trimmed());
    }
}

QDateTime MainWindow::referenceTime() const {
    switch (m_measureAgainst) {
    case MeasureAgainst::Now:
        return QDateTime::currentDateTimeUtc();
    case MeasureAgainst::OtherTime:
        return m_otherTime;
    case MeasureAgainst::CaptureTime:
        break;
    }
    return snapshot() ? snapshot()->captureTime : QDateTime::currentDateTimeUtc();
}

void MainWindow::updateReferenceTime() {
    const QDateTime reference = referenceTime();
    m_model->setReferenceTime(reference);
    m_proxy->setReferenceTime(reference);
    const bool now = m_measureAgainst == MeasureAgainst::Now;
    const bool other = m_measureAgainst == MeasureAgainst::OtherTime;
    m_detail->setReferenceTime(reference, now ? tr("now") : other ? tr("set time") : tr("capture"));
    m_fleet->invalidate();
    updatePlacement();
    m_status->setReference(now     ? hatchet::TimeSource::Now
                           : other ? hatchet::TimeSource::UserSet
                                   : hatchet::TimeSource::Unknown,
                           reference);
}

MainWindow::DetailShown MainWindow::currentDetail() const {
    // The current row's worker while that row is selected: when the filter hides the selected worker, the
    // pane clears, as Export > Selected Workers does (-1: none, or gone since the last reload).
    const QModelIndex current = m_table->currentIndex();
    const bool selected = current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {});
    if (!selected)
        return {snapshot(), -1, -1};
    return {snapshot(), m_proxy->mapToSource(current).row(), m_table->currentWorkerIndex()};
}

void MainWindow::layoutKeptOrMovedCurrentRow() {
    const DetailShown now = currentDetail();
    if (now.sourceRow != m_detailShown.sourceRow || now.worker != m_detailShown.worker ||
        now.snapshot.lock() != m_detailShown.snapshot.lock()) {
        selectionChanged();
        return;
    }
    // The same worker: its pages, raw JSON and a live worker's fetched workflows stay as they are
    // (rebuilding them took 3 to 5 ms of every filter keystroke on 100,000 workers); what the
    // comparison or placement says of it may have changed with the layout.
    showChangeOfCurrentRow();
    showPlacementOfCurrentWorker();
}

void MainWindow::selectionChanged() {
    m_detailShown = currentDetail();
    const int worker = m_detailShown.worker;
    m_detail->setWorker(worker >= 0 ? std::optional<std::size_t>(worker) : std::nullopt);
    m_session->fetchWorker(worker);
    showChangeOfCurrentRow();
    showPlacementOfCurrentWorker();
}

void MainWindow::setFilter(const QString& query) {
    m_filterBar->setQuery(query);
}

void MainWindow::applyFilter(const QString& query) {
    auto parsed = filter::Query::parse(query);
    if (const auto* error = std::get_if<filter::QueryError>(&parsed)) {
        m_filterBar->setHint({});
        m_filterBar->setError(error->toString()); // the last valid filter stays applied
        return;
    }
    m_filterBar->setError({});
    m_filterBar->setHint(filterHints(std::get<filter::Query>(parsed)));
    m_proxy->setQuery(std::get<filter::Query>(parsed));
    updateFilterCounts();
    m_session->setQuery(std::get<filter::Query>(parsed)); // a live list asks the server again when needed
}

void MainWindow::updateFilterCounts() {
    // Workers of the snapshot only: gone rows (kept struck through until the next reload, or of a
    // comparison) count nowhere.
    int shown = m_proxy->rowCount();
    if (m_model->rowCount() > m_model->workerCount()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown -= WorkerTableModel::isGoneRow(m_proxy->index(row, 0)) ? 1 : 0;
    }
    m_filterBar->setCounts(shown, m_model->workerCount());
    m_fleet->invalidate();
}

QTableView* MainWindow::currentDetailTable() const {
    if (m_pages->currentWidget() == m_fleet)
        return m_fleet->pivotTable();
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
    return m_status->text();
}

} // namespace hwi::views
