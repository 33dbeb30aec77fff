#include "workerdetail.h"
#include "elidedlabel.h"
#include "placementchecksview.h"

#include "hatchet/health.h"
#include "itemmodels/actionsmodel.h"
#include "itemmodels/changesmodel.h"
#include "itemmodels/labelsmodel.h"
#include "itemmodels/metadatamodel.h"
#include "itemmodels/runtimeinfomodel.h"
#include "itemmodels/sectionmodel.h"
#include "itemmodels/slotconfigmodel.h"
#include "itemmodels/slotsmodel.h"
#include "itemmodels/steprunsmodel.h"
#include "itemmodels/workflowsmodel.h"
#include "live/httperrors.h"
#include "rawjsonview.h"
#include "sectionview.h"
#include "slotbars.h"
#include "slottimeline.h"
#include "statuspill.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProxyStyle>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hwi::views {

namespace {

// Tabs padded half as wide as the style's: all nine titles with their counts fit a laptop-wide pane. With
// the Changes tab of a comparison, a quarter, so the ten still fit rather than elide.
class CompactTabStyle final : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    int pixelMetric(PixelMetric metric, const QStyleOption* option, const QWidget* widget) const override {
        const int value = QProxyStyle::pixelMetric(metric, option, widget);
        return metric == PM_TabBarTabHSpace ? value / m_divisor : value;
    }
    void setTight(bool tight) { m_divisor = tight ? 4 : 2; }

private:
    int m_divisor = 2;
};

} // namespace

namespace {

QString workflowsEmptyText() {
    return WorkerDetail::tr("No registered workflows (lists omit them; a single GET has them)");
}

} // namespace

QString WorkerDetail::pageId(Page page) {
    // As the English titles read in settings keys before the ids existed, so saved layouts still apply.
    static const char* const Ids[] = {"overview",  "slots",   "slot-config", "labels",
                                      "workflows", "actions", "recent-runs", "runtime",
                                      "raw-json",  "changes", "placement"};
    return QLatin1String(Ids[static_cast<int>(page)]);
}

WorkerDetail::~WorkerDetail() = default;

WorkerDetail::WorkerDetail(QWidget* parent)
    : QWidget(parent)
    , m_name(new ElidedLabel(this))
    , m_status(new StatusPill(this))
    , m_reasons(new QLabel(this))
    , m_slotBars(new SlotBars(this))
    , m_timeline(new SlotTimeline(this))
    , m_slotSummary(new QLabel(this))
    , m_slots(new models::SlotsModel(this))
    , m_tabs(new QTabWidget(this))
    , m_raw(new RawJsonView(this)) {
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    // Webhook workers are named by their URL: keep its host and its end.
    m_name->setElideMode(Qt::ElideMiddle);
    // Names and reasons come from the data: never markup. Both wrap rather than widen the pane.
    for (QLabel* label : {m_reasons, m_slotSummary}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_tabs->setAccessibleName(tr("Worker sections"));
    m_tabs->setDocumentMode(true);
    // Short titles fit side by side in a laptop-wide pane. Narrower (or with the Changes and Verdict tabs),
    // the bar scrolls rather than elide titles into riddles like "O…w"; the current tab is always in view
    // and the scroll arrows are no Tab stops.
    m_tabs->setElideMode(Qt::ElideNone);
    m_tabs->setUsesScrollButtons(true);
    auto* compact = new CompactTabStyle;
    compact->setParent(m_tabs->tabBar());
    m_tabs->tabBar()->setStyle(compact);
    for (QToolButton* arrow : m_tabs->tabBar()->findChildren<QToolButton*>())
        arrow->setFocusPolicy(Qt::NoFocus);

    auto* title = new QHBoxLayout;
    title->addWidget(m_name, 1);
    title->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(title);
    layout->addWidget(m_reasons);
    layout->addWidget(m_slotBars);
    layout->addWidget(m_tabs, 1);

    m_metadata = new models::MetadataModel(this);
    addSection(Page::Overview, tr("Overview"), tr("The worker's fields"), m_metadata,
               tr("No worker selected"))
        ->setNoMatchText(tr("No fields match '%1'"));

    // Slots: the timeline above the table of busy slots.
    auto* slotsPage = new QSplitter(Qt::Vertical, this);
    m_timelineScroll = new QScrollArea(slotsPage);
    m_timelineScroll->setWidget(m_timeline);
    m_timelineScroll->setWidgetResizable(true);
    m_timelineScroll->setFrameShape(QFrame::NoFrame);
    auto* slotsTable = new QWidget(slotsPage);
    auto* slotsLayout = new QVBoxLayout(slotsTable);
    slotsLayout->setContentsMargins(0, 0, 0, 0);
    slotsLayout->addWidget(m_slotSummary);
    auto* slotsView = new SectionView(m_slots, tr("No busy slots"), slotsTable);
    slotsLayout->addWidget(slotsView);
    slotsPage->addWidget(m_timelineScroll);
    slotsPage->addWidget(slotsTable);
    const QString slotsTip = tr("Busy slots: timeline and table");
    m_sections.push_back({Page::Slots, tr("Slots"), slotsTip, m_slots, slotsView});
    addPage(Page::Slots, slotsPage, tr("Slots"), slotsTip);

    addSection(Page::SlotConfig, tr("Config"), tr("Slot configuration"), new models::SlotConfigModel(this),
               tr("No slot configuration"));
    addSection(Page::Labels, tr("Labels"), tr("Labels"), new models::LabelsModel(this), tr("No labels"));
    addSection(Page::Workflows, tr("Workflows"), tr("Registered workflows"), new models::WorkflowsModel(this),
               workflowsEmptyText());
    addSection(Page::Actions, tr("Actions"), tr("Registered actions"), new models::ActionsModel(this),
               tr("No actions"));
    addSection(Page::RecentRuns, tr("Runs"), tr("Recent step runs"), new models::StepRunsModel(this),
               tr("No recent step runs"));
    addSection(Page::Runtime, tr("SDK"), tr("Runtime: SDK, language, OS"), new models::RuntimeInfoModel(this),
               tr("No runtime info"));
    addPage(Page::RawJson, m_raw, tr("Raw"), tr("The worker's raw JSON"));
    addChangesPage();
    m_placementView = new PlacementChecksView(m_tabs);
    addPage(Page::Placement, m_placementView, tr("Verdict"),
            tr("Can it run? The selected worker's verdict, check by check"));
    m_tabs->setTabVisible(int(Page::Placement), false);
    setWorker(std::nullopt);
}

void WorkerDetail::addChangesPage() {
    m_changes = new models::ChangesModel(this);
    m_changesView = new SectionView(m_changes, tr("No changes"), m_tabs);
    m_changesView->setNoMatchText(tr("No changes match '%1'"));
    m_changesView->table()->setTextElideMode(Qt::ElideMiddle); // long ids and URLs, whole in their tooltips
    addPage(Page::Changes, m_changesView, tr("Changes"), tr("What changed in the comparison"));
    m_tabs->setTabVisible(int(Page::Changes), false);
}

SectionView* WorkerDetail::addSection(Page page, const QString& title, const QString& toolTip,
                                      models::SectionModel* model, const QString& emptyText) {
    auto* view = new SectionView(model, emptyText, m_tabs);
    m_sections.push_back({page, title, toolTip, model, view});
    addPage(page, view, title, toolTip);
    return view;
}

void WorkerDetail::addPage(Page page, QWidget* widget, const QString& title, const QString& toolTip) {
    Q_ASSERT(m_tabs->count() == static_cast<int>(page)); // pages are added in the enum's order
    widget->setObjectName(pageId(page));
    const int index = m_tabs->addTab(widget, title);
    m_tabs->setTabToolTip(index, toolTip);
}

const WorkerDetail::Section* WorkerDetail::sectionOf(Page page) const {
    for (const Section& section : m_sections) {
        if (section.page == page)
            return &section;
    }
    return nullptr;
}

QWidget* WorkerDetail::page(Page page) const {
    return m_tabs->widget(static_cast<int>(page));
}

SectionView* WorkerDetail::section(Page page) const {
    const Section* found = sectionOf(page);
    return found ? found->view : nullptr;
}

SectionView* WorkerDetail::currentSection() const {
    return section(static_cast<Page>(m_tabs->currentIndex()));
}

QString WorkerDetail::currentSectionTitle() const {
    const Section* found = sectionOf(static_cast<Page>(m_tabs->currentIndex()));
    return found ? found->title : QString();
}

void WorkerDetail::setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    setWorker(std::nullopt);
}

void WorkerDetail::setProvenance(const json::Document& document, const hatchet::Provenance& provenance) {
    m_metadata->setProvenance(document, provenance);
}

void WorkerDetail::setWorker(std::optional<std::size_t> index) {
    m_gone = false;
    showWorker(m_snapshot, index);
}

void WorkerDetail::showGoneWorker(std::shared_ptr<const hatchet::Snapshot> older, std::size_t index) {
    m_gone = true;
    showWorker(std::move(older), index);
}

void WorkerDetail::showWorker(std::shared_ptr<const hatchet::Snapshot> snapshot,
                              std::optional<std::size_t> index) {
    m_worker.reset();
    m_workerSnapshot = std::move(snapshot);
    if (m_workerSnapshot && index && *index < m_workerSnapshot->workers.size())
        m_worker = m_workerSnapshot->worker(*index);
    for (const Section& section : m_sections)
        section.model->setWorker(m_worker);
    // A refresh keeps the running tasks of the same worker until its next fetch answers.
    if (m_tasks && m_worker && m_tasks->workerId == m_worker->id())
        m_slots->setRunningTasks(m_tasks->tasks);
    else
        m_tasks.reset();
    section(Page::Workflows)->setEmptyText(workflowsEmptyText());
    if (m_worker)
        m_raw->setDocument(m_workerSnapshot->document, m_worker->node());
    else
        m_raw->setDocument(nullptr);
    updateHeader();
    updateTitles();
}

void WorkerDetail::setFetchedWorker(const std::shared_ptr<const hatchet::Snapshot>& fetched) {
    if (!m_worker || !fetched || fetched->workers.size() != 1 || fetched->worker(0).id() != m_worker->id())
        return;
    sectionOf(Page::Workflows)->model->setWorker(fetched->worker(0));
    updateTitles();
}

bool WorkerDetail::setFetchFailed(const load::LoadError& error) {
    if (!m_worker ||
        !live::isWorkerWithoutActions(error.httpStatus, error.serverMessage, m_worker->actionCount()))
        return false;
    section(Page::Workflows)
        ->setEmptyText(tr("This worker has no actions: Hatchet lists no workflows for it"));
    return true;
}

void WorkerDetail::setRunningTasks(const hatchet::RunningTasks& tasks) {
    if (!m_worker || tasks.workerId != m_worker->id())
        return;
    m_tasks = tasks;
    m_slots->setRunningTasks(tasks.tasks);
    updateHeader();
    updateTitles();
}

void WorkerDetail::setRunningTasksFailed(const QString& workerId, const load::LoadError& error) {
    if (!m_worker || workerId != m_worker->id())
        return;
    m_tasks.reset();
    m_slots->setWorker(m_worker);
    m_slots->setRunningTasksFailed(error.message);
    updateHeader();
    updateTitles();
}

void WorkerDetail::setComparing(bool comparing) {
    const int changes = int(Page::Changes);
    if (comparing == m_tabs->isTabVisible(changes))
        return;
    m_tabs->setTabVisible(changes, comparing);
    updateTabSpacing();
    if (!comparing)
        setChange(std::nullopt);
}

// With a tenth or eleventh tab, tighter padding, so the titles still fit rather than elide.
void WorkerDetail::updateTabSpacing() {
    if (auto* compact = dynamic_cast<CompactTabStyle*>(m_tabs->tabBar()->style())) {
        compact->setTight(isComparing() || showsPlacement());
        m_tabs->tabBar()->setElideMode(m_tabs->tabBar()->elideMode()); // lays the tabs out again
    }
}

void WorkerDetail::setPlacementShown(bool shown) {
    if (shown == showsPlacement())
        return;
    m_tabs->setTabVisible(int(Page::Placement), shown);
    updateTabSpacing();
    if (!shown)
        m_placementView->setPlacement(std::nullopt, {});
}

bool WorkerDetail::showsPlacement() const {
    return m_tabs->isTabVisible(int(Page::Placement));
}

void WorkerDetail::setPlacement(const std::optional<analysis::WorkerPlacement>& placement,
                                const QStringList& warnings) {
    m_placementView->setPlacement(placement, warnings);
    const QString verdict = placement ? analysis::verdictId(placement->verdict) : QString();
    m_tabs->setTabText(int(Page::Placement),
                       verdict.isEmpty() ? tr("Verdict") : tr("Verdict: %1").arg(verdict));
}

bool WorkerDetail::isComparing() const {
    return m_tabs->isTabVisible(int(Page::Changes));
}

void WorkerDetail::setChange(std::optional<analysis::WorkerChange> change) {
    const std::optional<analysis::ChangeKind> kind =
        change ? std::optional(change->kind) : std::optional<analysis::ChangeKind>();
    m_changes->setChange(std::move(change));
    using analysis::ChangeKind;
    m_changesView->setEmptyText(!m_worker                      ? tr("No worker selected")
                                : kind == ChangeKind::Appeared ? tr("Appeared: not in the older snapshot")
                                : kind == ChangeKind::Gone     ? tr("Gone: only in the older snapshot")
                                                               : tr("No changes since the older snapshot"));
    // Old and New share the room the field leaves, so both sides show at any width (a reset forgets it).
    QHeaderView* header = m_changesView->table()->horizontalHeader();
    for (const int column : {models::ChangesModel::OldColumn, models::ChangesModel::NewColumn})
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    // The section view fitted every column to its content; lay them out by their modes again (a protected
    // slot of QHeaderView).
    QMetaObject::invokeMethod(header, "resizeSections");
    const int rows = m_changes->rowCount();
    const int index = int(Page::Changes);
    m_tabs->setTabText(index, rows ? tr("Changes (%1)").arg(rows) : tr("Changes"));
    m_tabs->setTabToolTip(index, tr("What changed in the comparison (%1)").arg(rows));
}

void WorkerDetail::refresh(std::shared_ptr<const hatchet::Snapshot> snapshot,
                           std::optional<std::size_t> index) {
    const RawJsonView::ViewState raw = m_raw->viewState();
    // Every section's table, the Slots page's (below the timeline) included.
    std::vector<std::pair<QTableView*, QPoint>> scrolls;
    for (const Section& section : m_sections) {
        QTableView* table = section.view->table();
        scrolls.emplace_back(
            table, QPoint(table->horizontalScrollBar()->value(), table->verticalScrollBar()->value()));
    }
    m_snapshot = std::move(snapshot);
    setWorker(index);
    for (const auto& [table, value] : scrolls) {
        table->doItemsLayout(); // the scroll range is updated lazily after the reset
        table->horizontalScrollBar()->setValue(value.x());
        table->verticalScrollBar()->setValue(value.y());
    }
    m_raw->restoreViewState(raw);
}

void WorkerDetail::setReferenceTime(const QDateTime& time, const QString& label) {
    m_reference = time;
    for (const Section& section : m_sections)
        section.model->setReferenceTime(time);
    m_timeline->setReferenceLabel(label);
    updateHeader();
}

QString WorkerDetail::healthText() const {
    return m_reasons->text();
}

void WorkerDetail::updateHeader() {
    const bool has = m_worker.has_value();
    m_status->setVisible(has);
    m_slotBars->setVisible(has);
    if (!has) {
        m_name->setText(!m_snapshot                   ? tr("No document")
                        : m_snapshot->workers.empty() ? tr("No workers in this document")
                                                      : tr("Select a worker"));
        m_reasons->clear();
        m_timeline->setSlots({}, m_reference);
        m_slotSummary->clear();
        return;
    }
    const QString name = m_worker->displayName();
    m_name->setText(name.isEmpty() ? tr("(unnamed worker)") : name);
    m_status->setStatus(m_worker->status(), hatchet::statusHealth(m_worker->status()));
    // Every state that applies, most severe first, and a status the reference time contradicts.
    const hatchet::WorkerHealth health = hatchet::assessHealth(*m_worker, m_reference);
    const QString gone = m_gone ? tr("Gone: as the older snapshot had it. ") : QString();
    m_reasons->setText(
        gone + (health.level() == hatchet::HealthLevel::Good ? QStringLiteral("✔ ") : QStringLiteral("⚠ ")) +
        health.allReasons().join(QStringLiteral(" · ")));
    std::vector<hatchet::Slot> busy;
    for (const hatchet::Slot& slot : m_tasks ? m_tasks->tasks : m_worker->slots()) {
        if (!slot.isFreePadding())
            busy.push_back(slot);
    }
    // With no busy slot the table's empty text says it once; the timeline would repeat it.
    m_timelineScroll->setVisible(!busy.empty());
    m_timeline->setSlots(std::move(busy), m_reference);
    // Old-era padding entries are no capacity: the bars show availableRuns, the Slots page the rest.
    m_slotBars->setCapacities(m_worker->slotCapacities());
    // What is known about the running slots ("2 busy · 3 free", "This server does not list running slots;
    // 9 units in use (…)"): above the rows, or as the empty state when there are none.
    const QString summary = m_slots->summaryText();
    const bool rows = m_slots->rowCount() > 0;
    m_slotSummary->setText(rows ? summary : QString());
    m_slotSummary->setVisible(rows && !summary.isEmpty());
    section(Page::Slots)->setEmptyText(summary.isEmpty() ? tr("No busy slots") : summary);
}

void WorkerDetail::updateTitles() {
    for (const Section& section : m_sections) {
        const int rows = section.model->rowCount();
        // Field/value pages have a fixed number of rows: nothing to count.
        // A server that does not list running slots has none to count.
        const bool countable = section.page != Page::Overview && section.page != Page::Runtime &&
                               (section.page != Page::Slots || m_slots->listsRunningSlots());
        const int index = static_cast<int>(section.page);
        m_tabs->setTabText(index, countable && m_worker
                                      ? QStringLiteral("%1 (%2)").arg(section.title).arg(rows)
                                      : section.title);
        // The tooltip says what the short title stands for, with the count, also when the title is elided.
        m_tabs->setTabToolTip(index, countable && m_worker
                                         ? QStringLiteral("%1 (%2)").arg(section.toolTip).arg(rows)
                                         : section.toolTip);
    }
}

} // namespace hwi::views
