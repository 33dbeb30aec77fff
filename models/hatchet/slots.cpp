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

QString slotsTr(const char* text) {
    return QCoreApplication::translate("hwi::hatchet::RunningSlots", text);
}

QString legacyText(const RunningSlots& slots) {
    const QString free = slots.free ? slotsTr("%1 free").arg(*slots.free) : slotsTr("free not reported");
    if (slots.listed)
        return slotsTr("%1 busy \u00b7 %2").arg(QString::number(slots.busy.size()), free);
    const QString prefix = slotsTr("Lists do not include running slots (a single GET does)");
    if (slots.free && slots.limit)
        return slotsTr("%1; %2 of %3 in use \u00b7 %4")
            .arg(prefix, QString::number(*slots.limit - *slots.free), QString::number(*slots.limit), free);
    return prefix % QStringLiteral("; ") % free;
}

QString currentText(const RunningSlots& slots) {
    QStringList types;
    for (const SlotCapacity& capacity : slots.units.capacities) {
        const QString name = capacity.slotType.isEmpty() ? slotsTr("(unnamed)") : capacity.slotType;
        const auto used = capacity.used();
        const QString count = used ? QString::number(*used) : QStringLiteral("?");
        const QString limit = capacity.limit ? QString::number(*capacity.limit) : QStringLiteral("?");
        types << slotsTr("%1 %2 of %3").arg(name, count, limit);
    }
    // A current-era server leaves `slots` empty; should one list busy slots after all, count them.
    const QString head = slots.busy.empty() ? slotsTr("This server does not list running slots")
                                            : slotsTr("%1 busy").arg(QString::number(slots.busy.size()));
    if (types.isEmpty())
        return head;
    const std::int64_t used = slots.units.used;
    QString inUse = used == 1 ? slotsTr("1 unit in use") : slotsTr("%1 units in use").arg(used);
    if (!slots.units.complete)
        inUse = slotsTr("at least %1").arg(inUse);
    return slotsTr("%1; %2 (%3)").arg(head, inUse, types.join(QStringLiteral(", ")));
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
    return slots.listed ? slotsTr("%1 busy").arg(QString::number(slots.busy.size())) : QString();
}

} // namespace hwi::hatchet

namespace hwi::hatchet {

namespace {

NodeId memberOf(const Document& doc, NodeId object, std::string_view key) {
    if (object == json::NoNode || doc.kind(object) != json::Kind::Object)
        return json::NoNode;
    const NodeId id = doc.member(object, key);
    return id == json::NoNode || doc.kind(id) == json::Kind::Null ? json::NoNode : id;
}

QString stringMember(const Document& doc, NodeId object, std::string_view key) {
    const NodeId id = memberOf(doc, object, key);
    return id == json::NoNode ? QString() : doc.text(id);
}

TimeValue timeMember(const Document& doc, NodeId object, std::string_view key) {
    TimeValue value;
    const NodeId id = memberOf(doc, object, key);
    if (id == json::NoNode || doc.kind(id) != json::Kind::String)
        return value;
    const std::string text = doc.string(id);
    value.text = QString::fromStdString(text);
    if (const auto ts = parseRfc3339(text)) {
        value.time = *ts;
        value.state = ts->never ? TimeValue::Never : TimeValue::Valid;
    } else {
        value.state = TimeValue::Malformed;
    }
    return value;
}

} // namespace

std::vector<Slot> runningTasks(const Document& document) {
    std::vector<Slot> out;
    const NodeId rows = memberOf(document, document.root(), "rows");
    if (rows == json::NoNode || document.kind(rows) != json::Kind::Array)
        return out;
    for (std::uint32_t i = 0; i < document.childCount(rows); ++i) {
        const NodeId row = document.child(rows, i);
        if (document.kind(row) != json::Kind::Object)
            continue;
        Slot slot;
        slot.node = row;
        slot.stepRunId = stringMember(document, row, "taskExternalId");
        if (slot.stepRunId.isEmpty())
            slot.stepRunId = stringMember(document, memberOf(document, row, "metadata"), "id");
        slot.actionId = stringMember(document, row, "actionId");
        if (slot.actionId.isEmpty())
            slot.actionId = stringMember(document, row, "displayName");
        slot.workflowRunId = stringMember(document, row, "workflowRunExternalId");
        slot.status = stringMember(document, row, "status");
        slot.startedAt = timeMember(document, row, "startedAt");
        out.push_back(std::move(slot));
    }
    return out;
}

} // namespace hwi::hatchet
