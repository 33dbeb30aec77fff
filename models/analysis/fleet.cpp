#include "fleet.h"

#include "schedulable.h"

#include <QHash>

#include <algorithm>

namespace hwi::analysis {

namespace {

using hatchet::SlotCapacity;
using hatchet::WorkerView;

const std::array<const char*, PivotKeyCount> KeyIds = {"action", "workflow", "label",     "slot-type",
                                                       "sdk",    "status",   "dispatcher"};

// Sums that turn unknown as soon as one summand is.
void addTo(std::optional<std::int64_t>& sum, const std::optional<std::int64_t>& value) {
    if (sum && value)
        *sum += *value;
    else
        sum.reset();
}

// What every pivot needs of one worker, read once.
struct WorkerFacts {
    std::size_t index = 0;
    QString status;
    bool schedulable = false;
    std::vector<SlotCapacity> capacities;
    std::optional<std::int64_t> free = 0; // over every slot type
    std::optional<std::int64_t> limit = 0;
};

WorkerFacts factsOf(const WorkerView& worker, std::size_t index, std::optional<qint64> referenceMsecs) {
    WorkerFacts facts;
    facts.index = index;
    facts.status = worker.status();
    facts.schedulable = isSchedulable(worker, referenceMsecs);
    facts.capacities = worker.slotCapacities();
    for (const SlotCapacity& capacity : facts.capacities) {
        addTo(facts.free, capacity.available);
        addTo(facts.limit, capacity.limit);
    }
    return facts;
}

QString orUnknown(const QString& text) {
    return text.isEmpty() ? QStringLiteral("unknown") : text;
}

// The distinct values of `key` a worker carries; capacities and status as already read.
QStringList valuesOf(const WorkerView& worker, PivotKey key, const std::vector<SlotCapacity>& capacities,
                     const QString& status) {
    QStringList values;
    switch (key) {
    case PivotKey::Action:
        values = worker.actions();
        break;
    case PivotKey::Workflow:
        if (worker.field("registeredWorkflows") != json::NoNode) {
            for (const hatchet::RegisteredWorkflow& workflow : worker.registeredWorkflows())
                values << workflow.name;
        } else {
            for (const QString& action : worker.actions())
                values << action.section(QLatin1Char(':'), 0, 0);
        }
        break;
    case PivotKey::Label:
        for (const hatchet::LabelText& label : worker.labelTexts())
            values << (label.hasValue ? label.key + QLatin1Char('=') + label.value : label.key);
        break;
    case PivotKey::SlotType:
        for (const SlotCapacity& capacity : capacities)
            values << capacity.slotType;
        break;
    case PivotKey::Sdk: {
        const hatchet::RuntimeInfo info = worker.runtimeInfo();
        values << orUnknown(info.language) + QLatin1Char(' ') + orUnknown(info.sdkVersion);
        break;
    }
    case PivotKey::Status:
        values << status;
        break;
    case PivotKey::Dispatcher: {
        const QString dispatcher = worker.dispatcherId();
        values << (dispatcher.isEmpty() ? QStringLiteral("none") : dispatcher);
        break;
    }
    }
    if (values.size() > 1) {
        values.sort();
        values.erase(std::unique(values.begin(), values.end()), values.end());
    }
    return values;
}

// Builds one pivot's rows as workers arrive.
class PivotBuilder {
public:
    explicit PivotBuilder(PivotKey key)
        : m_key(key) {}

    void add(const WorkerView& worker, const WorkerFacts& facts) {
        for (const QString& value : valuesOf(worker, m_key, facts.capacities, facts.status))
            count(rowFor(value), value, facts);
    }

    std::vector<PivotRow> finish() {
        std::vector<QByteArray> utf8;
        utf8.reserve(m_rows.size());
        for (const PivotRow& row : m_rows)
            utf8.push_back(row.key.toUtf8());
        std::vector<std::size_t> order(m_rows.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return utf8[a] < utf8[b]; });
        std::vector<PivotRow> sorted;
        sorted.reserve(m_rows.size());
        for (const std::size_t i : order)
            sorted.push_back(std::move(m_rows[i]));
        return sorted;
    }

private:
    PivotRow& rowFor(const QString& value) {
        const auto found = m_byKey.constFind(value);
        if (found != m_byKey.constEnd())
            return m_rows[*found];
        m_byKey.insert(value, m_rows.size());
        m_rows.push_back({});
        m_rows.back().key = value;
        return m_rows.back();
    }

    void count(PivotRow& row, const QString& value, const WorkerFacts& facts) {
        ++row.workers;
        row.workerIndexes.push_back(facts.index);
        if (facts.status == QLatin1String("ACTIVE"))
            ++row.active;
        else if (facts.status == QLatin1String("PAUSED"))
            ++row.paused;
        else if (facts.status == QLatin1String("INACTIVE"))
            ++row.inactive;
        if (!facts.schedulable)
            return;
        ++row.schedulable;
        if (m_key != PivotKey::SlotType) {
            addTo(row.free, facts.free);
            addTo(row.limit, facts.limit);
            return;
        }
        for (const SlotCapacity& capacity : facts.capacities) {
            if (capacity.slotType == value) {
                addTo(row.free, capacity.available);
                addTo(row.limit, capacity.limit);
            }
        }
    }

    PivotKey m_key;
    std::vector<PivotRow> m_rows;
    QHash<QString, std::size_t> m_byKey;
};

} // namespace

QString pivotKeyId(PivotKey key) {
    return QLatin1String(KeyIds[std::size_t(key)]);
}

QStringList pivotKeyIds() {
    QStringList ids;
    for (const char* id : KeyIds)
        ids << QLatin1String(id);
    return ids;
}

std::optional<PivotKey> pivotKeyFromId(const QString& id) {
    for (std::size_t i = 0; i < KeyIds.size(); ++i) {
        if (id == QLatin1String(KeyIds[i]))
            return PivotKey(i);
    }
    return std::nullopt;
}

QStringList pivotValues(const WorkerView& worker, PivotKey key) {
    const std::vector<SlotCapacity> capacities =
        key == PivotKey::SlotType ? worker.slotCapacities() : std::vector<SlotCapacity>();
    return valuesOf(worker, key, capacities, key == PivotKey::Status ? worker.status() : QString());
}

std::vector<PivotRow> pivot(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                            PivotKey key, std::optional<qint64> referenceMsecs) {
    PivotBuilder builder(key);
    for (const std::size_t index : workers) {
        const WorkerView worker = snapshot.worker(index);
        builder.add(worker, factsOf(worker, index, referenceMsecs));
    }
    return builder.finish();
}

std::array<std::vector<PivotRow>, PivotKeyCount> pivots(const hatchet::Snapshot& snapshot,
                                                        const std::vector<std::size_t>& workers,
                                                        std::optional<qint64> referenceMsecs) {
    std::vector<PivotBuilder> builders;
    for (int key = 0; key < PivotKeyCount; ++key)
        builders.emplace_back(PivotKey(key));
    for (const std::size_t index : workers) {
        const WorkerView worker = snapshot.worker(index);
        const WorkerFacts facts = factsOf(worker, index, referenceMsecs);
        for (PivotBuilder& builder : builders)
            builder.add(worker, facts);
    }
    std::array<std::vector<PivotRow>, PivotKeyCount> result;
    for (int key = 0; key < PivotKeyCount; ++key)
        result[std::size_t(key)] = builders[std::size_t(key)].finish();
    return result;
}

QString pivotRowProblem(PivotKey key, const PivotRow& row) {
    const char* verb = nullptr;
    switch (key) {
    case PivotKey::Action:
    case PivotKey::Workflow:
        verb = "registers";
        break;
    case PivotKey::Label:
        verb = "carries";
        break;
    case PivotKey::SlotType:
        verb = "has slot type";
        break;
    default:
        return {};
    }
    if (row.schedulable == 0)
        return QStringLiteral("no live worker %1 %2").arg(QLatin1String(verb), row.key);
    if (row.free && *row.free <= 0) {
        return row.schedulable == 1 ? QStringLiteral("its only live worker is full")
                                    : QStringLiteral("all %1 live workers full").arg(row.schedulable);
    }
    return {};
}

} // namespace hwi::analysis
