#include "worker.h"

#include <array>
#include <charconv>
#include <cmath>

namespace hwi::hatchet {

using json::Kind;
using json::NoNode;

bool isZeroUuid(const QString& id) {
    return id == QLatin1String("00000000-0000-0000-0000-000000000000");
}

bool Slot::isFreePadding() const {
    return actionId.isEmpty() && isZeroUuid(stepRunId) && startedAt.state == TimeValue::Absent;
}

std::optional<std::int64_t> SlotCapacity::used() const {
    if (!available || !limit)
        return std::nullopt;
    return *limit - *available;
}

bool RuntimeInfo::isEmpty() const {
    return sdkVersion.isEmpty() && language.isEmpty() && languageVersion.isEmpty() && os.isEmpty() &&
           runtimeExtra.isEmpty();
}

QString RuntimeInfo::sdkSummary() const {
    if (language.isEmpty())
        return sdkVersion;
    return sdkVersion.isEmpty() ? language : language + QLatin1Char(' ') + sdkVersion;
}

NodeId WorkerView::fieldOf(NodeId object, std::string_view key) const {
    if (object == NoNode)
        return NoNode;
    const NodeId id = m_doc->member(object, key);
    return id == NoNode || m_doc->kind(id) == Kind::Null ? NoNode : id;
}

QString WorkerView::stringOf(NodeId object, std::string_view key) const {
    const NodeId id = fieldOf(object, key);
    return id == NoNode ? QString() : m_doc->text(id);
}

TimeValue WorkerView::timeOf(NodeId object, std::string_view key) const {
    TimeValue value;
    const NodeId id = fieldOf(object, key);
    if (id == NoNode || m_doc->kind(id) != Kind::String)
        return value;
    std::string scratch;
    const std::string_view text = m_doc->stringView(id, scratch);
    value.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
    if (const auto ts = parseRfc3339(text)) {
        value.time = *ts;
        value.state = ts->never ? TimeValue::Never : TimeValue::Valid;
    } else {
        value.state = TimeValue::Malformed;
    }
    return value;
}

std::optional<std::int64_t> WorkerView::integerOf(NodeId object, std::string_view key) const {
    // Counts beyond a trillion read as unknown: sums and differences of them (used = limit - available,
    // totals over slot types and workers) then never overflow. Found by the fuzzer (a cast of -5e103).
    constexpr double Limit = 1099511627776.0; // 2^40
    const NodeId id = fieldOf(object, key);
    if (id == NoNode || m_doc->kind(id) != Kind::Number)
        return std::nullopt;
    const std::string_view raw = m_doc->rawScalar(id);
    double real = 0; // 1.0 or 5e2: still a count
    const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), real);
    if (error == std::errc() && end == raw.data() + raw.size() && real >= -Limit && real <= Limit &&
        real == std::trunc(real))
        return static_cast<std::int64_t>(real);
    return std::nullopt;
}

ResourceMeta WorkerView::metaOf(NodeId object) const {
    const NodeId meta = fieldOf(object, "metadata");
    return {stringOf(meta, "id"), timeOf(meta, "createdAt"), timeOf(meta, "updatedAt")};
}

std::vector<NodeId> WorkerView::objectsOf(std::string_view key) const {
    std::vector<NodeId> out;
    const NodeId array = field(key);
    if (array == NoNode || m_doc->kind(array) != Kind::Array)
        return out;
    for (std::uint32_t i = 0; i < m_doc->childCount(array); ++i) {
        const NodeId element = m_doc->child(array, i);
        if (m_doc->kind(element) == Kind::Object)
            out.push_back(element);
    }
    return out;
}

ResourceMeta WorkerView::metadata() const {
    return metaOf(m_node);
}
QString WorkerView::id() const {
    return stringOf(field("metadata"), "id");
}
QString WorkerView::name() const {
    return stringOf(m_node, "name");
}
QString WorkerView::type() const {
    return stringOf(m_node, "type");
}
QString WorkerView::status() const {
    // The statuses Hatchet sends, without building a string (asked of every worker by every load).
    const NodeId id = field("status");
    if (id != NoNode && m_doc->kind(id) == Kind::String) {
        static const std::array<std::pair<std::string_view, QString>, 3> Known = {{
            {"ACTIVE", QStringLiteral("ACTIVE")},
            {"INACTIVE", QStringLiteral("INACTIVE")},
            {"PAUSED", QStringLiteral("PAUSED")},
        }};
        for (const auto& [utf8, text] : Known) {
            if (m_doc->stringEquals(id, utf8))
                return text;
        }
    }
    return id == NoNode ? QString() : m_doc->text(id);
}
QString WorkerView::dispatcherId() const {
    return stringOf(m_node, "dispatcherId");
}
QString WorkerView::webhookId() const {
    return stringOf(m_node, "webhookId");
}
QString WorkerView::webhookUrl() const {
    return stringOf(m_node, "webhookUrl");
}
TimeValue WorkerView::lastHeartbeatAt() const {
    return timeOf(m_node, "lastHeartbeatAt");
}
TimeValue WorkerView::lastListenerEstablished() const {
    return timeOf(m_node, "lastListenerEstablished");
}

QString WorkerView::displayName() const {
    const QString n = name();
    const QString url = webhookUrl();
    return type() == QLatin1String("WEBHOOK") && !url.isEmpty() ? url : n.isEmpty() ? url : n;
}

QStringList WorkerView::actions() const {
    QStringList out;
    const NodeId array = field("actions");
    if (array == NoNode || m_doc->kind(array) != Kind::Array)
        return out;
    out.reserve(m_doc->childCount(array));
    for (std::uint32_t i = 0; i < m_doc->childCount(array); ++i) {
        const NodeId element = m_doc->child(array, i);
        if (m_doc->kind(element) == Kind::String)
            out.append(m_doc->text(element));
    }
    return out;
}

int WorkerView::actionCount() const {
    const NodeId array = field("actions");
    if (array == NoNode || m_doc->kind(array) != Kind::Array)
        return 0;
    int count = 0;
    for (std::uint32_t i = 0; i < m_doc->childCount(array); ++i)
        count += m_doc->kind(m_doc->child(array, i)) == Kind::String;
    return count;
}

int WorkerView::registeredWorkflowCount() const {
    return static_cast<int>(objectsOf("registeredWorkflows").size());
}

std::vector<RegisteredWorkflow> WorkerView::registeredWorkflows() const {
    std::vector<RegisteredWorkflow> out;
    for (const NodeId node : objectsOf("registeredWorkflows"))
        out.push_back({node, stringOf(node, "id"), stringOf(node, "name")});
    return out;
}

std::vector<Slot> WorkerView::slots() const {
    std::vector<Slot> out;
    for (const NodeId node : objectsOf("slots")) {
        out.push_back({node, stringOf(node, "stepRunId"), stringOf(node, "actionId"),
                       stringOf(node, "workflowRunId"), stringOf(node, "status"), timeOf(node, "startedAt"),
                       timeOf(node, "timeoutAt")});
    }
    return out;
}

std::vector<RecentStepRun> WorkerView::recentStepRuns() const {
    std::vector<RecentStepRun> out;
    for (const NodeId node : objectsOf("recentStepRuns")) {
        out.push_back({node, metaOf(node), stringOf(node, "actionId"), stringOf(node, "status"),
                       timeOf(node, "startedAt"), timeOf(node, "finishedAt"), timeOf(node, "cancelledAt"),
                       stringOf(node, "workflowRunId")});
    }
    return out;
}

std::vector<Label> WorkerView::labels() const {
    std::vector<Label> out;
    for (const NodeId node : objectsOf("labels")) {
        out.push_back({node, metaOf(node), stringOf(node, "key"), stringOf(node, "value"),
                       fieldOf(node, "value") != NoNode});
    }
    return out;
}

std::vector<LabelText> WorkerView::labelTexts() const {
    std::vector<LabelText> out;
    for (const NodeId node : objectsOf("labels"))
        out.push_back({stringOf(node, "key"), stringOf(node, "value"), fieldOf(node, "value") != NoNode});
    return out;
}

std::optional<LabelText> WorkerView::labelText(std::string_view keyUtf8) const {
    std::string scratch;
    for (const NodeId node : objectsOf("labels")) {
        const NodeId key = fieldOf(node, "key");
        if ((key == NoNode ? std::string_view() : m_doc->stringView(key, scratch)) == keyUtf8)
            return LabelText{stringOf(node, "key"), stringOf(node, "value"),
                             fieldOf(node, "value") != NoNode};
    }
    return std::nullopt;
}

std::vector<SlotCapacity> WorkerView::slotCapacities() const {
    std::vector<SlotCapacity> out;
    const NodeId config = field("slotConfig");
    if (config != NoNode && m_doc->kind(config) == Kind::Object) {
        for (std::uint32_t i = 0; i < m_doc->childCount(config); ++i) {
            const NodeId entry = m_doc->child(config, i);
            out.push_back({m_doc->key(entry), integerOf(entry, "available"), integerOf(entry, "limit")});
        }
        return out;
    }
    const auto limit = integerOf(m_node, "maxRuns");
    const auto available = integerOf(m_node, "availableRuns");
    if (limit || available)
        out.push_back({QStringLiteral("default"), available, limit});
    return out;
}

RuntimeInfo WorkerView::runtimeInfo() const {
    const NodeId info = field("runtimeInfo");
    return {stringOf(info, "sdkVersion"), stringOf(info, "language"), stringOf(info, "languageVersion"),
            stringOf(info, "os"), stringOf(info, "runtimeExtra")};
}

SchemaEra WorkerView::era() const {
    if (field("slotConfig") != NoNode)
        return SchemaEra::Current;
    if (field("maxRuns") != NoNode || field("availableRuns") != NoNode)
        return SchemaEra::Legacy;
    return SchemaEra::Unknown;
}

} // namespace hwi::hatchet
