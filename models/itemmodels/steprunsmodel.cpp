#include "steprunsmodel.h"

namespace hwi::models {

using hatchet::RecentStepRun;
using hatchet::TimeValue;

StepRunsModel::StepRunsModel(QObject* parent)
    : SectionTable(Titles, parent) {
    setTimeCells({StartedColumn, DurationColumn, {Qt::DisplayRole, RawValueRole, AgeMsecsRole}});
}

void StepRunsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    setRows(worker ? worker->recentStepRuns() : std::vector<RecentStepRun>());
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
    if (!reference())
        return {};
    const qint64 running = *reference() - start;
    if (role == RawValueRole)
        return running;
    return tr("running for %1").arg(durationText(running));
}

QVariant StepRunsModel::cell(int row, int column, int role) const {
    static constexpr TimeValue RecentStepRun::*Times[] = {
        &RecentStepRun::startedAt, &RecentStepRun::finishedAt, &RecentStepRun::cancelledAt};
    const RecentStepRun& run = at(row);
    if (column >= StartedColumn && column <= CancelledColumn)
        return timeCellData(run.*Times[column - StartedColumn], role, reference());
    switch (column) {
    case IdColumn:
        return textCell(run.metadata.id, role);
    case ActionColumn:
        return textCell(run.actionId, role);
    case StatusColumn:
        return textCell(run.status, role);
    case DurationColumn:
        return durationData(run, role);
    case WorkflowRunIdColumn:
        return textCell(run.workflowRunId, role);
    }
    return {};
}

} // namespace hwi::models
