#include "fleetview.h"

#include "capacitychart.h"
#include "heartbeathistogram.h"
#include "labelschart.h"
#include "palette.h"
#include "sdkchart.h"
#include "sectionview.h"
#include "statuschart.h"

#include "itemmodels/pivotmodel.h"
#include "itemmodels/timeformat.h"
#include "load/backgroundpool.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace hwi::views {

using analysis::PivotKey;

namespace {

const QString PivotSetting = QStringLiteral("fleet/pivot");
const QString OnlyProblemsSetting = QStringLiteral("fleet/onlyProblems");

constexpr int FleetDebounceMsecs = 40;

QString keyTitle(PivotKey key) {
    switch (key) {
    case PivotKey::Action:
        return FleetView::tr("Actions");
    case PivotKey::Workflow:
        return FleetView::tr("Workflows");
    case PivotKey::Label:
        return FleetView::tr("Labels");
    case PivotKey::SlotType:
        return FleetView::tr("Slot types");
    default:
        return analysis::pivotKeyId(key);
    }
}

} // namespace

const std::vector<PivotKey>& FleetView::tableKeys() {
    static const std::vector<PivotKey> keys = {PivotKey::Action, PivotKey::Workflow, PivotKey::Label,
                                               PivotKey::SlotType};
    return keys;
}

FleetView::FleetView(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_showAll(new QPushButton(tr("Show &All Workers"), this))
    , m_tabs(new QTabBar(this))
    , m_model(new models::PivotModel(this))
    , m_problemFilter(new models::PivotProblemFilter(this))
    , m_section(nullptr)
    , m_onlyProblems(new QCheckBox(tr("Only rows that &cannot run"), this))
    , m_canItRun(new QPushButton(tr("Can It &Run?…"), this)) {
    m_problemFilter->setSourceModel(m_model);
    m_section = new SectionView(m_problemFilter, tr("No actions"), this);
    m_section->addToFilterRow(m_onlyProblems);
    m_onlyProblems->setToolTip(tr("Rows with no schedulable worker, or no free slot units on any"));
    connect(m_onlyProblems, &QCheckBox::toggled, m_problemFilter,
            &models::PivotProblemFilter::setOnlyProblems);
    connect(pivotTable(), &QAbstractItemView::activated, this, &FleetView::activate);
    m_section->addToFilterRow(m_canItRun);
    m_canItRun->setToolTip(tr("Where Hatchet would place a task of the selected action, and why not "
                              "elsewhere (the Can it run? panel)"));
    connect(m_canItRun, &QPushButton::clicked, this, [this] {
        if (const QString action = currentAction(); !action.isEmpty())
            Q_EMIT canItRunRequested(action);
    });
    connect(pivotTable()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FleetView::updateCanItRun);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FleetView::updateCanItRun);
    pivotTable()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(pivotTable(), &QWidget::customContextMenuRequested, this, &FleetView::showRowMenu);

    for (const PivotKey key : tableKeys())
        m_tabs->setTabData(m_tabs->addTab(keyTitle(key)), int(key));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setAccessibleName(tr("Pivot"));
    connect(m_tabs, &QTabBar::currentChanged, this, &FleetView::showPivot);

    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showAll->setToolTip(tr("Clear the worker filter: count the whole fleet"));
    connect(m_showAll, &QPushButton::clicked, this, &FleetView::clearFilterRequested);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(6, 4, 6, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_showAll);

    auto* pictures = new QWidget(this);
    auto* row = new QHBoxLayout(pictures);
    row->setContentsMargins(6, 4, 6, 4);
    row->setSpacing(6);
    m_charts = {new StatusChart(pictures), new CapacityChart(pictures), new HeartbeatHistogram(pictures),
                new SdkChart(pictures), new LabelsChart(pictures)};
    for (ChartPanel* chart : m_charts) {
        chart->setFigures(&m_figures);
        row->addWidget(chart, chart->inherits("hwi::views::HeartbeatHistogram") ? 5 : 3);
    }

    auto* tables = new QWidget(this);
    auto* tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(6, 0, 6, 0);
    tablesLayout->setSpacing(0);
    tablesLayout->addWidget(m_tabs);
    tablesLayout->addWidget(m_section, 1);

    // Five pictures side by side need about 890 px: narrower (a 1024-px window with a dock open) they
    // scroll rather than widen the whole window past the screen.
    auto* picturesScroll = new QScrollArea(this);
    picturesScroll->setWidget(pictures);
    picturesScroll->setWidgetResizable(true);
    picturesScroll->setFrameShape(QFrame::NoFrame);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(picturesScroll);
    split->addWidget(tables);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(FleetDebounceMsecs);
    connect(&m_debounce, &QTimer::timeout, this, &FleetView::rebuild);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        apply(m_watcher.result());
        if (m_dirty)
            invalidate();
    });
    // The pivot a user last looked at, and the toggle, as they left them.
    const QSettings settings;
    if (const auto key = analysis::pivotKeyFromId(settings.value(PivotSetting).toString()))
        setPivotKey(*key);
    m_onlyProblems->setChecked(settings.value(OnlyProblemsSetting, false).toBool());
    connect(m_tabs, &QTabBar::currentChanged, this,
            [this] { QSettings().setValue(PivotSetting, analysis::pivotKeyId(pivotKey())); });
    connect(m_onlyProblems, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(OnlyProblemsSetting, on); });
    showPivot();
    updateSummary();
}

FleetView::~FleetView() {
    m_watcher.waitForFinished();
}

QTableView* FleetView::pivotTable() const {
    return m_section->table();
}

void FleetView::setInputSource(std::function<Input()> source) {
    m_source = std::move(source);
    invalidate();
}

void FleetView::invalidate() {
    m_dirty = true;
    if (isVisible())
        m_debounce.start();
}

bool FleetView::isBuilding() const {
    return m_watcher.isRunning() || m_debounce.isActive();
}

void FleetView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_dirty)
        m_debounce.start();
}

void FleetView::rebuild() {
    if (!m_source || !m_dirty)
        return;
    if (m_watcher.isRunning())
        return; // counted again when it finishes (m_dirty)
    m_dirty = false;
    Input input = m_source();
    auto job = [snapshot = input.snapshot, workers = std::move(input.workers),
                reference = models::referenceFrom(input.reference)] {
        return models::fleetFigures(snapshot, workers, reference);
    };
    m_input = std::move(input);
    if (!m_input.snapshot || m_input.snapshot->workers.size() < BackgroundThreshold) {
        apply(job());
        return;
    }
    m_summary->setText(tr("Counting %1…").arg(workersText(int(m_input.workers.size()))));
    m_watcher.setFuture(load::startInBackground(std::move(job)));
}

void FleetView::apply(models::FleetFigures figures) {
    m_figures = std::move(figures);
    showPivot();
    updateTabs();
    updateSummary();
    for (ChartPanel* chart : m_charts)
        chart->update();
    Q_EMIT built();
}

PivotKey FleetView::pivotKey() const {
    return PivotKey(m_tabs->tabData(std::max(0, m_tabs->currentIndex())).toInt());
}

void FleetView::setPivotKey(PivotKey key) {
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabData(i).toInt() == int(key))
            m_tabs->setCurrentIndex(i);
    }
}

void FleetView::setOnlyProblems(bool only) {
    m_onlyProblems->setChecked(only);
}

void FleetView::showPivot() {
    const PivotKey key = pivotKey();
    m_model->setPivot(key, m_figures.pivot(key));
    const QString noun = keyTitle(key).toLower();
    m_section->setEmptyText(tr("No %1").arg(noun));
    m_section->setNoMatchText(m_onlyProblems->isChecked()
                                  ? tr("No %1 that cannot run match '%2'").arg(noun, QStringLiteral("%1"))
                                  : tr("No %1 match '%2'").arg(noun, QStringLiteral("%1")));
    pivotTable()->setAccessibleName(keyTitle(key));
    updateCanItRun();
}

QString FleetView::currentAction() const {
    const QModelIndex current = pivotTable()->currentIndex();
    if (pivotKey() != PivotKey::Action || !current.isValid())
        return {};
    return current.siblingAtColumn(models::PivotModel::KeyColumn).data(Qt::DisplayRole).toString();
}

void FleetView::updateCanItRun() {
    m_canItRun->setVisible(pivotKey() == PivotKey::Action);
    m_canItRun->setEnabled(!currentAction().isEmpty());
}

void FleetView::showRowMenu(const QPoint& position) {
    const QModelIndex index = pivotTable()->indexAt(position);
    if (!index.isValid() || pivotKey() != PivotKey::Action)
        return;
    pivotTable()->setCurrentIndex(index);
    const QString action = currentAction();
    QMenu menu(this);
    menu.addAction(tr("Can It Run?…"), this, [this, action] { Q_EMIT canItRunRequested(action); });
    menu.addAction(tr("Show Its Workers"), this, [this, index] { activate(index); });
    menu.exec(pivotTable()->viewport()->mapToGlobal(position));
}

void FleetView::updateTabs() {
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto key = PivotKey(m_tabs->tabData(i).toInt());
        const auto& rows = m_figures.pivot(key);
        int problems = 0;
        for (const analysis::PivotRow& row : rows)
            problems += analysis::pivotRowProblem(key, row).isEmpty() ? 0 : 1;
        m_tabs->setTabText(
            i, problems > 0 ? tr("%1 (%2, %3 cannot run)").arg(keyTitle(key)).arg(rows.size()).arg(problems)
                            : tr("%1 (%2)").arg(keyTitle(key)).arg(rows.size()));
        m_tabs->setTabTextColor(i,
                                problems > 0 ? healthColor(models::HealthLevel::Bad, palette()) : QColor());
        m_tabs->setTabToolTip(i, problems > 0 ? tr("Rows whose tasks cannot run now: %1").arg(problems)
                                              : QString());
    }
}

void FleetView::updateSummary() {
    if (!m_figures.snapshot) {
        m_summary->setText(tr("No document"));
        m_showAll->hide();
        return;
    }
    int schedulable = 0;
    for (const analysis::PivotRow& row : m_figures.pivot(PivotKey::Status))
        schedulable += row.schedulable;
    const QString reference =
        m_figures.referenceMsecs ? models::instantText(*m_figures.referenceMsecs) : tr("an unknown time");
    QString text = m_figures.workers == m_input.total
                       ? workersText(int(m_figures.workers))
                       : tr("%1 of %2 (filter: %3)")
                             .arg(m_figures.workers)
                             .arg(workersText(int(m_input.total)), m_input.filter);
    text += tr(" · %1 schedulable").arg(schedulable) + tr(" · at %1").arg(reference);
    m_summary->setText(text);
    m_showAll->setVisible(m_figures.workers != m_input.total || !m_input.filter.trimmed().isEmpty());
}

void FleetView::activate(const QModelIndex& index) {
    const QString query = index.data(models::PivotModel::QueryRole).toString();
    if (query.isEmpty())
        return;
    const QString current = m_input.filter.trimmed();
    Q_EMIT rowActivated(current.isEmpty() || current.contains(query) ? query
                                                                     : current + QLatin1Char(' ') + query);
}

} // namespace hwi::views
