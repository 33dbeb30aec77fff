#include "slotsmodel.h"

#include "hatchet/slots.h"

namespace hwi::models {

using hatchet::Slot;

SlotsModel::SlotsModel(QObject* parent)
    : SectionTable(Titles, parent) {
    setTimeCells(
        {StartedColumn, TimeLeftColumn, {Qt::DisplayRole, RawValueRole, AgeMsecsRole, SeverityRole}});
}

void SlotsModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    hatchet::SlotEntries entries = worker ? hatchet::slotEntries(*worker) : hatchet::SlotEntries();
    m_freePadding = entries.padding;
    m_hasSlotList = worker && worker->field("slots") != json::NoNode;
    setRows(std::move(entries.busy));
}

QString SlotsModel::summaryText() const {
    if (!m_hasSlotList)
        return {};
    return tr("%1 busy \u00b7 %2 free").arg(rowCount()).arg(m_freePadding);
}

QVariant SlotsModel::timeLeftData(const Slot& slot, int role) const {
    const auto age = ageOf(slot.timeoutAt, reference());
    if (!age)
        return role == SeverityRole ? QVariant(static_cast<int>(HealthLevel::Unknown)) : QVariant();
    const qint64 left = -*age;
    switch (role) {
    case Qt::DisplayRole:
        return left < 0 ? tr("overdue by %1").arg(durationText(-left)) : durationText(left);
    case RawValueRole:
        return left;
    case SeverityRole:
        return static_cast<int>(left < 0 ? HealthLevel::Bad : HealthLevel::Good);
    }
    return {};
}

QVariant SlotsModel::cell(int row, int column, int role) const {
    static constexpr QString Slot::*Texts[StartedColumn] = {&Slot::stepRunId, &Slot::actionId,
                                                            &Slot::workflowRunId, &Slot::status};
    const Slot& slot = at(row);
    if (column < StartedColumn)
        return textCell(slot.*Texts[column], role);
    if (column == TimeLeftColumn)
        return timeLeftData(slot, role);
    return timeCellData(column == StartedColumn ? slot.startedAt : slot.timeoutAt, role, reference());
}

} // namespace hwi::models
