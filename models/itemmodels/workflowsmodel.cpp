#include "workflowsmodel.h"

namespace hwi::models {

WorkflowsModel::WorkflowsModel(QObject* parent)
    : SectionTable(Titles, parent) {}

void WorkflowsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    setRows(worker ? worker->registeredWorkflows() : std::vector<hatchet::RegisteredWorkflow>());
}

QVariant WorkflowsModel::cell(int row, int column, int role) const {
    return textCell(column == IdColumn ? at(row).id : at(row).name, role);
}

} // namespace hwi::models
