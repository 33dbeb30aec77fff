#pragma once

#include "analysis/diff.h"
#include "analysis/placement.h"
#include "hatchet/snapshot.h"
#include "timeformat.h"

#include <QAbstractTableModel>
#include <QSet>

#include <cstdint>
#include <memory>
#include <vector>

namespace hwi::models {

// One row per worker of a snapshot. Every cell's value is extracted once when a snapshot arrives; data()
// only formats. The relative time columns follow setReferenceTime() without a reset.
//
// setSnapshot() replaces everything (another document). updateSnapshot() is a refresh of the same source:
// rows are matched by worker id, so views keep selection, current row and scroll position. Matched rows are
// updated in place (dataChanged; ChangedRole marks the cells that differ), new workers are inserted after
// their predecessor in the new document, and workers that are gone stay as greyed "gone" rows (no worker
// index) until the next refresh removes them.
class WorkerTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerTableModel)

    struct Row;

public:
    enum Columns {
        NameColumn = 0,
        StatusColumn,
        TypeColumn,
        LastHeartbeatColumn,
        SlotsColumn,
        LabelsColumn,
        ActionsColumn,
        WorkflowsColumn,
        SdkColumn,
        DispatcherColumn,
        CreatedColumn,
        HealthColumn,  // the first health state (hatchet::assessHealth) at the reference time; all in the
                       // tooltip
        ChangeColumn,  // in a comparison: appeared, gone, replaced or changed (with the number of fields)
        UsageColumn,   // used slot units over the session's history (a sparkline)
        VerdictColumn, // "Can it run?": fits, full, too-small or excluded (the reasons in the tooltip)
        RankColumn,    // "Can it run?": the worker's rank for the task ("-" when excluded)
        NUM_COLUMNS
    };
    enum Roles {
        WorkerIndexRole = FirstModelRole, // int: index into Snapshot::workers, on every cell
        SlotCapacitiesRole, // Slots column: QVariantList of QVariantMap{type, used (invalid if unknown),
                            // limit}
        RowStateRole,       // int RowState, on every cell
        ChangedRole,        // bool: the cell's value differs from before the last updateSnapshot()
        HealthStatesRole,   // Health column: hatchet::HealthStates (int bit set) at the reference time
        ChangeKindRole,     // int analysis::ChangeKind in a comparison, -1 otherwise (every cell)
        UsageSeriesRole,    // Usage column: QVariantList of used units, oldest first (invalid where unknown)
    };
    enum class RowState { Unchanged, Changed, Appeared, Gone };

    explicit WorkerTableModel(QObject* parent = nullptr);
    ~WorkerTableModel() override;

    // The rows of a snapshot, extracted ahead of setPrepared(): a value (cheap to copy) that any thread may
    // build, so a large document's extraction runs off the GUI thread (MainWindow uses QtConcurrent).
    class PreparedRows {
    public:
        std::shared_ptr<const hatchet::Snapshot> snapshot() const { return m_snapshot; }
        std::size_t size() const;

    private:
        friend class WorkerTableModel;
        std::shared_ptr<const hatchet::Snapshot> m_snapshot;
        std::shared_ptr<std::vector<Row>> m_rows; // taken (emptied) by setPrepared()
    };
    // Pure: reads only the snapshot. Safe on any thread.
    static PreparedRows prepareRows(std::shared_ptr<const hatchet::Snapshot> snapshot);
    // Installs prepared rows with one cheap reset, as setSnapshot() would; the rows are moved out of
    // `prepared` (and of its copies).
    void setPrepared(PreparedRows prepared);
    // prepareRows() and setPrepared() in one, on the calling thread.
    void setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot);
    // A newer snapshot of the same source, applied without a model reset (see above). Falls back to
    // setSnapshot() when there is nothing to keep.
    void updateSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot);
    // Workers that appeared and disappeared in the last updateSnapshot() (zero after setSnapshot()).
    int appearedCount() const { return m_appeared; }
    int goneCount() const { return m_gone; }
    // Workers in both snapshots of the last updateSnapshot() with at least one changed cell (ChangedRole).
    int changedCount() const { return m_changed; }
    // The snapshot's workers: the rows that are not gone.
    int workerCount() const { return rowCount() - m_gone - m_comparisonGone; }
    // Whether a row of this model (or of a proxy over it) is a gone row.
    static bool isGoneRow(const QModelIndex& index) { return index.data(WorkerIndexRole).toInt() < 0; }
    std::shared_ptr<const hatchet::Snapshot> snapshot() const { return m_snapshot; }
    // Emits dataChanged for the time columns and Health only.
    void setReferenceTime(const QDateTime& time);

    // A comparison of an older snapshot with this one (diff's new side is snapshot()): the Change column
    // says what happened to each worker, and the workers that are gone come back as gone rows at the end
    // (read from `older`). Null ends it.
    void setComparison(std::shared_ptr<const analysis::SnapshotDiff> diff,
                       std::shared_ptr<const hatchet::Snapshot> older);
    std::shared_ptr<const analysis::SnapshotDiff> comparison() const { return m_diff; }
    // The change of a row in the comparison (null for none).
    const analysis::WorkerChange* changeOf(int row) const;
    // A row's WorkerIndexRole without a QVariant (-1 for a gone row): what a proxy reads for every row.
    int workerIndexOf(int row) const;
    // Used units per worker id over a history, oldest first (-1 where unknown): the Usage column.
    void setUsageSeries(QHash<QString, QList<qint64>> series);
    // The "Can it run?" placement over this snapshot's workers: the Verdict and Rank columns. Null empties
    // them.
    void setPlacement(std::shared_ptr<const analysis::Placement> placement);
    std::shared_ptr<const analysis::Placement> placement() const { return m_placement; }
    // The placement of a snapshot worker (null without a placement or for a worker it does not cover).
    const analysis::WorkerPlacement* placementOf(int workerIndex) const;

    hatchet::WorkerView worker(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

Q_SIGNALS:
    // After updateSnapshot() has applied its row changes: snapshot() is the new one.
    void snapshotUpdated();

private:
    static Row extractRow(const hatchet::WorkerView& worker, QSet<QString>& pool);
    static std::vector<Row> extractRows(const hatchet::Snapshot& snapshot);
    QVariant cellData(const Row& row, int column, int role) const;
    QVariant healthData(const Row& row, int role) const;
    std::uint32_t changedColumns(const Row& before, const Row& after) const;
    void removeGoneRows();
    void removeComparisonRows();
    void applyComparison();
    QVariant changeData(const Row& row, int role) const;
    QVariant verdictData(const Row& row, int role) const;
    QVariant rankData(const Row& row, int role) const;

    std::shared_ptr<const hatchet::Snapshot> m_snapshot;
    std::vector<Row> m_rows;
    ReferenceTime m_reference;
    QDateTime m_updatedAt; // of the last updateSnapshot()
    int m_appeared = 0;
    int m_gone = 0;
    int m_changed = 0;
    int m_comparisonGone = 0; // gone rows of the comparison
    std::shared_ptr<const analysis::SnapshotDiff> m_diff;
    std::shared_ptr<const hatchet::Snapshot> m_older;
    QHash<QString, QList<qint64>> m_usage;
    std::shared_ptr<const analysis::Placement> m_placement;
    std::vector<int> m_placementOfWorker; // worker index -> index into m_placement->workers, -1 if none
};

} // namespace hwi::models
