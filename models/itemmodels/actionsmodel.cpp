#include "actionsmodel.h"

namespace hwi::models {

ActionsModel::ActionsModel(QObject* parent)
    : SectionTable(Titles, parent) {}

void ActionsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    std::vector<ActionRow> rows;
    const json::NodeId array = worker ? worker->field("actions") : json::NoNode;
    if (array != json::NoNode && worker->document().kind(array) == json::Kind::Array) {
        const json::Document& doc = worker->document();
        for (std::uint32_t i = 0; i < doc.childCount(array); ++i) {
            const json::NodeId element = doc.child(array, i);
            if (doc.kind(element) != json::Kind::String)
                continue; // as WorkerView::actions(); the validator reports it
            QString action = doc.text(element);
            const qsizetype colon = action.indexOf(QLatin1Char(':'));
            rows.push_back({element, std::move(action), colon});
        }
    }
    setRows(std::move(rows));
}

QVariant ActionsModel::cell(int row, int column, int role) const {
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    const ActionRow& action = at(row);
    switch (column) {
    case ActionColumn:
        return action.action;
    case WorkflowColumn:
        return action.colon < 0 ? QString() : action.action.left(action.colon);
    case StepColumn:
        return action.action.mid(action.colon + 1);
    }
    return {};
}

} // namespace hwi::models
