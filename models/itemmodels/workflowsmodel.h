#pragma once

#include "hatchet/worker.h"
#include "roles.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// The registered workflows of one worker (only `hatchet worker get` responses carry them).
class WorkflowsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowsModel)

public:
    enum Columns { IdColumn = 0, NameColumn, NUM_COLUMNS };

    explicit WorkflowsModel(QObject* parent = nullptr);
    ~WorkflowsModel() override;

    void setWorker(const std::optional<hatchet::WorkerView>& worker);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    std::vector<hatchet::RegisteredWorkflow> m_rows;
};

} // namespace hwi::models
