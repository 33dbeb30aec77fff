#include "workerdetail.h"

#include "hatchet/health.h"
#include "itemmodels/actionsmodel.h"
#include "itemmodels/labelsmodel.h"
#include "itemmodels/metadatamodel.h"
#include "itemmodels/runtimeinfomodel.h"
#include "itemmodels/slotconfigmodel.h"
#include "itemmodels/slotsmodel.h"
#include "itemmodels/steprunsmodel.h"
#include "itemmodels/workflowsmodel.h"
#include "rawjsonview.h"
#include "sectionview.h"
#include "slotbars.h"
#include "slottimeline.h"
#include "statuspill.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace hwi::views {

struct WorkerDetail::Section {
    QString title;
    QAbstractItemModel* model;
    int tab;
    std::function<void(const std::optional<hatchet::WorkerView>&)> setWorker;
    std::function<void(const QDateTime&)> setReference;
};

WorkerDetail::~WorkerDetail() = default;

WorkerDetail::WorkerDetail(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
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
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Names and reasons come from the data: never markup.
    for (QLabel* label : {m_name, m_reasons, m_slotSummary})
        label->setTextFormat(Qt::PlainText);
    m_reasons->setWordWrap(true);
    m_tabs->setAccessibleName(tr("Worker sections"));
    m_tabs->setDocumentMode(true);

    auto* title = new QHBoxLayout;
    title->addWidget(m_name, 1);
    title->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(title);
    layout->addWidget(m_reasons);
    layout->addWidget(m_slotBars);
    layout->addWidget(m_tabs, 1);

    auto* meta = new models::MetadataModel(this);
    addSection(
        tr("Overview"), meta, tr("No worker selected"), [meta](const auto& w) { meta->setWorker(w); },
        [meta](const QDateTime& t) { meta->setReferenceTime(t); })
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
    slotsLayout->addWidget(new SectionView(m_slots, tr("No busy slots"), slotsTable));
    slotsPage->addWidget(m_timelineScroll);
    slotsPage->addWidget(slotsTable);
    m_sections.push_back({tr("Slots"), m_slots, m_tabs->addTab(slotsPage, tr("Slots")),
                          [this](const auto& w) { m_slots->setWorker(w); },
                          [this](const QDateTime& t) { m_slots->setReferenceTime(t); }});

    auto* config = new models::SlotConfigModel(this);
    addSection(tr("Slot config"), config, tr("No slot configuration"),
               [config](const auto& w) { config->setWorker(w); });
    auto* labels = new models::LabelsModel(this);
    addSection(
        tr("Labels"), labels, tr("No labels"), [labels](const auto& w) { labels->setWorker(w); },
        [labels](const QDateTime& t) { labels->setReferenceTime(t); });
    auto* workflows = new models::WorkflowsModel(this);
    addSection(tr("Workflows"), workflows,
               tr("No registered workflows (lists omit them; a single GET has them)"),
               [workflows](const auto& w) { workflows->setWorker(w); });
    auto* actions = new models::ActionsModel(this);
    addSection(tr("Actions"), actions, tr("No actions"), [actions](const auto& w) { actions->setWorker(w); });
    auto* runs = new models::StepRunsModel(this);
    addSection(
        tr("Recent runs"), runs, tr("No recent step runs"), [runs](const auto& w) { runs->setWorker(w); },
        [runs](const QDateTime& t) { runs->setReferenceTime(t); });
    auto* runtime = new models::RuntimeInfoModel(this);
    addSection(tr("Runtime"), runtime, tr("No runtime info"),
               [runtime](const auto& w) { runtime->setWorker(w); });
    m_tabs->addTab(m_raw, tr("Raw JSON"));
    setWorker(std::nullopt);
}

SectionView*
WorkerDetail::addSection(const QString& title, QAbstractItemModel* model, const QString& emptyText,
                         std::function<void(const std::optional<hatchet::WorkerView>&)> setWorker,
                         std::function<void(const QDateTime&)> setReference) {
    auto* view = new SectionView(model, emptyText, m_tabs);
    const int tab = m_tabs->addTab(view, title);
    m_sections.push_back({title, model, tab, std::move(setWorker), std::move(setReference)});
    return view;
}

SectionView* WorkerDetail::currentSection() const {
    QWidget* page = m_tabs->currentWidget();
    if (!page || page == m_raw)
        return nullptr;
    if (auto* section = qobject_cast<SectionView*>(page))
        return section;
    return page->findChild<SectionView*>(); // the Slots page: timeline above the table
}

void WorkerDetail::setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    setWorker(std::nullopt);
}

void WorkerDetail::setWorker(std::optional<std::size_t> index) {
    m_worker.reset();
    if (m_snapshot && index && *index < m_snapshot->workers.size())
        m_worker = m_snapshot->worker(*index);
    for (const Section& section : m_sections)
        section.setWorker(m_worker);
    if (m_worker)
        m_raw->setDocument(m_snapshot->document, m_worker->node());
    else
        m_raw->setDocument(nullptr);
    updateHeader();
    updateTitles();
}

void WorkerDetail::setFetchedWorker(const std::shared_ptr<const hatchet::Snapshot>& fetched) {
    if (!m_worker || !fetched || fetched->workers.size() != 1 || fetched->worker(0).id() != m_worker->id())
        return;
    for (const Section& section : m_sections) {
        if (section.title == tr("Workflows"))
            section.setWorker(fetched->worker(0));
    }
    updateTitles();
}

void WorkerDetail::refresh(std::shared_ptr<const hatchet::Snapshot> snapshot,
                           std::optional<std::size_t> index) {
    const RawJsonView::ViewState raw = m_raw->viewState();
    std::vector<std::pair<QTableView*, int>> scrolls;
    for (const Section& section : m_sections) {
        if (const auto* view = qobject_cast<SectionView*>(m_tabs->widget(section.tab)))
            scrolls.emplace_back(view->table(), view->table()->verticalScrollBar()->value());
    }
    m_snapshot = std::move(snapshot);
    setWorker(index);
    for (const auto& [table, value] : scrolls) {
        table->doItemsLayout(); // the scroll range is updated lazily after the reset
        table->verticalScrollBar()->setValue(value);
    }
    m_raw->restoreViewState(raw);
}

void WorkerDetail::setReferenceTime(const QDateTime& time, const QString& label) {
    m_reference = time;
    for (const Section& section : m_sections) {
        if (section.setReference)
            section.setReference(time);
    }
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
        m_name->setText(m_snapshot && !m_snapshot->workers.empty() ? tr("Select a worker")
                                                                   : tr("No workers in this document"));
        m_reasons->clear();
        m_timeline->setSlots({}, m_reference);
        m_slotSummary->clear();
        return;
    }
    const QString name = m_worker->displayName();
    m_name->setText(name.isEmpty() ? tr("(unnamed worker)") : name);
    m_status->setStatus(m_worker->status(), hatchet::statusHealth(m_worker->status()));
    const QStringList reasons = hatchet::healthReasons(*m_worker, m_reference);
    m_reasons->setText(reasons.isEmpty() ? tr("✔ Healthy at %1").arg(m_reference.toString(Qt::ISODate))
                                         : QStringLiteral("⚠ ") + reasons.join(QStringLiteral(" · ")));
    std::vector<hatchet::Slot> busy;
    for (const hatchet::Slot& slot : m_worker->slots()) {
        if (!slot.isFreePadding())
            busy.push_back(slot);
    }
    // With no busy slot the table's empty text says it once; the timeline would repeat it.
    m_timelineScroll->setVisible(!busy.empty());
    m_timeline->setSlots(std::move(busy), m_reference);
    const int padded = m_slots->freePaddingCount();
    m_slotBars->setCapacities(m_worker->slotCapacities(), padded > 0 ? std::optional(padded) : std::nullopt);
    m_slotSummary->setText(m_slots->summaryText());
}

void WorkerDetail::updateTitles() {
    for (const Section& section : m_sections) {
        const int rows = section.model->rowCount();
        const bool countable = section.title != tr("Overview") && section.title != tr("Runtime");
        m_tabs->setTabText(section.tab, countable && m_worker
                                            ? QStringLiteral("%1 (%2)").arg(section.title).arg(rows)
                                            : section.title);
    }
}

} // namespace hwi::views
