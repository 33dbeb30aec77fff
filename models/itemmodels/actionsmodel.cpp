#include "actionsmodel.h"
#include "timeformat.h"

namespace hwi::models {

ActionsModel::ActionsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

ActionsModel::~ActionsModel() = default;

void ActionsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_rows.clear();
    const json::NodeId array = worker ? worker->field("actions") : json::NoNode;
    if (array != json::NoNode && worker->document().kind(array) == json::Kind::Array) {
        const json::Document& doc = worker->document();
        for (std::uint32_t i = 0; i < doc.childCount(array); ++i) {
            const json::NodeId element = doc.child(array, i);
            if (doc.kind(element) != json::Kind::String)
                continue; // as WorkerView::actions(); the validator reports it
            QString action = doc.text(element);
            const qsizetype colon = action.indexOf(QLatin1Char(':'));
            m_rows.push_back({element, std::move(action), colon});
        }
    }
    endResetModel();
}

int ActionsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ActionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant ActionsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == NodeRole)
        return nodeData(row.node);
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    switch (index.column()) {
    case ActionColumn:
        return row.action;
    case WorkflowColumn:
        return row.colon < 0 ? QString() : row.action.left(row.colon);
    case StepColumn:
        return row.action.mid(row.colon + 1);
    }
    return {};
}

QVariant ActionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ActionColumn:
        return QStringLiteral("Action");
    case WorkflowColumn:
        return QStringLiteral("Workflow");
    case StepColumn:
        return QStringLiteral("Step");
    }
    return {};
}

Qt::ItemFlags ActionsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
