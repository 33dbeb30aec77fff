#include "labelsmodel.h"

namespace hwi::models {

LabelsModel::LabelsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

LabelsModel::~LabelsModel() = default;

void LabelsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_rows = worker ? worker->labels() : std::vector<hatchet::Label>();
    endResetModel();
}

void LabelsModel::setReferenceTime(const QDateTime& time) {
    m_reference = referenceFrom(time);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, UpdatedColumn),
                           {Qt::DisplayRole, AgeMsecsRole});
}

int LabelsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LabelsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant LabelsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const hatchet::Label& label = m_rows[static_cast<std::size_t>(index.row())];
    if (role == NodeRole)
        return nodeData(label.node);
    const bool text = role == Qt::DisplayRole || role == RawValueRole;
    switch (index.column()) {
    case KeyColumn:
        return text ? label.key : QVariant();
    case ValueColumn:
        return text && label.hasValue ? label.value : QVariant();
    case IdColumn:
        return text ? label.metadata.id : QVariant();
    case CreatedColumn:
        return timeCellData(label.metadata.createdAt, role, m_reference);
    case UpdatedColumn:
        return timeCellData(label.metadata.updatedAt, role, m_reference);
    }
    return {};
}

QVariant LabelsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {"Key", "Value", "ID", "Created", "Updated"};
    return QString::fromLatin1(Titles[section]);
}

Qt::ItemFlags LabelsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
