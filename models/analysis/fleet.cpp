#include "fleet.h"

#include "schedulable.h"

#include "load/backgroundpool.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace hwi::analysis {

using hatchet::HealthFacts;

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
    HealthFacts::Status status = HealthFacts::Status::Other;
    bool schedulable = false;
    std::vector<SlotCapacity> capacities;   // only for the slot-type pivot
    std::vector<std::string> capacityTypes; // UTF-8, as the slot-type pivot's values
    std::optional<std::int64_t> free = 0;   // over every slot type
    std::optional<std::int64_t> limit = 0;
};

// Read once per worker for all its rows: its slots parsed once for the health facts and the counts.
// withCapacities: keep each slot type's counts, which only the slot-type pivot needs.
WorkerFacts factsOf(const WorkerView& worker, std::size_t index, std::optional<qint64> referenceMsecs,
                    bool withCapacities) {
    WorkerFacts facts;
    facts.index = index;
    hatchet::SlotTotals totals = hatchet::slotTotals(worker);
    const HealthFacts health = hatchet::healthFacts(worker, totals);
    facts.status = health.status;
    facts.schedulable = isSchedulable(health, referenceMsecs);
    for (const SlotCapacity& capacity : totals.capacities) {
        addTo(facts.free, capacity.available);
        addTo(facts.limit, capacity.limit);
        if (withCapacities)
            facts.capacityTypes.push_back(capacity.slotType.toStdString());
    }
    if (withCapacities)
        facts.capacities = std::move(totals.capacities);
    return facts;
}

// `member` of `object` as WorkerView reads fields: NoNode when absent or null.
json::NodeId presentMember(const json::Document& doc, json::NodeId object, std::string_view member) {
    if (object == json::NoNode)
        return json::NoNode;
    const json::NodeId id = doc.member(object, member);
    return id == json::NoNode || doc.kind(id) == json::Kind::Null ? json::NoNode : id;
}

std::string_view orUnknown(std::string_view text) {
    return text.empty() ? std::string_view("unknown") : text;
}

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
};

// Builds one pivot's rows as workers arrive, keyed by UTF-8 bytes.
class PivotBuilder {
public:
    explicit PivotBuilder(PivotKey key)
        : m_key(key) {}

    // values: the worker's, repeats included (PivotValueReader::readEach): each row counts it once.
    void add(const std::vector<std::string_view>& values, const WorkerFacts& facts) {
        for (const std::string_view value : values) {
            const std::size_t row = rowFor(value);
            if (m_lastWorker[row] == facts.index)
                continue;
            m_lastWorker[row] = facts.index;
            count(m_rows[row], value, facts);
        }
    }

    // Another builder's rows, over workers after this one's: as if they had been added here.
    void merge(PivotBuilder& other) {
        for (std::size_t i = 0; i < other.m_rows.size(); ++i) {
            PivotRow& row = m_rows[rowFor(other.m_utf8[i])];
            PivotRow& more = other.m_rows[i];
            row.workers += more.workers;
            row.active += more.active;
            row.paused += more.paused;
            row.inactive += more.inactive;
            row.schedulable += more.schedulable;
            addTo(row.free, more.free);
            addTo(row.limit, more.limit);
            row.workerIndexes.insert(row.workerIndexes.end(), more.workerIndexes.begin(),
                                     more.workerIndexes.end());
        }
    }

    std::vector<PivotRow> finish() {
        std::vector<std::size_t> order(m_rows.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        // std::string compares bytes as unsigned char: UTF-8 byte order.
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return m_utf8[a] < m_utf8[b]; });
        std::vector<PivotRow> sorted;
        sorted.reserve(m_rows.size());
        for (const std::size_t i : order) {
            m_rows[i].key = QString::fromStdString(m_utf8[i]);
            sorted.push_back(std::move(m_rows[i]));
        }
        return sorted;
    }

private:
    std::size_t rowFor(std::string_view value) {
        const auto found = m_byKey.find(value);
        if (found != m_byKey.end())
            return found->second;
        m_byKey.emplace(std::string(value), m_rows.size());
        m_utf8.emplace_back(value);
        m_lastWorker.push_back(NoWorker);
        m_rows.emplace_back();
        return m_rows.size() - 1;
    }

    void count(PivotRow& row, std::string_view value, const WorkerFacts& facts) {
        ++row.workers;
        row.workerIndexes.push_back(facts.index);
        if (facts.status == HealthFacts::Status::Active)
            ++row.active;
        else if (facts.status == HealthFacts::Status::Paused)
            ++row.paused;
        else if (facts.status == HealthFacts::Status::Inactive)
            ++row.inactive;
        if (!facts.schedulable)
            return;
        ++row.schedulable;
        if (m_key != PivotKey::SlotType) {
            addTo(row.free, facts.free);
            addTo(row.limit, facts.limit);
            return;
        }
        for (std::size_t i = 0; i < facts.capacities.size(); ++i) {
            if (facts.capacityTypes[i] == value) {
                addTo(row.free, facts.capacities[i].available);
                addTo(row.limit, facts.capacities[i].limit);
            }
        }
    }

    static constexpr std::size_t NoWorker = SIZE_MAX;

    PivotKey m_key;
    std::vector<PivotRow> m_rows;
    std::vector<std::string> m_utf8;       // each row's key
    std::vector<std::size_t> m_lastWorker; // each row's last worker counted (its snapshot index)
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> m_byKey;
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

void PivotValueReader::add(std::string_view value) {
    m_spans.emplace_back(m_arena.size(), value.size());
    m_arena.append(value);
}

void PivotValueReader::add(std::string_view first, char separator, std::string_view second) {
    m_spans.emplace_back(m_arena.size(), first.size() + 1 + second.size());
    m_arena.append(first);
    m_arena.push_back(separator);
    m_arena.append(second);
}

std::string_view PivotValueReader::stringOf(const json::Document& doc, json::NodeId object,
                                            std::string_view member) {
    const json::NodeId id = presentMember(doc, object, member);
    return id == json::NoNode ? std::string_view() : doc.stringView(id, m_scratch);
}

void PivotValueReader::readActions(const json::Document& doc, json::NodeId worker, bool prefixes) {
    const json::NodeId actions = presentMember(doc, worker, "actions");
    if (actions == json::NoNode || doc.kind(actions) != json::Kind::Array)
        return;
    for (std::uint32_t i = 0; i < doc.childCount(actions); ++i) {
        const json::NodeId element = doc.child(actions, i);
        if (doc.kind(element) != json::Kind::String)
            continue;
        const std::string_view action = doc.stringView(element, m_scratch);
        add(prefixes ? action.substr(0, action.find(':')) : action);
    }
}

// registeredWorkflows[].name; without that member the parts of the actions before the first ':'.
void PivotValueReader::readWorkflows(const json::Document& doc, json::NodeId worker) {
    const json::NodeId workflows = presentMember(doc, worker, "registeredWorkflows");
    if (workflows == json::NoNode) {
        readActions(doc, worker, true);
        return;
    }
    if (doc.kind(workflows) != json::Kind::Array)
        return;
    for (std::uint32_t i = 0; i < doc.childCount(workflows); ++i) {
        const json::NodeId workflow = doc.child(workflows, i);
        if (doc.kind(workflow) == json::Kind::Object)
            add(stringOf(doc, workflow, "name"));
    }
}

// key=value, or key for a label without a value (absent or null).
void PivotValueReader::readLabels(const json::Document& doc, json::NodeId worker) {
    const json::NodeId labels = presentMember(doc, worker, "labels");
    if (labels == json::NoNode || doc.kind(labels) != json::Kind::Array)
        return;
    for (std::uint32_t i = 0; i < doc.childCount(labels); ++i) {
        const json::NodeId label = doc.child(labels, i);
        if (doc.kind(label) != json::Kind::Object)
            continue;
        const std::string key(stringOf(doc, label, "key"));
        if (presentMember(doc, label, "value") == json::NoNode)
            add(key);
        else
            add(key, '=', stringOf(doc, label, "value"));
    }
}

// The slot types as WorkerView::slotCapacities() reads them (old era: default).
void PivotValueReader::readSlotTypes(const WorkerView& worker) {
    for (const SlotCapacity& capacity : worker.slotCapacities())
        add(capacity.slotType.toStdString());
}

const std::vector<std::string_view>& PivotValueReader::read(const WorkerView& worker, PivotKey key) {
    readEach(worker, key);
    std::sort(m_values.begin(), m_values.end());
    m_values.erase(std::unique(m_values.begin(), m_values.end()), m_values.end());
    return m_values;
}

const std::vector<std::string_view>& PivotValueReader::readEach(const WorkerView& worker, PivotKey key) {
    m_arena.clear();
    m_spans.clear();
    const json::Document& doc = worker.document();
    const json::NodeId node = worker.node();
    switch (key) {
    case PivotKey::Action:
        readActions(doc, node, false);
        break;
    case PivotKey::Workflow:
        readWorkflows(doc, node);
        break;
    case PivotKey::Label:
        readLabels(doc, node);
        break;
    case PivotKey::SlotType:
        readSlotTypes(worker);
        break;
    case PivotKey::Sdk: {
        const json::NodeId info = presentMember(doc, node, "runtimeInfo");
        const std::string language(orUnknown(stringOf(doc, info, "language")));
        add(language, ' ', orUnknown(stringOf(doc, info, "sdkVersion")));
        break;
    }
    case PivotKey::Status:
        add(stringOf(doc, node, "status"));
        break;
    case PivotKey::Dispatcher: {
        const std::string_view dispatcher = stringOf(doc, node, "dispatcherId");
        add(dispatcher.empty() ? std::string_view("none") : dispatcher);
        break;
    }
    }
    m_values.clear();
    for (const auto& [offset, size] : m_spans)
        m_values.emplace_back(m_arena.data() + offset, size);
    return m_values;
}

QStringList pivotValues(const WorkerView& worker, PivotKey key) {
    PivotValueReader reader;
    QStringList values;
    for (const std::string_view value : reader.read(worker, key))
        values << QString::fromUtf8(value.data(), qsizetype(value.size()));
    return values;
}

std::vector<PivotRow> pivot(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                            PivotKey key, std::optional<qint64> referenceMsecs) {
    // In parts at once, each counted by a builder of its own, then merged in order (load::runAtOnce).
    constexpr std::size_t WorkersPerPart = 1024;
    std::vector<PivotBuilder> builders(
        std::max<std::size_t>(1, (workers.size() + WorkersPerPart - 1) / WorkersPerPart), PivotBuilder(key));
    std::vector<std::function<void()>> parts;
    for (std::size_t part = 0; part * WorkersPerPart < workers.size(); ++part) {
        parts.push_back([&, part] {
            PivotValueReader reader;
            const std::size_t from = part * WorkersPerPart;
            for (std::size_t i = from; i < std::min(workers.size(), from + WorkersPerPart); ++i) {
                const WorkerView worker = snapshot.worker(workers[i]);
                builders[part].add(reader.readEach(worker, key),
                                   factsOf(worker, workers[i], referenceMsecs, key == PivotKey::SlotType));
            }
        });
    }
    load::runAtOnce(parts);
    for (std::size_t part = 1; part < builders.size(); ++part)
        builders.front().merge(builders[part]);
    return builders.front().finish();
}

std::array<std::vector<PivotRow>, PivotKeyCount> pivots(const hatchet::Snapshot& snapshot,
                                                        const std::vector<std::size_t>& workers,
                                                        std::optional<qint64> referenceMsecs) {
    std::vector<PivotBuilder> builders;
    for (int key = 0; key < PivotKeyCount; ++key)
        builders.emplace_back(PivotKey(key));
    PivotValueReader reader;
    for (const std::size_t index : workers) {
        const WorkerView worker = snapshot.worker(index);
        const WorkerFacts facts = factsOf(worker, index, referenceMsecs, true);
        for (int key = 0; key < PivotKeyCount; ++key)
            builders[std::size_t(key)].add(reader.readEach(worker, PivotKey(key)), facts);
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
