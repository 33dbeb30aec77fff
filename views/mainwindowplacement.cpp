// MainWindow's "Can it run?" (issue 16): the panel in a dock beside the worker table; while it has a task,
// the placement of that task over every worker feeds the Verdict and Rank columns, the summary above the
// table, the detail's Placement tab and the filter's verdict: terms.
#include "mainwindow.h"

#include "filter/query.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "fleetview.h"
#include "itemmodels/placementchoices.h"
#include "itemmodels/workertablemodel.h"
#include "palette.h"
#include "placecommandline.h"
#include "placementpanel.h"
#include "problemspanel.h"
#include "statuspilldelegate.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <numeric>

namespace hwi::views {

using models::WorkerTableModel;

void MainWindow::setUpPlacement() {
    m_placementPanel = new PlacementPanel(this);
    m_placementDock = new QDockWidget(tr("Can It Run?"), this);
    m_placementDock->setObjectName(QStringLiteral("placementDock"));
    m_placementDock->setWidget(m_placementPanel);
    m_placementDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_placementDock);
    m_placementDock->hide();

    m_canItRunAction = m_placementDock->toggleViewAction();
    m_canItRunAction->setText(tr("&Can It Run?"));
    m_canItRunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_canItRunAction->setToolTip(
        tr("Where Hatchet would place a task, and why not on each other worker (verdicts in the table)"));
    // In the View menu, above the Problems panel's toggle.
    for (QObject* object : m_problems->toggleViewAction()->associatedObjects()) {
        if (auto* viewMenu = qobject_cast<QMenu*>(object))
            viewMenu->insertAction(m_problems->toggleViewAction(), m_canItRunAction);
    }

    m_placementSummary = new QLabel(this);
    m_placementSummary->setTextFormat(Qt::PlainText);
    m_placementSummary->setWordWrap(true);
    m_placementSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placementSummary->setAccessibleName(tr("Placement summary"));
    m_placementSummary->setContentsMargins(6, 2, 6, 2);
    QFont bold = m_placementSummary->font();
    bold.setBold(true);
    m_placementSummary->setFont(bold);
    m_placementSummary->hide();
    auto* tableLayout = qobject_cast<QVBoxLayout*>(m_table->parentWidget()->layout());
    tableLayout->insertWidget(tableLayout->indexOf(m_table), m_placementSummary);

    m_table->setItemDelegateForColumn(WorkerTableModel::VerdictColumn, new StatusPillDelegate(m_table));
    m_table->setColumnWidth(WorkerTableModel::VerdictColumn, 85);
    m_table->setColumnWidth(WorkerTableModel::RankColumn, 55);
    // The answer next to who.
    QHeaderView* header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(WorkerTableModel::VerdictColumn),
                        header->visualIndex(WorkerTableModel::NameColumn) + 1);
    header->moveSection(header->visualIndex(WorkerTableModel::RankColumn),
                        header->visualIndex(WorkerTableModel::VerdictColumn) + 1);
    m_table->setColumnHidden(WorkerTableModel::VerdictColumn, true);
    m_table->setColumnHidden(WorkerTableModel::RankColumn, true);

    connect(m_placementPanel, &PlacementPanel::taskChanged, this, &MainWindow::updatePlacement);
    // Opened or closed from the menu, the dock's title bar or a layout: answer or clear. (The action's
    // triggered comes after the dock's own handler has shown or hidden it.)
    const auto openedOrClosed = [this] {
        if (!m_placementDock->isHidden() && snapshot())
            m_placementPanel->setChoices(models::placementChoices(*snapshot()));
        updatePlacement();
    };
    connect(m_canItRunAction, &QAction::triggered, this, openedOrClosed);
    connect(m_placementDock, &QDockWidget::visibilityChanged, this, openedOrClosed);
    // The dock was laid out hidden, at its minimum width: the first time it shows, give it the panel's
    // width, as much of it as the window can spare (after the layout has placed it).
    connect(m_placementDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible || m_placementDockSized)
            return;
        m_placementDockSized = true;
        QTimer::singleShot(0, this, [this] {
            if (!m_placementDock->isFloating() &&
                m_placementDock->width() < m_placementPanel->sizeHint().width())
                resizeDocks({m_placementDock}, {m_placementPanel->sizeHint().width()}, Qt::Horizontal);
        });
    });
    connect(this, &MainWindow::snapshotShown, this, [this] {
        if (!m_placementDock->isHidden())
            m_placementPanel->setChoices(models::placementChoices(*snapshot()));
    });
    connect(m_placementPanel, &PlacementPanel::copyCommandRequested, this, [this] {
        const QString command = placementCommand();
        if (command.isEmpty())
            return;
        QApplication::clipboard()->setText(command);
        statusBar()->showMessage(tr("Copied: %1").arg(command), 8000);
    });
    connect(m_fleet, &FleetView::canItRunRequested, this, [this](const QString& action) {
        m_pages->setCurrentIndex(0); // the verdicts are in the worker table
        openPlacement(action);
    });
}

void MainWindow::openPlacement(const QString& action) {
    if (snapshot())
        m_placementPanel->setChoices(models::placementChoices(*snapshot()));
    if (!action.isEmpty())
        m_placementPanel->setAction(action);
    m_placementDock->show();
    m_placementDock->raise();
    m_placementPanel->actionEdit()->setFocus();
    updatePlacement();
    m_detail->tabs()->setCurrentWidget(m_detail->page(WorkerDetail::Page::Placement));
}

// Everything follows the task, the snapshot and the reference time: called on each of their changes.
void MainWindow::updatePlacement() {
    if (!m_placementPanel)
        return; // still building the window
    const auto shown = snapshot();
    // While a row being typed is a problem (said in the panel), the last complete task stays answered.
    if (const auto task = m_placementPanel->task(); task || m_placementPanel->problems().isEmpty())
        m_placementTask = task;
    const auto task = m_placementDock->isHidden() ? std::nullopt : m_placementTask;
    if (shown && task) {
        std::vector<std::size_t> all(shown->workers.size());
        std::iota(all.begin(), all.end(), std::size_t(0));
        const QDateTime reference = referenceTime();
        m_placedSnapshot = shown;
        m_placedReferenceMsecs =
            reference.isValid() ? std::optional(reference.toMSecsSinceEpoch()) : std::nullopt;
        // The table needs the verdicts and reasons; the selected worker's every check is placed again for
        // the detail (showPlacementOfCurrentWorker).
        m_placement = std::make_shared<const analysis::Placement>(
            analysis::place(*task, *shown, all, m_placedReferenceMsecs, analysis::CheckTexts::Reasons));
    } else {
        m_placement.reset();
        m_placedSnapshot.reset();
    }
    m_model->setPlacement(m_placement);
    std::vector<qint8> verdicts;
    if (m_placement) {
        verdicts.resize(shown->workers.size(), filter::Query::NoVerdict);
        for (const analysis::WorkerPlacement& worker : m_placement->workers)
            verdicts[worker.worker] = qint8(worker.verdict);
    }
    m_proxy->setVerdicts(std::move(verdicts));
    const bool active = m_placement != nullptr;
    m_table->setColumnHidden(WorkerTableModel::VerdictColumn, !active);
    m_table->setColumnHidden(WorkerTableModel::RankColumn, !active);
    m_detail->setPlacementShown(active);
    if (active) {
        const auto level =
            m_placement->outcome == analysis::Placement::Outcome::RunsNow     ? models::HealthLevel::Good
            : m_placement->outcome == analysis::Placement::Outcome::WouldWait ? models::HealthLevel::Warning
                                                                              : models::HealthLevel::Bad;
        QPalette coloured = m_table->palette();
        coloured.setColor(QPalette::WindowText, healthColor(level, coloured));
        m_placementSummary->setPalette(coloured);
        m_placementSummary->setText(
            (QStringList{m_placement->summary} + m_placement->warnings).join(QLatin1Char('\n')));
    }
    m_placementSummary->setVisible(active);
    showPlacementOfCurrentWorker();
    if (m_proxy->query().usesVerdict())
        m_filterBar->setHint(filterHints(m_proxy->query()));
}

void MainWindow::showPlacementOfCurrentWorker() {
    if (!m_placementPanel || !m_placement)
        return;
    const QModelIndex current = m_table->currentIndex();
    const bool selected = current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {});
    const analysis::WorkerPlacement* placement =
        selected ? m_model->placementOf(m_table->currentWorkerIndex()) : nullptr;
    const auto placed = m_placedSnapshot;
    if (!placement || !placed || !m_placementTask) {
        m_detail->setPlacement(std::nullopt, m_placement->warnings);
        return;
    }
    // The fleet's placement holds only the failed checks' words: this worker's are all written here, from
    // what the fleet's were (a new snapshot or the next second's reference time may not be placed yet).
    m_detail->setPlacement(analysis::placeOnWorker(*m_placementTask, placed->worker(placement->worker),
                                                   placement->worker, m_placedReferenceMsecs),
                           m_placement->warnings);
}

QString MainWindow::filterHints(const filter::Query& query) const {
    QStringList hints = query.hints();
    if (query.usesVerdict() && !m_placement)
        hints << tr("verdict: needs the Can it run? panel (View > Can It Run?) with an action");
    return hints.join(QLatin1Char('\n'));
}

QString MainWindow::placementCommand() const {
    const auto task = m_placementPanel->task();
    if (!task || !snapshot())
        return {};
    const QDateTime at = m_measureAgainst == MeasureAgainst::CaptureTime ? QDateTime() : referenceTime();
    return placeCommandLine(*task, snapshot()->source, at);
}

} // namespace hwi::views
