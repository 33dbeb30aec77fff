#include "slotsmodel.h"

namespace hwi::models {

using hatchet::Slot;

SlotsModel::SlotsModel(QObject* parent)
    : SectionTable(Titles, parent) {
    // Whole rows: the times change their texts, and the row's severity (overdue or not) colours every cell.
    setTimeCells({0, NUM_COLUMNS - 1, {Qt::DisplayRole, RawValueRole, AgeMsecsRole, SeverityRole}});
}

void SlotsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    m_running = worker ? hatchet::runningSlots(*worker) : hatchet::RunningSlots();
    m_summary = worker ? hatchet::runningSlotsText(m_running) : QString();
    m_tasksListed = false;
    setRows(std::move(m_running.busy));
    m_running.busy.clear();
}

void SlotsModel::setRunningTasks(std::vector<Slot> tasks) {
    m_tasksListed = true;
    m_summary = tr("Running tasks from the server (%1)").arg(tasks.size());
    setRows(std::move(tasks));
}

void SlotsModel::setRunningTasksFailed(const QString& reason) {
    m_summary = m_summary.isEmpty()
                    ? tr("Running tasks could not be fetched: %1").arg(reason)
                    : tr("%1 · running tasks could not be fetched: %2").arg(m_summary, reason);
}

QVariant SlotsModel::severity(const Slot& slot) const {
    const auto age = ageOf(slot.timeoutAt, reference());
    if (!age)
        return static_cast<int>(HealthLevel::Unknown);
    return static_cast<int>(*age > 0 ? HealthLevel::Bad : HealthLevel::Good);
}

QVariant SlotsModel::timeLeftData(const Slot& slot, int role) const {
    const auto age = ageOf(slot.timeoutAt, reference());
    if (!age)
        return {};
    const qint64 left = -*age;
    switch (role) {
    case Qt::DisplayRole:
        return left < 0 ? tr("overdue by %1").arg(durationText(-left)) : durationText(left);
    case RawValueRole:
        return left;
    }
    return {};
}

QVariant SlotsModel::cell(int row, int column, int role) const {
    const Slot& slot = at(row);
    if (role == SeverityRole)
        return severity(slot);
    switch (column) {
    case ActionColumn:
        return textCell(slot.actionId, role);
    case StatusColumn:
        return textCell(slot.status, role);
    case StartedColumn:
        return timeCellData(slot.startedAt, role, reference());
    case TimeLeftColumn:
        return timeLeftData(slot, role);
    case TimeoutColumn:
        return timeCellData(slot.timeoutAt, role, reference());
    case StepRunIdColumn:
        return textCell(slot.stepRunId, role);
    case WorkflowRunIdColumn:
        return textCell(slot.workflowRunId, role);
    }
    return {};
}

} // namespace hwi::models
