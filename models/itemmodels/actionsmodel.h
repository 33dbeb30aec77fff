#pragma once

#include "hatchet/worker.h"
#include "roles.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// The actions a worker listens for ("workflow:step"), with the two parts split into their own columns.
class ActionsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsModel)

public:
    enum Columns { ActionColumn = 0, WorkflowColumn, StepColumn, NUM_COLUMNS };

    explicit ActionsModel(QObject* parent = nullptr);
    ~ActionsModel() override;

    // `"actions": null` (a PATCH response) gives no rows.
    void setWorker(const std::optional<hatchet::WorkerView>& worker);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row {
        json::NodeId node;
        QString action;
        qsizetype colon; // -1 without one: then the whole action is the step
    };
    std::vector<Row> m_rows;
};

} // namespace hwi::models
