#include "runtimeinfomodel.h"
#include "timeformat.h"

namespace hwi::models {

RuntimeInfoModel::RuntimeInfoModel(QObject* parent)
    : QAbstractTableModel(parent) {}

RuntimeInfoModel::~RuntimeInfoModel() = default;

void RuntimeInfoModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_entries.clear();
    if (worker) {
        const json::Document& doc = worker->document();
        const json::NodeId info = worker->field("runtimeInfo");
        const hatchet::RuntimeInfo runtime = worker->runtimeInfo();
        const auto entry = [&](const QString& value, std::string_view key) {
            return Entry{value, info == json::NoNode ? json::NoNode : doc.member(info, key)};
        };
        m_entries = {entry(runtime.language, "language"), entry(runtime.sdkVersion, "sdkVersion"),
                     entry(runtime.languageVersion, "languageVersion"), entry(runtime.os, "os"),
                     entry(runtime.runtimeExtra, "runtimeExtra")};
    }
    endResetModel();
}

int RuntimeInfoModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RuntimeInfoModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant RuntimeInfoModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    static const char* const Fields[NUM_ROWS] = {"Language", "SDK version", "Language version", "OS",
                                                 "Extra"};
    const Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    if (role == NodeRole)
        return nodeData(entry.node);
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    if (index.column() == FieldColumn)
        return QString::fromLatin1(Fields[index.row()]);
    return role == Qt::DisplayRole && entry.value.isEmpty() ? dash() : entry.value;
}

QVariant RuntimeInfoModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == FieldColumn)
        return QStringLiteral("Field");
    return section == ValueColumn ? QStringLiteral("Value") : QVariant();
}

Qt::ItemFlags RuntimeInfoModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
