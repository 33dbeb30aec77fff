#include "steprunsmodel.h"

namespace hwi::models {

using hatchet::RecentStepRun;
using hatchet::TimeValue;

StepRunsModel::StepRunsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

StepRunsModel::~StepRunsModel() = default;

void StepRunsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_rows = worker ? worker->recentStepRuns() : std::vector<RecentStepRun>();
    endResetModel();
}

void StepRunsModel::setReferenceTime(const QDateTime& time) {
    m_reference = referenceFrom(time);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, StartedColumn), index(rowCount() - 1, DurationColumn),
                           {Qt::DisplayRole, RawValueRole, AgeMsecsRole});
}

int StepRunsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StepRunsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant StepRunsModel::durationData(const RecentStepRun& run, int role) const {
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    if (!run.startedAt.isKnown())
        return {};
    const qint64 start = run.startedAt.time.msecsSinceEpoch;
    const TimeValue& end = run.finishedAt.isKnown() ? run.finishedAt : run.cancelledAt;
    if (end.isKnown()) {
        const qint64 duration = end.time.msecsSinceEpoch - start;
        return role == RawValueRole ? QVariant(duration) : QVariant(durationText(duration));
    }
    if (!m_reference)
        return {};
    const qint64 running = *m_reference - start;
    if (role == RawValueRole)
        return running;
    return QString(QStringLiteral("running for ") + durationText(running));
}

QVariant StepRunsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecentStepRun& run = m_rows[static_cast<std::size_t>(index.row())];
    if (role == NodeRole)
        return nodeData(run.node);
    const bool text = role == Qt::DisplayRole || role == RawValueRole;
    switch (index.column()) {
    case IdColumn:
        return text ? run.metadata.id : QVariant();
    case ActionColumn:
        return text ? run.actionId : QVariant();
    case StatusColumn:
        return text ? run.status : QVariant();
    case StartedColumn:
        return timeCellData(run.startedAt, role, m_reference);
    case FinishedColumn:
        return timeCellData(run.finishedAt, role, m_reference);
    case CancelledColumn:
        return timeCellData(run.cancelledAt, role, m_reference);
    case DurationColumn:
        return durationData(run, role);
    case WorkflowRunIdColumn:
        return text ? run.workflowRunId : QVariant();
    }
    return {};
}

QVariant StepRunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {"ID",       "Action",    "Status",   "Started",
                                                    "Finished", "Cancelled", "Duration", "Workflow run ID"};
    return QString::fromLatin1(Titles[section]);
}

Qt::ItemFlags StepRunsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
