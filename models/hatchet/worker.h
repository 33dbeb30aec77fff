#pragma once

#include "timestamp.h"
#include "json/document.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hwi::hatchet {

using json::Document;
using json::NodeId;

// A time field as found: absent (or null), written as Go's zero time, a valid time, or text that is not
// a date-time (kept so it can still be shown).
struct TimeValue {
    enum State { Absent, Never, Valid, Malformed };
    State state = Absent;
    Timestamp time;
    QString text; // as written (unescaped)

    bool isKnown() const { return state == Valid; }
};

struct ResourceMeta {
    QString id;
    TimeValue createdAt;
    TimeValue updatedAt;
};

struct RegisteredWorkflow {
    NodeId node = json::NoNode;
    QString id;
    QString name;
};

// One entry of `slots`. The old era pads the array with free entries: all-zero ids, empty actionId.
struct Slot {
    NodeId node = json::NoNode;
    QString stepRunId;
    QString actionId;
    QString workflowRunId;
    QString status;
    TimeValue startedAt;
    TimeValue timeoutAt;

    bool isFreePadding() const;
};

struct RecentStepRun {
    NodeId node = json::NoNode;
    ResourceMeta metadata;
    QString actionId;
    QString status;
    TimeValue startedAt;
    TimeValue finishedAt;
    TimeValue cancelledAt;
    QString workflowRunId;
};

struct Label {
    NodeId node = json::NoNode;
    ResourceMeta metadata;
    QString key;
    QString value;
    bool hasValue = false;
};

// A label's key and value without its metadata: what tables and filters show.
struct LabelText {
    QString key;
    QString value;
    bool hasValue = false;
};

// Capacity of one slot type. Old-era maxRuns/availableRuns appear as the slot type "default".
struct SlotCapacity {
    QString slotType;
    std::optional<std::int64_t> available;
    std::optional<std::int64_t> limit;

    std::optional<std::int64_t> used() const;
};

struct RuntimeInfo {
    QString sdkVersion;
    QString language;
    QString languageVersion;
    QString os;
    QString runtimeExtra;

    bool isEmpty() const;
    QString sdkSummary() const; // "PYTHON 1.12.0"
};

enum class SchemaEra { Current, Legacy, Unknown };

// A typed, read-only view of one Worker object. It copies nothing at construction; each accessor reads
// the document's nodes. Fields that are missing, null or of the wrong JSON type read as absent (the
// validator reports them).
class WorkerView final {
public:
    WorkerView(const Document& doc, NodeId node)
        : m_doc(&doc)
        , m_node(node) {}

    NodeId node() const { return m_node; }
    const Document& document() const { return *m_doc; }

    ResourceMeta metadata() const;
    QString id() const;
    QString name() const;
    // The name the dashboard shows: webhookUrl for a webhook worker without a name.
    QString displayName() const;
    QString type() const;
    QString status() const;
    QString dispatcherId() const;
    QString webhookId() const;
    QString webhookUrl() const;
    TimeValue lastHeartbeatAt() const;
    TimeValue lastListenerEstablished() const;

    QStringList actions() const;
    int actionCount() const; // the strings in `actions`, without copying them
    std::vector<RegisteredWorkflow> registeredWorkflows() const;
    int registeredWorkflowCount() const;
    std::vector<Slot> slots() const;
    std::vector<RecentStepRun> recentStepRuns() const;
    std::vector<Label> labels() const;
    std::vector<LabelText> labelTexts() const;
    // The first label whose key is keyUtf8, as labelTexts() has it (a label without a string key has the key
    // ""). Keys are compared in the document's UTF-8: no text is built for the other labels.
    std::optional<LabelText> labelText(std::string_view keyUtf8) const;
    std::vector<SlotCapacity> slotCapacities() const;
    RuntimeInfo runtimeInfo() const;
    SchemaEra era() const;

    // The member node of a field, or NoNode when absent or null.
    NodeId field(std::string_view key) const { return fieldOf(m_node, key); }

private:
    NodeId fieldOf(NodeId object, std::string_view key) const;
    QString stringOf(NodeId object, std::string_view key) const;
    TimeValue timeOf(NodeId object, std::string_view key) const;
    std::optional<std::int64_t> integerOf(NodeId object, std::string_view key) const;
    ResourceMeta metaOf(NodeId object) const;
    // Elements of an array field that are objects.
    std::vector<NodeId> objectsOf(std::string_view key) const;

    const Document* m_doc;
    NodeId m_node;
};

bool isZeroUuid(const QString& id);

} // namespace hwi::hatchet
