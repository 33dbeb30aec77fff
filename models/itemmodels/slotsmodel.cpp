#include "slotsmodel.h"

namespace hwi::models {

using hatchet::Slot;
using hatchet::TimeValue;

SlotsModel::SlotsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

SlotsModel::~SlotsModel() = default;

void SlotsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_rows.clear();
    m_freePadding = 0;
    m_hasSlotList = worker && worker->field("slots") != json::NoNode;
    if (worker) {
        for (Slot& slot : worker->slots()) {
            if (slot.isFreePadding())
                ++m_freePadding;
            else
                m_rows.push_back(std::move(slot));
        }
    }
    endResetModel();
}

void SlotsModel::setReferenceTime(const QDateTime& time) {
    m_reference = referenceFrom(time);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, StartedColumn), index(rowCount() - 1, TimeLeftColumn),
                           {Qt::DisplayRole, RawValueRole, AgeMsecsRole, SeverityRole});
}

QString SlotsModel::summaryText() const {
    if (!m_hasSlotList)
        return {};
    return QString::number(m_rows.size()) + QStringLiteral(" busy \u00b7 ") + QString::number(m_freePadding) +
           QStringLiteral(" free");
}

int SlotsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SlotsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant SlotsModel::timeLeftData(const Slot& slot, int role) const {
    const auto age = ageOf(slot.timeoutAt, m_reference);
    if (!age)
        return role == SeverityRole ? QVariant(static_cast<int>(HealthLevel::Unknown)) : QVariant();
    const qint64 left = -*age;
    switch (role) {
    case Qt::DisplayRole:
        if (left < 0)
            return QString(QStringLiteral("overdue by ") + durationText(-left));
        return durationText(left);
    case RawValueRole:
        return left;
    case SeverityRole:
        return static_cast<int>(left < 0 ? HealthLevel::Bad : HealthLevel::Good);
    }
    return {};
}

QVariant SlotsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Slot& slot = m_rows[static_cast<std::size_t>(index.row())];
    if (role == NodeRole)
        return nodeData(slot.node);
    const bool text = role == Qt::DisplayRole || role == RawValueRole;
    switch (index.column()) {
    case StepRunIdColumn:
        return text ? slot.stepRunId : QVariant();
    case ActionColumn:
        return text ? slot.actionId : QVariant();
    case WorkflowRunIdColumn:
        return text ? slot.workflowRunId : QVariant();
    case StatusColumn:
        return text ? slot.status : QVariant();
    case StartedColumn:
        return timeCellData(slot.startedAt, role, m_reference);
    case TimeoutColumn:
        return timeCellData(slot.timeoutAt, role, m_reference);
    case TimeLeftColumn:
        return timeLeftData(slot, role);
    }
    return {};
}

QVariant SlotsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {"Step run ID", "Action",  "Workflow run ID", "Status",
                                                    "Started",     "Timeout", "Time left"};
    return QString::fromLatin1(Titles[section]);
}

Qt::ItemFlags SlotsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
