#pragma once

#include "analysis/fleet.h"
#include "itemmodels/fleetfigures.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTabBar;
class QTableView;

namespace hwi::models {
class PivotModel;
class PivotProblemFilter;
} // namespace hwi::models

namespace hwi::views {

class ChartPanel;
class SectionView;

// The Fleet page: pictures of the workers the window's filter shows (status and health, slot capacity,
// heartbeat ages, SDK versions, labels) above the pivot tables for actions, workflows, labels and slot
// types. Rows whose tasks cannot run now are red with the reason; a toggle shows only them. Activating a row
// asks for the filter query of its workers (rowActivated). Everything is counted at the window's reference
// time from one FleetFigures, rebuilt when invalidate() says the inputs changed — only while the page is
// shown, and off the GUI thread for a large snapshot.
class FleetView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetView)

public:
    // What the page counts: the snapshot, the indexes of the workers the filter shows, the reference time,
    // the filter's text and the snapshot's worker count.
    struct Input {
        std::shared_ptr<const hatchet::Snapshot> snapshot;
        std::vector<std::size_t> workers;
        QDateTime reference;
        QString filter;
        std::size_t total = 0;
    };
    // Snapshots with at least this many workers are counted off the GUI thread.
    static constexpr std::size_t BackgroundThreshold = 2000;
    // The pivots that get a table, in tab order.
    static const std::vector<analysis::PivotKey>& tableKeys();

    explicit FleetView(QWidget* parent = nullptr);
    ~FleetView() override;

    void setInputSource(std::function<Input()> source);
    // The inputs changed: count again (debounced) now if the page is shown, else when it is.
    void invalidate();
    bool isBuilding() const;

    analysis::PivotKey pivotKey() const;
    void setPivotKey(analysis::PivotKey key);
    void setOnlyProblems(bool only);

    const models::FleetFigures& figures() const { return m_figures; }
    models::PivotModel* pivotModel() const { return m_model; }
    QTableView* pivotTable() const;
    SectionView* pivotSection() const { return m_section; }
    QTabBar* pivotTabs() const { return m_tabs; }
    QCheckBox* onlyProblemsToggle() const { return m_onlyProblems; }
    QLabel* summaryLabel() const { return m_summary; }
    // "Can it run?…" beside the Actions table: asks for the panel on the current row's action.
    QPushButton* canItRunButton() const { return m_canItRun; }
    // The action of the current pivot row on the Actions tab; empty on the other tabs.
    QString currentAction() const;
    const std::vector<ChartPanel*>& charts() const { return m_charts; }

Q_SIGNALS:
    // A pivot row was activated: filter the workers with this query (the row's, ANDed with the current
    // filter, which the pivots already follow).
    void rowActivated(const QString& query);
    void clearFilterRequested();
    // Open the "Can it run?" panel on this action (a row of the Actions table).
    void canItRunRequested(const QString& action);
    // New figures are on screen.
    void built();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void rebuild();
    void apply(models::FleetFigures figures);
    void showPivot();
    void updateTabs();
    void updateSummary();
    void activate(const QModelIndex& index);
    void updateCanItRun();
    void showRowMenu(const QPoint& position);

    std::function<Input()> m_source;
    Input m_input; // of the figures being built or shown (without the worker list)
    models::FleetFigures m_figures;
    QFutureWatcher<models::FleetFigures> m_watcher;
    QTimer m_debounce;
    bool m_dirty = false;

    QLabel* m_summary;
    QPushButton* m_showAll;
    std::vector<ChartPanel*> m_charts;
    QTabBar* m_tabs;
    models::PivotModel* m_model;
    models::PivotProblemFilter* m_problemFilter;
    SectionView* m_section;
    QCheckBox* m_onlyProblems;
    QPushButton* m_canItRun;
};

} // namespace hwi::views
