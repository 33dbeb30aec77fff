#include "labelsmodel.h"

namespace hwi::models {

LabelsModel::LabelsModel(QObject* parent)
    : SectionTable(Titles, parent) {
    setTimeCells({CreatedColumn, UpdatedColumn, {Qt::DisplayRole, AgeMsecsRole}});
}

void LabelsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    setRows(worker ? worker->labels() : std::vector<hatchet::Label>());
}

QVariant LabelsModel::cell(int row, int column, int role) const {
    const hatchet::Label& label = at(row);
    switch (column) {
    case KeyColumn:
        return textCell(label.key, role);
    case ValueColumn:
        return label.hasValue ? textCell(label.value, role) : QVariant();
    case IdColumn:
        return textCell(label.metadata.id, role);
    case CreatedColumn:
        return timeCellData(label.metadata.createdAt, role, reference());
    case UpdatedColumn:
        return timeCellData(label.metadata.updatedAt, role, reference());
    }
    return {};
}

} // namespace hwi::models
