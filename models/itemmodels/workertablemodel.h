#pragma once

#include "hatchet/snapshot.h"
#include "timeformat.h"

#include <QAbstractTableModel>
#include <QSet>

#include <memory>
#include <vector>

namespace hwi::models {

// One row per worker of a snapshot. Every cell's value is extracted once in setSnapshot(); data() only
// formats. The relative time columns follow setReferenceTime() without a reset.
class WorkerTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerTableModel)

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
        NUM_COLUMNS
    };
    enum Roles {
        WorkerIndexRole = FirstModelRole, // int: index into Snapshot::workers, on every cell
        SlotCapacitiesRole, // Slots column: QVariantList of QVariantMap{type, used (invalid if unknown),
                            // limit}
    };

    explicit WorkerTableModel(QObject* parent = nullptr);
    ~WorkerTableModel() override;

    void setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot);
    std::shared_ptr<const hatchet::Snapshot> snapshot() const { return m_snapshot; }
    // Emits dataChanged for the time columns only.
    void setReferenceTime(const QDateTime& time);

    hatchet::WorkerView worker(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row;
    static Row extractRow(const hatchet::WorkerView& worker, QSet<QString>& pool);
    QVariant cellData(const Row& row, int column, int role) const;

    std::shared_ptr<const hatchet::Snapshot> m_snapshot;
    std::vector<Row> m_rows;
    ReferenceTime m_reference;
};

} // namespace hwi::models
