#include "slotconfigmodel.h"
#include "timeformat.h"

namespace hwi::models {

namespace {

QVariant number(const std::optional<std::int64_t>& value) {
    return value ? QVariant(qint64(*value)) : QVariant();
}

} // namespace

SlotConfigModel::SlotConfigModel(QObject* parent)
    : QAbstractTableModel(parent) {}

SlotConfigModel::~SlotConfigModel() = default;

void SlotConfigModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_rows.clear();
    if (worker) {
        const json::Document& doc = worker->document();
        const json::NodeId config = worker->field("slotConfig");
        const bool current = config != json::NoNode && doc.kind(config) == json::Kind::Object;
        const std::vector<hatchet::SlotCapacity> capacities = worker->slotCapacities();
        for (std::size_t i = 0; i < capacities.size(); ++i) {
            // slotCapacities() lists slotConfig's members in order, or the one legacy "default" entry.
            json::NodeId node =
                current ? doc.child(config, static_cast<std::uint32_t>(i)) : worker->field("maxRuns");
            if (node == json::NoNode)
                node = worker->field("availableRuns");
            m_rows.push_back({capacities[i], node});
        }
    }
    endResetModel();
}

int SlotConfigModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SlotConfigModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant SlotConfigModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const hatchet::SlotCapacity& capacity = row.capacity;
    switch (role) {
    case NodeRole:
        return nodeData(row.node);
    case UsedRole:
        return number(capacity.used());
    case LimitRole:
        return number(capacity.limit);
    case Qt::DisplayRole:
    case RawValueRole:
        break;
    default:
        return {};
    }
    if (index.column() == SlotTypeColumn)
        return capacity.slotType;
    const auto value = index.column() == UsedColumn        ? capacity.used()
                       : index.column() == AvailableColumn ? capacity.available
                                                           : capacity.limit;
    if (role == RawValueRole)
        return number(value);
    return value ? QString::number(*value) : QStringLiteral("?");
}

QVariant SlotConfigModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {"Slot type", "Used", "Available", "Limit"};
    return QString::fromLatin1(Titles[section]);
}

Qt::ItemFlags SlotConfigModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
