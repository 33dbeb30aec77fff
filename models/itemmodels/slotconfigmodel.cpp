#include "slotconfigmodel.h"

namespace hwi::models {

namespace {

QVariant number(const std::optional<std::int64_t>& value) {
    return value ? QVariant(qint64(*value)) : QVariant();
}

} // namespace

SlotConfigModel::SlotConfigModel(QObject* parent)
    : SectionTable(Titles, parent) {}

void SlotConfigModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    std::vector<SlotConfigRow> rows;
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
            rows.push_back({capacities[i], node});
        }
    }
    setRows(std::move(rows));
}

QVariant SlotConfigModel::cell(int row, int column, int role) const {
    const hatchet::SlotCapacity& capacity = at(row).capacity;
    switch (role) {
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
    if (column == SlotTypeColumn)
        return capacity.slotType;
    const auto value = column == UsedColumn        ? capacity.used()
                       : column == AvailableColumn ? capacity.available
                                                   : capacity.limit;
    if (role == RawValueRole)
        return number(value);
    return value ? QString::number(*value) : QStringLiteral("?");
}

} // namespace hwi::models
