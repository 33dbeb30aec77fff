#include "slots.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace hwi::hatchet {

std::optional<std::int64_t> SlotTotals::totalUsed() const {
    return complete ? std::optional(used) : std::nullopt;
}

std::optional<double> SlotTotals::usedFraction() const {
    if (measuredLimit <= 0)
        return std::nullopt;
    return double(used) / double(measuredLimit);
}

SlotTotals slotTotals(std::vector<SlotCapacity> capacities) {
    SlotTotals totals;
    for (const SlotCapacity& capacity : capacities) {
        // Counts are bounded by WorkerView (2^40), so these sums never overflow.
        totals.limit += capacity.limit.value_or(0);
        if (const auto used = capacity.used()) {
            totals.used += *used;
            totals.measuredLimit += *capacity.limit;
        } else {
            totals.complete = false;
        }
    }
    totals.capacities = std::move(capacities);
    return totals;
}

SlotTotals slotTotals(const WorkerView& worker) {
    return slotTotals(worker.slotCapacities());
}

SlotEntries splitPadding(std::vector<Slot> slots) {
    SlotEntries entries;
    entries.busy.reserve(slots.size());
    for (Slot& slot : slots) {
        if (slot.isFreePadding())
            ++entries.padding;
        else
            entries.busy.push_back(std::move(slot));
    }
    return entries;
}

std::int64_t expectedPadding(std::int64_t availableRuns, std::int64_t running) {
    return std::max<std::int64_t>(0, availableRuns - running);
}

RunningSlots runningSlots(const WorkerView& worker) {
    RunningSlots out;
    out.era = worker.era();
    out.listed = worker.field("slots") != json::NoNode;
    SlotEntries entries = slotEntries(worker);
    out.busy = std::move(entries.busy);
    out.padding = entries.padding;
    std::vector<SlotCapacity> capacities = worker.slotCapacities();
    if (out.era == SchemaEra::Legacy && !capacities.empty()) {
        // WorkerView reads maxRuns/availableRuns as the one type "default".
        out.free = capacities.front().available;
        out.limit = capacities.front().limit;
    }
    out.units = slotTotals(std::move(capacities));
    return out;
}

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("hwi::hatchet::RunningSlots", text);
}

QString legacyText(const RunningSlots& slots) {
    const QString free = slots.free ? tr("%1 free").arg(*slots.free) : tr("free not reported");
    if (slots.listed)
        return tr("%1 busy \u00b7 %2").arg(QString::number(slots.busy.size()), free);
    const QString prefix = tr("Lists do not include running slots (a single GET does)");
    if (slots.free && slots.limit)
        return tr("%1; %2 of %3 in use \u00b7 %4")
            .arg(prefix, QString::number(*slots.limit - *slots.free), QString::number(*slots.limit), free);
    return prefix % QStringLiteral("; ") % free;
}

QString currentText(const RunningSlots& slots) {
    QStringList types;
    for (const SlotCapacity& capacity : slots.units.capacities) {
        const QString name = capacity.slotType.isEmpty() ? tr("(unnamed)") : capacity.slotType;
        const auto used = capacity.used();
        const QString count = used ? QString::number(*used) : QStringLiteral("?");
        const QString limit = capacity.limit ? QString::number(*capacity.limit) : QStringLiteral("?");
        types << tr("%1 %2 of %3").arg(name, count, limit);
    }
    // A current-era server leaves `slots` empty; should one list busy slots after all, count them.
    const QString head = slots.busy.empty() ? tr("This server does not list running slots")
                                            : tr("%1 busy").arg(QString::number(slots.busy.size()));
    if (types.isEmpty())
        return head;
    const std::int64_t used = slots.units.used;
    QString inUse = used == 1 ? tr("1 unit in use") : tr("%1 units in use").arg(used);
    if (!slots.units.complete)
        inUse = tr("at least %1").arg(inUse);
    return tr("%1; %2 (%3)").arg(head, inUse, types.join(QStringLiteral(", ")));
}

} // namespace

QString runningSlotsText(const RunningSlots& slots) {
    switch (slots.era) {
    case SchemaEra::Legacy:
        return legacyText(slots);
    case SchemaEra::Current:
        return currentText(slots);
    case SchemaEra::Unknown:
        break;
    }
    // Neither slotConfig nor maxRuns/availableRuns: only a `slots` list, if any, says something.
    return slots.listed ? tr("%1 busy").arg(QString::number(slots.busy.size())) : QString();
}

} // namespace hwi::hatchet
