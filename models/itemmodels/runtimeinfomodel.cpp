#include "runtimeinfomodel.h"

namespace hwi::models {

RuntimeInfoModel::RuntimeInfoModel(QObject* parent)
    : SectionTable(Titles, parent) {}

void RuntimeInfoModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    if (!worker)
        return setRows({});
    const hatchet::RuntimeInfo runtime = worker->runtimeInfo();
    const auto entry = [&](const QString& value, std::string_view key) {
        return FieldEntry{.text = value, .node = memberNode(*worker, "runtimeInfo", key)};
    };
    setRows({entry(runtime.language, "language"), entry(runtime.sdkVersion, "sdkVersion"),
             entry(runtime.languageVersion, "languageVersion"), entry(runtime.os, "os"),
             entry(runtime.runtimeExtra, "runtimeExtra")});
}

QVariant RuntimeInfoModel::cell(int row, int column, int role) const {
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    if (column == FieldColumn)
        return tr(Fields[row]);
    const QString& value = at(row).text;
    return role == Qt::DisplayRole && value.isEmpty() ? dash() : value;
}

} // namespace hwi::models
