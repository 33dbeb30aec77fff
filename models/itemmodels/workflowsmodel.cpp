#include "workflowsmodel.h"
#include "timeformat.h"

namespace hwi::models {

WorkflowsModel::WorkflowsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

WorkflowsModel::~WorkflowsModel() = default;

void WorkflowsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_rows = worker ? worker->registeredWorkflows() : std::vector<hatchet::RegisteredWorkflow>();
    endResetModel();
}

int WorkflowsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorkflowsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant WorkflowsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const hatchet::RegisteredWorkflow& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == NodeRole)
        return nodeData(row.node);
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    return index.column() == IdColumn ? row.id : row.name;
}

QVariant WorkflowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return QStringLiteral("ID");
    case NameColumn:
        return QStringLiteral("Name");
    }
    return {};
}

Qt::ItemFlags WorkflowsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
