#pragma once

#include "timeformat.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// The recent step runs of one worker (only `hatchet worker get` responses carry them).
class StepRunsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepRunsModel)

public:
    enum Columns {
        IdColumn = 0,
        ActionColumn,
        StatusColumn,
        StartedColumn,
        FinishedColumn,
        CancelledColumn,
        DurationColumn, // finished (or cancelled) - started; "running for …" up to the reference time
        WorkflowRunIdColumn,
        NUM_COLUMNS
    };

    explicit StepRunsModel(QObject* parent = nullptr);
    ~StepRunsModel() override;

    void setWorker(const std::optional<hatchet::WorkerView>& worker);
    // Emits dataChanged for Started..Duration only.
    void setReferenceTime(const QDateTime& time);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QVariant durationData(const hatchet::RecentStepRun& run, int role) const;

    std::vector<hatchet::RecentStepRun> m_rows;
    ReferenceTime m_reference;
};

} // namespace hwi::models
